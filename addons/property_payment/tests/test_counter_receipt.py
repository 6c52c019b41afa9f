# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError, UserError
from odoo.tests import new_test_user, tagged

from odoo.addons.property_service_desk.tests.common import PropertyCommon

from ..models.amount_words import amount_in_capitals


@tagged("post_install", "-at_install")
class TestCounterReceipt(PropertyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.cashier = new_test_user(
            cls.env,
            login="psd_receipt_cashier",
            groups="property_service_desk.group_property_finance",
        )
        cls.estate_a.user_ids = [(4, cls.cashier.id)]
        # the residents pay in yuan (the test company's currency is Odoo's test default)
        cls.cny = cls.env.ref("base.CNY")
        cls.cny.active = True
        Move = cls.env["account.move"].with_user(cls.cashier)
        cls.invoice = Move._property_create_invoices(
            [
                Move._property_invoice_vals(
                    cls.owner_a,
                    [{"name": "物业管理费 2026-11", "price_unit": 1280.5, "tax_ids": False}],
                    unit=cls.unit_a1,
                    currency_id=cls.cny.id,
                )
            ]
        )

    def _pay_at_the_counter(self, invoice):
        return (
            self.env["account.payment.register"]
            .with_user(self.cashier)
            .with_context(active_model="account.move", active_ids=invoice.ids)
            .create({})
            ._create_payments()
        )

    def _receipt(self, payments, user=None):
        report = self.env["ir.actions.report"].with_user(user or self.cashier)
        html, _kind = report._render_qweb_html(
            "property_payment.report_counter_receipt", payments.ids
        )
        return html.decode()

    def test_cashier_prints_a_numbered_receipt_and_reprints_are_marked(self):
        payment = self._pay_at_the_counter(self.invoice)
        self.assertFalse(payment.property_receipt_number)
        action = payment.with_user(self.cashier).action_print_property_receipt()
        self.assertEqual(action["report_name"], "property_payment.report_counter_receipt")
        html = self._receipt(payment)
        number = payment.property_receipt_number
        self.assertRegex(number, r"^SJ\d{4}-\d{6}$")
        self.assertIn(number, html)
        self.assertIn("壹仟贰佰捌拾元伍角整", html)
        self.assertIn(self.unit_a1.display_name, html)
        self.assertIn(self.invoice.name, html)
        self.assertIn("物业管理费 2026-11", html)
        self.assertNotIn("Reprint", html)
        # a reprint keeps the number, says it is one, and the payment's history shows it
        html = self._receipt(payment)
        self.assertEqual(payment.property_receipt_number, number)
        self.assertEqual(payment.property_receipt_print_count, 2)
        self.assertIn("Reprint", html)
        self.assertIn(f"Receipt {number} reprinted", payment.message_ids[0].body)
        # the next payment gets the next number
        second = (
            self.env["account.move"]
            .with_user(self.cashier)
            ._property_create_invoices(
                [
                    self.env["account.move"]._property_invoice_vals(
                        self.owner_a, [{"name": "Parking", "price_unit": 150.0}], unit=self.unit_a1
                    )
                ]
            )
        )
        other = self._pay_at_the_counter(second)
        self._receipt(other)
        self.assertGreater(other.property_receipt_number, number)

    def test_receipt_number_cannot_be_typed(self):
        payment = self._pay_at_the_counter(self.invoice)
        self._receipt(payment)
        with self.assertRaisesRegex(UserError, "numbered and counted by printing it"):
            payment.with_user(self.cashier).write({"property_receipt_number": "SJ2026-999999"})
        with self.assertRaisesRegex(UserError, "numbered and counted by printing it"):
            payment.with_user(self.cashier).write({"property_receipt_print_count": 1})

    def test_only_money_received_gets_a_receipt(self):
        refund = (
            self.env["account.payment"]
            .with_user(self.cashier)
            .create(
                {
                    "payment_type": "outbound",
                    "partner_type": "customer",
                    "partner_id": self.owner_a.id,
                    "amount": 50.0,
                }
            )
        )
        refund.action_post()
        with self.assertRaisesRegex(UserError, "not money received from a customer"):
            refund.with_user(self.cashier).action_print_property_receipt()
        with self.assertRaisesRegex(UserError, "not money received from a customer"):
            self._receipt(refund)
        draft = (
            self.env["account.payment"]
            .with_user(self.cashier)
            .create(
                {
                    "payment_type": "inbound",
                    "partner_type": "customer",
                    "partner_id": self.owner_a.id,
                    "amount": 80.0,
                }
            )
        )
        with self.assertRaisesRegex(UserError, "not confirmed"):
            self._receipt(draft)
        self.assertFalse(draft.property_receipt_number)

    def test_front_desk_does_not_print_receipts(self):
        payment = self._pay_at_the_counter(self.invoice)
        with self.assertRaises(AccessError):
            self._receipt(payment, user=self.assistant_a)
        self.assertFalse(payment.property_receipt_number)

    def test_amounts_as_receipts_write_them(self):
        """The amount in capitals of the receipt (a pure conversion: no role involved)."""
        cases = {
            0: "零元整",
            0.05: "伍分",
            1.05: "壹元零伍分",
            10: "壹拾元整",
            101: "壹佰零壹元整",
            1010: "壹仟零壹拾元整",
            1280.5: "壹仟贰佰捌拾元伍角整",
            3.14: "叁元壹角肆分",
            10010: "壹万零壹拾元整",
            20000: "贰万元整",
            60000.07: "陆万元零柒分",
            100000001: "壹亿零壹元整",
            100010000: "壹亿零壹万元整",
            -8: "负捌元整",
            # rounded to the fen, half up
            2.675: "贰元陆角捌分",
        }
        for amount, words in cases.items():
            with self.subTest(amount=amount):
                self.assertEqual(amount_in_capitals(amount), words)
