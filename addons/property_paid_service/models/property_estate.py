# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyEstate(models.Model):
    _inherit = "property.estate"

    quote_minutes = fields.Integer(
        string="Paid-Service Quote Within (min)",
        default=20,
        required=True,
        help="The department supervisor assesses a paid service and quotes its price "
        "this long after the request.",
    )

    _quote_minutes_positive = models.Constraint(
        "CHECK(quote_minutes > 0)", "The quote time of an estate must be positive."
    )
