# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)


class PropertyChecklistLine(models.Model):
    _name = "property.checklist.line"
    _description = "Request Checklist Line"
    _inherit = ["property.tick.stamp.mixin"]
    _order = "ticket_id, sequence, id"
    _tick_stamps = {
        "is_done": (
            "done_user_id",
            "done_date",
            _lt("Who did a step, and when, is stamped by the tick."),
        )
    }

    ticket_id = fields.Many2one("helpdesk.ticket", required=True, index=True, ondelete="cascade")
    name = fields.Char(string="Step", required=True)
    sequence = fields.Integer(default=10)
    is_done = fields.Boolean(string="Done")
    done_date = fields.Datetime(readonly=True)
    done_user_id = fields.Many2one("res.users", string="Done By", readonly=True)
