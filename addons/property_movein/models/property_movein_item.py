# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)


class PropertyMoveinItem(models.Model):
    _name = "property.movein.item"
    _description = "Move-in Handout Line"
    _inherit = ["property.tick.stamp.mixin"]
    _tick_stamps = {
        "handed": (
            "handed_user_id",
            "handed_date",
            _lt("Who handed an item out, and when, is stamped by the tick."),
        )
    }
    _order = "movein_id, id"

    movein_id = fields.Many2one("property.movein", required=True, ondelete="cascade", index=True)
    type_id = fields.Many2one("property.movein.item.type", required=True, ondelete="restrict")
    quantity = fields.Integer(default=1)
    handed = fields.Boolean(string="Handed Out")
    handed_user_id = fields.Many2one("res.users", string="Handed Out By", readonly=True)
    handed_date = fields.Datetime(string="Handed Out On", readonly=True)

    def _check_open(self, moveins):
        """Once the handouts are confirmed, the list is what the owner signed for."""
        if self.env.su:
            return
        if moveins.filtered(lambda m: m._step("items").done_date):
            raise UserError(
                self.env._("The handouts were confirmed: the list can no longer change.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_open(self.env["property.movein"].browse(v.get("movein_id") for v in vals_list))
        return super().create(vals_list)

    def write(self, vals):
        self._check_open(self.movein_id)
        if "movein_id" in vals:
            self._check_open(self.env["property.movein"].browse(vals["movein_id"]))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_confirmed(self):
        self._check_open(self.movein_id)
