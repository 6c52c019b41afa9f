# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

PATROL_AREAS = [
    ("meters", "Meters"),
    ("stairwells", "Stairwells"),
    ("fire", "Fire Corridors and Roofs"),
    ("lifts", "Lifts"),
    ("lobbies", "Lobbies"),
    ("utilities", "Utilities"),
    ("recreation", "Recreation"),
    ("green", "Green Areas"),
    ("roads", "Roads and Car Parks"),
    ("surroundings", "Surroundings"),
    ("renovation", "Renovation Violations"),
    ("vacant", "Vacant Units"),
]


class PropertyPatrolPlan(models.Model):
    _name = "property.patrol.plan"
    _description = "Patrol Plan"

    name = fields.Char(required=True)
    estate_id = fields.Many2one("property.estate", required=True, index=True)
    company_id = fields.Many2one(related="estate_id.company_id", store=True)
    area = fields.Selection(PATROL_AREAS, required=True)
    checkpoint_ids = fields.Many2many("property.patrol.checkpoint", string="Checkpoints")
    item_ids = fields.One2many("property.patrol.plan.item", "plan_id", string="Checklist")
    interval_days = fields.Integer(string="Every (days)", default=1, required=True)
    start_hour = fields.Float(string="Starts At", default=9.0, required=True)
    window_hours = fields.Float(string="Window (hours)", default=2.0, required=True)
    user_id = fields.Many2one("res.users", string="Patrolled By", required=True)
    active = fields.Boolean(default=True)

    _positive = models.Constraint(
        "CHECK(interval_days > 0 AND window_hours > 0)", "A patrol needs a frequency and a window."
    )
