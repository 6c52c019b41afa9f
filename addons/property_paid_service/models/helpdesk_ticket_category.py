# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketCategory(models.Model):
    _inherit = "helpdesk.ticket.category"

    # the published price range of a paid category (特约服务收费标准): a quote outside it
    # is refused
    currency_id = fields.Many2one(related="company_id.currency_id")
    property_price_min = fields.Monetary(string="Price From", currency_field="currency_id")
    property_price_max = fields.Monetary(string="Price To", currency_field="currency_id")

    _property_price_range = models.Constraint(
        "CHECK(property_price_max IS NULL OR property_price_min IS NULL "
        "OR property_price_max >= property_price_min)",
        "The highest price of a paid service cannot be below its lowest price.",
    )
