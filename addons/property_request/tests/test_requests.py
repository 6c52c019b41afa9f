# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, new_test_user, tagged

from .common import RequestCommon

# 2026-03-03 10:00 in Asia/Shanghai
T0 = datetime(2026, 3, 3, 2, 0)


@tagged("post_install", "-at_install")
class TestRequests(RequestCommon):
    def _ticket(self, **vals):
        return self._request(T0, **vals)

    def test_time_limit_table_holds_the_sop_values(self):
        Limit = self.env["property.time.limit"]

        def days(department, group, name):
            return Limit.search(
                [("department", "=", department), ("limit_group", "=", group), ("name", "=", name)]
            ).days

        self.assertEqual(Limit.search_count([]), 53)
        self.assertEqual(days("engineering", "paid", "Unblocking"), 1)
        self.assertEqual(days("engineering", "common_area", "Overhaul"), 2)
        self.assertEqual(days("engineering", "common_area", "Unblocking"), 2)
        self.assertEqual(days("engineering", "rectification", "Civil Works"), 10)
        self.assertEqual(days("engineering", "rectification", "Waterproofing"), 20)
        self.assertEqual(days("engineering", "rectification", "Security Door"), 7)
        self.assertEqual(days("engineering", "equipment", "Lifts"), 3)
        self.assertEqual(days("engineering", "equipment", "Fire System"), 3)
        self.assertEqual(days("engineering", "equipment", "Smart Systems"), 7)
        self.assertEqual(days("engineering", "equipment", "Generator"), 5)
        self.assertEqual(days("cleaning", "paid", "Housekeeping"), 1)
        self.assertEqual(days("security", "common_area", "Public Order"), 1)
        self.assertEqual(days("service_centre", "internal", "Internal Task"), 1)
        for department in ("engineering", "cleaning", "security", "service_centre"):
            self.assertEqual(days(department, "complaint", "Valid Complaint"), 2)
            for name in ("Help-Seeking", "Inquiry", "Venting"):
                self.assertEqual(days(department, "complaint", name), 3)
        # every item is a request category with its department
        self.assertEqual(self.cat_lift.property_time_limit_id.days, 3)
        self.assertEqual(self.cat_lift.property_department_id, self.engineering)

    # ------------------------------------------------------------------
    # Routing and deadlines
    # ------------------------------------------------------------------
    def test_routing_by_service_centre_hours(self):
        day = self._ticket()
        self.assertEqual(day.estate_id, self.estate_a)
        self.assertEqual(day.team_id, self.estate_a.service_team_id)
        night = self._ticket(date_received=T0 + timedelta(hours=11))  # 21:00 local
        self.assertEqual(night.team_id, self.env.ref("property_request.helpdesk_team_monitoring"))
        # the night team is configurable per estate
        self.estate_a.night_team_id = self.engineering
        other_night = self._ticket(date_received=T0 - timedelta(hours=3))  # 07:00 local
        self.assertEqual(other_night.team_id, self.engineering)

    def test_deadlines(self):
        repair = self._ticket()
        self.assertEqual(repair.request_kind, "repair_unit")
        self.assertEqual(repair.dispatch_deadline, T0 + timedelta(minutes=5))
        self.assertFalse(repair.arrival_deadline)
        self.assertEqual(repair.resolution_deadline, T0 + timedelta(days=1))
        with freeze_time(T0 + timedelta(minutes=4)):
            repair.action_dispatch()
        self.assertEqual(repair.department_id, self.engineering)
        self.assertEqual(repair.stage_id, self.stage_in_progress)
        self.assertEqual(repair.arrival_deadline, T0 + timedelta(minutes=19))
        # the appointment the resident chose replaces the 15 minutes
        repair.appointment_date = T0 + timedelta(hours=3)
        self.assertEqual(repair.arrival_deadline, T0 + timedelta(hours=3))

        common = self._ticket(
            unit_id=False,
            estate_id=self.estate_a.id,
            location="Lobby B1",
            category_id=self.cat_common.id,
        )
        self.assertEqual(common.dispatch_deadline, T0 + timedelta(minutes=3))
        self.assertEqual(common.resolution_deadline, T0 + timedelta(days=2))

        letter = self._ticket(
            category_id=False,
            request_kind="inquiry",
            channel_id=self.env.ref("property_request.helpdesk_ticket_channel_letter").id,
        )
        self.assertFalse(letter.dispatch_deadline)
        self.assertEqual(letter.resolution_deadline, T0 + timedelta(days=2))
        oral = self._ticket(
            category_id=False,
            request_kind="inquiry",
            channel_id=self.env.ref("helpdesk_mgmt.helpdesk_ticket_channel_phone").id,
        )
        self.assertFalse(oral.resolution_deadline)

        # a new estate setting applies to new requests, not to past ones
        self.estate_a.dispatch_minutes = 10
        self.assertEqual(self._ticket().dispatch_deadline, T0 + timedelta(minutes=10))
        self.assertEqual(repair.dispatch_deadline, T0 + timedelta(minutes=5))

    def test_the_desk_logging_a_request_is_not_its_assignee(self):
        """The front desk logs every request and dispatches it: OCA's auto-assignment of
        the creator (OdooBot for a scheduled action, the desk for a phone call) does not
        apply, whatever the company's setting."""
        self.env.company.helpdesk_mgmt_ticket_auto_assign = True
        self.assertFalse(self._ticket().user_id)

    def test_simple_requests_close_without_work_order(self):
        simple = self._ticket(is_simple=True)
        self.assertFalse(simple.dispatch_deadline)
        simple.stage_id = self.stage_done
        self.assertTrue(simple.closed)
        repair = self._ticket()
        with self.assertRaises(UserError):
            repair.stage_id = self.stage_done
        self.assertFalse(repair.closed)
        repair.action_dispatch()
        repair.stage_id = self.stage_done
        self.assertTrue(repair.closed)

    def test_recorded_and_completed_before_the_first_save(self):
        """The desk clicks 已完成 on a request it has not saved yet: the same rules as for a
        saved one, and the completion time is kept."""
        with freeze_time(T0):
            simple = self._ticket(is_simple=True, stage_id=self.stage_done.id)
        self.assertTrue(simple.closed)
        self.assertEqual(simple.closed_date, T0)
        self.assertEqual(simple.followup_kind, "everyday_help")
        # a repair cannot skip its work order by never being saved (the request's
        # transaction, and so the new request, is rolled back)
        with self.assertRaisesRegex(UserError, "Dispatch a work order before closing"):
            self._ticket(stage_id=self.stage_done.id)

    def test_waiting_on_the_resident_pauses_the_timers(self):
        with freeze_time(T0):
            ticket = self._ticket()
        with freeze_time(T0 + timedelta(minutes=1)):
            ticket.stage_id = self.stage_awaiting
            self.assertEqual(ticket.timer_state, "paused")
        with freeze_time(T0 + timedelta(minutes=30)):
            # still waiting long after the deadline: the cron leaves it alone
            self.assertFalse(
                ticket.search(ticket._get_overdue_domain(T0 + timedelta(minutes=30))) & ticket
            )
        with freeze_time(T0 + timedelta(minutes=41)):
            ticket.stage_id = self.stage_in_progress
        self.assertEqual(ticket.paused_seconds, 40 * 60)
        self.assertEqual(ticket.dispatch_deadline, T0 + timedelta(minutes=45))
        self.assertEqual(ticket.resolution_deadline, T0 + timedelta(days=1, minutes=40))

    # ------------------------------------------------------------------
    # Overdue timers and escalation
    # ------------------------------------------------------------------
    def test_escalation_ladder_once_per_level(self):
        ticket = self._ticket(user_id=self.assistant_a.id)
        cron = "property_request.ir_cron_ticket_check_timers"
        with freeze_time(T0 + timedelta(minutes=6)):
            self._run_cron(cron)
            self.assertTrue(ticket.dispatch_overdue)
            self.assertEqual(ticket.escalation_level, 1)
            self.assertEqual(self._activities(ticket).user_id, self.assistant_a)
            self.assertIn("Deadline missed", ticket.message_ids[0].body)
            messages = len(ticket.message_ids)
            self._run_cron(cron)
            self.assertEqual(len(self._activities(ticket)), 1)
            self.assertEqual(len(ticket.message_ids), messages)
            ticket.action_dispatch()
        with freeze_time(T0 + timedelta(minutes=30)):
            self._run_cron(cron)
            self.assertTrue(ticket.arrival_overdue)
            self.assertEqual(ticket.escalation_level, 2)
            self.assertEqual(self._activities(ticket).user_id, self.assistant_a | self.supervisor_a)
        with freeze_time(T0 + timedelta(days=2)):
            self._run_cron(cron)
            self.assertTrue(ticket.resolution_overdue)
            self.assertEqual(ticket.escalation_level, 3)
            self.assertEqual(
                self._activities(ticket).user_id,
                self.assistant_a | self.supervisor_a | self.director_a,
            )
            self._run_cron(cron)
            self.assertEqual(len(self._activities(ticket)), 3)

    def test_major_case_goes_to_supervisor_and_director(self):
        ticket = self._ticket(is_major=True)
        with freeze_time(T0 + timedelta(days=2)):
            # dispatch and resolution missed together: two levels at once
            self._run_cron("property_request.ir_cron_ticket_check_timers")
        self.assertEqual(ticket.escalation_level, 2)
        self.assertEqual(self._activities(ticket).user_id, self.supervisor_a | self.director_a)

    def test_overdue_marking_query_count_does_not_grow(self):
        def overdue_batch(count):
            tickets = self.env["helpdesk.ticket"].concat(
                *[self._ticket(user_id=self.assistant_a.id) for _i in range(count)]
            )
            self.env.flush_all()
            self.env.invalidate_all()
            tickets = tickets.browse(tickets.ids)
            before = self.env.cr.sql_log_count
            tickets._mark_overdue(T0 + timedelta(days=2))
            self.env.flush_all()
            return self.env.cr.sql_log_count - before

        overdue_batch(3)  # warm-up
        small, large = overdue_batch(5), overdue_batch(40)
        self.assertEqual(small, large)

    # ------------------------------------------------------------------
    # Dispatch modes
    # ------------------------------------------------------------------
    def test_round_robin_and_pool(self):
        tech_1 = new_test_user(
            self.env, login="psd_tech_1", groups="property_service_desk.group_property_engineering"
        )
        tech_2 = new_test_user(
            self.env, login="psd_tech_2", groups="property_service_desk.group_property_engineering"
        )
        self.engineering.user_ids = tech_1 | tech_2
        self.estate_a.user_ids = [(4, tech_1.id), (4, tech_2.id)]
        self.cat_repair.property_dispatch_mode = "round_robin"
        first, second = self._ticket(), self._ticket()
        first.action_dispatch()
        second.action_dispatch()
        self.assertEqual(first.user_id | second.user_id, tech_1 | tech_2)

        self.cat_lift.write({"property_dispatch_mode": "pool", "property_pool_cap": 1})
        one, two = (
            self._ticket(category_id=self.cat_lift.id),
            self._ticket(category_id=self.cat_lift.id),
        )
        (one | two).action_dispatch()
        tech_3 = new_test_user(
            self.env, login="psd_tech_3", groups="property_service_desk.group_property_supervisor"
        )
        self.estate_a.user_ids = [(4, tech_3.id)]
        one.with_user(tech_3).action_claim()
        self.assertEqual(one.user_id, tech_3)
        with self.assertRaises(UserError):
            two.with_user(tech_3).action_claim()
        self.assertFalse(two.user_id)

    def test_staff_see_requests_of_their_estates(self):
        ticket_a = self._ticket()
        # estate B's request, logged by its own front desk
        ticket_b = (
            self.env["helpdesk.ticket"]
            .with_user(self.assistant_b)
            .create(
                {
                    "name": "Estate B drain",
                    "description": "<p>x</p>",
                    "unit_id": self.unit_b1.id,
                    "category_id": self.cat_repair.id,
                    "date_received": T0,
                }
            )
        )
        visible = (
            self.env["helpdesk.ticket"]
            .with_user(self.assistant_a)
            .search([("id", "in", (ticket_a | ticket_b).ids)])
        )
        self.assertEqual(visible.ids, ticket_a.ids)
        with self.assertRaises(AccessError):
            ticket_b.with_user(self.assistant_a).read(["name"])
        admin_visible = (
            self.env["helpdesk.ticket"]
            .with_user(self.suite_admin)
            .search([("id", "in", (ticket_a | ticket_b).ids)])
        )
        self.assertEqual(len(admin_visible), 2)

    def test_estates_made_before_the_requests_get_their_teams(self):
        """Master data first, requests later: installing the requests gives the estates
        that have none the receiving teams (day and night)."""
        estate = self.env["property.estate"].create(
            {
                "name": "Older Estate",
                "code": "OLD",
                "service_team_id": False,
                "night_team_id": False,
            }
        )
        self.assertFalse(estate.service_team_id)
        self.estate_a.night_team_id = self.engineering
        self.env["property.estate"]._property_request_setup_teams()
        self.assertEqual(
            estate.service_team_id, self.env.ref("property_request.helpdesk_team_service_centre")
        )
        self.assertEqual(
            estate.night_team_id, self.env.ref("property_request.helpdesk_team_monitoring")
        )
        # an estate's own choice stays
        self.assertEqual(self.estate_a.night_team_id, self.engineering)

    def test_request_records_are_kept_a_year(self):
        """A request is deleted, by the system administrator (the staff roles may delete no
        request), only a year after it was closed; an open one never."""
        admin = self.env.ref("base.user_admin")
        recent, old, still_open = (self._ticket(name=name) for name in ("Recent", "Old", "Open"))
        # (as the superuser: when the requests were closed)
        now = datetime.now()
        recent.closed_date = now - timedelta(days=300)
        old.closed_date = now - timedelta(days=400)
        for ticket in (recent, still_open):
            with self.assertRaisesRegex(UserError, "kept for a year after they are closed"):
                ticket.with_user(admin).unlink()
            self.assertTrue(ticket.exists())
        with self.assertRaisesRegex(AccessError, "not allowed to delete"):
            old.with_user(self.assistant_a).unlink()
        old.with_user(admin).unlink()
        self.assertFalse(old.exists())
