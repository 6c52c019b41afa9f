# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.property_service_desk.models.property_unit import CUT_NOTICE_DAYS


class PropertyViolationPenalty(models.Model):
    """Penalties are the director's decision; public criticism and cuts need the owners'
    committee's recorded support; a cut needs a written notice 3 days before;
    compensation is invoiced."""

    _name = "property.violation.penalty"
    _description = "Violation Penalty"
    _inherit = ["mail.thread"]

    violation_id = fields.Many2one(
        "property.violation", required=True, ondelete="cascade", index=True
    )
    estate_id = fields.Many2one(related="violation_id.estate_id", store=True)
    company_id = fields.Many2one(related="violation_id.company_id", store=True)
    kind = fields.Selection(
        [
            ("compensation", "Compensation"),
            ("criticism", "Public Criticism"),
            ("cut", "Water/Power Cut"),
            ("litigation", "Litigation"),
        ],
        required=True,
    )
    committee_support_date = fields.Date(string="Owners' Committee Support")
    notice_date = fields.Date(string="Written Notice Given")
    action_date = fields.Date(string="Carried Out On")
    decided_by_id = fields.Many2one("res.users", readonly=True)
    currency_id = fields.Many2one(related="violation_id.company_id.currency_id")
    amount = fields.Monetary(
        string="Compensation", help="Decided by the director; charged by a posted invoice."
    )
    invoice_id = fields.Many2one(
        "account.move",
        readonly=True,
        index="btree_not_null",
        groups="account.group_account_invoice",
    )

    _amount_not_negative = models.Constraint(
        "CHECK(amount IS NULL OR amount >= 0)", "A compensation cannot be negative."
    )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.user.has_group("property_service_desk.group_property_director"):
            raise UserError(self.env._("Only the director decides a penalty."))
        for vals in vals_list:
            vals["decided_by_id"] = self.env.uid
        penalties = super().create(vals_list)
        for penalty in penalties:
            penalty.estate_id._check_director(self.env.user)
        return penalties

    @api.constrains("kind", "committee_support_date", "notice_date", "action_date")
    def _check_conditions(self):
        for penalty in self:
            if penalty.kind in ("criticism", "cut") and not penalty.committee_support_date:
                raise ValidationError(
                    self.env._(
                        "Public criticism and cutting water or power need the owners' "
                        "committee's recorded support."
                    )
                )
            if penalty.kind == "cut" and (
                not penalty.notice_date
                or not penalty.action_date
                or penalty.action_date < penalty.notice_date + timedelta(days=CUT_NOTICE_DAYS)
            ):
                raise ValidationError(
                    self.env._(
                        "A cut needs a written notice at least %(days)s days before it.",
                        days=CUT_NOTICE_DAYS,
                    )
                )

    def action_invoice(self):
        """Invoice the compensation to the resident (on behalf of finance, from the
        director's decision)."""
        self.ensure_one()
        user = self.env.user
        if not (
            user.has_group("property_service_desk.group_property_director")
            or user.has_group("property_service_desk.group_property_finance")
        ):
            raise UserError(self.env._("The director or finance invoices a compensation."))
        if self.kind != "compensation" or self.amount <= 0:
            raise UserError(self.env._("Only a compensation amount is invoiced."))
        if self.sudo().invoice_id:
            raise UserError(self.env._("This compensation is already invoiced."))
        amount = self.amount
        violation = self.violation_id
        partner = violation.partner_id or violation.unit_id.fee_payer_id
        if not partner:
            raise UserError(self.env._("Record the resident who pays the compensation."))
        product = self.env.ref("property_violation.product_violation_compensation")
        # the director decides, finance owns the invoice: created on its behalf
        Move = self.env["account.move"].sudo()
        invoice = Move._property_create_invoices(
            Move._property_invoice_vals(
                partner,
                [
                    {
                        "product_id": product.id,
                        "name": f"{product.name}: {violation.name}",
                        "quantity": 1,
                        "price_unit": amount,
                    }
                ],
                unit=violation.unit_id,
                origin=violation.name,
                company=violation.company_id,
            )
        )
        self.sudo().invoice_id = invoice
        return invoice
