# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class PropertyEstate(models.Model):
    """Renovation fees, deposits and their accounts, per estate."""

    _inherit = "property.estate"

    renovation_deposit = fields.Monetary(
        string="Renovation Deposit (Owner)", currency_field="currency_id", default=2000.0
    )
    renovation_contractor_deposit = fields.Monetary(
        string="Renovation Deposit (Contractor)", currency_field="currency_id", default=3000.0
    )
    renovation_debris_fee = fields.Monetary(
        string="Debris Removal Fee", currency_field="currency_id", default=300.0
    )
    renovation_corridor_fee = fields.Monetary(
        string="Corridor Restoration Fee", currency_field="currency_id", default=200.0
    )
    renovation_pass_deposit = fields.Monetary(
        string="Worker-Pass Deposit (each)", currency_field="currency_id", default=50.0
    )
    renovation_pass_fee = fields.Monetary(
        string="Worker-Pass Card Fee (each)", currency_field="currency_id", default=10.0
    )
    renovation_deposit_account_id = fields.Many2one(
        "account.account",
        string="Renovation Deposits Received",
        domain="[('account_type', 'in', ('liability_current', 'liability_non_current'))]",
        help="Liability account holding the deposits until they are deducted or refunded.",
    )
    renovation_income_account_id = fields.Many2one(
        "account.account",
        string="Renovation Fee Income",
        domain="[('account_type', 'in', ('income', 'income_other'))]",
    )
    renovation_compensation_account_id = fields.Many2one(
        "account.account",
        string="Renovation Compensation",
        domain="[('account_type', 'in', ('income', 'income_other'))]",
        help="Income account credited with the damage deducted from deposits.",
    )
    renovation_sale_journal_id = fields.Many2one(
        "account.journal", string="Renovation Invoices", domain="[('type', '=', 'sale')]"
    )
    renovation_misc_journal_id = fields.Many2one(
        "account.journal", string="Deposit Deductions", domain="[('type', '=', 'general')]"
    )
    renovation_refund_journal_id = fields.Many2one(
        "account.journal",
        string="Deposit Refunds",
        domain="[('type', 'in', ('bank', 'cash'))]",
        help="Bank or cash journal the remaining deposits are paid back from.",
    )

    _renovation_amounts_positive = models.Constraint(
        "CHECK(renovation_deposit >= 0 AND renovation_contractor_deposit >= 0 "
        "AND renovation_debris_fee >= 0 AND renovation_corridor_fee >= 0 "
        "AND renovation_pass_deposit >= 0 AND renovation_pass_fee >= 0)",
        "Renovation fees and deposits cannot be negative.",
    )

    def _renovation_accounting(self):
        """The accounts and journals of the renovation money, all required."""
        self.ensure_one()
        fields_needed = (
            "renovation_deposit_account_id",
            "renovation_income_account_id",
            "renovation_compensation_account_id",
            "renovation_sale_journal_id",
            "renovation_misc_journal_id",
            "renovation_refund_journal_id",
        )
        missing = [self._fields[name].string for name in fields_needed if not self[name]]
        if missing:
            raise UserError(
                self.env._(
                    "Set the renovation accounting of %(estate)s first: %(fields)s.",
                    estate=self.name,
                    fields=", ".join(missing),
                )
            )
        return self

    def action_setup_renovation_accounting(self):
        """Create the renovation accounts when the chart has none and pick the company's
        journals (configuration by the administrator)."""
        Account = self.env["account.account"]
        Journal = self.env["account.journal"]
        for estate in self:
            company = estate.company_id
            Account_c = Account.with_company(company)

            def account(code, name, account_type, Account_c=Account_c, company=company):
                existing = Account_c.search(
                    [("code", "=", code), ("company_ids", "in", company.ids)], limit=1
                )
                return existing or Account_c.create(
                    {"code": code, "name": name, "account_type": account_type}
                )

            journals = {
                kind: Journal.search(
                    [("type", "=", kind), ("company_id", "=", company.id)], limit=1
                )
                for kind in ("sale", "general", "bank")
            }
            estate.write(
                {
                    "renovation_deposit_account_id": estate.renovation_deposit_account_id.id
                    or account("224100", "Renovation Deposits Received", "liability_current").id,
                    "renovation_income_account_id": estate.renovation_income_account_id.id
                    or account("410100", "Renovation Fees", "income").id,
                    "renovation_compensation_account_id": (
                        estate.renovation_compensation_account_id.id
                        or account("420100", "Renovation Compensation", "income_other").id
                    ),
                    "renovation_sale_journal_id": estate.renovation_sale_journal_id.id
                    or journals["sale"].id,
                    "renovation_misc_journal_id": estate.renovation_misc_journal_id.id
                    or journals["general"].id,
                    "renovation_refund_journal_id": estate.renovation_refund_journal_id.id
                    or journals["bank"].id,
                }
            )
        return True
