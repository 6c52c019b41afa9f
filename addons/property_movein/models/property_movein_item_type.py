# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyMoveinItemType(models.Model):
    """Something handed to the new owner: unit manual, quality warranty, owner handbook…"""

    _name = "property.movein.item.type"
    _description = "Move-in Handout"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    quantity = fields.Integer(default=1, required=True)
