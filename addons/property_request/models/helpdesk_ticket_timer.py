# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.fields import Domain

from .helpdesk_ticket import ARRIVAL_KINDS, DISPATCH_KINDS, LADDER, MAJOR_LADDER, TIMERS


class HelpdeskTicket(models.Model):
    """The timers of a request (dispatch, arrival, resolution, per the 维修时限 table), their
    pauses, and the escalation of missed deadlines up the ladder."""

    _inherit = "helpdesk.ticket"

    dispatch_minutes = fields.Integer(
        compute="_compute_timer_terms",
        store=True,
        readonly=True,
        copy=False,
        help="Minutes allowed to dispatch the work order, from the estate's settings "
        "when the request was received.",
    )

    arrival_minutes = fields.Integer(
        compute="_compute_timer_terms", store=True, readonly=True, copy=False
    )

    limit_days = fields.Integer(
        string="Time Limit (days)",
        compute="_compute_timer_terms",
        store=True,
        readonly=True,
        copy=False,
        help="Days allowed to resolve the request, from the time-limit table when it was received.",
    )

    dispatch_deadline = fields.Datetime(
        compute="_compute_deadlines", store=True, index=True, copy=False
    )

    arrival_deadline = fields.Datetime(
        compute="_compute_deadlines", store=True, index=True, copy=False
    )

    resolution_deadline = fields.Datetime(
        compute="_compute_deadlines", store=True, index=True, copy=False
    )

    is_paused = fields.Boolean(
        related="stage_id.property_pauses_timers", store=True, string="Timers Paused"
    )

    pause_start = fields.Datetime(copy=False)

    paused_seconds = fields.Integer(
        copy=False, help="Time spent waiting on the resident; deadlines move on by it."
    )

    dispatch_overdue = fields.Boolean(copy=False, index=True)

    arrival_overdue = fields.Boolean(copy=False, index=True)

    resolution_overdue = fields.Boolean(copy=False, index=True)

    escalation_level = fields.Integer(
        copy=False,
        help="How far up the ladder (assistant, supervisor, director) missed deadlines "
        "have been escalated.",
    )

    timer_state = fields.Selection(
        [
            ("running", "On Time"),
            ("warning", "Deadline Near"),
            ("overdue", "Overdue"),
            ("paused", "Paused"),
            ("done", "Done"),
        ],
        compute="_compute_timer_state",
    )

    next_deadline = fields.Datetime(compute="_compute_timer_state")

    resolved_on_time = fields.Selection(
        [("on_time", "On Time"), ("late", "Late")],
        compute="_compute_resolved_on_time",
        store=True,
        help="Whether the request was resolved within its time limit.",
    )

    # The time allowed for each timer is taken from the estate's settings and the
    # time-limit table when the request is received (or re-categorised), and kept on the
    # request: a new rule applies to new requests and never rewrites the deadlines (nor
    # the on-time statistics) of past ones, whatever is recomputed later.
    @api.depends("estate_id", "request_kind", "category_id", "channel_id")
    def _compute_timer_terms(self):
        for ticket in self:
            estate = ticket.estate_id
            ticket.dispatch_minutes = (
                estate.dispatch_minutes_common or 3
                if ticket.request_kind == "repair_common"
                else estate.dispatch_minutes or 5
            )
            ticket.arrival_minutes = estate.arrival_minutes or 15
            days = ticket.category_id.property_time_limit_id.days
            if ticket.request_kind == "inquiry" and ticket.channel_id.property_is_written:
                days = estate.inquiry_reply_days or 2
            ticket.limit_days = days

    @api.depends(
        "date_received",
        "request_kind",
        "is_simple",
        "is_paid_service",
        "dispatch_minutes",
        "arrival_minutes",
        "limit_days",
        "date_dispatched",
        "appointment_date",
        "paused_seconds",
    )
    def _compute_deadlines(self):
        for ticket in self:
            paused = timedelta(seconds=ticket.paused_seconds or 0)
            received = ticket.date_received or fields.Datetime.now()
            timed = ticket.request_kind in DISPATCH_KINDS and not ticket.is_simple
            paid = ticket.is_paid_service and not ticket.is_simple
            dispatch = arrival = resolution = False
            if timed:
                dispatch = received + timedelta(minutes=ticket.dispatch_minutes) + paused
                if paid:
                    # paid work starts at the time agreed with the resident
                    arrival = ticket.date_dispatched and ticket.appointment_date
                elif ticket.request_kind in ARRIVAL_KINDS and ticket.date_dispatched:
                    arrival = ticket.appointment_date or (
                        ticket.date_dispatched + timedelta(minutes=ticket.arrival_minutes) + paused
                    )
            if ticket.limit_days and not ticket.is_simple:
                resolution = received + timedelta(days=ticket.limit_days) + paused
            ticket.dispatch_deadline = dispatch
            ticket.arrival_deadline = arrival
            ticket.resolution_deadline = resolution

    @api.depends(
        "closed_date", "resolution_deadline", "stage_id", "date_dispatched", "date_arrived"
    )
    def _compute_timer_state(self):
        now = fields.Datetime.now()
        for ticket in self:
            open_deadlines = [
                ticket[deadline]
                for deadline, done, _flag in self._property_timers().values()
                if ticket[deadline] and not ticket[done] and not ticket.closed
            ]
            ticket.next_deadline = min(open_deadlines) if open_deadlines else False
            warning = timedelta(minutes=ticket.category_id.property_warning_minutes or 0)
            if ticket.closed:
                ticket.timer_state = "done"
            elif ticket.is_paused:
                ticket.timer_state = "paused"
            elif not open_deadlines:
                ticket.timer_state = "running"
            elif ticket.next_deadline < now:
                ticket.timer_state = "overdue"
            elif ticket.next_deadline - warning <= now:
                ticket.timer_state = "warning"
            else:
                ticket.timer_state = "running"

    @api.depends("closed_date", "resolution_deadline")
    def _compute_resolved_on_time(self):
        for ticket in self:
            if not ticket.closed_date or not ticket.resolution_deadline:
                ticket.resolved_on_time = False
            elif ticket.closed_date <= ticket.resolution_deadline:
                ticket.resolved_on_time = "on_time"
            else:
                ticket.resolved_on_time = "late"

    def _track_pause(self, stage_id):
        """Entering a waiting stage stops the timers; leaving it moves the deadlines on by
        the time spent waiting."""
        pauses = self.env["helpdesk.ticket.stage"].browse(stage_id).property_pauses_timers
        now = fields.Datetime.now()
        if pauses:
            self.filtered(lambda t: not t.pause_start).pause_start = now
            return
        for ticket in self.filtered("pause_start"):
            waited = int((now - ticket.pause_start).total_seconds())
            ticket.write({"pause_start": False, "paused_seconds": ticket.paused_seconds + waited})

    @api.model
    def _property_timers(self):
        """The timers of a request: name -> (deadline field, "done" field, overdue flag).
        Other addons add theirs (complaints and paid services do)."""
        return dict(TIMERS)

    @api.model
    def _property_timer_labels(self):
        return {
            "dispatch": self.env._("dispatch"),
            "arrival": self.env._("arrival"),
            "resolution": self.env._("resolution"),
        }

    @api.model
    def _get_overdue_domain(self, now):
        """Open, running requests with a deadline passed and not yet marked."""
        timers = Domain.OR(
            Domain(deadline, "<", now) & Domain(done, "=", False) & Domain(flag, "=", False)
            for deadline, done, flag in self._property_timers().values()
        )
        return timers & Domain("closed", "=", False) & Domain("is_paused", "=", False)

    @api.model
    def _cron_check_timers(self, batch_size=5000):
        """Mark missed deadlines, log them on the request and escalate one level up the
        ladder per missed deadline (each level once). Flags are set in the same
        transaction as the messages and activities, so a second run, or a run after one
        that was killed half-way, finds nothing to redo."""
        now = fields.Datetime.now()
        domain = self._get_overdue_domain(now)
        cron = self.env["ir.cron"]
        cron._commit_progress(remaining=self.search_count(domain))
        while tickets := self.search(domain, limit=batch_size, order="id"):
            tickets._mark_overdue(now)
            if not cron._commit_progress(len(tickets)):
                break

    def _mark_overdue(self, now):
        timers = self._property_timers()
        labels = self._property_timer_labels()
        activity_type = self.env.ref("property_request.mail_activity_type_overdue_request")
        model_id = self.env["ir.model"]._get_id(self._name)
        writes = defaultdict(list)
        bodies = {}
        activities = {False: [], True: []}  # by "also e-mail the person"
        for ticket in self:
            missed = [
                timer
                for timer, (deadline, done, flag) in timers.items()
                if ticket[deadline]
                and ticket[deadline] < now
                and not ticket[done]
                and not ticket[flag]
            ]
            if not missed:
                continue
            ladder = MAJOR_LADDER if ticket.is_major else LADDER
            old_level = ticket.escalation_level
            new_level = min(old_level + len(missed), len(ladder))
            flags = tuple(sorted(timers[timer][2] for timer in missed))
            writes[flags, new_level].append(ticket.id)
            recipients = [ticket._get_escalation_user(role) for role in ladder[old_level:new_level]]
            recipients = [user for user in recipients if user]
            bodies[ticket.id] = Markup("<p>%s</p>") % self.env._(
                "Deadline missed: %(timers)s. Escalated to %(users)s.",
                timers=", ".join(labels[timer] for timer in missed),
                users=", ".join(user.name for user in recipients) or self.env._("nobody"),
            )
            for user in recipients:
                activities[bool(ticket.estate_id.escalation_email)].append(
                    {
                        "res_model_id": model_id,
                        "res_id": ticket.id,
                        "activity_type_id": activity_type.id,
                        "summary": self.env._("Overdue: %(ticket)s", ticket=ticket.display_name),
                        "user_id": user.id,
                        "date_deadline": ticket.estate_id._local_date(),
                    }
                )
        for (flags, level), ids in writes.items():
            self.browse(ids).write({**dict.fromkeys(flags, True), "escalation_level": level})
        if bodies:
            self.browse(list(bodies))._message_log_batch(bodies=bodies)
        Activity = self.env["mail.activity"]
        if activities[False]:
            # no assignment e-mail: the activity shows in the user's Odoo
            Activity.with_context(mail_activity_quick_update=True).create(activities[False])
        if activities[True]:
            Activity.create(activities[True])

    def _get_escalation_user(self, role):
        self.ensure_one()
        estate = self.estate_id
        if role == "assistant":
            return self.user_id or estate.front_desk_user_ids[:1]
        if role == "supervisor":
            return estate.supervisor_id
        return estate.director_id
