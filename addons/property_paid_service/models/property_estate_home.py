# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class PropertyEstate(models.Model):
    _inherit = "property.estate"

    def _property_home_items(self, day_start, day_end):
        items = super()._property_home_items(day_start, day_end)
        action = "property_request.property_ticket_action"
        items.update(
            {
                "quotes_overdue": {
                    "name": self.env._("Quotes Overdue"),
                    "model": "helpdesk.ticket",
                    "action": action,
                    "domain": [
                        ("quote_overdue", "=", True),
                        ("quote_state", "=", "draft"),
                        ("closed", "=", False),
                    ],
                },
                "charges_unpaid": {
                    "name": self.env._("Service Charges Unpaid"),
                    "model": "helpdesk.ticket",
                    "action": action,
                    "domain": [("charge_state", "=", "unpaid")],
                },
            }
        )
        return items
