# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
from datetime import date, datetime, timedelta

import openpyxl

from odoo.tests import freeze_time, new_test_user, tagged
from odoo.tools.pdf import PdfFileReader
from odoo.tools.safe_eval import safe_eval

from odoo.addons.property_service_desk.tests.common import PropertyCommon


@tagged("post_install", "-at_install")
class TestSpotChecksAndStatistics(PropertyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # free of charge: the paid-service steps are tested in test_paid_services
        cls.category = cls.env.ref("property_request.category_engineering_paid_unblocking").copy(
            {"name": "Unblocking under warranty", "property_is_paid": False}
        )
        cls.stage_done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")

    def _tickets(self, count, unit, received):
        # logged by the front desk of the unit's estate
        desk = self.assistant_a if unit.estate_id == self.estate_a else self.assistant_b
        Ticket = self.env["helpdesk.ticket"].with_user(desk)
        return Ticket.create(
            [
                {
                    "name": f"Order {i}",
                    "description": "<p>x</p>",
                    "unit_id": unit.id,
                    "category_id": self.category.id,
                    "date_received": received,
                }
                for i in range(count)
            ]
        )

    def test_weekly_spot_check_draws_30_percent_reproducibly(self):
        # week of Monday 2026-03-02
        with freeze_time("2026-03-03 02:00:00"):
            orders = self._tickets(10, self.unit_a1, datetime(2026, 3, 3, 2))
            orders.action_dispatch()
        with freeze_time("2026-03-11 02:00:00"):  # next week: late orders are not in it
            self._tickets(3, self.unit_a1, datetime(2026, 3, 11, 2)).action_dispatch()
        with freeze_time("2026-03-03 02:00:00"):
            self._tickets(4, self.unit_b1, datetime(2026, 3, 3, 2)).action_dispatch()
        cron = "property_request.ir_cron_draw_spot_checks"
        with freeze_time("2026-03-09 01:00:00"):
            self._run_cron(cron)
            self._run_cron(cron)
        checks = self.env["property.spot.check"].search([("week_start", "=", date(2026, 3, 2))])
        check_a = checks.filtered(lambda c: c.estate_id == self.estate_a)
        check_b = checks.filtered(lambda c: c.estate_id == self.estate_b)
        self.assertEqual(len(check_a), 1)
        self.assertEqual(check_a.population_count, 10)
        self.assertEqual(len(check_a.line_ids), 3)  # 30 % of 10
        self.assertTrue(check_a.line_ids.ticket_id <= orders)
        self.assertEqual(len(check_b.line_ids), 2)  # ceil(30 % of 4)
        supervisor_check = check_a.with_user(self.supervisor_a)
        self.assertEqual(supervisor_check.action_redraw_check(), check_a.line_ids.ticket_id)
        self.assertEqual(check_a.supervisor_id, self.supervisor_a)
        # quality score and resident rating are separate records
        line = supervisor_check.line_ids[0]
        line.write({"result": "pass", "qc_score": "2"})
        # the resident's rating, as the front desk records it from the follow-up call
        line.ticket_id.with_user(self.assistant_a).resident_rating = "5"
        self.assertEqual(line.ticket_id.resident_rating, "5")
        self.assertEqual(line.qc_score, "2")

    def test_month_and_week_are_the_estates_local_days(self):
        # 1 April 00:30 in Shanghai is 31 March 16:30 UTC: April's, not March's
        april_first = self._tickets(1, self.unit_a1, datetime(2026, 3, 31, 16, 30))
        march_last = self._tickets(1, self.unit_a1, datetime(2026, 3, 31, 15, 30))
        wizard = (
            self.env["property.request.statistics"]
            .with_user(self.supervisor_a)
            .create(
                {
                    "date_from": "2026-03-01",
                    "date_to": "2026-03-31",
                    "estate_ids": [(6, 0, self.estate_a.ids)],
                }
            )
        )
        counts = wizard._get_rows()[self.estate_a]["kind"]
        self.assertEqual(sum(c["received"] for c in counts.values()), 1)
        wizard.write({"date_from": "2026-04-01", "date_to": "2026-04-30"})
        counts = wizard._get_rows()[self.estate_a]["kind"]
        self.assertEqual(sum(c["received"] for c in counts.values()), 1)
        self.assertTrue(april_first and march_last)
        # the spot check's week: Monday 9 March 00:30 Shanghai is Sunday 8 March UTC
        with freeze_time("2026-03-08 16:30:00"):
            late_order = self._tickets(1, self.unit_a1, datetime(2026, 3, 8, 16, 30))
            late_order.action_dispatch()
        week = self.env["property.spot.check"]._week_work_orders(self.estate_a, date(2026, 3, 2))
        self.assertNotIn(late_order, week)
        next_week = self.env["property.spot.check"]._week_work_orders(
            self.estate_a, date(2026, 3, 9)
        )
        self.assertIn(late_order, next_week)

    def test_scheduled_activities_are_due_on_the_estates_day(self):
        """The Monday draw runs at 01:00 in Shanghai, still Sunday in UTC: the
        supervisor's activity is due on the local Monday, and the week drawn is the
        local last week."""
        with freeze_time("2026-03-03 02:00:00"):
            self._tickets(4, self.unit_a1, datetime(2026, 3, 3, 2)).action_dispatch()
        with freeze_time("2026-03-08 17:00:00"):
            self._run_cron("property_request.ir_cron_draw_spot_checks")
        check = self.env["property.spot.check"].search([("estate_id", "=", self.estate_a.id)])
        self.assertEqual(check.week_start, date(2026, 3, 2))
        self.assertEqual(check.activity_ids.date_deadline, date(2026, 3, 9))

    def test_statistics_export_one_sheet_per_estate(self):
        received = datetime(2026, 3, 3, 2)
        with freeze_time(received):
            a = self._tickets(4, self.unit_a1, received)
            b = self._tickets(2, self.unit_b1, received)
            a.action_dispatch()
        with freeze_time(received + timedelta(hours=5)):
            a[:2].stage_id = self.stage_done  # on time (1 day limit)
        with freeze_time(received + timedelta(days=3)):
            a[2].stage_id = self.stage_done  # late
        # both estates' month: the suite administrator, who sees every estate
        wizard = (
            self.env["property.request.statistics"]
            .with_user(self.suite_admin)
            .create(
                {
                    "date_from": "2026-03-01",
                    "date_to": "2026-03-31",
                    "estate_ids": [(6, 0, (self.estate_a | self.estate_b).ids)],
                }
            )
        )

        def counted_rows():
            self.env.flush_all()
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            result = wizard._get_rows()
            return result, self.env.cr.sql_log_count - before

        counted_rows()  # the user's record rules and caches, read once
        rows, queries = counted_rows()
        # grouped queries: as many with 20 more requests, not one per request
        with freeze_time(received):
            self._tickets(20, self.unit_b1, received)
        self.assertEqual(counted_rows()[1], queries)
        kind = rows[self.estate_a]["kind"]["repair_unit"]
        self.assertEqual(
            (kind["received"], kind["resolved"], kind["on_time"], kind["late"], kind["open"]),
            (4, 3, 2, 1, 1),
        )
        self.assertEqual(rows[self.estate_b]["kind"]["repair_unit"]["received"], len(b))
        wizard.action_export_xlsx()
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(wizard.file)))
        self.assertEqual(book.sheetnames, ["EA", "EB"])
        sheet = book["EA"]
        values = [[c.value for c in row] for row in sheet.iter_rows(min_row=4, max_row=4)]
        self.assertEqual(values[0][1:6], [4, 3, 2, 1, 1])
        self.assertAlmostEqual(values[0][6], 2 / 3)

    def test_work_order_in_three_copies(self):
        ticket = self._tickets(1, self.unit_a1, datetime(2026, 3, 3, 2))
        ticket.entry_when_absent = True
        ticket.action_dispatch()
        html = (
            self.env["ir.actions.report"]
            .with_user(self.assistant_a)
            ._render_qweb_html("property_request.action_report_work_order", ticket.ids)[0]
            .decode()
        )
        for copy in ("Service Centre Copy", "Customer Copy", "Department Copy"):
            self.assertEqual(html.count(f'class="work_order_copy">{copy}<'), 1, copy)
        self.assertEqual(html.count(ticket.number), 3)
        self.assertIn("May enter when nobody is home.", html)
        self.assertIn(self.unit_a1.name, html)

    def test_work_order_shows_arrival_completion_and_sign_off(self):
        """Printed after the work, the order carries when staff arrived and completed it
        and the resident's sign-off instead of blank lines to fill in."""
        resident = new_test_user(
            self.env,
            login="psd_wo_owner",
            groups="base.group_portal",
            partner_id=self.owner_a.id,
        )

        def work_order():
            return (
                self.env["ir.actions.report"]
                .with_user(self.assistant_a)
                ._render_qweb_html("property_request.action_report_work_order", ticket.ids)[0]
                .decode()
            )

        with freeze_time("2026-03-03 02:00:00"):
            ticket = self._tickets(1, self.unit_a1, datetime(2026, 3, 3, 2))
            ticket.action_dispatch()
        # three copies, each with three lines to write on: technician, resident, date
        self.assertEqual(work_order().count("____________"), 9)
        self.assertNotIn(":10:00", work_order())
        # the technician calls the desk on arrival
        with freeze_time("2026-03-03 02:10:00"):
            ticket.with_user(self.assistant_a).action_arrive()
        with freeze_time("2026-03-03 03:30:00"):
            ticket.with_user(self.assistant_a).stage_id = self.stage_done
        ticket.with_user(resident)._portal_sign_off("5")
        html = work_order()
        # only the technician signs by hand; the times are printed in every copy
        self.assertEqual(html.count("____________"), 3)
        self.assertGreaterEqual(html.count(":10:00"), 3)
        self.assertGreaterEqual(html.count(":30:00"), 6)

    def test_outstanding_defects_list(self):
        rectification = self.env.ref(
            "property_request.category_engineering_rectification_waterproofing"
        )
        defect = (
            self.env["helpdesk.ticket"]
            .with_user(self.assistant_a)
            .create(
                {
                    "name": "Roof leak",
                    "description": "<p>x</p>",
                    "unit_id": self.unit_a1.id,
                    "category_id": rectification.id,
                    "date_received": datetime(2026, 3, 3, 2),
                }
            )
        )
        self.assertEqual(defect.resolution_deadline, datetime(2026, 3, 23, 2))
        action = self.env.ref("property_request.property_defect_action")
        listed = self.env["helpdesk.ticket"].search(safe_eval(action.domain))
        self.assertIn(defect, listed)
        self.assertNotIn(self._tickets(1, self.unit_a1, datetime(2026, 3, 3, 2)), listed)

    def test_work_order_pdf_has_three_pages(self):
        """Rendered through wkhtmltopdf as in production: the Debian build (unpatched Qt)
        refuses a report made of several layout documents."""
        ticket = self._tickets(1, self.unit_a1, datetime(2026, 3, 3, 2))
        ticket.action_dispatch()
        pdf, report_type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf("property_request.action_report_work_order", ticket.ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertEqual(len(PdfFileReader(io.BytesIO(pdf)).pages), 3)
