# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyCustodyReading(models.Model):
    _name = "property.custody.reading"
    _description = "Custody Meter Reading"
    _order = "date, id"

    custody_id = fields.Many2one("property.custody", required=True, ondelete="cascade", index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    water = fields.Float(required=True, digits=(12, 2))
    electricity = fields.Float(required=True, digits=(12, 2))

    @api.constrains("water", "electricity", "custody_id")
    def _check_not_backwards(self):
        for reading in self:
            custody = reading.custody_id
            if (
                reading.water < custody.water_start
                or reading.electricity < custody.electricity_start
            ):
                raise ValidationError(
                    self.env._("A meter cannot go below its reading at the start.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        readings = super().create(vals_list)
        readings.custody_id._alert_over_limit()
        return readings

    def write(self, vals):
        # a corrected reading over the limit alerts as a new one does
        result = super().write(vals)
        if {"water", "electricity", "date"} & set(vals):
            self.custody_id._alert_over_limit()
        return result
