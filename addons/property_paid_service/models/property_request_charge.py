# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyRequestCharge(models.Model):
    """A priced item of a paid service (特约服务), taken from the published price list.
    The quote is the sum of these lines; once the resident accepted it, the lines are
    the customer invoice's lines and can no longer change."""

    _name = "property.request.charge"
    _description = "Paid-Service Charge"
    _order = "ticket_id, sequence, id"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Request", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    product_id = fields.Many2one(
        "product.product",
        string="Service",
        required=True,
        ondelete="restrict",
        domain=lambda self: [
            (
                "categ_id",
                "child_of",
                self.env.ref(
                    "property_paid_service.product_category_paid_service",
                    raise_if_not_found=False,
                ).ids,
            )
        ],
        help="An item of the paid-service price list (特约服务收费标准).",
    )
    name = fields.Char(
        string="Description", compute="_compute_from_product", store=True, readonly=False
    )
    quantity = fields.Float(default=1.0, required=True, digits="Product Unit")
    price_unit = fields.Monetary(
        string="Unit Price",
        currency_field="currency_id",
        compute="_compute_from_product",
        store=True,
        readonly=False,
    )
    price_subtotal = fields.Monetary(
        string="Amount", currency_field="currency_id", compute="_compute_price_subtotal", store=True
    )

    _quantity_positive = models.Constraint(
        "CHECK(quantity > 0)", "The quantity of a paid-service item must be positive."
    )
    _price_not_negative = models.Constraint(
        "CHECK(price_unit >= 0)", "The price of a paid-service item cannot be negative."
    )

    @api.depends("product_id")
    def _compute_from_product(self):
        for line in self:
            line.name = line.product_id.display_name
            line.price_unit = line.product_id.lst_price

    @api.depends("quantity", "price_unit")
    def _compute_price_subtotal(self):
        for line in self:
            line.price_subtotal = line.currency_id.round(line.quantity * line.price_unit)

    @api.constrains("product_id")
    def _check_price_list_item(self):
        category = self.env.ref("property_paid_service.product_category_paid_service")
        price_list = self.env["product.category"].search([("id", "child_of", category.id)])
        for line in self:
            if line.product_id.categ_id not in price_list:
                raise ValidationError(
                    self.env._(
                        "%(product)s is not on the paid-service price list.",
                        product=line.product_id.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        tickets = self.env["helpdesk.ticket"].browse({v.get("ticket_id") for v in vals_list})
        tickets._check_quote_editable()
        return super().create(vals_list)

    def write(self, vals):
        self.ticket_id._check_quote_editable()
        if "ticket_id" in vals:
            self.env["helpdesk.ticket"].browse(vals["ticket_id"])._check_quote_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_quote_sent(self):
        self.ticket_id._check_quote_editable()
