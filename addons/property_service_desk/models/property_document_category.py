# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyDocumentCategory(models.Model):
    """Kinds of papers kept in the owner archive (业主档案)."""

    _name = "property.document.category"
    _description = "Owner Archive Category"
    _order = "sequence, name, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    description = fields.Text(translate=True)

    _name_uniq = models.Constraint("unique(name)", "This category already exists.")
