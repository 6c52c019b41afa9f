# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import date, datetime, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, freeze_time, new_test_user, tagged

from odoo.addons.property_service_desk.tests.common import PropertyCommon

CRON = "property_patrol.ir_cron_patrol_rounds"
# 2026-03-03 08:30 in Asia/Shanghai
MORNING = datetime(2026, 3, 3, 0, 30)


# a 1 x 1 PNG
PHOTO = (
    b"iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9"
    b"awAAAABJRU5ErkJggg=="
)


@tagged("post_install", "-at_install")
class TestPatrols(PropertyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Checkpoint = cls.env["property.patrol.checkpoint"]
        cls.roof, cls.pump = Checkpoint.create(
            [
                {"name": "Roof B1", "estate_id": cls.estate_a.id, "area": "fire"},
                {"name": "Pump room", "estate_id": cls.estate_a.id, "area": "utilities"},
            ]
        )
        # the supervisor sets the patrol plan (SOP §9)
        cls.plan = (
            cls.env["property.patrol.plan"]
            .with_user(cls.supervisor_a)
            .create(
                {
                    "name": "Fire corridors and roofs",
                    "estate_id": cls.estate_a.id,
                    "area": "fire",
                    "checkpoint_ids": [(6, 0, (cls.roof | cls.pump).ids)],
                    "item_ids": [
                        (0, 0, {"name": "Fire doors closed"}),
                        (0, 0, {"name": "Roof drains clear"}),
                    ],
                    "interval_days": 1,
                    "start_hour": 9.0,
                    "window_hours": 2.0,
                    "user_id": cls.assistant_a.id,
                }
            )
        )

    def _round(self):
        with freeze_time(MORNING):
            self._run_cron(CRON)
            self._run_cron(CRON)
        # the round of the plan's patroller, the front desk here
        return (
            self.env["property.patrol.round"]
            .with_user(self.assistant_a)
            .search([("plan_id", "=", self.plan.id)])
        )

    def test_rounds_generated_once_and_missed_ones_alerted(self):
        round_ = self._round()
        self.assertEqual(len(round_), 1)
        self.assertEqual(round_.window_start, datetime(2026, 3, 3, 1, 0))  # 09:00 local
        self.assertEqual(round_.line_ids.mapped("name"), ["Fire doors closed", "Roof drains clear"])
        self.assertEqual(round_.display_name, "Fire corridors and roofs · 2026-03-03")
        with freeze_time(datetime(2026, 3, 3, 4, 0)):  # 12:00, after the window
            self._run_cron(CRON)
        self.assertEqual(round_.state, "missed")
        self.assertEqual(round_.activity_ids.user_id, self.supervisor_a)
        with freeze_time(datetime(2026, 3, 4, 0, 30)):
            self._run_cron(CRON)
        self.assertEqual(
            self.env["property.patrol.round"].search_count([("plan_id", "=", self.plan.id)]), 2
        )

    def test_scans_prove_presence_and_incomplete_rounds_alert(self):
        round_ = self._round()
        with freeze_time(datetime(2026, 3, 3, 1, 15)):
            visit = self.roof.with_user(self.assistant_a)._register_scan()
        self.assertEqual(visit.date, datetime(2026, 3, 3, 1, 15))
        self.assertTrue(visit.in_window)
        with freeze_time(datetime(2026, 3, 3, 1, 15)), self.assertRaises(UserError):
            self.roof.with_user(self.engineer_a)._register_scan()  # not their round
        round_.line_ids.result = "ok"
        round_.action_done()
        self.assertTrue(round_.incomplete)  # the pump room was not scanned
        self.assertEqual(round_.activity_ids.user_id, self.supervisor_a)

    def test_the_photo_of_a_finding_goes_with_it(self):
        round_ = self._round()
        drains, doors = round_.line_ids.sorted("name")[::-1][0], round_.line_ids.sorted("name")[0]
        # the patroller fails the checks on the phone, each with its photo
        drains.write({"result": "failed", "note": "Drain blocked", "photo": PHOTO})
        doors.write(
            {"result": "failed", "photo": PHOTO, "unit_id": self.unit_a1.id, "note": "Wedged"}
        )
        drains.action_make_request()
        doors.action_make_violation()
        cleaning = self.env.ref("property_request.helpdesk_team_cleaning")
        cleaning.user_id = self.supervisor_a
        doors.note_team_id = cleaning
        doors.action_note_department()
        for record in (drains.ticket_id, doors.violation_id, round_):
            with self.subTest(record=record._name):
                photos = record.sudo().message_ids.attachment_ids  # sudo: read back only
                self.assertEqual(len(photos), 1)
                self.assertEqual(photos.raw, base64.b64decode(PHOTO))
                self.assertTrue(record.message_ids.filtered("attachment_ids").subtype_id.internal)

    def test_findings_become_requests_and_are_verified(self):
        round_ = self._round()
        security = self.env.ref("property_request.helpdesk_team_security")
        security.user_id = self.engineer_a
        drains, doors = round_.line_ids.sorted("name")[::-1][0], round_.line_ids.sorted("name")[0]
        drains.write({"result": "failed", "note": "Drain blocked with leaves"})
        self.assertEqual(drains.due_date, date(2026, 3, 10))
        with self.assertRaises(UserError):
            drains.with_user(self.supervisor_a).due_date = date(2026, 3, 20)  # over a week
        drains.with_user(self.suite_admin).due_date = date(2026, 3, 20)
        # nor is a finding added with more than a week to fix
        with self.assertRaisesRegex(UserError, "More than a week"):
            self.env["property.patrol.line"].with_user(self.assistant_a).create(
                {
                    "round_id": round_.id,
                    "name": "Broken lamp",
                    "result": "failed",
                    "due_date": date(2026, 3, 25),
                }
            )
        drains.action_make_request()
        self.assertEqual(drains.ticket_id.request_kind, "repair_common")
        self.assertEqual(drains.ticket_id.estate_id, self.estate_a)
        self.assertEqual(drains.finding_state, "open")
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            drains.with_user(self.assistant_a).verified_on_site = True
        drains.with_user(self.assistant_a).action_verify()
        self.assertEqual(drains.finding_state, "closed")
        doors.write({"result": "failed", "gas_smell": True})
        self.assertIn(self.engineer_a, round_.activity_ids.user_id)
        # or a violation of a unit, or a note for another department
        with self.assertRaises(UserError):
            doors.action_make_violation()  # which unit?
        doors.write({"unit_id": self.unit_a1.id, "note": "Fire door wedged open"})
        doors.action_make_violation()
        self.assertEqual(doors.violation_id.unit_id, self.unit_a1)
        self.assertEqual(doors.violation_id.partner_id, self.owner_a)
        cleaning = self.env.ref("property_request.helpdesk_team_cleaning")
        cleaning.user_id = self.supervisor_a
        doors.note_team_id = cleaning
        doors.action_note_department()
        self.assertTrue(
            round_.activity_ids.filtered(
                lambda a: a.user_id == self.supervisor_a and "Patrol finding" in a.summary
            )
        )


@tagged("post_install", "-at_install")
class TestPatrolScanPage(HttpCase):
    def test_scanning_a_qr_code_records_the_visit(self):
        estate = self.env["property.estate"].create(
            {"name": "Scan Estate", "code": "SC", "tz": "Asia/Shanghai"}
        )
        # the guard on the night round scans the gate's code with the phone
        guard = new_test_user(
            self.env,
            login="sc_guard",
            password="sc_guard_pw",
            groups="property_service_desk.group_property_security",
        )
        estate.user_ids = [(4, guard.id)]
        checkpoint = self.env["property.patrol.checkpoint"].create(
            {"name": "Gate", "estate_id": estate.id, "area": "surroundings"}
        )
        plan = self.env["property.patrol.plan"].create(
            {
                "name": "Night round",
                "estate_id": estate.id,
                "area": "surroundings",
                "checkpoint_ids": [(6, 0, checkpoint.ids)],
                "user_id": guard.id,
            }
        )
        now = datetime.now()
        round_ = self.env["property.patrol.round"].create(
            {
                "plan_id": plan.id,
                "user_id": guard.id,
                "date": now.date(),
                "window_start": now - timedelta(minutes=30),
                "window_end": now + timedelta(minutes=30),
            }
        )
        self.authenticate("sc_guard", "sc_guard_pw")
        page = self.url_open(f"/patrol/scan/{checkpoint.token}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("Gate", page.text)
        self.assertEqual(round_.visit_ids.checkpoint_id, checkpoint)
        # the time printed is the estate's, not UTC
        local = estate._local_datetime(round_.visit_ids.date).strftime("%H:%M")
        self.assertIn(f"passed at {local}", page.text)
        self.assertEqual(self.url_open("/patrol/scan/not-a-code").status_code, 404)
