# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class PropertyPatrolVisit(models.Model):
    _name = "property.patrol.visit"
    _description = "Checkpoint Scan"

    round_id = fields.Many2one("property.patrol.round", required=True, ondelete="cascade")
    checkpoint_id = fields.Many2one("property.patrol.checkpoint", required=True)
    date = fields.Datetime(string="Scanned", required=True)
    in_window = fields.Boolean(compute="_compute_in_window")

    _once = models.Constraint(
        "unique(round_id, checkpoint_id)", "This checkpoint was already scanned."
    )

    def _compute_in_window(self):
        for visit in self:
            visit.in_window = visit.round_id.window_start <= visit.date <= visit.round_id.window_end
