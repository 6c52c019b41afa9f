# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import JsonRpcException, tagged
from odoo.tools import mute_logger

from odoo.addons.property_request.tests.common import PortalRequestCase


@tagged("post_install", "-at_install")
class TestOnlinePayment(PortalRequestCase):
    """A resident pays a fee invoice and a paid-service charge on the portal with Odoo's
    demo payment provider (the demo's test-mode provider); both end reconciled."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # set-up as the superuser: billing and invoicing are tested in their addons
        cls.provider = cls.env.ref("payment.payment_provider_demo")
        if cls.provider.state == "disabled":
            raise AssertionError(
                "Odoo's payment_demo must be installed with the suite's demo (the scripts "
                "install it)"
            )
        cls.method = cls.env.ref("payment_demo.payment_method_demo")
        estate = cls.unit.estate_id
        cls.env["property.fee.rate"].create(
            {
                "estate_id": estate.id,
                "fee_type_id": cls.env.ref("property_fee.fee_type_management").id,
                "usage": "residential",
                "price": 2.5,
                "date_from": date(2026, 1, 1),
            }
        )
        fees = cls.env["property.fee.rate"]._bill(estate, date(2026, 11, 1))
        cls.fee_invoice = fees.filtered(lambda m: m.partner_id == cls.owner)
        product = cls.env["product.product"].create(
            {
                "name": "Drain unblocking (payment test)",
                "type": "service",
                "categ_id": cls.env.ref("property_paid_service.product_category_paid_service").id,
                "list_price": 95.0,
                "taxes_id": [(5, 0, 0)],
            }
        )
        cls.ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": "Kitchen drain blocked",
                "description": "Kitchen drain blocked",
                "unit_id": cls.unit.id,
                "partner_id": cls.owner.id,
                "category_id": cls.env.ref(
                    "property_request.category_engineering_paid_unblocking"
                ).id,
                "charge_ids": [(0, 0, {"product_id": product.id})],
            }
        )
        cls.ticket._create_service_invoices()
        cls.service_invoice = cls.ticket.invoice_id

    def _pay_online(self, invoice):
        processing = self.make_jsonrpc_request(
            f"/invoice/transaction/{invoice.id}",
            {
                "access_token": invoice._portal_ensure_token(),
                "provider_id": self.provider.id,
                "payment_method_id": self.method.id,
                "token_id": None,
                "amount": invoice.amount_residual,
                "flow": "direct",
                "tokenization_requested": False,
                "landing_route": invoice.get_portal_url(),
                "is_validation": False,
            },
        )
        self.make_jsonrpc_request(
            "/payment/demo/simulate_payment",
            {
                "reference": processing["reference"],
                "payment_details": "4242",
                "simulated_state": "done",
            },
        )
        # the payment status page polls until the transaction is post-processed
        self.make_jsonrpc_request("/payment/status/poll")
        return self.env["payment.transaction"].search([("reference", "=", processing["reference"])])

    def test_resident_pays_a_fee_and_a_paid_service_online(self):
        self.assertEqual(self.fee_invoice.currency_id.name, self.env.company.currency_id.name)
        self.assertEqual(self.service_invoice.partner_id, self.owner)
        self.authenticate("rq_owner", "rq_owner_pw")
        for invoice in (self.fee_invoice, self.service_invoice):
            with self.subTest(invoice=invoice.name):
                page = self.url_open(f"/my/invoices/{invoice.id}").text
                # the pay button opens Odoo's payment form with the demo provider
                self.assertIn("o_payment_form", page)
                self.assertIn(f'data-provider-id="{self.provider.id}"', page)
                amount = invoice.amount_residual
                transaction = self._pay_online(invoice)
                self.assertEqual(transaction.state, "done")
                self.assertTrue(transaction.is_post_processed)
                self.assertEqual(transaction.partner_id, self.owner)
                payment = transaction.payment_id
                self.assertEqual(payment.amount, amount)
                self.assertIn(invoice, payment.reconciled_invoice_ids)
                self.assertIn(invoice.payment_state, ("in_payment", "paid"))
                self.assertFalse(invoice.amount_residual)
        self.assertEqual(self.ticket.charge_state, "paid")

    def test_a_neighbour_cannot_pay_into_another_household(self):
        """Paying someone else's invoice needs its access token: a neighbour without it
        gets nothing created."""
        self.authenticate("rq_neighbour", "rq_neighbour_pw")
        self.assertEqual(self.url_open(f"/my/invoices/{self.fee_invoice.id}").status_code, 404)
        # Odoo's "The access token is invalid."
        with mute_logger("odoo.http"), self.assertRaisesRegex(JsonRpcException, "ValidationError"):
            self.make_jsonrpc_request(
                f"/invoice/transaction/{self.fee_invoice.id}",
                {
                    "access_token": "wrong",
                    "provider_id": self.provider.id,
                    "payment_method_id": self.method.id,
                    "token_id": None,
                    "amount": self.fee_invoice.amount_residual,
                    "flow": "direct",
                    "tokenization_requested": False,
                    "landing_route": "/my",
                    "is_validation": False,
                },
            )
        self.assertFalse(
            self.env["payment.transaction"].search([("invoice_ids", "in", self.fee_invoice.ids)])
        )
        self.assertEqual(self.fee_invoice.payment_state, "not_paid")
