# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class CounterReceipt(models.AbstractModel):
    _name = "report.property_payment.report_counter_receipt"
    _description = "Counter Receipt"

    @api.model
    def _get_report_values(self, docids, data=None):
        payments = self.env["account.payment"].browse(docids)
        # reading them as the user checks the user may see these payments
        payments.check_access("read")
        payments._property_number_receipts()
        return {
            "doc_ids": payments.ids,
            "doc_model": "account.payment",
            "docs": payments,
        }
