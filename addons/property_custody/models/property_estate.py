# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class PropertyEstate(models.Model):
    _inherit = "property.estate"

    def action_storm_round(self):
        """Create the before-/after-rain round of the estate's vacant units."""
        self.ensure_one()
        kind = self.env.context.get("storm_kind", "storm_before")
        rounds = self.env["property.vacancy.round"]._create_round(
            self, kind, fields.Date.context_today(self)
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.vacancy.round",
            "view_mode": "form",
            "res_id": rounds.id,
        }
