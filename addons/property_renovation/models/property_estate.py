# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError

# the renovation accounts created when the chart has none: name, Chinese name, type
RENOVATION_ACCOUNTS = {
    "deposit": ("Other Payables - Renovation Deposits", "其他应付款-装修押金", "liability_current"),
    "income": ("Other Operating Income - Renovation Fees", "其他业务收入-装修管理费", "income"),
    "compensation": (
        "Non-Operating Income - Renovation Damage",
        "营业外收入-装修损坏赔偿",
        "income_other",
    ),
}
# their codes by chart: sub-accounts of 2241 其他应付款, 5051/6051 其他业务收入 and
# 5301/6301 营业外收入 on the Chinese charts (小企业 / 企业会计准则)
RENOVATION_ACCOUNT_CODES = {
    "cn": {"deposit": "2241.01", "income": "5051.01", "compensation": "5301.05"},
    "cn_large_bis": {"deposit": "2241.01", "income": "6051.01", "compensation": "6301.05"},
    "generic": {"deposit": "224100", "income": "410100", "compensation": "420100"},
}


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

            codes = RENOVATION_ACCOUNT_CODES.get(
                company.chart_template, RENOVATION_ACCOUNT_CODES["generic"]
            )

            def account(kind, Account_c=Account_c, company=company, codes=codes):
                code = codes[kind]
                name, name_zh, account_type = RENOVATION_ACCOUNTS[kind]
                existing = Account_c.search(
                    [("code", "=", code), ("company_ids", "in", company.ids)], limit=1
                )
                if existing:
                    return existing
                new = Account_c.create({"code": code, "name": name, "account_type": account_type})
                chinese = [
                    code
                    for code, _name in new.env["res.lang"].get_installed()
                    if code.startswith("zh_")
                ]
                if chinese:
                    new.update_field_translations("name", dict.fromkeys(chinese, name_zh))
                return new

            journals = {
                kind: Journal.search(
                    [("type", "=", kind), ("company_id", "=", company.id)], limit=1
                )
                for kind in ("sale", "general", "bank")
            }
            estate.write(
                {
                    "renovation_deposit_account_id": estate.renovation_deposit_account_id.id
                    or account("deposit").id,
                    "renovation_income_account_id": estate.renovation_income_account_id.id
                    or account("income").id,
                    "renovation_compensation_account_id": (
                        estate.renovation_compensation_account_id.id or account("compensation").id
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
