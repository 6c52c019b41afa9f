# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class PropertyViolationCategory(models.Model):
    """A kind of resident violation (SOP §7) with the texts of its notices."""

    _name = "property.violation.category"
    _description = "Violation Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    department = fields.Selection(
        [
            ("service_centre", "Service Centre"),
            ("engineering", "Engineering"),
            ("security", "Security"),
            ("cleaning", "Cleaning & Greening"),
        ],
        string="Delivered By",
        required=True,
        default="service_centre",
        help="The department that delivers the notices of this category.",
    )
    text_first = fields.Text(string="First Notice Text", translate=True, required=True)
    text_second = fields.Text(string="Second Notice Text", translate=True, required=True)
    text_final = fields.Text(string="Final Notice Text", translate=True, required=True)
    active = fields.Boolean(default=True)
