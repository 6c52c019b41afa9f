# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class PropertyEstate(models.Model):
    _inherit = "property.estate"

    def _property_home_items(self, day_start, day_end):
        items = super()._property_home_items(day_start, day_end)
        action = "property_renovation.property_renovation_action"
        items.update(
            {
                "renovations_to_review": {
                    "name": self.env._("Renovations to Review"),
                    "model": "property.renovation",
                    "action": action,
                    "domain": [("state", "in", ("submitted", "review"))],
                },
                "renovations_in_works": {
                    "name": self.env._("Renovations in Works"),
                    "model": "property.renovation",
                    "action": action,
                    "domain": [("state", "in", ("permit", "in_progress", "completion"))],
                },
            }
        )
        return items
