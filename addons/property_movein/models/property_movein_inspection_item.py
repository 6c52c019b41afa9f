# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyMoveinInspectionItem(models.Model):
    """A line of the joint inspection form (房屋验收交接表)."""

    _name = "property.movein.inspection.item"
    _description = "Move-in Inspection Item"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category_id = fields.Many2one(
        "helpdesk.ticket.category",
        string="Rectification Category",
        domain="[('property_request_kind', '=', 'rectification')]",
        help="The category of the rectification request a defect of this item becomes.",
    )
