# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)


class PropertyKeyHandover(models.Model):
    """Keys handed to an owner or their designee: only against a checked ID and the
    receiver's signature (the move-in key step of property_movein_keys makes some)."""

    _name = "property.key.handover"
    _description = "Key Hand-over"
    _inherit = ["mail.thread", "property.guarded.mixin"]
    _order = "id desc"
    _guarded_fields = {
        "state": _lt("Confirm"),
        "user_id": _lt("Confirm"),
        "date": _lt("Confirm"),
    }

    unit_id = fields.Many2one("property.unit", required=True, index=True)
    estate_id = fields.Many2one(related="unit_id.estate_id", store=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True)
    key_ids = fields.Many2many("property.key", string="Keys", required=True)
    receiver_id = fields.Many2one("res.partner", required=True)
    is_designee = fields.Boolean(
        string="Designee", help="Someone the owner designated, with their authorisation."
    )
    authorisation = fields.Binary(string="Owner's Authorisation", attachment=True)
    id_checked = fields.Boolean(string="ID Checked")
    id_number = fields.Char(string="ID Number (last 4 digits)", size=4)
    signature = fields.Binary(string="Receiver's Signature", attachment=True)
    user_id = fields.Many2one("res.users", string="Handed Over By", readonly=True)
    date = fields.Datetime(readonly=True)
    state = fields.Selection([("draft", "Draft"), ("done", "Done")], default="draft")

    def action_confirm(self):
        for handover in self:
            if not handover.id_checked or not handover.id_number:
                raise UserError(self.env._("Check the receiver's ID and note it first."))
            if not handover.signature:
                raise UserError(self.env._("The receiver signs for the keys."))
            owners = handover.unit_id.owner_ids
            if handover.is_designee:
                if not handover.authorisation:
                    raise UserError(
                        self.env._("A designee brings the owner's written authorisation.")
                    )
            elif handover.receiver_id not in owners:
                raise UserError(
                    self.env._(
                        "%(receiver)s is not an owner of %(unit)s.",
                        receiver=handover.receiver_id.name,
                        unit=handover.unit_id.display_name,
                    )
                )
            wrong = handover.key_ids.filtered(
                lambda k, h=handover: k.unit_id != h.unit_id or k.state != "in_cabinet"
            )
            if wrong:
                raise UserError(
                    self.env._(
                        "These keys are not in the cabinet for this unit: %(keys)s.",
                        keys=", ".join(wrong.mapped("display_name")),
                    )
                )
            if handover.state != "draft":
                raise UserError(self.env._("This hand-over is already done."))
        self.key_ids._guarded_write({"state": "with_owner"})
        self._guarded_write(
            {"state": "done", "user_id": self.env.uid, "date": fields.Datetime.now()}
        )
        return True

    @api.ondelete(at_uninstall=False)
    def _unlink_except_done(self):
        if self.filtered(lambda h: h.state == "done"):
            raise UserError(self.env._("A hand-over done is kept for two years."))
