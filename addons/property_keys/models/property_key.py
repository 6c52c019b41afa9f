# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import LazyTranslate

from .property_key_cabinet import CUSTODIANS

_lt = LazyTranslate(__name__)


class PropertyKey(models.Model):
    """A key (or a set of identical copies) kept by the management office."""

    _name = "property.key"
    _description = "Key"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.guarded.mixin"]
    _guarded_fields = {
        "state": _lt("loans, returns, hand-overs, incidents or the supervisor's Retire"),
        "is_shop_front": _lt("the unit's usage"),
    }
    _order = "estate_id, cabinet_id, hook, number"
    _rec_names_search = ["number", "name"]

    number = fields.Char(required=True, tracking=True, help="Number on the key tag.")
    name = fields.Char(string="Label", required=True, tracking=True)
    kind = fields.Selection(
        [
            ("office", "Office"),
            ("facility", "Facility / Equipment"),
            ("owner", "Owner"),
            ("emergency", "Emergency"),
        ],
        required=True,
        default="facility",
        tracking=True,
    )
    estate_id = fields.Many2one("property.estate", required=True, index=True, tracking=True)
    company_id = fields.Many2one(related="estate_id.company_id", store=True)
    unit_id = fields.Many2one(
        "property.unit",
        index=True,
        domain="[('estate_id', '=', estate_id)]",
        help="The unit this key opens (owner keys).",
    )
    opens = fields.Char(
        help="The facility room or office this key opens (power room, pump room, office…).",
    )
    is_shop_front = fields.Boolean(
        compute="_compute_is_shop_front", store=True, help="Lending it needs the supervisor."
    )
    copies = fields.Integer(default=1, required=True)
    custodian = fields.Selection(CUSTODIANS, required=True, default="service_centre", tracking=True)
    cabinet_id = fields.Many2one(
        "property.key.cabinet", domain="[('estate_id', '=', estate_id)]", tracking=True
    )
    hook = fields.Char(tracking=True)
    state = fields.Selection(
        [
            ("in_cabinet", "In Cabinet"),
            ("on_loan", "On Loan"),
            ("with_owner", "With Owner"),
            ("lost", "Lost"),
            ("retired", "Retired"),
        ],
        default="in_cabinet",
        required=True,
        tracking=True,
        index=True,
    )
    origin = fields.Selection(
        [("developer", "Entrusted by the Developer"), ("owner", "Entrusted by the Owner")],
        string="Entrusted By",
        help="Owner keys only: who left the key with the management office.",
    )
    handover_date = fields.Date(
        string="Unit Handed Over",
        help="Owner keys: engineering keeps the key for the first 6 months after this date, "
        "then the service centre.",
    )
    entrustment_id = fields.Many2one("property.key.entrustment", index=True)
    loan_line_ids = fields.One2many("property.key.loan.line", "key_id", string="Loans")
    current_loan_id = fields.Many2one("property.key.loan", compute="_compute_current_loan")
    entry_instructions = fields.Text(compute="_compute_entry_instructions")
    active = fields.Boolean(default=True)
    note = fields.Text()

    _number_estate_uniq = models.Constraint(
        "unique(estate_id, number)", "A key number is used once per estate."
    )
    _copies_positive = models.Constraint("CHECK(copies > 0)", "A key has at least one copy.")

    @api.model_create_multi
    def create(self, vals_list):
        Estate = self.env["property.estate"]
        for vals in vals_list:
            # an owner key stays with engineering for 6 months after the handover, counted
            # in the estate's days
            handover = fields.Date.to_date(vals.get("handover_date"))
            if vals.get("kind") == "owner" and handover and "custodian" not in vals:
                limit = Estate.browse(vals.get("estate_id"))._local_date() - relativedelta(months=6)
                vals["custodian"] = "engineering" if handover > limit else "service_centre"
        return super().create(vals_list)

    @api.depends("unit_id.usage")
    def _compute_is_shop_front(self):
        for key in self:
            key.is_shop_front = key.unit_id.usage == "shop"

    def _compute_current_loan(self):
        lines = self.env["property.key.loan.line"].search(
            [("key_id", "in", self.ids), ("is_open", "=", True)]
        )
        by_key = {line.key_id: line.loan_id for line in lines}
        for key in self:
            key.current_loan_id = by_key.get(key, False)

    @api.depends("unit_id")
    def _compute_entry_instructions(self):
        permissions = (
            self.env["property.key.permission"]
            .search([("unit_id", "in", self.unit_id.ids)])
            .filtered("is_valid")
        )
        by_unit = permissions.grouped("unit_id")
        for key in self:
            valid = by_unit.get(key.unit_id)
            key.entry_instructions = (
                "\n".join(f"{p.partner_id.name}: {p.instructions or ''}".strip() for p in valid)
                if valid
                else False
            )

    @api.constrains("kind", "unit_id", "origin", "entrustment_id", "state")
    def _check_owner_key(self):
        for key in self:
            if key.kind != "owner":
                continue
            if not key.unit_id:
                raise ValidationError(
                    self.env._("Owner key %(key)s must name its unit.", key=key.number)
                )
            if (
                key.origin == "owner"
                and key.state == "in_cabinet"
                and (
                    key.entrustment_id.state != "signed"
                    or key.entrustment_id.unit_id != key.unit_id
                )
            ):
                raise ValidationError(
                    self.env._(
                        "Owner key %(key)s can be kept only after the supervisor approved "
                        "the entrustment and the owner signed it.",
                        key=key.number,
                    )
                )

    def action_retire(self):
        """A key no longer in use (lock changed, room gone): the supervisor retires it;
        its history is kept."""
        if not self.env.user.has_group("property_service_desk.group_property_supervisor"):
            raise UserError(self.env._("The supervisor retires a key."))
        if self.filtered(lambda k: k.state == "on_loan"):
            raise UserError(self.env._("A key on loan comes back before it is retired."))
        self._guarded_write({"state": "retired"})
        return True

    @api.depends("number", "name")
    def _compute_display_name(self):
        for key in self:
            key.display_name = f"[{key.number}] {key.name}" if key.number else key.name

    @api.ondelete(at_uninstall=False)
    def _unlink_except_history(self):
        if self.loan_line_ids or self.env["property.key.incident"].search_count(
            [("key_id", "in", self.ids)], limit=1
        ):
            raise UserError(
                self.env._(
                    "Keys with loans or incidents are kept for two years: archive them "
                    "instead of deleting them."
                )
            )

    # ------------------------------------------------------------------
    # Owner keys: engineering for the first 6 months after handover
    # ------------------------------------------------------------------
    @api.model
    def _cron_owner_key_custody(self):
        """Owner keys pass from engineering to the service centre 6 months after the
        unit was handed over; each move is logged on the key. Idempotent: keys already
        with the service centre are not selected again. Six months of the estate's
        days."""
        keys = self.search(
            Domain.OR(
                Domain("estate_id", "in", estates.ids)
                & Domain("handover_date", "<=", today - relativedelta(months=6))
                for today, estates in self.env["property.estate"]._by_local_date().items()
            )
            & Domain("kind", "=", "owner")
            & Domain("custodian", "=", "engineering")
            & Domain("handover_date", "!=", False)
        )
        if keys:
            keys.write({"custodian": "service_centre"})
            keys._message_log_batch(
                bodies=dict.fromkeys(
                    keys.ids,
                    Markup("<p>%s</p>")
                    % self.env._(
                        "Six months after the handover: custody moved from engineering to "
                        "the service centre."
                    ),
                )
            )
        return keys
