# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class PropertyRenovation(models.Model):
    _inherit = "property.renovation"

    def action_issue_permit(self):
        """With the permit, the entrance key kept since the move-in goes back to the owner."""
        result = super().action_issue_permit()
        self.unit_id._property_hand_back_kept_keys()
        return result
