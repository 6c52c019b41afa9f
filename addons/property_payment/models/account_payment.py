# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError

from .amount_words import amount_in_capitals


class AccountPayment(models.Model):
    _inherit = "account.payment"

    property_receipt_number = fields.Char(
        string="Receipt No.",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="Number of the receipt (收据) printed for this payment, given at its first "
        "printing and kept on every reprint.",
    )
    property_receipt_print_count = fields.Integer(
        string="Receipt Printings", readonly=True, copy=False
    )
    property_unit_ids = fields.Many2many(
        "property.unit",
        string="Units",
        compute="_compute_property_unit_ids",
        help="The units whose invoices this payment settles.",
    )
    property_amount_in_capitals = fields.Char(
        string="Amount in Capitals", compute="_compute_property_amount_in_capitals"
    )

    _property_receipt_number_unique = models.Constraint(
        "UNIQUE(company_id, property_receipt_number)",
        "A receipt number is given once per company.",
    )

    def write(self, vals):
        if not self.env.su and vals.keys() & {
            "property_receipt_number",
            "property_receipt_print_count",
        }:
            raise UserError(
                self.env._("A receipt is numbered and counted by printing it, not by hand.")
            )
        return super().write(vals)

    @api.depends("reconciled_invoice_ids.property_unit_id")
    def _compute_property_unit_ids(self):
        for payment in self:
            payment.property_unit_ids = payment.reconciled_invoice_ids.property_unit_id

    @api.depends("amount", "currency_id")
    def _compute_property_amount_in_capitals(self):
        for payment in self:
            payment.property_amount_in_capitals = amount_in_capitals(payment.amount)

    def _property_check_receipt(self):
        """Only money received from a resident and posted gets a receipt."""
        for payment in self:
            if payment.payment_type != "inbound" or payment.partner_type != "customer":
                raise UserError(
                    self.env._(
                        "%(payment)s is not money received from a customer: a receipt is "
                        "printed for what the counter takes in only.",
                        payment=payment.display_name,
                    )
                )
            if payment.state not in ("in_process", "paid"):
                raise UserError(
                    self.env._(
                        "%(payment)s is not confirmed: confirm the payment before printing "
                        "its receipt.",
                        payment=payment.display_name,
                    )
                )

    def _property_number_receipts(self):
        """Give the payments printed for the first time their receipt numbers, count the
        printings and note reprints (补打) on the payment."""
        self._property_check_receipt()
        # sudo: numbering and counting the printings are the receipt's own bookkeeping,
        # done for whoever may print it (the payments were read above as the user)
        payments = self.sudo()
        for company, company_payments in payments.grouped("company_id").items():
            new = company_payments.filtered(lambda p: not p.property_receipt_number)
            if not new:
                continue
            sequence = self.env["ir.sequence"].sudo().with_company(company)
            for payment in new:
                payment.property_receipt_number = sequence.next_by_code(
                    "property.counter.receipt", sequence_date=payment.date
                )
        reprints = payments.filtered("property_receipt_print_count")
        for payment in payments:
            payment.property_receipt_print_count += 1
        reprints._message_log_batch(
            bodies={
                payment.id: self.env._(
                    "Receipt %(number)s reprinted (printing %(count)s).",
                    number=payment.property_receipt_number,
                    count=payment.property_receipt_print_count,
                )
                for payment in reprints
            }
        )

    def action_print_property_receipt(self):
        self._property_check_receipt()
        return self.env.ref("property_payment.action_report_counter_receipt").report_action(self)
