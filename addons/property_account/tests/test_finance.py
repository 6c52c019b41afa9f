# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from odoo.addons.property_service_desk.tests.common import PropertyCommon


@tagged("post_install", "-at_install")
class TestFinance(PropertyCommon):
    def test_finance_invoices_front_desk_does_not(self):
        """The finance department invoices a resident in Odoo accounting; the front desk
        reads the suite's records but cannot make an invoice."""
        cashier = new_test_user(
            self.env,
            login="psd_cashier",
            groups="property_service_desk.group_property_finance",
        )
        self.assertTrue(cashier.has_group("account.group_account_invoice"))
        invoice = (
            self.env["account.move"]
            .with_user(cashier)
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": self.owner_a.id,
                    "invoice_line_ids": [(0, 0, {"name": "Service", "price_unit": 80.0})],
                }
            )
        )
        invoice.action_post()
        self.assertEqual(invoice.state, "posted")
        self.assertFalse(self.assistant_a.has_group("account.group_account_invoice"))
        with self.assertRaisesRegex(AccessError, "not allowed to create"):
            self.env["account.move"].with_user(self.assistant_a).create(
                {"move_type": "out_invoice", "partner_id": self.owner_a.id}
            )
