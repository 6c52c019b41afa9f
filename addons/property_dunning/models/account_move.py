# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    def _property_watch_receivables(self):
        """The property-fee dunning policy follows the receivable accounts the fees are
        billed on (a chart installed after the suite has its own accounts)."""
        policy = self.env.ref(
            "property_dunning.credit_policy_property_fees", raise_if_not_found=False
        )
        accounts = self.line_ids.account_id.filtered(lambda a: a.account_type == "asset_receivable")
        missing = accounts - policy.account_ids if policy else accounts.browse()
        if missing:
            # configuration of the dunning policy, kept in step by the billing run
            policy.sudo().account_ids = [fields.Command.link(a.id) for a in missing]
        companies = self.company_id.filtered(lambda c: not c.credit_policy_id)
        if policy and companies:
            companies.sudo().credit_policy_id = policy
