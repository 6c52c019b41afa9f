# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import api, fields, models


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model
    def _property_setup_dunning(self):
        """Make the property-fee policy the default of every company and let it watch
        the companies' receivable accounts: once, at install (the data file calls it in
        its noupdate part), so an update keeps the policies chosen since."""
        policy = self.env.ref("property_dunning.credit_policy_property_fees")
        receivables = self.env["account.account"].search(
            [("account_type", "=", "asset_receivable")]
        )
        policy.account_ids = [fields.Command.link(a.id) for a in receivables]
        self.search([]).write({"credit_policy_id": policy.id})
