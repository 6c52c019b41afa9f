# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io
from datetime import date, timedelta

import openpyxl

from odoo.tests import freeze_time, new_test_user, tagged

from .common import T0, ComplaintCommon


@tagged("post_install", "-at_install")
class TestComplaintAnalysis(ComplaintCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env.user.tz = "Asia/Shanghai"
        cls.supervisor_a.tz = "Asia/Shanghai"
        stage_done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        # February: 1 complaint; March: 3, two closed (one on time, one late), rated 4 and 2
        cls.february = cls._make(cls, T0 - timedelta(days=28), category="staff")
        cls.march = [
            cls._make(cls, T0, category="management"),
            cls._make(
                cls,
                T0 + timedelta(days=1),
                category="management",
                severity="important",
                unit=cls.unit_a2,
            ),
            cls._make(
                cls, T0 + timedelta(days=2), category="neighbour", ticket_category=cls.cat_help
            ),
        ]
        for ticket, closed_after, rating in (
            (cls.march[0], timedelta(days=1), "4"),
            (cls.march[1], timedelta(days=5), "2"),
        ):
            ticket.action_dispatch()
            ticket.write({"complaint_handling": "<p>Handled</p>", "complaint_result": "Fixed."})
            ticket.action_record_handling()
            with freeze_time(ticket.date_received + closed_after):
                ticket.stage_id = stage_done
            ticket.resident_rating = rating
        # another estate's complaint never shows
        cls._make(cls, T0, unit=cls.unit_b1, category="management")

    def _make(self, received, category, severity="minor", ticket_category=None, unit=None):
        # logged, dispatched, handled and closed by the front desk of the unit's estate
        unit = unit or self.unit_a1
        desk = self.assistant_a if unit.estate_id == self.estate_a else self.assistant_b
        return (
            self.env["helpdesk.ticket"]
            .with_user(desk)
            .create(
                {
                    "name": f"Complaint {received}",
                    "description": "<p>x</p>",
                    "unit_id": unit.id,
                    "category_id": (ticket_category or self.cat_valid).id,
                    "complaint_category": category,
                    "complaint_severity": severity,
                    "date_received": received,
                }
            )
        )

    def _report(self):
        # the supervisor's month-end analysis for the director (SOP §6)
        return (
            self.env["property.complaint.report"]
            .with_user(self.supervisor_a)
            .create(
                {"estate_id": self.estate_a.id, "month": date(2026, 3, 15), "months_compared": 2}
            )
        )

    def test_monthly_figures_against_previous_months(self):
        data = self._report()._get_data()
        january, february, march = data["months"]
        self.assertEqual(
            (january, february, march), (date(2026, 1, 1), date(2026, 2, 1), date(2026, 3, 1))
        )
        totals = data["totals"]
        self.assertEqual([totals[m]["count"] for m in data["months"]], [0, 1, 3])
        self.assertEqual(totals[march]["closed"], 2)
        self.assertEqual(totals[march]["on_time_rate"], 50.0)
        self.assertEqual(totals[march]["satisfaction"], 3.0)
        self.assertEqual(data["axes"]["category"]["Management Responsibility"][march], 2)
        self.assertEqual(data["axes"]["category"]["Staff Quality"][february], 1)
        self.assertEqual(data["axes"]["severity"]["Important"][march], 1)
        self.assertEqual(data["axes"]["type"]["Valid Complaint"][march], 2)
        self.assertEqual(set(data["complaints"]), set(self.march))

    def test_pdf_and_spreadsheet(self):
        report = self._report()
        html = (
            self.env["ir.actions.report"]
            .with_user(self.supervisor_a)
            ._render_qweb_html("property_complaints.action_report_complaint_monthly", report.ids)[0]
            .decode()
        )
        self.assertIn("Estate A", html)
        self.assertIn("2026-02", html)
        self.assertIn("Management Responsibility", html)
        report.action_export_xlsx()
        book = openpyxl.load_workbook(io.BytesIO(base64.b64decode(report.file)))
        summary = book.worksheets[0]
        rows = {row[0]: row[1:] for row in summary.iter_rows(min_row=4, values_only=True) if row[0]}
        self.assertEqual(list(rows["Complaints received"]), [0, 1, 3])
        self.assertEqual(rows["Closed on time (%)"][2], 50.0)
        self.assertEqual(book.worksheets[1].max_row, 4)  # header + March's three

    def test_dashboard_tile(self):
        with freeze_time(T0 + timedelta(days=3)):
            self.estate_a.invalidate_recordset()
            estate = self.estate_a
            self.assertEqual(estate.complaint_open_count, 2)
            self.assertEqual(estate.complaint_month_count, 3)
            self.assertEqual(estate.complaint_month_on_time_rate, 50.0)
            # the February one is past its two days, the last one was not sent to the
            # department within 20 minutes
            self.assertEqual(estate.complaint_late_count, 2)
            self.march[2].action_dispatch()
            estate.invalidate_recordset()
            self.assertEqual(estate.complaint_late_count, 1)

    def test_the_month_goes_to_the_director_once_it_is_over_locally(self):
        """At the estate's month end the analysis goes to its site director: a PDF in the
        estate's chatter and a to-do, once per month however often the action runs."""
        director = new_test_user(
            self.env,
            login="pc_director",
            groups="property_service_desk.group_property_director",
            tz="Asia/Shanghai",
        )
        self.estate_a.director_id = director
        cron = "property_complaints.ir_cron_send_complaint_analysis"

        def sent():
            estate = self.estate_a.with_user(director)
            messages = estate.message_ids.filtered("attachment_ids")
            activities = estate.activity_ids.filtered(lambda a: a.user_id == director)
            return messages, activities

        # 31 March, 23:30 in Shanghai (15:30 UTC): March is not over, February is sent
        with freeze_time("2026-03-31 15:30:00"):
            self._run_cron(cron)
        messages, activities = sent()
        self.assertEqual(len(messages), 1)
        self.assertIn("2026-02", messages.attachment_ids.name)
        self.assertEqual(self.estate_a.complaint_report_month, date(2026, 2, 1))
        # 1 April, 00:30 in Shanghai, still 31 March in UTC: March is over and sent, once
        with freeze_time("2026-03-31 16:30:00"):
            self._run_cron(cron)
            self._run_cron(cron)
        messages, activities = sent()
        self.assertEqual(len(messages), 2)
        self.assertEqual(len(activities), 2)
        march = messages.sorted("id")[-1]
        self.assertIn("2026-03", march.attachment_ids.name)
        self.assertIn(director.partner_id, march.partner_ids)
        self.assertEqual(self.estate_a.complaint_report_month, date(2026, 3, 1))
        # the document is the month's analysis of the estate
        content = march.attachment_ids.with_user(director).raw.decode()
        self.assertIn(self.estate_a.name, content)
        self.assertIn(self.march[0].number, content)
