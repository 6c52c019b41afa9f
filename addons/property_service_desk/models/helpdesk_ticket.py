# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.fields import Domain
from odoo.tools import LazyTranslate, formatLang, html2plaintext

from .helpdesk_ticket_category import REQUEST_KINDS
from .property_followup import FOLLOWUP_KINDS

_lt = LazyTranslate(__name__)

# Kinds that get a work order: dispatched to a department within minutes.
DISPATCH_KINDS = {
    "repair_unit",
    "repair_common",
    "rectification",
    "medical",
    "security",
    "disaster",
}
# Kinds where somebody must be on site within minutes of the dispatch.
ARRIVAL_KINDS = {"repair_unit", "repair_common", "medical", "security", "disaster"}
EMERGENCY_KINDS = {"medical", "security", "disaster"}
# The three timers of a request: (deadline field, "done" field, overdue flag)
TIMERS = {
    "dispatch": ("dispatch_deadline", "date_dispatched", "dispatch_overdue"),
    "arrival": ("arrival_deadline", "date_arrived", "arrival_overdue"),
    "resolution": ("resolution_deadline", "closed_date", "resolution_overdue"),
    "quote": ("quote_deadline", "date_quoted", "quote_overdue"),
}
# Occupants who may accept or refuse the price of a paid service for their unit.
QUOTE_ROLES = ("owner", "co_owner", "tenant", "agent")
# Escalation ladder (assistant -> supervisor -> director); major cases start higher.
LADDER = ("assistant", "supervisor", "director")
MAJOR_LADDER = ("supervisor", "director")


class HelpdeskTicket(models.Model):
    """Every request the service centre receives (报事报修), whatever the channel."""

    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "property.guarded.mixin"]
    _guarded_fields = {
        "quote_state": _lt("Send Quote, the resident's answer or Reset Quote"),
        "quoted_by_id": _lt("Send Quote"),
        "date_quoted": _lt("Send Quote"),
        "quote_answer_date": _lt("the resident's answer"),
        "quote_answer_partner_id": _lt("the resident's answer"),
        "quote_answer_channel": _lt("the resident's answer"),
        "quote_answer_user_id": _lt("the resident's answer"),
        "resident_signed_off": _lt("the resident's sign-off"),
    }

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    estate_id = fields.Many2one(
        "property.estate",
        index=True,
        tracking=True,
        compute="_compute_estate_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    unit_id = fields.Many2one(
        "property.unit",
        index=True,
        tracking=True,
        domain="[('estate_id', '=?', estate_id)]",
    )
    location = fields.Char(
        string="Common-Area Location",
        help="Where in the common areas, when the request is not about a unit.",
    )
    request_kind = fields.Selection(
        REQUEST_KINDS,
        index=True,
        tracking=True,
        compute="_compute_request_kind",
        store=True,
        readonly=False,
        precompute=True,
    )
    is_simple = fields.Boolean(
        string="Simple Request",
        help="Handled on the spot (turning water or power on): closed without a work order.",
    )
    is_major = fields.Boolean(
        string="Major Case",
        tracking=True,
        help="Escalates straight to the supervisor and the director.",
    )
    department_id = fields.Many2one(
        "helpdesk.ticket.team",
        index=True,
        tracking=True,
        help="Department performing the work order, set at dispatch.",
    )
    appointment_date = fields.Datetime(
        string="Appointment",
        help="Time the resident chose for the visit; replaces the arrival time limit.",
    )
    entry_when_absent = fields.Boolean(
        string="May Enter When Nobody Is Home",
        help="The resident allows staff to enter the unit when nobody is home.",
    )
    entry_contact = fields.Char(
        string="Contact for Entry", help="Whom to call to get into the unit."
    )
    date_received = fields.Datetime(
        string="Received", default=fields.Datetime.now, required=True, index=True
    )
    date_dispatched = fields.Datetime(string="Dispatched", copy=False, tracking=True)
    date_arrived = fields.Datetime(string="Arrived", copy=False, tracking=True)
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
    quote_minutes = fields.Integer(
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
    checklist_line_ids = fields.One2many(
        "property.checklist.line", "ticket_id", string="Checklist", copy=False
    )
    reopen_date = fields.Date(
        string="Reopens On",
        copy=False,
        help="A deferred request goes back to work by itself on this day.",
    )
    followup_kind = fields.Selection(
        FOLLOWUP_KINDS,
        compute="_compute_followup_kind",
        store=True,
        help="Which follow-up rule applies once the request is completed.",
    )
    followup_ids = fields.One2many(
        "property.followup",
        "res_id",
        string="Follow-ups",
        domain=[("res_model", "=", "helpdesk.ticket")],
    )
    resident_rating = fields.Selection(
        [
            ("1", "Very Dissatisfied"),
            ("2", "Dissatisfied"),
            ("3", "Neutral"),
            ("4", "Satisfied"),
            ("5", "Very Satisfied"),
        ],
        string="Resident's Rating",
        copy=False,
        tracking=True,
        help="The resident's own rating of the work; the supervisor's quality score is "
        "recorded apart, on the spot check.",
    )
    resident_signed_off = fields.Datetime(copy=False, readonly=True)
    # Paid services (特约服务)
    is_paid_service = fields.Boolean(
        related="category_id.property_is_paid", store=True, string="Paid Service"
    )
    charge_ids = fields.One2many(
        "property.request.charge", "ticket_id", string="Charges", copy=False
    )
    material_ids = fields.One2many(
        "property.request.material",
        "ticket_id",
        string="Resident-Supplied Materials",
        copy=False,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    quote_amount = fields.Monetary(
        string="Quoted Price",
        currency_field="currency_id",
        compute="_compute_quote_amount",
        store=True,
    )
    quote_state = fields.Selection(
        [
            ("draft", "To Quote"),
            ("quoted", "Awaiting the Resident"),
            ("accepted", "Accepted"),
            ("refused", "Refused"),
        ],
        string="Quote",
        default="draft",
        required=True,
        copy=False,
        tracking=True,
        index=True,
    )
    quote_deadline = fields.Datetime(
        compute="_compute_deadlines", store=True, index=True, copy=False
    )
    date_quoted = fields.Datetime(string="Quoted", copy=False, readonly=True)
    quoted_by_id = fields.Many2one("res.users", copy=False, readonly=True)
    quote_overdue = fields.Boolean(copy=False, index=True)
    quote_answer_date = fields.Datetime(string="Answered", copy=False, readonly=True)
    quote_answer_partner_id = fields.Many2one(
        "res.partner",
        string="Answered By",
        copy=False,
        readonly=True,
        help="The resident who accepted or refused the price.",
    )
    quote_answer_channel = fields.Selection(
        [("portal", "Portal"), ("staff", "Recorded by Staff")],
        string="Answer Channel",
        copy=False,
        readonly=True,
    )
    quote_answer_user_id = fields.Many2one(
        "res.users",
        string="Answer Recorded By",
        copy=False,
        readonly=True,
        help="The staff member who recorded the resident's answer.",
    )
    actual_work = fields.Text(
        copy=False,
        help="What was actually done on site, compared with the request.",
    )
    invoice_id = fields.Many2one(
        "account.move",
        copy=False,
        readonly=True,
        groups="account.group_account_invoice",
    )
    charge_state = fields.Selection(
        [("to_invoice", "Not Invoiced"), ("unpaid", "Unpaid"), ("paid", "Settled")],
        string="Charge",
        compute="_compute_charge_state",
        store=True,
        help="Whether the charge of the paid service was collected.",
    )
    resolved_on_time = fields.Selection(
        [("on_time", "On Time"), ("late", "Late")],
        compute="_compute_resolved_on_time",
        store=True,
        help="Whether the request was resolved within its time limit.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("unit_id")
    def _compute_estate_id(self):
        for ticket in self:
            if ticket.unit_id:
                ticket.estate_id = ticket.unit_id.estate_id

    @api.depends("category_id")
    def _compute_request_kind(self):
        for ticket in self:
            if ticket.category_id.property_request_kind:
                ticket.request_kind = ticket.category_id.property_request_kind
            elif not ticket.request_kind:
                ticket.request_kind = "other"

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
            ticket.quote_minutes = estate.quote_minutes or 20
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
        "quote_minutes",
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
            dispatch = arrival = resolution = quote = False
            if paid:
                quote = received + timedelta(minutes=ticket.quote_minutes) + paused
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
            ticket.quote_deadline = quote

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

    @api.depends(
        "request_kind",
        "is_simple",
        "category_id.property_is_paid",
        "category_id.property_time_limit_id.limit_group",
    )
    def _compute_followup_kind(self):
        for ticket in self:
            kind = ticket.request_kind
            if kind == "complaint":
                ticket.followup_kind = "complaint"
            elif ticket.category_id.property_time_limit_id.limit_group == "internal":
                # a department's internal task: no resident to visit, and not part of
                # the everyday help of which 20 % are visited
                ticket.followup_kind = False
            elif ticket.category_id.property_is_paid:
                ticket.followup_kind = "paid_service"
            elif kind in ("repair_unit", "repair_common") and not ticket.is_simple:
                ticket.followup_kind = "repair"
            elif kind == "rectification":
                ticket.followup_kind = "rectification"
            elif kind in EMERGENCY_KINDS:
                ticket.followup_kind = "emergency"
            elif kind == "planned_maintenance":
                ticket.followup_kind = False  # internal work, nobody to visit
            else:
                ticket.followup_kind = "everyday_help"

    @api.depends("charge_ids.price_subtotal")
    def _compute_quote_amount(self):
        for ticket in self:
            ticket.quote_amount = sum(ticket.charge_ids.mapped("price_subtotal"))

    @api.depends("is_paid_service", "invoice_id.payment_state", "invoice_id.state")
    def _compute_charge_state(self):
        for ticket in self:
            invoice = ticket.invoice_id
            if not ticket.is_paid_service:
                ticket.charge_state = False
            elif not invoice or invoice.state != "posted":
                ticket.charge_state = "to_invoice"
            elif invoice.payment_state in ("paid", "in_payment", "reversed"):
                ticket.charge_state = "paid"
            else:
                ticket.charge_state = "unpaid"

    @api.depends("closed_date", "resolution_deadline")
    def _compute_resolved_on_time(self):
        for ticket in self:
            if not ticket.closed_date or not ticket.resolution_deadline:
                ticket.resolved_on_time = False
            elif ticket.closed_date <= ticket.resolution_deadline:
                ticket.resolved_on_time = "on_time"
            else:
                ticket.resolved_on_time = "late"

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            self._prepare_property_vals(vals)
        tickets = super().create(vals_list)
        tickets._notify_category_users()
        tickets._start_emergency_checklists()
        tickets._schedule_written_reply()
        return tickets

    @api.model
    def _prepare_property_vals(self, vals):
        """Route a new request: the estate comes from the unit, and the receiving team
        is the estate's day team during service-centre hours, its night team outside."""
        if vals.get("unit_id") and not vals.get("estate_id"):
            vals["estate_id"] = self.env["property.unit"].browse(vals["unit_id"]).estate_id.id
        if vals.get("estate_id") and not vals.get("team_id"):
            estate = self.env["property.estate"].browse(vals["estate_id"])
            received = fields.Datetime.to_datetime(vals.get("date_received")) or (
                fields.Datetime.now()
            )
            team = (
                estate.service_team_id
                if estate._is_service_hours(received)
                else (estate.night_team_id)
            )
            if team:
                vals["team_id"] = team.id
        return vals

    def write(self, vals):
        if "stage_id" in vals:
            self._check_can_close(vals["stage_id"])
            self._track_pause(vals["stage_id"])
            stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
            if stage.property_is_deferred:
                self._set_reopen_date()
            elif "reopen_date" not in vals:
                vals = {**vals, "reopen_date": False}
        result = super().write(vals)
        if "stage_id" in vals:
            self.filtered(
                lambda t: t.closed and t.is_paid_service and t.stage_id != self._cancel_stage()
            )._create_service_invoices()
        return result

    @api.model
    def _cancel_stage(self):
        return (
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled", raise_if_not_found=False)
            or self.env["helpdesk.ticket.stage"]
        )

    def _set_reopen_date(self):
        today = fields.Date.context_today(self)
        for estate, tickets in self.grouped("estate_id").items():
            days = estate.deferred_reopen_days or 30
            tickets.reopen_date = today + timedelta(days=days)

    def _check_can_close(self, stage_id):
        stage = self.env["helpdesk.ticket.stage"].browse(stage_id)
        if not stage.closed or stage == self._cancel_stage():
            return
        unchecked = self.filtered(lambda t: not all(t.checklist_line_ids.mapped("is_done")))
        if unchecked:
            raise UserError(
                self.env._(
                    "Complete the checklist of %(tickets)s before closing it.",
                    tickets=", ".join(unchecked.mapped("display_name")),
                )
            )
        no_order = self.filtered(
            lambda t: t.request_kind in DISPATCH_KINDS and not t.is_simple and not t.date_dispatched
        )
        if no_order:
            raise UserError(
                self.env._(
                    "Dispatch a work order before closing %(tickets)s, or mark the request "
                    "as simple if it was handled on the spot.",
                    tickets=", ".join(no_order.mapped("display_name")),
                )
            )
        self._check_paid_service_done()

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

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_dispatch(self):
        """Issue the work order (派工单) to the department."""
        for ticket in self:
            if ticket.date_dispatched:
                continue
            department = ticket.department_id or ticket.category_id.property_department_id
            if not department:
                raise UserError(
                    self.env._(
                        "Choose the department that performs the work of %(ticket)s.",
                        ticket=ticket.display_name,
                    )
                )
            vals = {"department_id": department.id, "date_dispatched": fields.Datetime.now()}
            mode = ticket.category_id.property_dispatch_mode or "supervisor"
            # helpdesk may have auto-assigned whoever logged the request: round-robin
            # picks among the department's technicians unless one is already chosen
            if mode == "round_robin" and ticket.user_id not in department.user_ids:
                vals["user_id"] = ticket._next_round_robin_user(department).id
            elif mode == "pool" and ticket.user_id not in department.user_ids:
                vals["user_id"] = False  # back to the pool, technicians claim it
            in_progress = self.env.ref(
                "helpdesk_mgmt.helpdesk_ticket_stage_in_progress", raise_if_not_found=False
            )
            if in_progress and ticket.stage_id.unattended:
                vals["stage_id"] = in_progress.id
            ticket.write(vals)
        return True

    def action_arrive(self):
        for ticket in self:
            if not ticket.date_dispatched:
                raise UserError(
                    self.env._("%(ticket)s has no work order yet.", ticket=ticket.display_name)
                )
        self._check_quote_accepted()
        self.filtered(lambda t: not t.date_arrived).date_arrived = fields.Datetime.now()
        return True

    def action_claim(self):
        """A technician takes a work order from the pool, within the category's cap."""
        user = self.env.user
        for ticket in self:
            if ticket.user_id:
                raise UserError(
                    self.env._(
                        "%(ticket)s is already assigned to %(user)s.",
                        ticket=ticket.display_name,
                        user=ticket.user_id.name,
                    )
                )
            cap = ticket.category_id.property_pool_cap or 0
            if cap:
                open_count = self.search_count([("user_id", "=", user.id), ("closed", "=", False)])
                if open_count >= cap:
                    raise UserError(
                        self.env._(
                            "You already hold %(count)s open work orders; the limit for "
                            "%(category)s is %(cap)s.",
                            count=open_count,
                            category=ticket.category_id.display_name,
                            cap=cap,
                        )
                    )
            ticket.user_id = user
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _next_round_robin_user(self, department):
        """The department member whose last assignment is the oldest."""
        users = department.user_ids
        if not users:
            return self.env["res.users"]
        last = dict(
            self._read_group(
                [("user_id", "in", users.ids), ("assigned_date", "!=", False)],
                ["user_id"],
                ["assigned_date:max"],
            )
        )
        return min(
            users, key=lambda u: (last.get(u) or fields.Datetime.from_string("1970-01-01"), u.id)
        )

    def _notify_category_users(self):
        tickets = self.filtered("category_id.property_notify_user_ids")
        for category, category_tickets in tickets.grouped("category_id").items():
            category_tickets.message_subscribe(category.property_notify_user_ids.partner_id.ids)

    @api.model
    def _property_timers(self):
        """The timers of a request: name -> (deadline field, "done" field, overdue flag).
        Other addons add theirs (complaints do)."""
        return dict(TIMERS)

    @api.model
    def _property_timer_labels(self):
        return {
            "dispatch": self.env._("dispatch"),
            "arrival": self.env._("arrival"),
            "resolution": self.env._("resolution"),
            "quote": self.env._("quote"),
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
        activity_type = self.env.ref("property_service_desk.mail_activity_type_overdue_request")
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

    # ------------------------------------------------------------------
    # Emergencies, written inquiries, deferred requests
    # ------------------------------------------------------------------
    def _start_emergency_checklists(self):
        """Medical emergencies, security incidents and disasters open the checklist of
        their SOP steps, and the supervisor and director are told at once."""
        emergencies = self.filtered(lambda t: t.request_kind in EMERGENCY_KINDS)
        if not emergencies:
            return
        steps = (
            self.env["property.checklist.template"]
            .search([("request_kind", "in", list(EMERGENCY_KINDS))])
            .grouped("request_kind")
        )
        lines = []
        activities = []
        activity_type = self.env.ref("property_service_desk.mail_activity_type_emergency")
        model_id = self.env["ir.model"]._get_id(self._name)
        for ticket in emergencies:
            lines += [
                {"ticket_id": ticket.id, "name": step.name, "sequence": step.sequence}
                for step in steps.get(ticket.request_kind, [])
            ]
            for user in ticket.estate_id.supervisor_id | ticket.estate_id.director_id:
                activities.append(
                    {
                        "res_model_id": model_id,
                        "res_id": ticket.id,
                        "activity_type_id": activity_type.id,
                        "summary": self.env._("Emergency: %(ticket)s", ticket=ticket.display_name),
                        "user_id": user.id,
                        "date_deadline": ticket.estate_id._local_date(),
                    }
                )
        # the steps come from the SOP's templates, not from the user: whoever logs the
        # emergency (front desk, security, night monitoring) gets them
        self.env["property.checklist.line"].sudo().create(lines)
        if activities:
            self.env["mail.activity"].create(activities)

    def _schedule_written_reply(self):
        """Written inquiries are answered in writing by their deadline: a to-do for the
        person handling them (or the estate's front desk)."""
        activity_type = self.env.ref("property_service_desk.mail_activity_type_written_reply")
        for ticket in self.filtered(
            lambda t: (
                t.request_kind == "inquiry"
                and t.channel_id.property_is_written
                and t.resolution_deadline
            )
        ):
            user = ticket.user_id or ticket.estate_id.front_desk_user_ids[:1]
            ticket.activity_schedule(
                activity_type_id=activity_type.id,
                date_deadline=ticket.estate_id._local_date(ticket.resolution_deadline),
                summary=self.env._("Reply in writing"),
                user_id=(user or self.env.user).id,
            )

    @api.model
    def _cron_reopen_deferred(self):
        """Deferred requests go back to work on their reopen day (idempotent: the day is
        cleared when they leave the deferred stage)."""
        today = fields.Date.context_today(self)
        tickets = self.search(
            [("reopen_date", "<=", today), ("stage_id.property_is_deferred", "=", True)]
        )
        stage = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        if tickets:
            tickets.write({"stage_id": stage.id})
            tickets._message_log_batch(
                bodies=dict.fromkeys(
                    tickets.ids,
                    Markup("<p>%s</p>")
                    % self.env._("The deferral ended: the request is open again."),
                )
            )

    # ------------------------------------------------------------------
    # Follow-up visits
    # ------------------------------------------------------------------
    @api.model
    def _cron_plan_followups(self):
        """Plan the follow-up visits owed for the requests completed this month and
        last month (see property.followup._plan_from_sources)."""
        today = fields.Date.context_today(self)
        since = (today.replace(day=1) - timedelta(days=1)).replace(day=1)
        done_stage = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        tickets = self.search_fetch(
            [
                ("stage_id", "=", done_stage.id),
                ("closed_date", ">=", since),
                ("followup_kind", "!=", False),
                ("estate_id", "!=", False),
                "|",
                ("category_id", "=", False),
                ("category_id.property_followup", "=", True),
            ],
            [
                "estate_id",
                "unit_id",
                "partner_id",
                "company_id",
                "user_id",
                "closed_date",
                "followup_kind",
            ],
        )
        candidates = [
            {
                "res_model": self._name,
                "res_id": ticket.id,
                "kind": ticket.followup_kind,
                "estate_id": ticket.estate_id.id,
                "unit_id": ticket.unit_id.id,
                "partner_id": ticket.partner_id.id,
                "company_id": ticket.company_id.id,
                "visitor_id": (ticket.estate_id.front_desk_user_ids[:1] or ticket.user_id).id,
                "done_date": ticket.closed_date.date(),
                "month": ticket.closed_date.strftime("%Y-%m"),
            }
            for ticket in tickets
        ]
        return self.env["property.followup"]._plan_from_sources(candidates)

    def _property_followup_unsatisfied(self, followup):
        """An unsatisfied resident: the request goes back to work."""
        self.ensure_one()
        self.write({"stage_id": self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress").id})
        self.message_post(
            body=self.env._(
                "Reopened: the resident was not satisfied at follow-up %(followup)s.",
                followup=followup.name,
            ),
            subtype_xmlid="mail.mt_note",
        )

    # ------------------------------------------------------------------
    # Paid services (特约服务)
    # ------------------------------------------------------------------
    def _check_quote_editable(self):
        locked = self.filtered(lambda t: t.quote_state in ("quoted", "accepted") or t.closed)
        if locked:
            raise UserError(
                self.env._(
                    "The price of %(tickets)s was already given to the resident: reset the "
                    "quote before changing its items.",
                    tickets=", ".join(locked.mapped("display_name")),
                )
            )

    def _check_not_closed(self):
        closed = self.filtered("closed")
        if closed:
            raise UserError(
                self.env._(
                    "%(tickets)s is completed: its work record can no longer change.",
                    tickets=", ".join(closed.mapped("display_name")),
                )
            )

    def _check_quote_accepted(self):
        """No paid work starts before the resident accepted the price."""
        waiting = self.filtered(lambda t: t.is_paid_service and t.quote_state != "accepted")
        if waiting:
            raise UserError(
                self.env._(
                    "The resident has not accepted the price of %(tickets)s: work on a paid "
                    "service starts only after that.",
                    tickets=", ".join(waiting.mapped("display_name")),
                )
            )

    def _check_paid_service_done(self):
        """Completing a paid service needs the accepted price, the actual work done and
        every material the resident supplied checked."""
        self._check_quote_accepted()
        no_record = self.filtered(lambda t: t.is_paid_service and not (t.actual_work or "").strip())
        if no_record:
            raise UserError(
                self.env._(
                    "Record the work actually done on site for %(tickets)s before completing it.",
                    tickets=", ".join(no_record.mapped("display_name")),
                )
            )
        unchecked = self.material_ids.filtered(lambda m: not m.check_result)
        if unchecked:
            raise UserError(
                self.env._(
                    "Check the materials the resident supplied before completing the work: "
                    "%(materials)s.",
                    materials=", ".join(unchecked.mapped("name")),
                )
            )

    def _check_can_quote(self):
        """The department supervisor (the helpdesk team leader) quotes; without one, the
        service-centre supervisors do. Suite administrators always may."""
        user = self.env.user
        if user.has_group("property_service_desk.group_property_manager"):
            return
        for ticket in self:
            department = ticket.department_id or ticket.category_id.property_department_id
            allowed = (
                user == department.user_id
                if department.user_id
                else user.has_group("property_service_desk.group_property_supervisor")
            )
            if not allowed:
                raise UserError(
                    self.env._(
                        "Only the supervisor of %(department)s can quote the price of %(ticket)s.",
                        department=department.name or self.env._("the department"),
                        ticket=ticket.display_name,
                    )
                )

    def action_send_quote(self):
        """The department supervisor assesses the work and gives the resident its price,
        from the price list and within the category's price range."""
        self._check_can_quote()
        for ticket in self:
            if not ticket.is_paid_service:
                raise UserError(
                    self.env._("%(ticket)s is not a paid service.", ticket=ticket.display_name)
                )
            if ticket.quote_state != "draft":
                raise UserError(
                    self.env._(
                        "The quote of %(ticket)s was already sent.", ticket=ticket.display_name
                    )
                )
            ticket._check_not_closed()
            if not ticket.charge_ids or ticket.currency_id.is_zero(ticket.quote_amount):
                raise UserError(
                    self.env._(
                        "Add the price-list items of %(ticket)s before quoting.",
                        ticket=ticket.display_name,
                    )
                )
            category = ticket.category_id
            low, high = category.property_price_min, category.property_price_max
            amount = ticket.quote_amount
            if (low and ticket.currency_id.compare_amounts(amount, low) < 0) or (
                high and ticket.currency_id.compare_amounts(amount, high) > 0
            ):
                raise UserError(
                    self.env._(
                        "The price %(amount)s of %(ticket)s is outside the range of "
                        "%(category)s (%(low)s to %(high)s).",
                        amount=amount,
                        ticket=ticket.display_name,
                        category=category.display_name,
                        low=low,
                        high=high or "-",
                    )
                )
        now = fields.Datetime.now()
        self._guarded_write({"quote_state": "quoted", "quoted_by_id": self.env.uid})
        self.filtered(lambda t: not t.date_quoted)._guarded_write({"date_quoted": now})
        for ticket in self:
            # written to the resident, in the resident's language, amounts as money
            env = ticket.with_context(lang=ticket.partner_id.lang or self.env.lang).env

            def money(amount, ticket=ticket, env=env):
                return formatLang(env, amount, currency_obj=ticket.currency_id)

            lines = Markup("").join(
                Markup("<li>%s × %s = %s</li>")
                % (line.name, line.quantity, money(line.price_subtotal))
                for line in ticket.charge_ids
            )
            ticket.message_post(
                body=Markup("<p>%s</p><ul>%s</ul><p>%s</p>")
                % (
                    env._(
                        "The price of your request is %(amount)s:",
                        amount=money(ticket.quote_amount),
                    ),
                    lines,
                    env._("Please accept or refuse it on your portal, or tell the service centre."),
                ),
                partner_ids=ticket.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def action_reset_quote(self):
        """Back to quoting: the resident refused, or the work found on site differs from
        the request."""
        self._check_can_quote()
        self._check_not_closed()
        self._guarded_write(
            {
                "quote_state": "draft",
                "quote_answer_date": False,
                "quote_answer_partner_id": False,
                "quote_answer_channel": False,
                "quote_answer_user_id": False,
            }
        )
        return True

    def _record_quote_answer(self, accept, partner, channel):
        for ticket in self:
            if ticket.quote_state != "quoted":
                raise UserError(
                    self.env._(
                        "%(ticket)s has no price awaiting an answer.", ticket=ticket.display_name
                    )
                )
        self._guarded_write(
            {
                "quote_state": "accepted" if accept else "refused",
                "quote_answer_date": fields.Datetime.now(),
                "quote_answer_partner_id": partner.id,
                "quote_answer_channel": channel,
                "quote_answer_user_id": self.env.uid if channel == "staff" else False,
            }
        )

    def action_accept_quote(self):
        """Staff record that the resident accepted the price (in person or by phone)."""
        for ticket in self:
            ticket._record_quote_answer(True, ticket._quote_partner(), "staff")
            ticket.message_post(
                body=self.env._(
                    "%(user)s recorded that %(partner)s accepted the price of %(amount)s.",
                    user=self.env.user.name,
                    partner=ticket.quote_answer_partner_id.name or "",
                    amount=ticket.quote_amount,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_refuse_quote(self):
        """Staff record that the resident refused the price."""
        for ticket in self:
            ticket._record_quote_answer(False, ticket._quote_partner(), "staff")
            ticket._notify_quote_refused()
        return True

    def _quote_partner(self):
        self.ensure_one()
        return self.partner_id or self.unit_id.fee_payer_id

    def _quote_partners(self):
        """Who may answer the quote for the unit: the reporter, and the unit's owners,
        tenants and agents (not the other household members)."""
        self.ensure_one()
        occupants = self.unit_id.occupancy_ids.filtered(
            lambda o: o.is_current and o.role in QUOTE_ROLES
        )
        return self.partner_id | occupants.partner_id

    def _portal_actor_partners(self):
        """Who may act on the request from the portal (sign off, rate, close): the
        reporter, and for what is not a complaint the unit's owners, tenants and agents.
        A complaint is its reporter's alone."""
        self.ensure_one()
        if self.request_kind == "complaint":
            return self.partner_id
        return self._quote_partners()

    @api.model
    def _portal_clean_text(self, value):
        """Text typed on the portal: NUL bytes cannot be stored, surrounding blanks go."""
        return (value or "").replace("\x00", "").strip()

    @api.model
    def _portal_find_duplicate(self, partner, name, description):
        """The same request posted twice (a double click, two tabs): the first one.

        The resident's partner row is updated first: of two identical posts at the same
        time the second waits, then fails to serialise and is replayed by Odoo, and the
        replay sees the first request."""
        self.env.cr.execute(
            "UPDATE res_partner SET write_date = write_date WHERE id = %s", [partner.id]
        )
        return (
            self.sudo()
            .search(
                [
                    ("partner_id", "=", partner.id),
                    ("name", "=", name),
                    ("create_date", ">=", fields.Datetime.now() - timedelta(minutes=2)),
                ]
            )
            .filtered(lambda t: html2plaintext(t.description or "").strip() == description)[:1]
        )

    def _notify_quote_refused(self):
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for ticket in self:
            department = ticket.department_id or ticket.category_id.property_department_id
            user = department.user_id or ticket.estate_id.supervisor_id
            if user:
                ticket.activity_schedule(
                    activity_type_id=activity_type.id,
                    summary=self.env._("Price refused: requote or cancel"),
                    user_id=user.id,
                )
            ticket.message_post(
                body=self.env._(
                    "%(partner)s refused the price of %(amount)s.",
                    partner=ticket.quote_answer_partner_id.name or "",
                    amount=ticket.quote_amount,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _portal_quote_answer(self, accept):
        """Called for the resident after the portal checked they may read the request."""
        self.ensure_one()
        partner = self.env.user.partner_id
        if partner not in self.sudo()._quote_partners():
            raise UserError(
                self.env._(
                    "Only the person who reported the request or the unit's owner or tenant "
                    "can answer its price."
                )
            )
        # the resident may not write the request: the portal checked their access
        ticket_sudo = self.sudo()
        ticket_sudo._record_quote_answer(accept, partner, "portal")
        if accept:
            ticket_sudo.message_post(
                body=self.env._("Price of %(amount)s accepted.", amount=ticket_sudo.quote_amount),
                author_id=partner.id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        else:
            ticket_sudo._notify_quote_refused()

    def _create_service_invoices(self):
        """Completed paid services are invoiced to whoever accepted the price (or, if
        nobody answered on record, who asked for it), unless the unit's fee payer is set
        to pay the paid services too; and posted, so that the cashier collects them."""
        # technicians and front desk complete the work but have no accounting rights:
        # the invoice is created on behalf of finance, from the accepted quote only
        tickets = self.sudo().filtered(lambda t: not t.invoice_id and t.charge_ids)
        if not tickets:
            return
        vals_list = []
        for ticket in tickets:
            payer = ticket.unit_id.occupancy_ids.filtered(
                lambda o: o.is_current and o.is_fee_payer and o.pays_paid_services
            )[:1].partner_id
            partner = payer or ticket.quote_answer_partner_id or ticket.partner_id
            if not partner:
                raise UserError(
                    self.env._(
                        "%(ticket)s has nobody to invoice: set the resident who asked for it.",
                        ticket=ticket.display_name,
                    )
                )
            vals_list.append(
                {
                    "move_type": "out_invoice",
                    "partner_id": partner.id,
                    "company_id": ticket.company_id.id,
                    "invoice_origin": ticket.number or ticket.name,
                    "ref": ticket.name,
                    "property_ticket_id": ticket.id,
                    "invoice_line_ids": [
                        fields.Command.create(
                            {
                                "product_id": line.product_id.id,
                                "name": line.name,
                                "quantity": line.quantity,
                                "price_unit": line.price_unit,
                            }
                        )
                        for line in ticket.charge_ids
                    ],
                }
            )
        Move = self.env["account.move"].sudo().with_context(default_move_type="out_invoice")
        invoices = Move.create(vals_list)
        invoices.action_post()
        for ticket, invoice in zip(tickets, invoices, strict=True):
            ticket.invoice_id = invoice
        tickets._message_log_batch(
            bodies={
                ticket.id: Markup("<p>%s</p>")
                % self.env._(
                    "Invoice %(invoice)s of %(amount)s issued to %(partner)s.",
                    invoice=ticket.invoice_id.name,
                    amount=ticket.invoice_id.amount_total,
                    partner=ticket.invoice_id.partner_id.name,
                )
                for ticket in tickets
            }
        )

    def action_view_invoice(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "view_mode": "form",
            "res_id": self.invoice_id.id,
        }

    # ------------------------------------------------------------------
    # Portal
    # ------------------------------------------------------------------
    def _get_portal_attachments(self):
        """Files the resident may see: not those posted with internal notes."""
        self.ensure_one()
        internal = self.message_ids.filtered(
            lambda m: m.message_type == "comment" and (m.is_internal or m.subtype_id.internal)
        ).attachment_ids
        return self.attachment_ids - internal

    def _portal_sign_off(self, rating, comment=None):
        """Called for the resident, after the portal checked they may read the request:
        record their sign-off and rating of the completed work."""
        self.ensure_one()
        if self.env.user.partner_id not in self.sudo()._portal_actor_partners():
            raise AccessError(
                self.env._(
                    "Only the person who reported the request, or the unit's owner or "
                    "tenant, signs the work off."
                )
            )
        if rating not in dict(self._fields["resident_rating"].selection):
            raise UserError(self.env._("Choose a rating from 1 to 5."))
        if not self.closed:
            raise UserError(self.env._("The work can be signed off once it is completed."))
        if self.resident_signed_off:
            raise UserError(self.env._("This request is already signed off."))
        # the resident may not write the request itself: the check happened in the portal
        self.sudo().write({"resident_rating": rating, "resident_signed_off": fields.Datetime.now()})
        self.sudo().message_post(
            body=self.env._(
                "Signed off by the resident, rating %(rating)s/5. %(comment)s",
                rating=rating,
                comment=comment or "",
            ),
            author_id=self.env.user.partner_id.id,
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )
