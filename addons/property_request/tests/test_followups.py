# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, new_test_user, tagged

from .common import RequestCommon

T0 = datetime(2026, 3, 3, 2, 0)


@tagged("post_install", "-at_install")
class TestEmergenciesAndFollowups(RequestCommon):
    def _ticket(self, **vals):
        return self._request(
            T0,
            **{
                "name": "Request",
                "description": "<p>...</p>",
                "partner_id": self.owner_a.id,
                "category_id": self.cat_common.id,
                **vals,
            },
        )

    def _complete(self, tickets, when):
        # the front desk dispatches and closes them, whoever's recordset they come in
        tickets = tickets.with_user(self.assistant_a)
        with freeze_time(when):
            for ticket in tickets:
                if not ticket.date_dispatched and not ticket.is_simple:
                    ticket.action_dispatch()
            tickets.write({"stage_id": self.stage_done.id})

    # ------------------------------------------------------------------
    # Emergencies, written inquiries, deferral
    # ------------------------------------------------------------------
    def test_medical_emergency_opens_checklist_and_tells_management(self):
        ticket = self._ticket(category_id=False, request_kind="medical", name="Fall in lobby")
        self.assertEqual(len(ticket.checklist_line_ids), 4)
        self.assertIn("120", " ".join(ticket.checklist_line_ids.mapped("name")))
        self.assertEqual(self._activities(ticket).user_id, self.supervisor_a | self.director_a)
        ticket.department_id = self.env.ref("property_request.helpdesk_team_security")
        ticket.action_dispatch()
        with self.assertRaises(UserError):
            ticket.stage_id = self.stage_done
        ticket.checklist_line_ids.is_done = True
        self.assertEqual(ticket.checklist_line_ids.done_user_id, self.assistant_a)
        ticket.stage_id = self.stage_done
        self.assertTrue(ticket.closed)
        for kind in ("security", "disaster"):
            self.assertEqual(
                len(self._ticket(category_id=False, request_kind=kind).checklist_line_ids), 4
            )

    def test_front_desk_and_security_log_emergencies(self):
        guard = new_test_user(
            self.env,
            login="psd_fu_guard",
            groups="property_service_desk.group_property_security",
        )
        self.estate_a.user_ids = [(4, guard.id)]
        for user, kind in (
            (self.assistant_a, "medical"),
            (guard, "security"),
            (self.assistant_a, "disaster"),
        ):
            with self.subTest(user=user.login, kind=kind):
                ticket = (
                    self.env["helpdesk.ticket"]
                    .with_user(user)
                    .create(
                        {
                            "name": "Emergency",
                            "description": "<p>...</p>",
                            "unit_id": self.unit_a1.id,
                            "request_kind": kind,
                        }
                    )
                )
                self.assertEqual(len(ticket.checklist_line_ids), 4)
                ticket.checklist_line_ids[0].with_user(user).is_done = True
                self.assertEqual(ticket.checklist_line_ids[0].done_user_id, user)
                with self.assertRaisesRegex(UserError, "stamped by the tick"):
                    ticket.checklist_line_ids[0].with_user(user).done_user_id = self.director_a
        # another estate's staff do not tick them
        with self.assertRaises(AccessError):
            ticket.checklist_line_ids[1].with_user(self.assistant_b).is_done = True

    def test_written_inquiry_reminder(self):
        letter = self.env.ref("property_request.helpdesk_ticket_channel_letter")
        ticket = self._ticket(
            category_id=False,
            request_kind="inquiry",
            channel_id=letter.id,
            user_id=self.assistant_a.id,
        )
        activity = self._activities(ticket)
        self.assertEqual(activity.user_id, self.assistant_a)
        self.assertEqual(activity.date_deadline, (T0 + timedelta(days=2)).date())

    def test_deferred_request_reopens_after_the_delay(self):
        ticket = self._ticket()
        with freeze_time("2026-03-05"):
            ticket.stage_id = self.stage_deferred
        self.assertEqual(ticket.reopen_date, date(2026, 4, 4))
        cron = "property_request.ir_cron_ticket_reopen_deferred"
        with freeze_time("2026-04-03"):
            self._run_cron(cron)
            self.assertEqual(ticket.stage_id, self.stage_deferred)
        with freeze_time("2026-04-04"):
            self._run_cron(cron)
            self.assertEqual(ticket.stage_id, self.stage_in_progress)
            self.assertFalse(ticket.reopen_date)
            messages = len(ticket.message_ids)
            self._run_cron(cron)
            self.assertEqual(len(ticket.message_ids), messages)

    def test_deferral_counts_the_estates_days(self):
        """Estate A is in Shanghai: 17:00 UTC is already the next day there."""
        ticket = self._ticket()
        with freeze_time("2026-03-04 17:00:00"):  # 5 March, 01:00 in Shanghai
            ticket.with_user(self.assistant_a).stage_id = self.stage_deferred
        self.assertEqual(ticket.reopen_date, date(2026, 4, 4))
        with freeze_time("2026-04-03 17:00:00"):  # 4 April, 01:00 in Shanghai
            self._run_cron("property_request.ir_cron_ticket_reopen_deferred")
            self.assertEqual(ticket.stage_id, self.stage_in_progress)

    # ------------------------------------------------------------------
    # Follow-ups
    # ------------------------------------------------------------------
    def test_followups_count_the_estates_days(self):
        """A repair completed at 01:00 on 1 April in Shanghai (17:00 UTC on 31 March) is
        an April repair, visited within 5 days of 1 April."""
        repair = self._ticket()
        self._complete(repair, "2026-03-31 17:00:00")
        with freeze_time("2026-03-31 18:00:00"):
            self._run_cron("property_request.ir_cron_ticket_plan_followups")
        self.assertEqual(repair.followup_ids.due_date, date(2026, 4, 6))

    def test_repairs_all_followed_up_within_5_days_once(self):
        repairs = self._ticket() | self._ticket() | self._ticket()
        self._complete(repairs, "2026-03-10 03:00:00")
        cron = "property_request.ir_cron_ticket_plan_followups"
        with freeze_time("2026-03-10 05:00:00"):
            self._run_cron(cron)
            self._run_cron(cron)
        followups = repairs.followup_ids
        self.assertEqual(len(followups), 3)
        self.assertEqual(set(followups.mapped("due_date")), {date(2026, 3, 15)})
        self.assertEqual(set(followups.mapped("source_kind")), {"repair"})
        self.assertEqual(followups.partner_id, self.owner_a)
        self.assertEqual(followups.visitor_id, self.assistant_a)

    def test_everyday_help_sampled_at_20_percent_reproducibly(self):
        helps = self.env["helpdesk.ticket"]
        for _i in range(10):
            helps |= self._ticket(category_id=False, request_kind="other", is_simple=True)
        self._complete(helps, "2026-03-12 03:00:00")
        cron = "property_request.ir_cron_ticket_plan_followups"
        with freeze_time("2026-03-12 05:00:00"):
            self._run_cron(cron)
        sampled = helps.followup_ids
        self.assertEqual(len(sampled), 2)
        # the draw is a stable function of the requests: the same two every time
        Followup = self.env["property.followup"]
        expected = sorted(helps, key=lambda t: Followup._sample_key("helpdesk.ticket", t.id))[:2]
        self.assertEqual(set(sampled.mapped("res_id")), {t.id for t in expected})
        # more completed help later in the month raises the quota, not the past draw
        more = self.env["helpdesk.ticket"]
        for _i in range(5):
            more |= self._ticket(category_id=False, request_kind="other", is_simple=True)
        self._complete(more, "2026-03-20 03:00:00")
        with freeze_time("2026-03-20 05:00:00"):
            self._run_cron(cron)
        self.assertEqual(len((helps | more).followup_ids), 3)  # ceil(15 x 20 %)
        self.assertTrue(sampled <= (helps | more).followup_ids)

    def test_internal_tasks_are_not_visited_nor_counted(self):
        internal = self.env.ref("property_request.category_engineering_internal_internal_task")
        tasks = self.env["helpdesk.ticket"]
        for _i in range(5):
            tasks |= self._ticket(category_id=internal.id, unit_id=False, is_simple=True)
        self.assertEqual(set(tasks.mapped("followup_kind")), {False})
        helps = self.env["helpdesk.ticket"]
        for _i in range(5):
            helps |= self._ticket(category_id=False, request_kind="other", is_simple=True)
        self._complete(tasks | helps, "2026-03-12 03:00:00")
        with freeze_time("2026-03-12 05:00:00"):
            self._run_cron("property_request.ir_cron_ticket_plan_followups")
        self.assertFalse(tasks.followup_ids)
        # 20 % of the 5 everyday requests, not of 10
        self.assertEqual(len(helps.followup_ids), 1)

    def test_second_visit_and_unsatisfied_resident_reopens(self):
        self.env.ref("property_request.followup_rule_repair").second_visit = True
        repair = self._ticket()
        self._complete(repair, "2026-03-10 03:00:00")
        with freeze_time("2026-03-10 05:00:00"):
            self._run_cron("property_request.ir_cron_ticket_plan_followups")
        first, second = repair.followup_ids.sorted("visit_number")
        self.assertEqual(second.due_date, date(2026, 4, 24))
        with self.assertRaises(UserError):
            first.action_done()
        self.assertEqual(first.state, "planned")
        first.action_done(outcome="unsatisfied", satisfaction="2", notes="Still leaking")
        self.assertEqual(first.state, "done")
        self.assertEqual(repair.stage_id, self.stage_in_progress)
        self.assertIn("not satisfied", repair.message_ids[0].body)

    def test_followup_rate_report(self):
        repairs = self._ticket() | self._ticket()
        self._complete(repairs, "2026-03-10 03:00:00")
        with freeze_time("2026-03-10 05:00:00"):
            self._run_cron("property_request.ir_cron_ticket_plan_followups")
        repairs.followup_ids[0].action_done(outcome="satisfied", satisfaction="5")
        self.env.flush_all()
        row = self.env["property.followup.report"].search(
            [
                ("estate_id", "=", self.estate_a.id),
                ("source_kind", "=", "repair"),
                ("month", "=", "2026-03-01"),
            ]
        )
        self.assertEqual(row.completed_count, 2)
        self.assertEqual(row.planned_count, 2)
        self.assertEqual(row.done_count, 1)
        self.assertEqual(row.required_rate, 100)
        self.assertEqual(row.achieved_rate, 50)
