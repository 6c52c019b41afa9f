# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import fields, models


class PropertyRenovationCheckItem(models.Model):
    """The points engineering reviews on every application (configuration)."""

    _name = "property.renovation.check.item"
    _description = "Renovation Review Item"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
