# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class PropertyPatrolPlanItem(models.Model):
    _name = "property.patrol.plan.item"
    _description = "Patrol Checklist Item"
    _order = "sequence, id"

    plan_id = fields.Many2one("property.patrol.plan", required=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)
