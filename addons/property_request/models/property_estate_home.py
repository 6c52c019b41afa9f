# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyEstate(models.Model):
    _inherit = "property.estate"

    def _property_home_items(self, day_start, day_end):
        items = super()._property_home_items(day_start, day_end)
        start, end = fields.Datetime.to_string(day_start), fields.Datetime.to_string(day_end)
        action = "property_request.property_ticket_action"
        items.update(
            {
                "to_dispatch": {
                    "name": self.env._("Waiting for Dispatch"),
                    "model": "helpdesk.ticket",
                    "action": action,
                    "domain": [
                        ("dispatch_deadline", "!=", False),
                        ("date_dispatched", "=", False),
                        ("closed", "=", False),
                    ],
                },
                "dispatch_overdue": {
                    "name": self.env._("Dispatch Overdue"),
                    "model": "helpdesk.ticket",
                    "action": action,
                    "domain": [
                        ("dispatch_overdue", "=", True),
                        ("date_dispatched", "=", False),
                        ("closed", "=", False),
                    ],
                },
                "arrival_overdue": {
                    "name": self.env._("Arrival Overdue"),
                    "model": "helpdesk.ticket",
                    "action": action,
                    "domain": [
                        ("arrival_overdue", "=", True),
                        ("date_arrived", "=", False),
                        ("closed", "=", False),
                    ],
                },
                "resolution_overdue": {
                    "name": self.env._("Completion Overdue"),
                    "model": "helpdesk.ticket",
                    "action": action,
                    "domain": [("resolution_overdue", "=", True), ("closed", "=", False)],
                },
                "arrived_today": {
                    "name": self.env._("Arrived Today"),
                    "model": "helpdesk.ticket",
                    "action": action,
                    "domain": [("date_arrived", ">=", start), ("date_arrived", "<", end)],
                },
                "closed_today": {
                    "name": self.env._("Completed Today"),
                    "model": "helpdesk.ticket",
                    "action": action,
                    "domain": [("closed_date", ">=", start), ("closed_date", "<", end)],
                },
            }
        )
        return items
