# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyEstate(models.Model):
    _inherit = "property.estate"

    def _property_home_items(self, day_start, day_end):
        items = super()._property_home_items(day_start, day_end)
        items["handovers_open"] = {
            "name": self.env._("Handovers Open"),
            "model": "property.duty.handover",
            "action": "property_duty.property_duty_handover_action",
            "domain": [
                ("state", "=", "open"),
                ("handover_time", "<", fields.Datetime.to_string(day_end)),
            ],
        }
        return items
