# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class PropertyVacancyRoundLine(models.Model):
    _name = "property.vacancy.round.line"
    _description = "Vacant-Unit Check"

    round_id = fields.Many2one(
        "property.vacancy.round", required=True, ondelete="cascade", index=True
    )
    unit_id = fields.Many2one("property.unit", required=True)
    checked = fields.Boolean()
    doors_closed = fields.Boolean(string="Doors and Windows Closed")
    taps_off = fields.Boolean()
    power_off = fields.Boolean()
    nothing_missing = fields.Boolean()
    nobody_staying = fields.Boolean(string="No Sign of Anyone Staying")
    note = fields.Char()
