# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .property_movein import MOVEIN_STEPS


class PropertyMoveinStep(models.Model):
    _name = "property.movein.step"
    _description = "Move-in Step"
    _order = "movein_id, sequence, id"

    movein_id = fields.Many2one("property.movein", required=True, ondelete="cascade", index=True)
    code = fields.Selection(MOVEIN_STEPS, string="Step", required=True)
    sequence = fields.Integer(default=10)
    done_date = fields.Datetime(string="Done On", readonly=True)
    done_user_id = fields.Many2one("res.users", string="Done By", readonly=True)
    note = fields.Char(readonly=True)

    _step_uniq = models.Constraint("unique(movein_id, code)", "Each step appears once.")
