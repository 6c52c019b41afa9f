# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyKeyLoanLine(models.Model):
    _name = "property.key.loan.line"
    _description = "Key Loan Line"

    loan_id = fields.Many2one("property.key.loan", required=True, index=True, ondelete="cascade")
    key_id = fields.Many2one("property.key", required=True, index=True, ondelete="restrict")
    quantity = fields.Integer(
        string="Copies Lent", compute="_compute_quantity", store=True, readonly=False
    )
    returned_quantity = fields.Integer(string="Copies Returned", copy=False)
    loan_state = fields.Selection(related="loan_id.state", store=True)
    is_open = fields.Boolean(compute="_compute_is_open", store=True, index=True)

    _quantities = models.Constraint(
        "CHECK(quantity >= 0 AND returned_quantity >= 0)", "Copies cannot be negative."
    )
    # a key is on one open loan at most: enforced by the database, so two loans
    # confirmed at the same time cannot both take it
    _one_open_loan_per_key = models.UniqueIndex(
        "(key_id) WHERE is_open", "This key is already on loan."
    )

    @api.constrains("key_id", "loan_id")
    def _check_key_estate(self):
        for line in self:
            if line.key_id.estate_id != line.loan_id.estate_id:
                raise ValidationError(
                    self.env._(
                        "Key %(key)s belongs to %(estate)s: a loan lends the keys of its own "
                        "estate.",
                        key=line.key_id.display_name,
                        estate=line.key_id.estate_id.display_name,
                    )
                )

    @api.depends("key_id")
    def _compute_quantity(self):
        for line in self:
            line.quantity = line.key_id.copies or 1

    @api.depends("loan_state", "quantity", "returned_quantity")
    def _compute_is_open(self):
        for line in self:
            line.is_open = line.loan_state in ("to_approve", "open") and (
                line.returned_quantity < line.quantity
            )
