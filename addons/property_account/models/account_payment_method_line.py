# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class AccountPaymentMethodLine(models.Model):
    _inherit = "account.payment.method.line"

    @api.depends_context("lang")
    def _compute_display_name(self):
        """A journal's payment method line copies its method's name once, in the language
        of whoever made the journal (mostly English, at the chart's installation): a line
        that kept that name is shown by its method's name in the reader's language, so a
        cashier registering a payment reads 手动付款, not "Manual Payment"."""
        res = super()._compute_display_name()
        methods = self.payment_method_id
        english = dict(
            zip(methods.ids, methods.with_context(lang="en_US").mapped("name"), strict=False)
        )
        for line in self:
            method = line.payment_method_id
            if method and line.name and line.name == english.get(method.id) != method.name:
                line.display_name = line.display_name.replace(line.name, method.name, 1)
        return res
