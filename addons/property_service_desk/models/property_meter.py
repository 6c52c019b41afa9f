# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyMeter(models.Model):
    """A utility meter of a unit (water, electricity, gas)."""

    _name = "property.meter"
    _description = "Unit Meter"
    _order = "unit_id, kind, id"

    unit_id = fields.Many2one("property.unit", required=True, index=True, ondelete="cascade")
    estate_id = fields.Many2one(related="unit_id.estate_id", store=True, index=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True)
    kind = fields.Selection(
        [("water", "Water"), ("electricity", "Electricity"), ("gas", "Gas")],
        required=True,
    )
    number = fields.Char(string="Meter Number", required=True)
    active = fields.Boolean(default=True)
    note = fields.Char()

    _number_uniq = models.Constraint(
        "unique(unit_id, kind, number)",
        "This meter is already registered on the unit.",
    )
