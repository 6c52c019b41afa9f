# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

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
# findings are rectified within a week; longer needs the manager
FINDING_DAYS = 7


class PropertyPatrolPlanItem(models.Model):
    _name = "property.patrol.plan.item"
    _description = "Patrol Checklist Item"
    _order = "sequence, id"

    plan_id = fields.Many2one("property.patrol.plan", required=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
