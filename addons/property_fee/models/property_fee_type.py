# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import fields, models


class PropertyFeeType(models.Model):
    """A fee billed every month: by area (management fee) or a fixed amount (parking)."""

    _name = "property.fee.type"
    _description = "Fee Type"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    kind = fields.Selection(
        [("area", "Per m² per Month"), ("fixed", "Fixed per Month")],
        required=True,
        default="area",
    )
    product_id = fields.Many2one(
        "product.product",
        string="Invoiced As",
        required=True,
        ondelete="restrict",
        help="The product on the invoice line: its income account and taxes apply.",
    )
    custody_discount = fields.Boolean(
        string="Custody Rate Applies",
        default=True,
        help="Units in custody (托管) pay the estate's custody share of this fee.",
    )
    active = fields.Boolean(default=True)
