# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo.tests import freeze_time, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.property_service_desk.tests.common import PropertyCommon


@tagged("post_install", "-at_install")
class TestBilling(PropertyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance = new_test_user(
            cls.env, login="psd_fee_finance", groups="property_service_desk.group_property_finance"
        )
        cls.estate_a.user_ids = [(4, cls.finance.id)]
        cls.management = cls.env.ref("property_fee.fee_type_management")
        cls.parking = cls.env.ref("property_fee.fee_type_parking")
        Rate = cls.env["property.fee.rate"]
        Rate.create(
            [
                {
                    "estate_id": cls.estate_a.id,
                    "fee_type_id": cls.management.id,
                    "usage": "residential",
                    "price": 2.0,
                    "date_from": date(2025, 1, 1),
                },
                {
                    "estate_id": cls.estate_a.id,
                    "fee_type_id": cls.management.id,
                    "usage": "residential",
                    "price": 2.5,
                    "date_from": date(2026, 3, 1),
                },
                {
                    "estate_id": cls.estate_a.id,
                    "fee_type_id": cls.parking.id,
                    "usage": "parking",
                    "price": 300.0,
                    "date_from": date(2025, 1, 1),
                },
            ]
        )
        # unit_a1 (89.5 m²): Owner A pays since 2020
        # unit_a2 (120 m²): in custody; the owner took it on 2026-03-11
        cls.owner_a2 = cls.env["res.partner"].create({"name": "Owner A2"})
        cls.env["property.occupancy"].create(
            {
                "unit_id": cls.unit_a2.id,
                "partner_id": cls.owner_a2.id,
                "role": "owner",
                "date_start": "2026-03-11",
                "is_fee_payer": True,
            }
        )
        cls.unit_a2.state = "entrusted"
        cls.parking_space = cls.env["property.unit"].create(
            {
                "code": "P-001",
                "estate_id": cls.estate_a.id,
                "usage": "parking",
                "area": 12.5,
                "state": "occupied",
            }
        )
        cls.env["property.occupancy"].create(
            {
                "unit_id": cls.parking_space.id,
                "partner_id": cls.owner_a.id,
                "role": "owner",
                "date_start": "2024-01-01",
                "is_fee_payer": True,
            }
        )

    def _bill(self, day=date(2026, 3, 15)):
        return self.env["property.fee.rate"].with_user(self.finance)._bill(self.estate_a, day)

    def _line(self, invoices, unit):
        return invoices.invoice_line_ids.filtered(lambda line: line.property_unit_id == unit)

    def test_area_rate_custody_and_pro_rata(self):
        invoices = self._bill()
        self.assertEqual(len(invoices), 3)
        self.assertEqual(set(invoices.mapped("state")), {"posted"})
        # the March rate applies to March: 89.5 × 2.50
        self.assertEqual(self._line(invoices, self.unit_a1).price_subtotal, 223.75)
        # 120 m² × 2.50 × 70 % custody × 21/31 days
        self.assertEqual(
            self._line(invoices, self.unit_a2).price_subtotal,
            round(120 * 2.5 * 0.7 * 21 / 31, 2),
        )
        self.assertEqual(self._line(invoices, self.unit_a2).partner_id, self.owner_a2)
        # the parking space pays the fixed parking fee, no management fee (no rate)
        parking = self._line(invoices, self.parking_space)
        self.assertEqual(parking.property_fee_type_id, self.parking)
        self.assertEqual(parking.price_subtotal, 300.0)
        # estate B has no rate: nothing billed there
        self.assertFalse(invoices.filtered(lambda m: m.property_unit_id == self.unit_b1))
        # an earlier month keeps the earlier rate
        february = self._bill(date(2026, 2, 10))
        self.assertEqual(self._line(february, self.unit_a1).price_subtotal, 179.0)
        self.assertFalse(self._line(february, self.unit_a2))  # nobody paid yet
        receivable = sum(
            invoices.line_ids.filtered(
                lambda line: line.account_id.account_type == "asset_receivable"
            ).mapped("balance")
        )
        self.assertEqual(receivable, sum(invoices.mapped("amount_total")))

    def test_the_scheduled_run_bills_without_a_salesperson(self):
        invoices = self._bill()
        self.assertEqual(invoices.invoice_user_id, self.finance)  # who ran it
        self.env.invalidate_all()
        with freeze_time("2026-04-01 01:00:00"):
            self._run_cron("property_fee.ir_cron_monthly_billing")
        april = self.env["account.move"].search(
            [("property_fee_period", "=", date(2026, 4, 1)), ("move_type", "=", "out_invoice")]
        )
        self.assertTrue(april)
        self.assertFalse(april.invoice_user_id)  # not OdooBot on the resident's invoice

    def test_custody_share_of_nothing_bills_nothing(self):
        # set-up: the estate's setting, as its supervisor would change it
        self.estate_a.custody_fee_rate = 0.0
        invoices = self._bill()
        self.assertFalse(self._line(invoices, self.unit_a2))  # not 100 %
        self.assertEqual(self._line(invoices, self.unit_a1).price_subtotal, 223.75)

    def test_lines_read_in_the_payers_language(self):
        """Finance bills in its language; each payer reads the invoice in theirs."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["property_fee"], ["zh_CN"])
        self.owner_a2.lang = "zh_CN"
        invoices = self._bill()
        chinese = self._line(invoices, self.unit_a2)
        self.assertIn(self.management.with_context(lang="zh_CN").name, chinese.name)
        self.assertIn("托管", chinese.name)
        self.assertNotIn(self.management.with_context(lang="en_US").name, chinese.name)
        english = self._line(invoices, self.unit_a1)
        self.assertIn(self.management.with_context(lang="en_US").name, english.name)

    def test_a_payer_change_bills_each_day_once(self):
        """The old owner moves out on 16 April, the buyer moves in that day: 15 days each
        of a 30-day month, not 16 + 15."""
        buyer = self.env["res.partner"].create({"name": "Buyer A1"})
        self.occupancy_a.with_user(self.assistant_a).date_end = date(2026, 4, 16)
        self.env["property.occupancy"].with_user(self.assistant_a).create(
            {
                "unit_id": self.unit_a1.id,
                "partner_id": buyer.id,
                "role": "owner",
                "date_start": date(2026, 4, 16),
                "is_fee_payer": True,
            }
        )
        april = self._bill(date(2026, 4, 10))
        lines = self._line(april, self.unit_a1)
        self.assertEqual(
            {line.partner_id: line.price_subtotal for line in lines},
            {
                self.owner_a: round(89.5 * 2.5 * 15 / 30, 2),
                buyer: round(89.5 * 2.5 * 15 / 30, 2),
            },
        )
        self.assertAlmostEqual(sum(lines.mapped("price_subtotal")), 89.5 * 2.5, places=1)

    def test_billing_twice_bills_nothing_more(self):
        first = self._bill()
        self.assertEqual(len(first), 3)
        self.assertFalse(self._bill())
        self.assertFalse(self._bill(date(2026, 3, 31)))
        # a run killed half-way committed part of its invoices: the rest is billed
        # on the next run, nothing twice
        first[0].button_draft()
        first[0].button_cancel()
        again = self._bill()
        self.assertEqual(len(again), 1)
        self.assertEqual(again.property_unit_id, first[0].property_unit_id)
        # and the database refuses a duplicate line whatever the code path
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            duplicate = first[1].copy({"invoice_date": date(2026, 3, 1)})
            duplicate.invoice_line_ids.write(
                {
                    "property_unit_id": first[1].invoice_line_ids.property_unit_id.id,
                    "property_period": date(2026, 3, 1),
                    "property_fee_type_id": first[1].invoice_line_ids.property_fee_type_id.id,
                }
            )
            duplicate.action_post()
            self.env.flush_all()

    def test_prepayment_settles_new_invoices(self):
        # three months paid in advance at move-in
        payment = (
            self.env["account.payment"]
            .with_user(self.finance)
            .create(
                {
                    "payment_type": "inbound",
                    "partner_type": "customer",
                    "partner_id": self.owner_a2.id,
                    "amount": 900.0,
                    "date": date(2026, 3, 11),
                }
            )
        )
        payment.action_post()
        if payment.state != "paid" and payment.move_id:
            self.assertEqual(payment.move_id.state, "posted")
        invoices = self._bill()
        invoice = invoices.filtered(lambda m: m.property_unit_id == self.unit_a2)
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        other = invoices.filtered(lambda m: m.property_unit_id == self.unit_a1)
        self.assertEqual(other.payment_state, "not_paid")
        april = self._bill(date(2026, 4, 1))
        april_a2 = april.filtered(lambda m: m.property_unit_id == self.unit_a2)
        self.assertIn(april_a2.payment_state, ("paid", "in_payment"))

    def test_fee_notice_and_portal(self):
        invoices = self._bill()
        invoice = invoices.filtered(lambda m: m.property_unit_id == self.unit_a1)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.finance)
            ._render_qweb_html("property_fee.action_report_fee_notice", invoice.ids)[0]
            .decode()
        )
        self.assertIn("1-1-101", html)
        self.assertIn("223.75", html)
        invoice.with_user(self.finance).action_send_fee_notice()
        self.assertTrue(
            invoice.message_ids.filtered(
                lambda m: self.owner_a in m.partner_ids and m.attachment_ids
            )
        )

    def test_collection_rate_and_aged_receivables(self):
        import base64
        import io

        import openpyxl

        self.building_a.manager_id = self.finance
        self.parking_space.building_id = self.building_a
        with freeze_time(date(2026, 3, 20)):
            invoices = self._bill()
            paid = invoices.filtered(lambda m: m.property_unit_id == self.unit_a1)
            self.env["account.payment.register"].with_user(self.finance).with_context(
                active_model="account.move", active_ids=paid.ids
            ).create({})._create_payments()
            self.estate_a.invalidate_recordset()
            due = sum(invoices.mapped("amount_total"))
            self.assertEqual(self.estate_a.fee_month_due, due)
            self.assertAlmostEqual(self.estate_a.fee_month_rate, 100 * 223.75 / due, places=2)
            self.assertTrue(self.estate_a.fee_rate_below_target)
        self.env.flush_all()  # the report is a view over the tables
        rows = self.env["property.collection.report"].search(
            [("estate_id", "=", self.estate_a.id), ("month", "=", date(2026, 3, 1))]
        )
        self.assertEqual(sum(rows.mapped("amount_due")), due)
        self.assertEqual(sum(rows.mapped("amount_collected")), 223.75)
        self.assertEqual(
            rows.filtered(lambda r: r.building_id == self.building_a).manager_id, self.finance
        )
        wizard = (
            self.env["property.aged.receivables"]
            .with_user(self.finance)
            .create({"estate_ids": [(6, 0, self.estate_a.ids)], "date": date(2026, 5, 1)})
        )
        wizard.action_export()
        sheet = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file))).active
        values = {row[1]: row for row in sheet.iter_rows(min_row=2, values_only=True)}
        self.assertNotIn("1-1-101", values)  # paid
        # due 2026-03-16, 46 days late on 1 May: the 31-60 column
        self.assertEqual(values["P-001"][5], 300.0)
        self.assertEqual(values["P-001"][8], 300.0)

    def test_a_group_rate_is_the_ratio_of_its_sums(self):
        """The pivot's totals: what the estate collected of what it was due, not the
        average of its buildings' rates (the demo estate's buildings differ in size and in
        how much they paid)."""
        director = self.env.ref("property_service_desk.user_director_demo")
        estate = self.env.ref("property_service_desk.estate_cuihu_demo")
        Report = self.env["property.collection.report"].with_user(director)
        self.env.flush_all()
        rows = Report.search([("estate_id", "=", estate.id)])
        months = set(rows.mapped("month"))
        self.assertGreaterEqual(len(months), 2, "the demo bills several months")
        [(_estate, rate, due, collected)] = Report._read_group(
            [("estate_id", "=", estate.id)],
            ["estate_id"],
            ["collection_rate:avg", "amount_due:sum", "amount_collected:sum"],
        )
        self.assertAlmostEqual(rate, 100.0 * collected / due, places=2)
        average = sum(rows.mapped("collection_rate")) / len(rows)
        self.assertNotAlmostEqual(rate, average, places=1)
