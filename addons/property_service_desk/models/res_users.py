# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class ResUsers(models.Model):
    _inherit = "res.users"

    property_estate_ids = fields.Many2many(
        "property.estate",
        "property_estate_res_users_rel",
        "user_id",
        "estate_id",
        string="Estates",
        help="Estates this staff member works for; staff only see these estates' records.",
    )
