# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class PropertyEstate(models.Model):
    _inherit = "property.estate"

    def _property_home_items(self, day_start, day_end):
        items = super()._property_home_items(day_start, day_end)
        # (the titles last: Odoo's term extractor takes the next tuple's first string
        # after a translated title for a term of its own)
        keys_out = [("state", "=", "on_loan")]
        loans_overdue = [("is_overdue", "=", True)]
        items.update(
            {
                "keys_out": {
                    "model": "property.key",
                    "action": "property_keys.property_key_action",
                    "domain": keys_out,
                    "name": self.env._("Keys Out"),
                },
                "loans_overdue": {
                    "model": "property.key.loan",
                    "action": "property_keys.property_key_loan_action",
                    "domain": loans_overdue,
                    "name": self.env._("Key Loans Overdue"),
                },
            }
        )
        return items
