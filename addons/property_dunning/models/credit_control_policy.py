# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class CreditControlPolicy(models.Model):
    _inherit = "credit.control.policy"

    # finance reads the policies in its language, like their levels
    name = fields.Char(translate=True)
