# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyEstate(models.Model):
    _inherit = "property.estate"

    def _property_home_items(self, day_start, day_end):
        items = super()._property_home_items(day_start, day_end)
        # (the title last: Odoo's term extractor takes the next tuple's first string
        # after a translated title for a term of its own)
        items["handovers_open"] = {
            "model": "property.duty.handover",
            "action": "property_duty.property_duty_handover_action",
            "domain": [
                ("state", "=", "open"),
                ("handover_time", "<", fields.Datetime.to_string(day_end)),
            ],
            "name": self.env._("Handovers Open"),
        }
        return items
