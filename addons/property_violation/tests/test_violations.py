# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.property_service_desk.tests.common import PropertyCommon


@tagged("post_install", "-at_install")
class TestViolations(PropertyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.director = new_test_user(
            cls.env,
            login="psd_vio_director",
            groups="property_service_desk.group_property_director",
        )
        cls.estate_a.user_ids = [(4, cls.director.id)]
        cls.category = cls.env.ref("property_violation.violation_category_occupation")

    def _violation(self, **vals):
        return (
            self.env["property.violation"]
            .with_user(self.assistant_a)
            .create(
                {
                    "unit_id": self.unit_a1.id,
                    "partner_id": self.owner_a.id,
                    "category_id": self.category.id,
                    "description": "Bicycles in the fire passage",
                    **vals,
                }
            )
        )

    def test_severity_and_earlier_violations(self):
        first = self._violation()
        self.assertEqual(first.severity, "general")
        self.assertEqual(first.earlier_count, 0)
        serious = self._violation(impact="serious")
        self.assertEqual(serious.severity, "major")
        self.assertEqual(serious.earlier_count, 1)
        self.assertIn("earlier violation", serious.message_ids[0].body)
        with self.assertRaises(UserError):
            serious.with_user(self.assistant_a).severity_override = "general"
        serious.with_user(self.director).severity_override = "general"
        self.assertEqual(serious.severity, "general")
        # nor is a serious violation recorded as general at creation, or played down later
        with self.assertRaisesRegex(UserError, "Only the director overrules"):
            self._violation(impact="serious", severity_override="general")
        with self.assertRaisesRegex(UserError, "follows from the impact"):
            self._violation(impact="serious", severity="general")
        other = self._violation(impact="serious")
        with self.assertRaisesRegex(UserError, "Only the director overrules"):
            other.with_user(self.assistant_a).impact = "minor"
        self.assertEqual(other.severity, "major")

    def test_the_notice_reads_in_the_residents_language(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["property_violation"], ["zh_CN"])
        self.owner_a.lang = "zh_CN"
        violation = self._violation()
        violation.with_context(lang="en_US").action_notify()
        chinese = self.category.with_context(lang="zh_CN").text_first
        self.assertNotEqual(chinese, self.category.with_context(lang="en_US").text_first)
        self.assertEqual(violation.notice_ids.text, chinese)
        # the notice is named by its violation and stage, not "property.violation.notice,1"
        self.assertEqual(
            violation.notice_ids.display_name,
            f"{violation.display_name} "
            + dict(violation.notice_ids._fields["stage"]._description_selection(self.env))["first"],
        )

    def test_notices_escalate_in_stages_with_the_category_text(self):
        violation = self._violation()
        with freeze_time(date(2026, 3, 3)):
            violation.action_notify()
            violation.action_notify()
            violation.action_notify()
            with self.assertRaises(UserError):
                violation.action_notify()
        self.assertEqual(violation.notice_ids.mapped("stage"), ["first", "second", "final"])
        self.assertEqual(
            violation.notice_ids[0].text,
            self.category.with_context(lang=self.owner_a.lang).text_first,
        )
        self.assertEqual(violation.notice_ids[0].deadline, date(2026, 3, 10))
        self.assertEqual(set(violation.notice_ids.mapped("department")), {"security"})
        html = (
            self.env["ir.actions.report"]
            .with_user(self.assistant_a)
            ._render_qweb_html(
                "property_violation.action_report_violation_notice", violation.notice_ids[:1].ids
            )[0]
            .decode()
        )
        self.assertIn("Resident copy", html)
        self.assertIn("Management office copy", html)

    def test_the_department_delivers_the_notice_it_is_given(self):
        guard = new_test_user(
            self.env,
            login="psd_vio_guard",
            groups="property_service_desk.group_property_security",
        )
        self.estate_a.user_ids = [(4, guard.id)]
        violation = self._violation()
        violation.action_notify()
        notice = violation.notice_ids
        # the category (blocked passages) is security's to deliver, not the front desk's
        with self.assertRaisesRegex(UserError, "Security delivers this notice"):
            notice.with_user(self.assistant_a).action_delivered()
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            notice.with_user(self.assistant_a).date_delivered = date(2026, 3, 3)
        # nor is a notice written by hand: Notify issues it with the category's text
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            self.env["property.violation.notice"].with_user(self.assistant_a).create(
                {
                    "violation_id": violation.id,
                    "stage": "second",
                    "date": date(2026, 3, 3),
                    "deadline": date(2026, 3, 4),
                    "text": "Softer text",
                }
            )
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            notice.with_user(self.assistant_a).text = "Softer text"
        notice.with_user(guard).action_delivered()
        self.assertEqual(notice.delivered_by_id, guard)
        # issued and delivered, as the violation's history tells
        log = " ".join(violation.message_ids.mapped("body"))
        self.assertIn("First Notice issued", log)
        self.assertIn(f"First Notice delivered by {guard.name}", log)
        self.assertEqual(notice.date_delivered, self.estate_a._local_today())
        with self.assertRaisesRegex(UserError, "already delivered"):
            notice.with_user(guard).action_delivered()

    def test_the_sops_six_categories_each_delivered_by_its_department(self):
        ref = self.env.ref
        expected = {
            "violation_category_renovation": "engineering",
            "violation_category_fire": "security",
            "violation_category_sanitation": "cleaning",
            "violation_category_security": "security",
            "violation_category_fees": "service_centre",
            "violation_category_other": "service_centre",
        }
        for xmlid, department in expected.items():
            with self.subTest(category=xmlid):
                category = ref(f"property_violation.{xmlid}")
                self.assertEqual(category.department, department)
                self.assertTrue(category.text_first and category.text_final)

    def test_a_compensation_is_never_negative(self):
        violation = self._violation()
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self.env["property.violation.penalty"].with_user(self.director).create(
                {"violation_id": violation.id, "kind": "compensation", "amount": -50.0}
            )
            self.env.flush_all()

    def test_penalties_by_the_director_with_their_conditions(self):
        violation = self._violation()
        Penalty = self.env["property.violation.penalty"]
        with self.assertRaises(UserError):
            Penalty.with_user(self.assistant_a).create(
                {"violation_id": violation.id, "kind": "litigation"}
            )
        with self.assertRaises(ValidationError):
            Penalty.with_user(self.director).create(
                {"violation_id": violation.id, "kind": "criticism"}
            )
        with self.assertRaises(ValidationError):
            Penalty.with_user(self.director).create(
                {
                    "violation_id": violation.id,
                    "kind": "cut",
                    "committee_support_date": date(2026, 3, 1),
                    "notice_date": date(2026, 3, 2),
                    "action_date": date(2026, 3, 4),
                }
            )
        cut = Penalty.with_user(self.director).create(
            {
                "violation_id": violation.id,
                "kind": "cut",
                "committee_support_date": date(2026, 3, 1),
                "notice_date": date(2026, 3, 2),
                "action_date": date(2026, 3, 5),
            }
        )
        self.assertEqual(cut.decided_by_id, self.director)
        compensation = Penalty.with_user(self.director).create(
            {"violation_id": violation.id, "kind": "compensation", "amount": 200.0}
        )
        # the front desk advises, it does not charge
        with self.assertRaisesRegex(UserError, "The director or finance invoices"):
            compensation.with_user(self.assistant_a).action_invoice()
        invoice = compensation.with_user(self.director).action_invoice()
        self.assertEqual(invoice.partner_id, self.owner_a)
        self.assertEqual(invoice.amount_total, 200.0)
        self.assertEqual(invoice.state, "posted")
        with self.assertRaises(UserError):
            compensation.with_user(self.director).action_invoice()

    def test_closing_plans_a_follow_up(self):
        violation = self._violation()
        with freeze_time(date(2026, 3, 3)):
            violation.action_close()
        followup = self.env["property.followup"].search(
            [("res_model", "=", "property.violation"), ("res_id", "=", violation.id)]
        )
        self.assertEqual(followup.due_date, date(2026, 3, 3) + timedelta(days=7))
        self.assertEqual(violation.state, "closed")
