# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyEstate(models.Model):
    _inherit = "property.estate"

    def _property_home_items(self, day_start, day_end):
        items = super()._property_home_items(day_start, day_end)
        action = "property_complaints.property_complaint_action"
        open_complaints = [("request_kind", "=", "complaint"), ("closed", "=", False)]
        items.update(
            {
                "complaints_open": {
                    "name": self.env._("Complaints Open"),
                    "model": "helpdesk.ticket",
                    "action": action,
                    "domain": open_complaints,
                },
                "complaints_overdue": {
                    "name": self.env._("Complaints Overdue"),
                    "model": "helpdesk.ticket",
                    "action": action,
                    "domain": [*open_complaints, ("complaint_overdue", "=", True)],
                },
                "complaints_due_today": {
                    "name": self.env._("Complaint Replies Due Today"),
                    "model": "helpdesk.ticket",
                    "action": action,
                    "domain": [
                        *open_complaints,
                        ("date_replied", "=", False),
                        ("complaint_reply_overdue", "=", False),
                        ("complaint_reply_deadline", "<", fields.Datetime.to_string(day_end)),
                    ],
                },
            }
        )
        return items
