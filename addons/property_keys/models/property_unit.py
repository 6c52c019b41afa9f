# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyUnit(models.Model):
    _inherit = "property.unit"

    key_ids = fields.One2many("property.key", "unit_id", string="Keys")
