# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)


class PropertyMoveinDocument(models.Model):
    _name = "property.movein.document"
    _description = "Move-in Document Check"
    _inherit = ["property.tick.stamp.mixin"]
    _order = "movein_id, stage, sequence, id"
    _tick_stamps = {
        "checked": (
            "checked_user_id",
            "checked_date",
            _lt("Who checked a document, and when, is stamped by the tick."),
        )
    }

    movein_id = fields.Many2one("property.movein", required=True, ondelete="cascade", index=True)
    type_id = fields.Many2one("property.movein.document.type", required=True, ondelete="restrict")
    stage = fields.Selection(related="type_id.stage", store=True)
    sequence = fields.Integer(related="type_id.sequence", store=True)
    copy_required = fields.Boolean(related="type_id.copy_required")
    checked = fields.Boolean()
    checked_user_id = fields.Many2one("res.users", string="Checked By", readonly=True)
    checked_date = fields.Datetime(string="Checked On", readonly=True)
    file = fields.Binary(string="Copy", attachment=True)
    file_name = fields.Char()
    archive_document_id = fields.Many2one("property.document", readonly=True)
