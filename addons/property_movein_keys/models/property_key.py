# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyKey(models.Model):
    _inherit = "property.key"

    is_entrance = fields.Boolean(
        string="Entrance Door", help="Owner keys: this key opens the unit's entrance door."
    )
    retained_movein_id = fields.Many2one(
        "property.movein",
        string="Kept Since Move-in",
        index="btree_not_null",
        readonly=True,
        copy=False,
        help="The entrance key kept for the rectification works at the move-in; it goes back "
        "to the owner when the renovation permit is issued.",
    )
