# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyDocument(models.Model):
    _inherit = "property.document"

    movein_id = fields.Many2one("property.movein", string="Move-in", index="btree_not_null")
