# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)


class PropertyDutySwap(models.Model):
    """A swap of shifts in a published roster, approved by the supervisor."""

    _name = "property.duty.swap"
    _description = "Shift Swap"
    _inherit = ["mail.thread", "property.guarded.mixin"]
    _order = "id desc"
    _guarded_fields = {
        "state": _lt("the supervisor's Approve or Refuse"),
        "approved_by_id": _lt("the supervisor's Approve or Refuse"),
    }

    line_id = fields.Many2one("property.duty.roster.line", string="Shift", required=True)
    estate_id = fields.Many2one(related="line_id.estate_id", store=True)
    from_user_id = fields.Many2one(related="line_id.user_id", string="From")
    to_user_id = fields.Many2one("res.users", string="Taken By", required=True)
    reason = fields.Char(required=True)
    state = fields.Selection(
        [("requested", "Requested"), ("approved", "Approved"), ("refused", "Refused")],
        default="requested",
        required=True,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True)

    def _check_supervisor(self):
        if not self.env.user.has_group("property_service_desk.group_property_supervisor"):
            raise UserError(self.env._("Only a supervisor approves a shift swap."))

    def action_approve(self):
        self._check_supervisor()
        for swap in self.filtered(lambda s: s.state == "requested"):
            swap.line_id.with_context(property_duty_swap=True).user_id = swap.to_user_id
            swap._guarded_write({"state": "approved", "approved_by_id": self.env.uid})
        return True

    def action_refuse(self):
        self._check_supervisor()
        self.filtered(lambda s: s.state == "requested")._guarded_write(
            {"state": "refused", "approved_by_id": self.env.uid}
        )
        return True
