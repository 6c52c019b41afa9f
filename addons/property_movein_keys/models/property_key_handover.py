# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)


class PropertyKeyHandover(models.Model):
    _inherit = "property.key.handover"

    movein_id = fields.Many2one(
        "property.movein", string="Move-in", index="btree_not_null", readonly=True
    )
    is_return = fields.Boolean(
        string="Kept Key Returned",
        readonly=True,
        help="The entrance key kept since the move-in, handed back with the renovation permit.",
    )

    _guarded_fields = {
        "is_return": _lt("the renovation permit or the supervisor's Return the Kept Key"),
        "movein_id": _lt("the move-in"),
    }

    def action_confirm(self):
        for handover in self:
            kept = handover.key_ids.filtered("retained_movein_id")
            if kept and not handover.is_return:
                raise UserError(
                    self.env._(
                        "%(keys)s stays with engineering for the rectification works until the "
                        "renovation permit is issued; the permit prepares its hand-back.",
                        keys=", ".join(kept.mapped("display_name")),
                    )
                )
        result = super().action_confirm()
        self.filtered(lambda h: h.movein_id and not h.is_return).movein_id._keys_handed_over()
        returned = self.filtered("is_return").key_ids
        returned.write({"retained_movein_id": False})
        return result
