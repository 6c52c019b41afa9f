# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyEstate(models.Model):
    _inherit = "property.estate"

    # the currency of the estate's amounts (fees due, deposits held...)
    currency_id = fields.Many2one(related="company_id.currency_id")
