# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class PropertyMoveinCharge(models.Model):
    """A move-in fee of an estate (入伙费用清单), invoiced at the cashier."""

    _name = "property.movein.charge"
    _description = "Move-in Fee"
    _order = "estate_id, sequence, id"

    estate_id = fields.Many2one("property.estate", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="estate_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product", string="Invoiced As", required=True, ondelete="restrict"
    )
    name = fields.Char(string="Description", required=True, translate=True)
    amount = fields.Monetary(required=True)

    _amount_positive = models.Constraint("CHECK(amount >= 0)", "A move-in fee cannot be negative.")

    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.product_id:
            self.name = self.name or self.product_id.name
            self.amount = self.amount or self.product_id.lst_price
