# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyTickStampMixin(models.AbstractModel):
    """A tick (a step done, a paper checked, an item handed out) stamped with who ticked
    it and when: the stamp is written by the tick only, never by hand."""

    _name = "property.tick.stamp.mixin"
    _description = "Ticks Stamped with Who and When"

    # {tick field: (user field, datetime field, refusal as a lazy translation (_lt))}
    _tick_stamps = {}

    def _stamp_ticks(self, vals):
        for tick, (user_field, date_field, refusal) in self._tick_stamps.items():
            if {user_field, date_field} & set(vals) and not self.env.su:
                raise UserError(self.env._(refusal))
            if tick in vals:
                done = bool(vals[tick])
                vals = {
                    **vals,
                    user_field: self.env.uid if done else False,
                    date_field: fields.Datetime.now() if done else False,
                }
        return vals

    @api.model_create_multi
    def create(self, vals_list):
        return super().create([self._stamp_ticks(vals) for vals in vals_list])

    def write(self, vals):
        return super().write(self._stamp_ticks(vals))
