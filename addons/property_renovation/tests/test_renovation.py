# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import date, datetime, timedelta

import pytz
from dateutil.relativedelta import relativedelta
from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.property_service_desk.tests.common import PropertyCommon

DOC = base64.b64encode(b"%PDF-1.4 document")
# Friday 2026-03-06 10:00 in Asia/Shanghai
FRIDAY = datetime(2026, 3, 6, 2, 0)


@tagged("post_install", "-at_install")
class TestRenovation(PropertyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.last_demo_line = cls.env["account.move.line"].search([], order="id desc", limit=1).id
        cls.director = new_test_user(
            cls.env,
            login="psd_reno_director",
            groups="property_service_desk.group_property_director",
        )
        cls.finance = new_test_user(
            cls.env, login="psd_reno_finance", groups="property_service_desk.group_property_finance"
        )
        cls.guard = new_test_user(
            cls.env, login="psd_reno_guard", groups="property_service_desk.group_property_security"
        )
        cls.estate_a.write(
            {
                "director_id": cls.director.id,
                "user_ids": [(4, u.id) for u in (cls.finance, cls.guard, cls.supervisor_a)],
            }
        )
        cls.estate_a.action_setup_renovation_accounting()
        cls.contractor = cls.env["res.partner"].create(
            {"name": "Anju Decoration Ltd", "is_company": True}
        )
        cls.deposit_account = cls.estate_a.renovation_deposit_account_id
        cls.income_account = cls.estate_a.renovation_income_account_id
        cls.compensation_account = cls.estate_a.renovation_compensation_account_id

    def _application(self, **vals):
        # the front desk registers the application brought by the owner
        renovation = (
            self.env["property.renovation"]
            .with_user(self.assistant_a)
            .create(
                {
                    "unit_id": self.unit_a1.id,
                    "applicant_id": self.owner_a.id,
                    "contractor_id": self.contractor.id,
                    "contractor_licence": DOC,
                    "contractor_qualification": DOC,
                    "scope": "New kitchen and bathroom",
                    "worker_count": 3,
                    **vals,
                }
            )
        )
        renovation.drawing_ids = (
            self.env["ir.attachment"]
            .with_user(self.assistant_a)
            .create(
                {
                    "name": "layout.pdf",
                    "raw": b"%PDF-1.4",
                    "res_model": "property.renovation",
                    "res_id": renovation.id,
                }
            )
        )
        return renovation

    def _approved(self, **vals):
        renovation = self._application(**vals)
        renovation.action_submit()
        renovation.with_user(self.engineer_a).action_start_review()
        renovation.review_line_ids.with_user(self.engineer_a).result = "ok"
        renovation.with_user(self.engineer_a).action_approve()
        # handed back as the superuser for the assertions: every later step names its role
        return renovation.with_env(self.env)

    def _balance(self, account, partner=None):
        # this test's entries only: the demo's application uses the same accounts
        domain = [
            ("account_id", "=", account.id),
            ("parent_state", "=", "posted"),
            ("id", ">", self.last_demo_line),
        ]
        if partner:
            domain.append(("partner_id", "=", partner.id))
        return sum(self.env["account.move.line"].search(domain).mapped("balance"))

    def _pay(self, invoices):
        # the cashier takes the payment
        for invoice in invoices:
            self.env["account.payment.register"].with_user(self.finance).with_context(
                active_model="account.move", active_ids=invoice.ids
            ).create({})._create_payments()

    def _in_progress(self, **vals):
        renovation = self._approved(**vals)
        self._pay(renovation.invoice_ids)
        desk = renovation.with_user(self.assistant_a)
        desk.write({"rules_owner_signature": DOC, "rules_contractor_signature": DOC})
        desk.action_issue_permit()
        desk.write(
            {
                "water_test_date": date(2026, 3, 9),
                "water_test_ok": True,
                "water_test_signature": DOC,
            }
        )
        desk.action_start_works()
        return renovation

    def _completed(self):
        renovation = self._in_progress()
        renovation.with_user(self.assistant_a).action_request_completion()
        for inspection in renovation.inspection_ids.filtered(lambda i: i.kind == "completion"):
            user = self.engineer_a if inspection.department == "engineering" else self.guard
            inspection.with_user(user).result = "ok"
            inspection.with_user(user).action_done()
        renovation.with_user(self.assistant_a).action_initial_accept()
        return renovation

    # ------------------------------------------------------------------
    # Application and review
    # ------------------------------------------------------------------
    def test_submission_needs_every_document(self):
        bare = (
            self.env["property.renovation"]
            .with_user(self.assistant_a)
            .create({"unit_id": self.unit_a1.id, "applicant_id": self.owner_a.id, "scope": "Paint"})
        )
        with self.assertRaises(UserError):
            bare.action_submit()  # no drawings, no contractor
        tenant = self._application(applicant_id=self.tenant_a.id)
        self.assertEqual(tenant.applicant_role, "tenant")
        with self.assertRaises(UserError):
            tenant.action_submit()
        tenant.owner_authorisation = DOC
        tenant.action_submit()
        self.assertEqual(tenant.state, "submitted")
        structural = self._application(structural_change=True)
        with self.assertRaises(UserError):
            structural.action_submit()
        structural.housing_approval = DOC
        structural.action_submit()
        self.unit_a2.with_user(self.supervisor_a).usage = "shop"
        shop = self._application(unit_id=self.unit_a2.id, applicant_id=self.owner_a.id)
        with self.assertRaises(UserError):
            shop.action_submit()
        self.assertEqual(shop.state, "draft")

    def test_review_within_three_working_days(self):
        renovation = self._application()
        with freeze_time(FRIDAY):
            renovation.action_submit()
        self.assertEqual(len(renovation.review_line_ids), 5)
        # noon of the third working day, Friday counting as the first: Tuesday 12:00 in
        # the time zone of the company's working calendar (the weekend does not count)
        tz = pytz.timezone(self.env.company.resource_calendar_id.tz or "UTC")
        self.assertEqual(
            pytz.utc.localize(renovation.review_deadline).astimezone(tz).replace(tzinfo=None),
            datetime(2026, 3, 10, 12, 0),
        )
        # received on a Saturday: Monday is the first day
        saturday = self._application()
        with freeze_time(FRIDAY + timedelta(days=1)):
            saturday.action_submit()
        self.assertEqual(
            pytz.utc.localize(saturday.review_deadline).astimezone(tz).replace(tzinfo=None),
            datetime(2026, 3, 11, 12, 0),
        )
        with freeze_time(FRIDAY + timedelta(days=2)):
            self._run_cron("property_renovation.ir_cron_renovation_review")
        self.assertFalse(renovation.review_late)
        with freeze_time(FRIDAY + timedelta(days=6)):
            self._run_cron("property_renovation.ir_cron_renovation_review")
            self._run_cron("property_renovation.ir_cron_renovation_review")
        self.assertTrue(renovation.review_late)
        late_todos = renovation.activity_ids.filtered(
            lambda a: a.summary == "Renovation review overdue"
        )
        self.assertEqual(late_todos.user_id, renovation._engineering_leader() | self.supervisor_a)

    def test_review_decisions(self):
        renovation = self._application()
        renovation.action_submit()
        with self.assertRaises(UserError):
            renovation.with_user(self.assistant_a).action_start_review()
        renovation.with_user(self.engineer_a).action_start_review()
        # the front desk does not tick the review for engineering
        with self.assertRaisesRegex(UserError, "Engineering reviews the application"):
            renovation.review_line_ids[:1].with_user(self.assistant_a).result = "ok"
        lines = renovation.review_line_ids.with_user(self.engineer_a)
        lines[:4].result = "ok"
        lines[4].result = "not_ok"
        with self.assertRaises(UserError):
            renovation.with_user(self.engineer_a).action_approve()
        with self.assertRaises(UserError):
            renovation.with_user(self.engineer_a).action_request_changes()  # no comment
        renovation.review_comment = "The new power load exceeds 40 A: reduce it."
        renovation.with_user(self.engineer_a).action_request_changes()
        self.assertEqual(renovation.state, "draft")
        self.assertIn(self.owner_a, renovation.message_ids[0].partner_ids)
        # (read as the superuser: the front desk has no accounting rights)
        self.assertFalse(renovation.sudo().invoice_ids)

    # ------------------------------------------------------------------
    # The money, on real entries
    # ------------------------------------------------------------------
    def test_life_cycle_on_real_accounting_entries(self):
        renovation = self._approved()
        # the front desk carries the application; each approval by its own role below
        desk = renovation.with_user(self.assistant_a)
        applicant_invoice = renovation.invoice_ids.filtered(lambda m: m.partner_id == self.owner_a)
        contractor_invoice = renovation.invoice_ids.filtered(
            lambda m: m.partner_id == self.contractor
        )
        self.assertEqual(applicant_invoice.amount_total, 2500.0)  # 2000 + 300 + 200
        self.assertEqual(contractor_invoice.amount_total, 3180.0)  # 3000 + 3 × (50 + 10)
        self.assertEqual(self._balance(self.deposit_account, self.owner_a), -2000.0)
        self.assertEqual(self._balance(self.deposit_account, self.contractor), -3150.0)
        self.assertEqual(self._balance(self.income_account), -530.0)
        self.assertEqual(renovation.deposit_received, 5150.0)

        # no permit before every fee and deposit is paid
        desk.write({"rules_owner_signature": DOC, "rules_contractor_signature": DOC})
        with self.assertRaises(UserError):
            desk.action_issue_permit()
        self._pay(applicant_invoice)
        with self.assertRaises(UserError):
            desk.action_issue_permit()
        self._pay(contractor_invoice)
        desk.action_issue_permit()
        self.assertEqual(renovation.state, "permit")
        self.assertTrue(renovation.permit_number)

        # passes, hot work, water test
        passes = (
            self.env["property.renovation.pass"]
            .with_user(self.assistant_a)
            .create(
                [
                    {
                        "renovation_id": renovation.id,
                        "worker_name": f"Worker {n}",
                        "id_number": f"44030019900101000{n}",
                        "date_from": date(2026, 3, 9),
                        "date_to": date(2026, 6, 30),
                    }
                    for n in range(3)
                ]
            )
        )
        with self.assertRaises(UserError):
            self.env["property.renovation.hotwork"].with_user(self.engineer_a).create(
                {
                    "renovation_id": renovation.id,
                    "work": "Welding",
                    "date_from": FRIDAY,
                    "date_to": FRIDAY + timedelta(hours=2),
                    "fire_measures": "Extinguisher",
                }
            )
        self.env["property.renovation.hotwork"].with_user(self.guard).create(
            {
                "renovation_id": renovation.id,
                "work": "Welding",
                "date_from": FRIDAY,
                "date_to": FRIDAY + timedelta(hours=2),
                "fire_measures": "Extinguisher, guard present",
            }
        )
        with self.assertRaises(UserError):
            desk.action_start_works()
        desk.write(
            {
                "water_test_date": date(2026, 3, 9),
                "water_test_ok": True,
                "water_test_signature": DOC,
            }
        )
        desk.action_start_works()
        self.assertEqual(
            set(renovation.inspection_ids.mapped("department")), {"engineering", "security"}
        )

        # completion: both departments pass, passes collected
        desk.action_request_completion()
        with self.assertRaises(UserError):
            desk.action_initial_accept()
        for inspection in renovation.inspection_ids.filtered(lambda i: i.kind == "completion"):
            user = self.engineer_a if inspection.department == "engineering" else self.guard
            inspection.with_user(user).result = "ok"
            inspection.with_user(user).action_done()
        with self.assertRaises(UserError):
            desk.action_initial_accept()  # passes still out
        passes.action_return()  # the front desk collects them (its records)
        desk.action_initial_accept()
        self.assertEqual(
            renovation.reinspection_date, renovation.date_accepted + relativedelta(months=3)
        )

        # damage beyond the owner's deposit: the contractor's covers the rest
        Deduction = self.env["property.renovation.deduction"]
        with self.assertRaises(UserError):
            Deduction.with_user(self.assistant_a).create(
                {"renovation_id": renovation.id, "description": "Scratched lift", "amount": 100}
            )
        deduction = Deduction.with_user(self.engineer_a).create(
            {
                "renovation_id": renovation.id,
                "description": "Damaged corridor tiles",
                "amount": 2500,
            }
        )
        with self.assertRaises(UserError):
            deduction.with_user(self.supervisor_a).action_approve()
        with self.assertRaises(UserError):
            deduction.with_user(self.director).action_post()
        deduction.with_user(self.director).action_approve()
        deduction.with_user(self.finance).action_post()
        self.assertEqual(deduction.state, "posted")
        self.assertEqual(self._balance(self.deposit_account, self.owner_a), 0.0)
        self.assertEqual(self._balance(self.deposit_account, self.contractor), -2650.0)
        self.assertEqual(self._balance(self.compensation_account), -2500.0)
        renovation.invalidate_recordset()
        self.assertEqual(renovation.deposit_deducted, 2500.0)
        self.assertEqual(renovation.deposit_balance, 2650.0)

        # re-inspection three months later, then the refund
        with freeze_time(renovation.reinspection_date):
            self._run_cron("property_renovation.ir_cron_renovation_reinspection")
            self._run_cron("property_renovation.ir_cron_renovation_reinspection")
        self.assertEqual(renovation.state, "reinspection")
        reinspection = renovation.inspection_ids.filtered(lambda i: i.kind == "reinspection")
        self.assertEqual(len(reinspection), 1)
        with self.assertRaises(UserError):
            renovation.with_user(self.director).action_approve_refund()  # not inspected yet
        reinspection.with_user(self.engineer_a).result = "ok"
        reinspection.with_user(self.engineer_a).action_done()
        with self.assertRaises(UserError):
            renovation.with_user(self.finance).action_refund()  # the director signs first
        with self.assertRaises(UserError):
            renovation.with_user(self.supervisor_a).action_approve_refund()
        renovation.with_user(self.director).action_approve_refund()
        with self.assertRaises(UserError):
            renovation.with_user(self.director).action_refund()  # finance posts
        bank = self.estate_a.renovation_refund_journal_id.default_account_id
        bank_before = self._balance(bank)
        renovation.with_user(self.finance).action_refund()
        self.assertEqual(renovation.state, "closed")
        self.assertEqual(renovation.refund_amount, 2650.0)
        self.assertEqual(self._balance(self.deposit_account, self.contractor), 0.0)
        self.assertEqual(
            self._balance(self.deposit_account),
            0.0,
        )
        self.assertAlmostEqual(self._balance(bank) - bank_before, -2650.0, places=2)
        renovation.invalidate_recordset()
        self.assertEqual(renovation.deposit_balance, 0.0)
        self.assertEqual(renovation.deposit_refunded, 2650.0)
        # never twice
        with self.assertRaises(UserError):
            renovation.with_user(self.finance).action_refund()

    def test_a_deposit_is_refunded_once_even_concurrently(self):
        renovation = self._completed()
        with freeze_time(renovation.reinspection_date):
            self._run_cron("property_renovation.ir_cron_renovation_reinspection")
        reinspection = renovation.inspection_ids.filtered(lambda i: i.kind == "reinspection")
        reinspection.with_user(self.engineer_a).result = "ok"
        reinspection.with_user(self.engineer_a).action_done()
        renovation.with_user(self.director).action_approve_refund()
        # two refunds started at the same moment both read the same balance; the
        # database keeps only one refund entry per application
        first = renovation.with_user(self.finance)._post_refund()
        self.assertEqual(first.amount_total, 5150.0)
        # the superuser replays the second refund's view of the state, as if concurrent
        renovation.state = "reinspection"
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self.env["account.move"].create(
                {
                    "move_type": "entry",
                    "journal_id": self.estate_a.renovation_refund_journal_id.id,
                    "property_renovation_id": renovation.id,
                    "property_renovation_role": "refund",
                    "line_ids": [],
                }
            )
            self.env.flush_all()
        self.assertEqual(self._balance(self.deposit_account), 0.0)

    def test_damage_beyond_the_deposits_is_invoiced(self):
        renovation = self._completed()
        deduction = (
            self.env["property.renovation.deduction"]
            .with_user(self.engineer_a)
            .create(
                {
                    "renovation_id": renovation.id,
                    "description": "Broken water riser",
                    "amount": 6000,
                }
            )
        )
        deduction.with_user(self.director).action_approve()
        deduction.with_user(self.finance).action_post()
        self.assertEqual(self._balance(self.deposit_account), 0.0)
        self.assertEqual(deduction.invoice_id.partner_id, self.owner_a)
        self.assertEqual(deduction.invoice_id.amount_total, 850.0)
        self.assertEqual(deduction.invoice_id.state, "posted")
        self.assertEqual(self._balance(self.compensation_account), -6000.0)

    # ------------------------------------------------------------------
    # During works
    # ------------------------------------------------------------------
    def test_inspection_schedule(self):
        renovation = self._in_progress()
        start = renovation.date_works_started
        Inspection = self.env["property.renovation.inspection"]
        for offset, expected in (
            (0, {"engineering", "security"}),
            (19, {"engineering", "security"}),
            (20, {"engineering", "security"}),
            (21, {"security"}),
            (22, {"security"}),
            (23, {"engineering", "security"}),
            (26, {"engineering", "security"}),
        ):
            self.assertEqual(
                set(Inspection._due_departments(renovation, start + timedelta(days=offset))),
                expected,
                offset,
            )
        with freeze_time(start + timedelta(days=1)):
            self._run_cron("property_renovation.ir_cron_renovation_inspections")
            self._run_cron("property_renovation.ir_cron_renovation_inspections")
        day_one = renovation.inspection_ids.filtered(
            lambda i: i.scheduled_date == start + timedelta(days=1)
        )
        self.assertEqual(len(day_one), 2)
        # the first day's were not done: missed, and the supervisor is told
        self.assertEqual(
            set(
                renovation.inspection_ids.filtered(lambda i: i.scheduled_date == start).mapped(
                    "state"
                )
            ),
            {"missed"},
        )
        # each department records its own inspections
        security_check = day_one.filtered(lambda i: i.department == "security")
        security_check.with_user(self.guard).result = "ok"
        with self.assertRaises(UserError):
            security_check.with_user(self.engineer_a).action_done()
        security_check.with_user(self.guard).action_done()
        self.assertEqual(security_check.inspector_id, self.guard)
        # the estate is in Shanghai: at 17:00 UTC its next day has begun, and the scheduled
        # action plans that day's rounds and gives up the engineering check not done
        day_two = start + timedelta(days=2)
        with freeze_time(datetime(day_two.year, day_two.month, day_two.day) - timedelta(hours=7)):
            self._run_cron("property_renovation.ir_cron_renovation_inspections")
        self.assertEqual(
            len(renovation.inspection_ids.filtered(lambda i: i.scheduled_date == day_two)), 2
        )
        self.assertEqual((day_one - security_check).state, "missed")

    def test_violation_measures(self):
        renovation = self._in_progress()
        # engineering's daily inspection finds them (SOP §4)
        Violation = self.env["property.renovation.violation"].with_user(self.engineer_a)
        with self.assertRaises(ValidationError):
            Violation.create(
                {"renovation_id": renovation.id, "description": "Wall opened", "measure": "notice"}
            )
        notice = Violation.create(
            {
                "renovation_id": renovation.id,
                "description": "Load-bearing wall opened",
                "measure": "notice",
                "deadline": date(2026, 3, 20),
            }
        )
        html = (
            self.env["ir.actions.report"]
            .with_user(self.engineer_a)
            ._render_qweb_html(
                "property_renovation.action_report_rectification_notice", notice.ids
            )[0]
            .decode()
        )
        self.assertIn("Load-bearing wall opened", html)
        cut = Violation.create(
            {
                "renovation_id": renovation.id,
                "description": "Ignored notice",
                "measure": "stop_restore",
            }
        )
        with self.assertRaisesRegex(ValidationError, "director's approval"):
            cut.with_user(self.supervisor_a).measure = "cut"
        # staff propose, and only the estate's director imposes it, from the saved form
        cut.with_user(self.supervisor_a).proposed_measure = "cut"
        with self.assertRaisesRegex(UserError, "Only the director of Estate A"):
            cut.with_user(self.supervisor_a).action_approve_cut()
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            cut.with_user(self.supervisor_a).write(
                {"approved_by_id": self.director.id, "approved_measure": "cut"}
            )
        cut.with_user(self.director).action_approve_cut()
        self.assertEqual(cut.measure, "cut")
        self.assertEqual(cut.approved_by_id, self.director)
        # the approval of a cut is not one of compensation
        with self.assertRaisesRegex(ValidationError, "director's approval"):
            cut.with_user(self.supervisor_a).measure = "compensation"
        cut.with_user(self.supervisor_a).proposed_measure = "compensation"
        cut.with_user(self.director).action_approve_compensation()
        self.assertEqual(cut.measure, "compensation")

    def test_worker_passes(self):
        renovation = self._approved()
        Pass = self.env["property.renovation.pass"].with_user(self.assistant_a)
        with self.assertRaises(UserError):
            Pass.create(
                {
                    "renovation_id": renovation.id,
                    "worker_name": "Early",
                    "id_number": "1",
                    "date_to": date(2026, 4, 1),
                }
            )
        renovation = self._in_progress()
        worker_pass = Pass.create(
            {
                "renovation_id": renovation.id,
                "worker_name": "Li Si",
                "id_number": "440300199001010011",
                "date_from": date(2026, 3, 1),
                "date_to": date(2026, 3, 31),
            }
        )
        with freeze_time(date(2026, 4, 2)):
            self.assertTrue(worker_pass.is_expired)
            self.assertIn(
                worker_pass,
                self.env["property.renovation.pass"].search([("is_expired", "=", True)]),
            )
        html = (
            self.env["ir.actions.report"]
            .with_user(self.assistant_a)
            ._render_qweb_html("property_renovation.action_report_worker_pass", worker_pass.ids)[0]
            .decode()
        )
        self.assertIn("Li Si", html)
        permit = (
            self.env["ir.actions.report"]
            .with_user(self.assistant_a)
            ._render_qweb_html(
                "property_renovation.action_report_renovation_permit", renovation.ids
            )[0]
            .decode()
        )
        self.assertIn(renovation.permit_number, permit)

    # ------------------------------------------------------------------
    # Every role opens the application; states only through the actions
    # ------------------------------------------------------------------
    def test_every_role_opens_an_application(self):
        renovation = self._approved()
        fields_shown = ["state", "fees_paid", "deposit_received", "deposit_balance", "name"]
        for user in (
            self.assistant_a,
            self.supervisor_a,
            self.director,
            self.engineer_a,
            self.guard,
            self.finance,
        ):
            with self.subTest(user=user.login):
                values = renovation.with_user(user).read(fields_shown)[0]
                self.assertEqual(values["state"], "approved")
                self.assertFalse(values["fees_paid"])
                self.assertEqual(values["deposit_received"], 5150.0)

    def test_states_and_approvals_cannot_be_forged(self):
        renovation = self._approved()
        # the permit while unpaid, written by the front desk over JSON-RPC
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            renovation.with_user(self.assistant_a).write(
                {"state": "permit", "permit_number": "FAKE"}
            )
        self.assertEqual(renovation.state, "approved")
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            self.env["property.renovation"].with_user(self.assistant_a).create(
                {
                    "unit_id": self.unit_a1.id,
                    "applicant_id": self.owner_a.id,
                    "scope": "Paint",
                    "state": "permit",
                }
            )
        # an inspection passed by writing it, instead of by the department's inspector
        works = self._in_progress()
        inspection = works.inspection_ids[:1] or self.env["property.renovation.inspection"].create(
            {
                "renovation_id": works.id,
                "department": "engineering",
                "scheduled_date": date(2026, 3, 10),
            }
        )
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            inspection.with_user(self.assistant_a).write({"state": "done", "result": "ok"})
        # engineering writes the director's approval of a deduction
        renovation = self._completed()
        deduction = (
            self.env["property.renovation.deduction"]
            .with_user(self.engineer_a)
            .create({"renovation_id": renovation.id, "description": "Wall", "amount": 100})
        )
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            deduction.with_user(self.engineer_a).write(
                {"state": "approved", "approved_by_id": self.director.id}
            )
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            self.env["property.renovation.deduction"].with_user(self.engineer_a).create(
                {
                    "renovation_id": renovation.id,
                    "description": "Door",
                    "amount": 50,
                    "approved_by_id": self.director.id,
                }
            )
        with self.assertRaisesRegex(UserError, "director approves the deduction first"):
            deduction.with_user(self.finance).action_post()
        deduction.with_user(self.director).action_approve()
        # what the director approved is what finance posts
        with self.assertRaisesRegex(UserError, "cannot change"):
            deduction.with_user(self.engineer_a).amount = 1000
        deduction.with_user(self.finance).action_post()
        self.assertEqual(deduction.state, "posted")

    def test_the_rules_and_the_water_test_are_signed_and_kept(self):
        renovation = self._approved()
        self._pay(renovation.invoice_ids)
        desk = renovation.with_user(self.assistant_a)
        # a tick is no signature: the owner and the contractor sign the rules
        desk.rules_owner_signature = DOC
        self.assertFalse(desk.rules_signed)
        with self.assertRaisesRegex(UserError, "sign the renovation rules first"):
            desk.action_issue_permit()
        desk.rules_contractor_signature = DOC
        self.assertTrue(desk.rules_signed)
        desk.action_issue_permit()
        with self.assertRaisesRegex(UserError, "the renovation rules were signed"):
            desk.rules_contractor_signature = False
        desk.write({"water_test_date": date(2026, 3, 9), "water_test_ok": True})
        desk.water_test_signature = DOC
        desk.action_start_works()
        with self.assertRaisesRegex(UserError, "the works started"):
            desk.water_test_ok = False
        with self.assertRaisesRegex(UserError, "the works started"):
            desk.water_test_date = date(2026, 3, 1)
        # sending back the date it shows changes nothing
        desk.write({"water_test_date": "2026-03-09"})
        self.assertTrue(renovation.water_test_ok)
        self.assertTrue(renovation.rules_contractor_signature)

    def test_records_are_kept_permanently(self):
        renovation = self._approved()
        with self.assertRaisesRegex(UserError, "kept permanently"):
            renovation.with_user(self.supervisor_a).unlink()
        draft = self._application()
        draft.with_user(self.supervisor_a).unlink()
        self.assertFalse(draft.exists())
