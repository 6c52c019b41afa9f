# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date, datetime, timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, tagged

from odoo.addons.property_service_desk.tests.common import PropertyCommon


@tagged("post_install", "-at_install")
class TestDuty(PropertyCommon):
    def _roster(self, month=date(2026, 4, 1), full=True):
        # the supervisor draws up the roster (SOP §1)
        roster = (
            self.env["property.duty.roster"]
            .with_user(self.supervisor_a)
            .create({"estate_id": self.estate_a.id, "month": month})
        )
        if full:
            days = 30 if month.month == 4 else 31
            self.env["property.duty.roster.line"].with_user(self.supervisor_a).create(
                [
                    {
                        "roster_id": roster.id,
                        "date": month + timedelta(days=day),
                        "shift": shift,
                        "user_id": user.id,
                    }
                    for day in range(days)
                    for shift, user in (("day", self.assistant_a), ("night", self.engineer_a))
                ]
            )
        return roster

    def test_roster_published_by_the_supervisor_with_every_shift_covered(self):
        roster = self._roster(full=False)
        self.env["property.duty.roster.line"].with_user(self.supervisor_a).create(
            {
                "roster_id": roster.id,
                "date": date(2026, 4, 1),
                "shift": "day",
                "user_id": self.assistant_a.id,
            }
        )
        with self.assertRaises(UserError):
            roster.with_user(self.supervisor_a).action_publish()  # 59 shifts uncovered
        full = self._roster(month=date(2026, 5, 1))
        with self.assertRaises(UserError):
            full.with_user(self.assistant_a).action_publish()
        full.with_user(self.supervisor_a).action_publish()
        self.assertEqual(full.state, "published")
        # a published roster changes only through an approved swap
        line = full.line_ids[0]
        with self.assertRaises(UserError):
            line.user_id = self.assistant_b
        swap = (
            self.env["property.duty.swap"]
            .with_user(self.assistant_a)
            .create({"line_id": line.id, "to_user_id": self.assistant_b.id, "reason": "Doctor"})
        )
        with self.assertRaises(UserError):
            swap.with_user(self.assistant_a).action_approve()
        swap.with_user(self.supervisor_a).action_approve()
        self.assertEqual(line.user_id, self.assistant_b)

    def test_roster_filled_as_a_month_grid(self):
        roster = self._roster(full=False)
        self.assertEqual(len(roster.day_ids), 30)  # April, one row a day
        # the supervisor fills the month in one go: day shift and night duty in turn
        fill = (
            self.env["property.duty.roster.fill"]
            .with_user(self.supervisor_a)
            .create(
                {
                    "roster_id": roster.id,
                    "day_user_ids": [(6, 0, (self.assistant_a | self.supervisor_a).ids)],
                    "night_user_ids": [(6, 0, self.engineer_a.ids)],
                }
            )
        )
        fill.action_fill()
        self.assertEqual(len(roster.line_ids), 60)
        first, second = roster.day_ids.sorted("date")[:2]
        self.assertEqual(
            first.day_user_ids | second.day_user_ids, self.assistant_a | self.supervisor_a
        )
        self.assertEqual(len(first.day_user_ids), 1)
        self.assertEqual(first.night_user_ids, self.engineer_a)
        # a cell of the grid is the shift: two people on the first day shift
        roster.with_user(self.supervisor_a).write(
            {"day_ids": [(1, first.id, {"day_user_ids": [(4, self.assistant_b.id)]})]}
        )
        shifts = roster.line_ids.filtered(lambda line: line.date == first.date)
        self.assertEqual(len(shifts.filtered(lambda line: line.shift == "day")), 2)
        # filling again leaves what is filled alone
        fill.action_fill()
        self.assertEqual(len(roster.line_ids), 61)
        # the front desk does not draw up the roster
        with self.assertRaises(AccessError):
            self.env["property.duty.roster.fill"].with_user(self.assistant_a).create(
                {"roster_id": roster.id, "day_user_ids": [(6, 0, self.assistant_a.ids)]}
            )
        with self.assertRaises(AccessError):
            first.with_user(self.assistant_a).write({"night_user_ids": [(6, 0, [])]})
        roster.with_user(self.supervisor_a).action_publish()
        # published, neither the grid nor the shifts change but through a swap
        with self.assertRaisesRegex(UserError, "The roster is published"):
            first.with_user(self.supervisor_a).write({"night_user_ids": [(6, 0, [])]})
        with self.assertRaisesRegex(UserError, "The roster is published"):
            shifts[:1].with_user(self.supervisor_a).unlink()
        with self.assertRaisesRegex(UserError, "The roster is published"):
            fill.action_fill()
        self.env.invalidate_all()
        self.assertEqual(first.night_user_ids, self.engineer_a)

    def test_month_end_reminder_once(self):
        cron = "property_duty.ir_cron_duty_roster_reminder"

        def reminders():
            return self.estate_a.activity_ids.filtered(lambda a: "duty roster" in (a.summary or ""))

        with freeze_time(date(2026, 3, 20)):
            self._run_cron(cron)
        self.assertFalse(reminders())
        with freeze_time(date(2026, 3, 29)):
            self._run_cron(cron)
            self._run_cron(cron)
        self.assertEqual(reminders().user_id, self.supervisor_a)
        self.assertEqual(len(reminders()), 1)

    def test_handover_closes_with_both_confirmations_and_no_important_work_left(self):
        # a request at 23:00 Shanghai the night before, one during the day
        desk = self.env["helpdesk.ticket"].with_user(self.assistant_a)
        night = desk.create(
            {
                "name": "Water leak at night",
                "description": "<p>x</p>",
                "unit_id": self.unit_a1.id,
                "date_received": datetime(2026, 3, 2, 15, 0),
            }
        )
        day = desk.create(
            {
                "name": "Day request",
                "description": "<p>x</p>",
                "unit_id": self.unit_a1.id,
                "date_received": datetime(2026, 3, 3, 4, 0),
            }
        )
        # the front desk opens the handover record
        handover = (
            self.env["property.duty.handover"]
            .with_user(self.assistant_a)
            .create(
                {
                    "estate_id": self.estate_a.id,
                    "shift": "night",
                    "handover_time": datetime(2026, 3, 3, 0, 0),  # 08:00 Shanghai
                    "outgoing_user_id": self.engineer_a.id,
                    "incoming_user_id": self.assistant_a.id,
                    "incoming_arrival": datetime(2026, 3, 2, 23, 57),
                    "item_ids": [
                        (
                            0,
                            0,
                            {"name": "Leak in 1-1-101", "ticket_id": night.id, "important": True},
                        )
                    ],
                }
            )
        )
        self.assertIn(night, handover.night_request_ids)
        self.assertNotIn(day, handover.night_request_ids)
        self.assertIn(night, handover.carried_request_ids)
        self.assertTrue(handover.arrived_late)  # 3 minutes early, not 5
        with self.assertRaises(UserError):
            handover.with_user(self.assistant_a).action_confirm_outgoing()
        handover.with_user(self.engineer_a).action_confirm_outgoing()
        with self.assertRaises(UserError):
            handover.action_close()  # the incoming person has not confirmed
        handover.with_user(self.assistant_a).action_confirm_incoming()
        handover = handover.with_user(self.assistant_a)
        with self.assertRaisesRegex(UserError, "Important work is unfinished"):
            handover.action_close()
        # SOP §1: important work may not be handed over unfinished, ticked or not
        handover.item_ids.handed_over = True
        with self.assertRaisesRegex(UserError, "may not be handed over unfinished"):
            handover.action_close()
        handover.item_ids.finished = True
        handover.action_close()
        self.assertEqual(handover.state, "closed")

    def test_handover_signatures_only_by_the_two_people(self):
        handover = (
            self.env["property.duty.handover"]
            .with_user(self.assistant_a)
            .create(
                {
                    "estate_id": self.estate_a.id,
                    "shift": "day",
                    "outgoing_user_id": self.assistant_a.id,
                    "incoming_user_id": self.engineer_a.id,
                }
            )
        )
        # both confirmations and the closing written directly over JSON-RPC
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            handover.write({"outgoing_confirmed": True, "incoming_confirmed": True})
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            handover.write({"state": "closed"})
        handover.action_confirm_outgoing()
        # after a confirmation, nobody swaps the incoming person
        with self.assertRaisesRegex(UserError, "cannot change"):
            handover.incoming_user_id = self.supervisor_a
        handover.with_user(self.engineer_a).action_confirm_incoming()
        handover.action_close()
        self.assertEqual(handover.state, "closed")

    def test_shift_log_read_by_reviewer_and_nightly_digest_once(self):
        director = self.env["res.users"].create(
            {"name": "Dir", "login": "psd_duty_dir", "email": "dir@example.com"}
        )
        self.estate_a.director_id = director
        Log = self.env["property.duty.log"]
        entry = Log.with_user(self.assistant_a).create(
            {
                "estate_id": self.estate_a.id,
                "priority": "important",
                "description": "Lift 2 stopped between floors, rescue done",
                "unit_ids": [(6, 0, self.unit_a1.ids)],
                "reviewer_id": self.supervisor_a.id,
            }
        )
        with self.assertRaises(UserError):
            entry.with_user(self.assistant_a).action_mark_read()
        # nor is the reviewer's reading written in for them
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            entry.with_user(self.assistant_a).date_read = "2026-03-03 08:00:00"
        entry.with_user(self.supervisor_a).action_mark_read()
        self.assertTrue(entry.date_read)
        sent = Log._cron_nightly_digest()
        self.assertIn(entry, sent)
        digest = self.env["mail.message"].search(
            [
                ("model", "=", "property.estate"),
                ("res_id", "=", self.estate_a.id),
                ("body", "ilike", "Lift 2 stopped"),
            ]
        )
        self.assertEqual(len(digest), 1)
        self.assertIn(self.supervisor_a.partner_id, digest.partner_ids)
        self.assertFalse(Log._cron_nightly_digest())
