# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import LazyTranslate

from odoo.addons.property_service_desk.models.property_unit import CUT_NOTICE_DAYS

_lt = LazyTranslate(__name__)


def partner_outstanding(env, partners):
    """{commercial partner: open receivable} from the posted journal items."""
    rows = env["account.move.line"]._read_group(
        [
            ("partner_id", "in", partners.commercial_partner_id.ids),
            ("account_id.account_type", "=", "asset_receivable"),
            ("parent_state", "=", "posted"),
            ("reconciled", "=", False),
        ],
        ["partner_id"],
        ["amount_residual:sum"],
    )
    return dict(rows)


class PropertyDunningAction(models.Model):
    """The last steps against a wilful non-payer: legal referral, only after the
    owners' committee mediated; water/power cut, only with the director's approval and
    a written notice at least 3 days before."""

    _name = "property.dunning.action"
    _description = "Dunning Escalation"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.guarded.mixin"]
    _order = "id desc"
    _guarded_fields = {
        "state": _lt("Approve, Done or Cancel"),
        "approved_by_id": _lt("the director's Approve"),
    }

    partner_id = fields.Many2one("res.partner", string="Owner", required=True, index=True)
    unit_id = fields.Many2one("property.unit", required=True, index=True)
    estate_id = fields.Many2one(related="unit_id.estate_id", store=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True)
    kind = fields.Selection(
        [("legal", "Legal Referral"), ("cut", "Water/Power Cut")], required=True, tracking=True
    )
    mediation_date = fields.Date(
        string="Owners' Committee Mediation", tracking=True, help="When the committee mediated."
    )
    mediation_note = fields.Text(string="Mediation Outcome")
    notice_date = fields.Date(string="Written Notice Given", tracking=True)
    action_date = fields.Date(string="Planned For", required=True, tracking=True)
    approved_by_id = fields.Many2one("res.users", readonly=True, tracking=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("done", "Done"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
    )

    @api.depends("kind", "unit_id", "partner_id")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for action in self:
            action.display_name = " · ".join(
                filter(None, [kinds.get(action.kind), action.unit_id.display_name])
            )

    @api.constrains("kind", "notice_date", "action_date")
    def _check_notice(self):
        for action in self:
            if (
                action.kind == "cut"
                and action.notice_date
                and action.action_date < action.notice_date + timedelta(days=CUT_NOTICE_DAYS)
            ):
                raise ValidationError(
                    self.env._(
                        "Water or power can be cut at the earliest %(days)s days after the "
                        "written notice.",
                        days=CUT_NOTICE_DAYS,
                    )
                )

    def action_approve(self):
        if not self.env.user.has_group("property_service_desk.group_property_director"):
            raise UserError(self.env._("Only the director approves this step."))
        for action in self:
            if action.state != "draft":
                raise UserError(self.env._("Only a draft step is approved."))
            action.estate_id._check_director(self.env.user)
            action._check_preconditions()
        self._guarded_write({"state": "approved", "approved_by_id": self.env.uid})
        return True

    def _check_preconditions(self):
        self.ensure_one()
        # both last steps come after the owners' committee mediated in vain
        if not (self.mediation_date and (self.mediation_note or "").strip()):
            raise UserError(
                self.env._(
                    "A legal referral or a water/power cut comes only after the owners' "
                    "committee mediated: record the mediation first."
                )
            )
        if self.kind == "cut" and not self.notice_date:
            raise UserError(
                self.env._("Give the owner a written notice before cutting water or power.")
            )

    def action_done(self):
        today = fields.Date.context_today(self)
        if not self.env.user.has_group("property_service_desk.group_property_finance"):
            raise UserError(self.env._("Finance records that this step was carried out."))
        for action in self:
            if action.state != "approved" or not action.approved_by_id.has_group(
                "property_service_desk.group_property_director"
            ):
                raise UserError(self.env._("The director approves this step first."))
            action._check_preconditions()
            if action.kind == "cut" and today < action.notice_date + timedelta(
                days=CUT_NOTICE_DAYS
            ):
                raise UserError(
                    self.env._(
                        "The written notice was given less than %(days)s days ago.",
                        days=CUT_NOTICE_DAYS,
                    )
                )
        outstanding = partner_outstanding(self.env, self.partner_id)
        for action in self:
            # logged on the owner, whom finance may not edit
            action.partner_id.sudo().message_post(
                author_id=self.env.user.partner_id.id,
                body=self.env._(
                    "%(step)s for %(unit)s on %(date)s; outstanding %(amount)s.",
                    step=dict(self._fields["kind"]._description_selection(self.env))[action.kind],
                    unit=action.unit_id.display_name,
                    date=today,
                    amount=outstanding.get(action.partner_id.commercial_partner_id, 0.0),
                ),
                subtype_xmlid="mail.mt_note",
            )
        self._guarded_write({"state": "done"})
        return True

    def action_cancel(self):
        if self.filtered(lambda a: a.state == "done"):
            raise UserError(self.env._("A step carried out cannot be cancelled."))
        self._guarded_write({"state": "cancelled"})
        return True
