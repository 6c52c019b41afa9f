# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class PropertyBillingWizard(models.TransientModel):
    _name = "property.billing.wizard"
    _description = "Monthly Billing"

    estate_ids = fields.Many2many("property.estate", string="Estates", required=True)
    month = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="Any day of the month to bill.",
    )

    def action_bill(self):
        self.ensure_one()
        invoices = self.estate_ids._bill_fees(self.month)
        if not invoices:
            raise UserError(self.env._("Nothing to bill: every fee of that month is invoiced."))
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Fee Invoices"),
            "res_model": "account.move",
            "view_mode": "list,form",
            "domain": [("id", "in", invoices.ids)],
        }
