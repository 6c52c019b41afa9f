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

    def test_what_a_unit_owes_is_one_sum_over_its_invoices(self):
        """Every addon builds its invoices with the one builder, which files them under
        the unit: what the unit owes is the open amount of its posted invoices."""
        cashier = new_test_user(
            self.env,
            login="psd_cashier_due",
            groups="property_service_desk.group_property_finance",
        )
        (self.estate_a | self.estate_b).user_ids = [(4, cashier.id)]
        Move = self.env["account.move"].with_user(cashier)
        first, second, other = Move._property_create_invoices(
            [
                Move._property_invoice_vals(
                    self.owner_a, [{"name": "Fee", "price_unit": 300.0}], unit=self.unit_a1
                ),
                Move._property_invoice_vals(
                    self.owner_a, [{"name": "Repair", "price_unit": 80.0}], unit=self.unit_a1
                ),
                Move._property_invoice_vals(
                    self.owner_b, [{"name": "Fee", "price_unit": 50.0}], unit=self.unit_b1
                ),
            ]
        )
        self.assertEqual((first | second).property_unit_id, self.unit_a1)
        self.assertEqual(first.property_estate_id, self.estate_a)
        self.assertEqual(first.state, "posted")
        self.assertEqual(first.move_type, "out_invoice")
        self.env["account.payment.register"].with_user(cashier).with_context(
            active_model="account.move", active_ids=second.ids
        ).create({})._create_payments()
        units = (self.unit_a1 | self.unit_b1).with_user(cashier)
        self.assertEqual(units._property_amounts_due(), {self.unit_a1: 300.0, self.unit_b1: 50.0})
        self.assertEqual(units[0].property_amount_due, 300.0)
        action = units[0].action_view_property_invoices()
        self.assertEqual(self.env["account.move"].search(action["domain"]), first | second)
        # the front desk does not see what a unit owes
        with self.assertRaises(AccessError):
            self.unit_a1.with_user(self.assistant_a).property_amount_due  # noqa: B018

    def test_payment_methods_read_in_the_cashiers_language(self):
        """The journals' payment method lines were named in English when the chart was
        installed; a zh_CN cashier reads them in Chinese."""
        cashier = new_test_user(
            self.env,
            login="psd_cashier_zh",
            groups="property_service_desk.group_property_finance",
            lang="zh_CN",
        )
        manual = self.env.ref("account.account_payment_method_manual_in")
        # the method's name as Odoo's Chinese terms give it (set here: an addon installed
        # alone may not have loaded them)
        manual.with_context(lang="zh_CN").name = "手动付款"
        line = self.env["account.payment.method.line"].search(
            [
                ("payment_method_id", "=", manual.id),
                ("name", "=", "Manual Payment"),
                ("journal_id.company_id", "=", cashier.company_id.id),
            ],
            limit=1,
        )
        self.assertTrue(line, "the chart's journals have lines named in English")
        shown = line.with_user(cashier).with_context(lang="zh_CN").display_name
        self.assertIn("手动付款", shown)
        self.assertNotIn("Manual Payment", shown)
