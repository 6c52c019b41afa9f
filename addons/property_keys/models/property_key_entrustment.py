# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)


class PropertyKeyEntrustment(models.Model):
    """An owner leaves keys with the management office (托管钥匙登记表): only after the
    supervisor approved it and the owner signed a record stating that no liability for
    household property is taken."""

    _name = "property.key.entrustment"
    _description = "Key Entrustment"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin", "property.guarded.mixin"]
    _order = "id desc"
    _guarded_fields = {
        "state": _lt("Approve, Sign or End"),
        "approved_by_id": _lt("the supervisor's Approve"),
        "date_approved": _lt("the supervisor's Approve"),
        "date_signed": _lt("Sign"),
        "date_end": _lt("End"),
    }

    name = fields.Char(required=True, readonly=True, default="/", copy=False)
    unit_id = fields.Many2one("property.unit", required=True, index=True, tracking=True)
    estate_id = fields.Many2one(related="unit_id.estate_id", store=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True)
    partner_id = fields.Many2one("res.partner", string="Owner", required=True, tracking=True)
    key_ids = fields.One2many("property.key", "entrustment_id", string="Keys")
    key_description = fields.Text(
        string="Keys Entrusted", help="Which keys and how many, as the owner hands them over."
    )
    reason = fields.Text()
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("approved", "Approved"),
            ("signed", "Signed"),
            ("ended", "Ended"),
        ],
        default="draft",
        required=True,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    date_approved = fields.Datetime(readonly=True, copy=False)
    liability_told = fields.Boolean(
        string="No Liability Explained",
        help="Staff told the owner that the management office takes no liability for "
        "household property.",
    )
    owner_signature = fields.Binary(copy=False, attachment=True)
    date_signed = fields.Datetime(readonly=True, copy=False)
    date_end = fields.Date(string="Ended On", readonly=True, copy=False)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("property.key.entrustment")
        return super().create(vals_list)

    def write(self, vals):
        if (
            "owner_signature" in vals
            and not self.env.su
            and self.filtered(lambda e: e.state in ("signed", "ended"))
        ):
            raise UserError(self.env._("The owner's signature cannot change once signed."))
        return super().write(vals)

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for entrustment in self:
            entrustment.access_url = f"/my/keys/entrustment/{entrustment.id}"
        return result

    def action_approve(self):
        if not self.env.user.has_group("property_service_desk.group_property_supervisor"):
            raise UserError(self.env._("Only a supervisor approves a key entrustment."))
        for record in self:
            if record.state != "draft":
                raise UserError(self.env._("Only a draft entrustment can be approved."))
        self._guarded_write(
            {
                "state": "approved",
                "approved_by_id": self.env.uid,
                "date_approved": fields.Datetime.now(),
            }
        )
        return True

    def action_sign(self):
        for record in self:
            if record.state != "approved":
                raise UserError(
                    self.env._("The supervisor approves the entrustment before it is signed.")
                )
            if not record.liability_told or not record.owner_signature:
                raise UserError(
                    self.env._(
                        "Tell the owner that no liability for household property is taken "
                        "and get their signature first."
                    )
                )
        self._guarded_write({"state": "signed", "date_signed": fields.Datetime.now()})
        return True

    def action_end(self):
        if self.filtered(lambda e: e.state != "signed"):
            raise UserError(self.env._("Only a signed entrustment can end."))
        self._guarded_write({"state": "ended", "date_end": fields.Date.context_today(self)})
        return True

    def action_print(self):
        return self.env.ref("property_keys.action_report_key_entrustment").report_action(self)
