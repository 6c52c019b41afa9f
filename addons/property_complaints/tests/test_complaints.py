# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, freeze_time, new_test_user, tagged

from .common import T0, ComplaintCommon

CRON = "property_request.ir_cron_ticket_check_timers"


@tagged("post_install", "-at_install")
class TestComplaints(ComplaintCommon):
    # ------------------------------------------------------------------
    # Reception and deadlines
    # ------------------------------------------------------------------
    def test_valid_complaint_deadlines(self):
        complaint = self._complaint()
        self.assertEqual(complaint.request_kind, "complaint")
        self.assertEqual(complaint.complaint_type, "valid")
        self.assertEqual(complaint.complaint_department_deadline, T0 + timedelta(minutes=20))
        self.assertEqual(complaint.complaint_supervisor_deadline, T0 + timedelta(hours=1))
        self.assertFalse(complaint.complaint_director_deadline)  # minor
        self.assertFalse(complaint.complaint_reply_deadline)
        self.assertEqual(complaint.resolution_deadline, T0 + timedelta(days=2))
        # the supervisor is asked at once to acknowledge it
        activity = self._activities(complaint).filtered(
            lambda a: (
                a.activity_type_id
                == self.env.ref("property_complaints.mail_activity_type_complaint")
            )
        )
        self.assertEqual(activity.user_id, self.supervisor_a)

    def test_communicative_complaint_deadlines(self):
        complaint = self._complaint(category_id=self.cat_help.id, complaint_category="other")
        self.assertEqual(complaint.complaint_type, "help")
        self.assertFalse(complaint.complaint_supervisor_deadline)
        self.assertEqual(complaint.complaint_reply_deadline, T0 + timedelta(days=2))
        self.assertEqual(complaint.resolution_deadline, T0 + timedelta(days=3))
        # the resident wants an answer by tomorrow: end of tomorrow, local time
        sooner = self._complaint(
            category_id=self.cat_help.id, requested_reply_date=date(2026, 3, 4)
        )
        self.assertEqual(sooner.complaint_reply_deadline, datetime(2026, 3, 4, 15, 59, 59))
        # a later wish does not extend the rule
        later = self._complaint(
            category_id=self.cat_help.id, requested_reply_date=date(2026, 3, 20)
        )
        self.assertEqual(later.complaint_reply_deadline, T0 + timedelta(days=2))

    def test_major_and_important_complaints_reach_the_director_the_same_day(self):
        major = self._complaint(complaint_severity="major")
        self.assertTrue(major.is_major)
        end_of_day = datetime(2026, 3, 3, 15, 59, 59)  # 23:59:59 in Shanghai
        self.assertEqual(major.complaint_director_deadline, end_of_day)
        self.assertEqual(major.complaint_reply_deadline, T0 + timedelta(days=2))
        self.assertEqual(major.resolution_deadline, T0 + timedelta(days=10))
        important = self._complaint(complaint_severity="important")
        self.assertFalse(important.is_major)
        self.assertEqual(important.complaint_director_deadline, end_of_day)
        self.assertEqual(important.resolution_deadline, T0 + timedelta(days=2))
        self.assertIn(self.director_a, self._activities(important).user_id)

    def test_a_letter_counts_from_its_postmark(self):
        letter = self._complaint(
            channel_id=self.env.ref("property_request.helpdesk_ticket_channel_letter").id,
            category_id=self.cat_help.id,
            postmark_date=date(2026, 3, 1),
        )
        start = datetime(2026, 2, 28, 16, 0)  # 2026-03-01 00:00 in Shanghai
        self.assertEqual(letter.date_received, start)
        self.assertEqual(letter.complaint_reply_deadline, start + timedelta(days=2))
        self.assertEqual(letter.resolution_deadline, start + timedelta(days=3))

    def test_estate_settings_apply_to_new_complaints(self):
        self.estate_a.write({"complaint_department_minutes": 10, "complaint_valid_days": 1})
        complaint = self._complaint()
        self.assertEqual(complaint.complaint_department_deadline, T0 + timedelta(minutes=10))
        self.assertEqual(complaint.resolution_deadline, T0 + timedelta(days=1))

    # ------------------------------------------------------------------
    # Escalation
    # ------------------------------------------------------------------
    def test_late_complaints_escalate_once_per_level(self):
        complaint = self._complaint(user_id=self.assistant_a.id)
        with freeze_time(T0 + timedelta(minutes=25)):
            self._run_cron(CRON)
            self.assertTrue(complaint.complaint_department_overdue)
            self.assertEqual(complaint.escalation_level, 1)
            self.assertIn("complaint to the department", complaint.message_ids[0].body)
            activities = len(self._activities(complaint))
            self._run_cron(CRON)  # twice: nothing new
            self.assertEqual(len(self._activities(complaint)), activities)
            complaint.action_dispatch()
        with freeze_time(T0 + timedelta(minutes=70)):
            self._run_cron(CRON)
            self.assertTrue(complaint.complaint_supervisor_overdue)
            self.assertEqual(complaint.escalation_level, 2)
        # acknowledged in time: no escalation
        on_time = self._complaint()
        with freeze_time(T0 + timedelta(minutes=10)):
            on_time.action_dispatch()
            on_time.with_user(self.supervisor_a).action_acknowledge_complaint()
        self.assertEqual(on_time.date_supervisor_informed, T0 + timedelta(minutes=10))
        self.assertFalse(
            self._activities(on_time).filtered(lambda a: a.user_id == self.supervisor_a)
        )
        with freeze_time(T0 + timedelta(minutes=70)):
            self._run_cron(CRON)
        self.assertFalse(on_time.complaint_supervisor_overdue)
        self.assertEqual(on_time.escalation_level, 0)
        with self.assertRaises(UserError):
            on_time.with_user(self.assistant_a).action_acknowledge_complaint()

    def test_escalation_by_email_when_the_estate_wants_it(self):
        self.estate_a.escalation_email = True
        complaint = self._complaint(user_id=self.assistant_a.id)
        with freeze_time(T0 + timedelta(minutes=25)):
            self._run_cron(CRON)
        mails = self.env["mail.mail"].search(
            [("model", "=", "helpdesk.ticket"), ("res_id", "=", complaint.id)]
        )
        self.assertIn(self.assistant_a.partner_id, mails.recipient_ids)

    # ------------------------------------------------------------------
    # More time only with approval
    # ------------------------------------------------------------------
    def test_more_time_needs_the_director_or_general_manager(self):
        general_manager = new_test_user(
            self.env, login="psd_gm", groups="property_complaints.group_property_general_manager"
        )
        self.estate_a.user_ids = [(4, general_manager.id)]
        valid = self._complaint()
        later = T0 + timedelta(days=5)
        for user in (self.assistant_a, self.supervisor_a):
            with self.assertRaises(UserError):
                valid.with_user(user).write(
                    {"extended_deadline": later, "extension_reason": "Parts on order"}
                )
        with self.assertRaises(ValidationError):
            valid.with_user(self.director_a).extended_deadline = later
        self.assertEqual(valid.resolution_deadline, T0 + timedelta(days=2))
        valid.with_user(self.director_a).write(
            {"extended_deadline": later, "extension_reason": "Parts on order"}
        )
        self.assertEqual(valid.resolution_deadline, later)
        self.assertEqual(valid.extension_approved_by_id, self.director_a)

        venting = self._complaint(category_id=self.cat_venting.id)
        with self.assertRaises(UserError):
            venting.with_user(self.director_a).write(
                {"extended_deadline": later, "extension_reason": "Owner abroad"}
            )
        venting.with_user(general_manager).write(
            {"extended_deadline": later, "extension_reason": "Owner abroad"}
        )
        self.assertEqual(venting.resolution_deadline, later)
        # not before the complaint was received, not forged at creation or alone
        with self.assertRaisesRegex(ValidationError, "after the complaint was received"):
            valid.with_user(self.director_a).write(
                {"extended_deadline": T0 - timedelta(days=1), "extension_reason": "Typo"}
            )
        with self.assertRaisesRegex(UserError, "once it is received"):
            self.env["helpdesk.ticket"].with_user(self.assistant_a).create(
                {
                    "name": "Forged extension",
                    "description": "<p>x</p>",
                    "unit_id": self.unit_a1.id,
                    "category_id": self.cat_valid.id,
                    "extended_deadline": later,
                    "extension_reason": "Forged",
                }
            )
        with self.assertRaisesRegex(UserError, "recorded by the approval itself"):
            venting.with_user(self.assistant_a).extension_approved_by_id = self.director_a

    # ------------------------------------------------------------------
    # Handling and closure
    # ------------------------------------------------------------------
    def test_complaint_records_are_kept(self):
        """A complaint is closed or cancelled, never deleted, even by the system
        administrator, who may delete requests a year after they closed (the staff roles
        may not delete any)."""
        admin = self.env.ref("base.user_admin")
        complaint = self._complaint()
        # (as the superuser: the complaint was closed two years ago, past the requests'
        # one-year retention)
        complaint.closed_date = fields.Datetime.now() - timedelta(days=730)
        with self.assertRaisesRegex(UserError, "Complaint records are kept"):
            complaint.with_user(admin).unlink()
        self.assertTrue(complaint.exists())
        with self.assertRaisesRegex(AccessError, "not allowed to delete"):
            complaint.with_user(self.assistant_a).unlink()

    def test_closing_tells_the_resident_the_result(self):
        complaint = self._complaint()
        complaint.action_dispatch()
        with self.assertRaises(UserError):
            complaint.stage_id = self.stage_done  # nothing handled
        with self.assertRaises(UserError):
            complaint.action_record_handling()  # nothing written
        complaint.complaint_handling = "<p>Talked with the guard; he apologised.</p>"
        complaint.with_user(self.assistant_a).action_record_handling()
        self.assertEqual(complaint.handled_by_id, self.assistant_a)
        with self.assertRaises(UserError):
            complaint.stage_id = self.stage_done  # no result for the resident
        self.assertFalse(complaint.closed)
        complaint.complaint_result = "The guard was warned and apologised in person."
        with self.assertRaises(UserError):
            complaint.with_user(self.engineer_a).stage_id = self.stage_done  # not the desk
        self.assertFalse(complaint.closed)
        complaint.with_user(self.assistant_a).stage_id = self.stage_done
        self.assertTrue(complaint.closed)
        self.assertTrue(complaint.date_result_sent)
        result = complaint.message_ids.filtered(lambda m: "apologised in person" in (m.body or ""))
        self.assertEqual(len(result), 1)
        self.assertEqual(result.subtype_id, self.env.ref("mail.mt_comment"))
        self.assertIn(self.owner_a, result.notified_partner_ids | result.partner_ids)
        # closing again later does not send it twice
        complaint.stage_id = self.stage_done
        self.assertEqual(
            len(complaint.message_ids.filtered(lambda m: "apologised in person" in (m.body or ""))),
            1,
        )

    def test_follow_up_within_three_days(self):
        complaint = self._complaint(category_id=self.cat_help.id)
        complaint.action_dispatch()
        complaint.write(
            {"complaint_handling": "<p>Explained</p>", "complaint_result": "Explained the rules."}
        )
        complaint.action_record_handling()
        with freeze_time(T0 + timedelta(hours=5)):
            complaint.stage_id = self.stage_done
            self._run_cron("property_request.ir_cron_ticket_plan_followups")
        self.assertEqual(complaint.followup_ids.source_kind, "complaint")
        self.assertEqual(complaint.followup_ids.due_date, date(2026, 3, 6))

    def test_secondary_complaints(self):
        first = self._complaint(complaint_category="efficiency")
        again = self._complaint(
            complaint_category="efficiency", date_received=T0 + timedelta(days=20)
        )
        other_matter = self._complaint(
            complaint_category="neighbour", date_received=T0 + timedelta(days=20)
        )
        much_later = self._complaint(
            complaint_category="efficiency", date_received=T0 + timedelta(days=60)
        )
        other_unit = self._complaint(
            complaint_category="efficiency",
            unit_id=self.unit_a2.id,
            date_received=T0 + timedelta(days=1),
        )
        self.assertFalse(first.is_secondary_complaint)
        self.assertTrue(again.is_secondary_complaint)
        self.assertFalse(other_matter.is_secondary_complaint)
        self.assertFalse(much_later.is_secondary_complaint)
        self.assertFalse(other_unit.is_secondary_complaint)

        # reopened within the window
        staff = self._complaint(complaint_category="staff", unit_id=self.unit_a2.id)
        staff.action_dispatch()
        staff.write({"complaint_handling": "<p>Done</p>", "complaint_result": "Done."})
        staff.action_record_handling()
        staff.stage_id = self.stage_done
        self.assertFalse(staff.is_secondary_complaint)
        staff.stage_id = self.stage_in_progress
        self.assertTrue(staff.is_secondary_complaint)
        self.assertEqual(staff.complaint_analysis_category, "efficiency")
        # handled and told again before it closes again
        self.assertFalse(staff.date_handled)
        with self.assertRaises(UserError):
            staff.stage_id = self.stage_done

    def test_staff_complaints_go_to_hr_procedures_to_quality(self):
        hr_user = new_test_user(
            self.env, login="psd_hr", groups="property_service_desk.group_property_supervisor"
        )
        quality_user = new_test_user(
            self.env, login="psd_quality", groups="property_service_desk.group_property_supervisor"
        )
        self.estate_a.write(
            {
                "complaint_hr_user_id": hr_user.id,
                "complaint_quality_user_id": quality_user.id,
                "user_ids": [(4, hr_user.id), (4, quality_user.id)],
            }
        )
        staff = self._complaint(complaint_category="staff")
        self.assertEqual(staff.complaint_review, "hr")
        self.assertIn(hr_user, self._activities(staff).user_id)
        self.assertNotIn(quality_user, self._activities(staff).user_id)
        procedure = self._complaint(complaint_category="management")
        self.assertEqual(procedure.complaint_review, "quality")
        self.assertIn(quality_user, self._activities(procedure).user_id)
        neighbour = self._complaint(complaint_category="neighbour")
        self.assertFalse(neighbour.complaint_review)

    def test_internal_notes_never_notify_the_resident(self):
        complaint = self._complaint()
        complaint.message_subscribe(self.owner_a.ids)
        note = complaint.message_post(
            body="The owner has complained about every guard this year.",
            subtype_xmlid="mail.mt_note",
            message_type="comment",
        )
        self.assertNotIn(self.owner_a, note.notified_partner_ids)
        self.assertFalse(
            self.env["mail.mail"].search(
                [("mail_message_id", "=", note.id), ("recipient_ids", "in", self.owner_a.ids)]
            )
        )
        self.assertFalse(complaint.date_replied)  # a note is no reply
        reply = complaint.with_user(self.assistant_a).message_post(
            body="We are looking into it and will call you today.",
            subtype_xmlid="mail.mt_comment",
            message_type="comment",
        )
        self.assertIn(self.owner_a, reply.notified_partner_ids)
        self.assertTrue(complaint.date_replied)

    def test_suggestion_box_opened_on_mondays_and_thursdays(self):
        # the front desk opens the box and registers what it held (SOP §6)
        Box = self.env["property.complaint.box"].with_user(self.assistant_a)
        with self.assertRaises(ValidationError):
            Box.create(
                {"estate_id": self.estate_a.id, "opening_date": date(2026, 3, 3)}  # Tuesday
            )
        with Form(Box) as form:
            form.estate_id = self.estate_a
            form.opening_date = date(2026, 3, 2)  # Monday
            for subject, unit in (("Dog fouling", self.unit_a1), ("Lift too slow", self.unit_a2)):
                with form.line_ids.new() as line:
                    line.name = subject
                    line.unit_id = unit
                    line.category_id = self.cat_help
                    line.complaint_category = "neighbour"
        box = form.save()
        action = box.action_register()
        complaints = self.env["helpdesk.ticket"].search(action["domain"])
        self.assertEqual(len(complaints), 2)
        self.assertEqual(set(complaints.mapped("request_kind")), {"complaint"})
        self.assertEqual(
            complaints.channel_id,
            self.env.ref("property_complaints.helpdesk_ticket_channel_suggestion_box"),
        )
        self.assertEqual(set(complaints.mapped("date_received")), {datetime(2026, 3, 1, 16, 0)})
