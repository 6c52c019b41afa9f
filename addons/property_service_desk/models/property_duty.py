# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import calendar
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

SHIFTS = [("day", "Day Shift (Service Centre)"), ("night", "Night Duty (Monitoring Centre)")]
# the incoming shift arrives this many minutes before the handover
EARLY_MINUTES = 5


class PropertyDutyRoster(models.Model):
    """Monthly duty roster (排班表) of an estate, published by the supervisor before the
    month starts."""

    _name = "property.duty.roster"
    _description = "Duty Roster"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "month desc, estate_id"

    name = fields.Char(compute="_compute_name", store=True)
    estate_id = fields.Many2one("property.estate", required=True, index=True)
    company_id = fields.Many2one(related="estate_id.company_id", store=True)
    month = fields.Date(required=True, help="First day of the month.")
    line_ids = fields.One2many("property.duty.roster.line", "roster_id", string="Shifts")
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published")],
        default="draft",
        required=True,
        tracking=True,
    )
    published_by_id = fields.Many2one("res.users", readonly=True)
    date_published = fields.Datetime(readonly=True)

    _estate_month_uniq = models.Constraint(
        "unique(estate_id, month)", "There is already a roster of this estate for this month."
    )

    @api.depends("estate_id", "month")
    def _compute_name(self):
        for roster in self:
            month = roster.month.strftime("%Y-%m") if roster.month else ""
            roster.name = f"{roster.estate_id.name or ''} {month}".strip()

    @api.constrains("month")
    def _check_month(self):
        for roster in self:
            if roster.month.day != 1:
                raise ValidationError(self.env._("A roster starts on the first of a month."))

    def action_publish(self):
        """The supervisor publishes the roster once every day has a day shift and a
        night duty."""
        if not self.env.user.has_group("property_service_desk.group_property_supervisor"):
            raise UserError(self.env._("Only a supervisor publishes the duty roster."))
        for roster in self:
            days = calendar.monthrange(roster.month.year, roster.month.month)[1]
            covered = {(line.date, line.shift) for line in roster.line_ids}
            missing = [
                f"{roster.month.replace(day=day):%m-%d} {dict(SHIFTS)[shift]}"
                for day in range(1, days + 1)
                for shift, _label in SHIFTS
                if (roster.month.replace(day=day), shift) not in covered
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "Nobody is on duty for: %(missing)s.", missing=", ".join(missing[:10])
                    )
                )
        self.write(
            {
                "state": "published",
                "published_by_id": self.env.uid,
                "date_published": fields.Datetime.now(),
            }
        )
        return True

    @api.model
    def _cron_remind_next_month(self):
        """In the last days of a month, remind each estate's supervisor once if next
        month's roster is not published."""
        today = fields.Date.context_today(self)
        last_day = calendar.monthrange(today.year, today.month)[1]
        if last_day - today.day > 3:
            return self.env["property.estate"]
        next_month = today.replace(day=1) + relativedelta(months=1)
        published = self.search([("month", "=", next_month), ("state", "=", "published")]).estate_id
        estates = self.env["property.estate"].search(
            [("id", "not in", published.ids), ("supervisor_id", "!=", False)]
        )
        summary = self.env._("Publish the duty roster of %(month)s", month=f"{next_month:%Y-%m}")
        reminded = self.env["property.estate"]
        for estate in estates:
            if estate.activity_ids.filtered(lambda a, s=summary: a.summary == s):
                continue
            estate.activity_schedule(
                "mail.mail_activity_data_todo",
                date_deadline=next_month - timedelta(days=1),
                summary=summary,
                user_id=estate.supervisor_id.id,
            )
            reminded |= estate
        return reminded


class PropertyDutyRosterLine(models.Model):
    _name = "property.duty.roster.line"
    _description = "Duty Shift"
    _order = "date, shift, id"

    roster_id = fields.Many2one(
        "property.duty.roster", required=True, ondelete="cascade", index=True
    )
    estate_id = fields.Many2one(related="roster_id.estate_id", store=True)
    date = fields.Date(required=True)
    shift = fields.Selection(SHIFTS, required=True, default="day")
    user_id = fields.Many2one("res.users", string="On Duty", required=True)

    _shift_uniq = models.Constraint(
        "unique(roster_id, date, shift, user_id)", "This person is already on this shift."
    )

    @api.constrains("date", "roster_id")
    def _check_in_month(self):
        for line in self:
            month = line.roster_id.month
            if (line.date.year, line.date.month) != (month.year, month.month):
                raise ValidationError(self.env._("A shift belongs to its roster's month."))

    def write(self, vals):
        if (
            "user_id" in vals
            and not self.env.context.get("property_duty_swap")
            and self.filtered(lambda line: line.roster_id.state == "published")
        ):
            raise UserError(
                self.env._("The roster is published: a swap needs the supervisor's approval.")
            )
        return super().write(vals)


class PropertyDutySwap(models.Model):
    """A swap of shifts in a published roster, approved by the supervisor."""

    _name = "property.duty.swap"
    _description = "Shift Swap"
    _inherit = ["mail.thread", "property.guarded.mixin"]
    _order = "id desc"
    _guarded_fields = {
        "state": _lt("the supervisor's Approve or Refuse"),
        "approved_by_id": _lt("the supervisor's Approve or Refuse"),
    }

    line_id = fields.Many2one("property.duty.roster.line", string="Shift", required=True)
    estate_id = fields.Many2one(related="line_id.estate_id", store=True)
    from_user_id = fields.Many2one(related="line_id.user_id", string="From")
    to_user_id = fields.Many2one("res.users", string="Taken By", required=True)
    reason = fields.Char(required=True)
    state = fields.Selection(
        [("requested", "Requested"), ("approved", "Approved"), ("refused", "Refused")],
        default="requested",
        required=True,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True)

    def _check_supervisor(self):
        if not self.env.user.has_group("property_service_desk.group_property_supervisor"):
            raise UserError(self.env._("Only a supervisor approves a shift swap."))

    def action_approve(self):
        self._check_supervisor()
        for swap in self.filtered(lambda s: s.state == "requested"):
            swap.line_id.with_context(property_duty_swap=True).user_id = swap.to_user_id
            swap._guarded_write({"state": "approved", "approved_by_id": self.env.uid})
        return True

    def action_refuse(self):
        self._check_supervisor()
        self.filtered(lambda s: s.state == "requested")._guarded_write(
            {"state": "refused", "approved_by_id": self.env.uid}
        )
        return True


class PropertyDutyLog(models.Model):
    """Shift-log entry (值班记录): what happened during a shift."""

    _name = "property.duty.log"
    _description = "Shift Log Entry"
    _inherit = ["property.guarded.mixin"]
    _order = "date desc, id desc"
    _guarded_fields = {"date_read": _lt("the reviewer's Mark as Read")}

    estate_id = fields.Many2one("property.estate", required=True, index=True)
    company_id = fields.Many2one(related="estate_id.company_id", store=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user, readonly=True)
    priority = fields.Selection(
        [("normal", "Normal"), ("important", "Important"), ("urgent", "Urgent")],
        default="normal",
        required=True,
    )
    description = fields.Text(required=True)
    unit_ids = fields.Many2many("property.unit", string="Units")
    reviewer_id = fields.Many2one("res.users", string="To Be Read By")
    date_read = fields.Datetime(string="Read On", readonly=True)
    digest_sent = fields.Boolean(readonly=True, index=True)

    def action_mark_read(self):
        for entry in self:
            if entry.reviewer_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only %(user)s can confirm reading this entry.",
                        user=entry.reviewer_id.name or "-",
                    )
                )
        self.filtered(lambda e: not e.date_read)._guarded_write(
            {"date_read": fields.Datetime.now()}
        )
        return True

    @api.model
    def _cron_nightly_digest(self):
        """E-mail each estate's supervisor and director the entries not yet sent
        (idempotent: an entry is sent once)."""
        entries = self.search([("digest_sent", "=", False)], order="estate_id, date")
        for estate, estate_entries in entries.grouped("estate_id").items():
            recipients = (estate.supervisor_id | estate.director_id).partner_id
            if recipients:
                rows = Markup("").join(
                    Markup("<li>%s — %s: %s</li>")
                    % (
                        fields.Datetime.to_string(entry.date),
                        dict(self._fields["priority"]._description_selection(self.env))[
                            entry.priority
                        ],
                        entry.description,
                    )
                    for entry in estate_entries
                )
                estate.message_notify(
                    partner_ids=recipients.ids,
                    subject=self.env._("Shift log of %(estate)s", estate=estate.name),
                    body=Markup("<ul>%s</ul>") % rows,
                )
        entries.write({"digest_sent": True})
        return entries


class PropertyDutyHandover(models.Model):
    """Shift handover record (值班记录表): who hands over to whom, what is carried over,
    and both signatures."""

    _name = "property.duty.handover"
    _description = "Shift Handover"
    _inherit = ["mail.thread", "property.guarded.mixin"]
    _order = "handover_time desc"
    _guarded_fields = {
        "outgoing_confirmed": _lt("the outgoing person's Confirm"),
        "incoming_confirmed": _lt("the incoming person's Confirm"),
        "state": _lt("Close"),
    }

    estate_id = fields.Many2one("property.estate", required=True, index=True)
    company_id = fields.Many2one(related="estate_id.company_id", store=True)
    shift = fields.Selection(SHIFTS, required=True, help="The shift that ends.")
    handover_time = fields.Datetime(required=True, default=fields.Datetime.now)
    outgoing_user_id = fields.Many2one(
        "res.users", required=True, default=lambda self: self.env.user
    )
    incoming_user_id = fields.Many2one("res.users", required=True)
    incoming_arrival = fields.Datetime(string="Incoming Arrived")
    arrived_late = fields.Boolean(compute="_compute_arrived_late")
    carried_request_ids = fields.Many2many(
        "helpdesk.ticket", compute="_compute_carried", string="Open Requests"
    )
    carried_followup_ids = fields.Many2many(
        "property.followup", compute="_compute_carried", string="Follow-ups Due"
    )
    night_request_ids = fields.Many2many(
        "helpdesk.ticket",
        compute="_compute_carried",
        string="Requests of the Night",
        help="Received during the night: the day shift takes them over.",
    )
    item_ids = fields.One2many(
        "property.duty.handover.item", "handover_id", string="Unfinished Work"
    )
    end_note = fields.Text(string="End-of-Shift Note")
    outgoing_confirmed = fields.Boolean(readonly=True)
    incoming_confirmed = fields.Boolean(readonly=True)
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")], default="open", required=True, tracking=True
    )

    @api.depends("shift", "handover_time", "estate_id")
    def _compute_display_name(self):
        shifts = dict(self._fields["shift"]._description_selection(self.env))
        for handover in self:
            when = (
                handover.estate_id._local_datetime(handover.handover_time).strftime("%Y-%m-%d")
                if handover.handover_time and handover.estate_id
                else ""
            )
            handover.display_name = f"{when} {shifts.get(handover.shift, '')}".strip()

    @api.depends("incoming_arrival", "handover_time")
    def _compute_arrived_late(self):
        for handover in self:
            handover.arrived_late = bool(
                handover.incoming_arrival
                and handover.incoming_arrival
                > handover.handover_time - timedelta(minutes=EARLY_MINUTES)
            )

    def _night_window(self):
        """The night before the handover, in the estate's timezone, as naive UTC."""
        self.ensure_one()
        estate = self.estate_id
        day = estate._local_datetime(self.handover_time).date()
        return (
            estate._local_date_start(day - timedelta(days=1), estate.service_hour_end or 20.0),
            estate._local_date_start(day, estate.service_hour_start or 8.0),
        )

    @api.depends("estate_id", "handover_time", "shift")
    def _compute_carried(self):
        Ticket = self.env["helpdesk.ticket"]
        Followup = self.env["property.followup"]
        for handover in self:
            if not handover.estate_id:
                handover.carried_request_ids = handover.carried_followup_ids = False
                handover.night_request_ids = False
                continue
            handover.carried_request_ids = Ticket.search(
                [("estate_id", "=", handover.estate_id.id), ("closed", "=", False)]
            )
            handover.carried_followup_ids = Followup.search(
                [
                    ("estate_id", "=", handover.estate_id.id),
                    ("state", "=", "planned"),
                    ("due_date", "<=", fields.Date.to_date(handover.handover_time)),
                ]
            )
            if handover.shift == "night":
                start, end = handover._night_window()
                handover.night_request_ids = Ticket.search(
                    [
                        ("estate_id", "=", handover.estate_id.id),
                        ("date_received", ">=", start),
                        ("date_received", "<", end),
                    ]
                )
            else:
                handover.night_request_ids = False

    def write(self, vals):
        # who hands over to whom is what the two confirmed
        if (
            {"outgoing_user_id", "incoming_user_id"} & set(vals)
            and not self.env.su
            and self.filtered(lambda h: h.outgoing_confirmed or h.incoming_confirmed)
        ):
            raise UserError(self.env._("The people of a confirmed handover cannot change."))
        return super().write(vals)

    def action_confirm_outgoing(self):
        for handover in self:
            if handover.state != "open":
                raise UserError(self.env._("This handover is closed."))
            if handover.outgoing_user_id != self.env.user:
                raise UserError(self.env._("The outgoing person confirms the handover."))
        self._guarded_write({"outgoing_confirmed": True})
        return True

    def action_confirm_incoming(self):
        for handover in self:
            if handover.state != "open":
                raise UserError(self.env._("This handover is closed."))
            if handover.incoming_user_id != self.env.user:
                raise UserError(self.env._("The incoming person confirms the handover."))
        self._guarded_write({"incoming_confirmed": True})
        return True

    def action_close(self):
        """Close the shift: both confirmed, and no important work left unfinished (SOP
        §1: important work may not be handed over unfinished)."""
        for handover in self:
            if not (handover.outgoing_confirmed and handover.incoming_confirmed):
                raise UserError(
                    self.env._("Both the outgoing and the incoming person confirm first.")
                )
            blocking = handover.item_ids.filtered(lambda i: i.important and not i.finished)
            if blocking:
                raise UserError(
                    self.env._(
                        "Important work is unfinished: %(items)s. It may not be handed over "
                        "unfinished: finish it before the shift ends.",
                        items=", ".join(blocking.mapped("name")),
                    )
                )
        self._guarded_write({"state": "closed"})
        return True


class PropertyDutyHandoverItem(models.Model):
    _name = "property.duty.handover.item"
    _description = "Handover Item"

    handover_id = fields.Many2one("property.duty.handover", required=True, ondelete="cascade")
    name = fields.Char(string="Work", required=True)
    ticket_id = fields.Many2one("helpdesk.ticket", string="Request")
    important = fields.Boolean()
    finished = fields.Boolean()
    handed_over = fields.Boolean(
        string="Explicitly Handed Over",
        help="The incoming person accepted to take over this important unfinished work.",
    )
