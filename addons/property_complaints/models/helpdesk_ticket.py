# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .helpdesk_ticket_category import COMPLAINT_TYPES

COMPLAINT_CATEGORIES = [
    ("management", "Management Responsibility"),
    ("staff", "Staff Quality"),
    ("efficiency", "Efficiency"),
    ("developer", "Developer-Related"),
    ("neighbour", "Neighbour Dispute"),
    ("other", "Other"),
]
COMMUNICATIVE = ("help", "inquiry", "venting")
# name -> (deadline, done, overdue flag)
COMPLAINT_TIMERS = {
    "complaint_department": (
        "complaint_department_deadline",
        "date_dispatched",
        "complaint_department_overdue",
    ),
    "complaint_supervisor": (
        "complaint_supervisor_deadline",
        "date_supervisor_informed",
        "complaint_supervisor_overdue",
    ),
    "complaint_director": (
        "complaint_director_deadline",
        "date_director_informed",
        "complaint_director_overdue",
    ),
    "complaint_reply": ("complaint_reply_deadline", "date_replied", "complaint_reply_overdue"),
}


class HelpdeskTicket(models.Model):
    """A complaint (投诉) is a request of the complaint kind."""

    _inherit = "helpdesk.ticket"

    # ------------------------------------------------------------------
    # Reception
    # ------------------------------------------------------------------
    complaint_type = fields.Selection(
        COMPLAINT_TYPES,
        compute="_compute_complaint_type",
        store=True,
        readonly=False,
        tracking=True,
        index=True,
    )
    complaint_category = fields.Selection(COMPLAINT_CATEGORIES, tracking=True, index=True)
    complaint_severity = fields.Selection(
        [("major", "Major"), ("important", "Important"), ("minor", "Minor")],
        string="Severity",
        tracking=True,
        index=True,
    )
    complaint_department_ids = fields.Many2many(
        "helpdesk.ticket.team",
        "helpdesk_ticket_complaint_department_rel",
        "ticket_id",
        "team_id",
        string="Responsible Departments",
    )
    complained_party = fields.Char(
        string="Complained About", help="The person or department the resident complains about."
    )
    incident_date = fields.Datetime(string="When It Happened")
    incident_place = fields.Char(string="Where It Happened")
    resident_request = fields.Text(string="What the Resident Asks For")
    complaint_contact = fields.Char(string="Contact Details")
    postmark_date = fields.Date(
        help="For letters: the postmark date counts as the reception date for deadlines.",
    )
    requested_reply_date = fields.Date(
        string="Reply Requested By",
        help="The date the resident asked to be answered by, when earlier than the rule.",
    )
    complaint_review = fields.Selection(
        [("hr", "HR Handling"), ("quality", "Quality Review")],
        string="Referred To",
        compute="_compute_complaint_review",
        store=True,
        help="Complaints about staff go to HR; complaints about procedures to the quality review.",
    )
    is_secondary_complaint = fields.Boolean(
        string="Secondary Complaint",
        copy=False,
        tracking=True,
        index=True,
        help="Repeated or reopened within the estate's window about the same unit and "
        "category: counted as an efficiency complaint.",
    )
    complaint_analysis_category = fields.Selection(
        COMPLAINT_CATEGORIES,
        string="Analysis Category",
        compute="_compute_complaint_analysis_category",
        store=True,
    )
    # ------------------------------------------------------------------
    # Deadlines
    # ------------------------------------------------------------------
    date_supervisor_informed = fields.Datetime(
        string="Supervisor Acknowledged", copy=False, readonly=True
    )
    date_director_informed = fields.Datetime(
        string="Director Acknowledged", copy=False, readonly=True
    )
    date_replied = fields.Datetime(
        string="Replied", copy=False, readonly=True, help="First reply sent to the resident."
    )
    complaint_department_deadline = fields.Datetime(
        string="To Department By", compute="_compute_complaint_deadlines", store=True
    )
    complaint_supervisor_deadline = fields.Datetime(
        string="Supervisor By", compute="_compute_complaint_deadlines", store=True
    )
    complaint_director_deadline = fields.Datetime(
        string="Director By", compute="_compute_complaint_deadlines", store=True
    )
    complaint_reply_deadline = fields.Datetime(
        string="Reply By", compute="_compute_complaint_deadlines", store=True
    )
    complaint_department_overdue = fields.Boolean(copy=False, index=True)
    complaint_supervisor_overdue = fields.Boolean(copy=False, index=True)
    complaint_director_overdue = fields.Boolean(copy=False, index=True)
    complaint_reply_overdue = fields.Boolean(copy=False, index=True)
    complaint_overdue = fields.Boolean(
        string="Complaint Late",
        compute="_compute_complaint_overdue",
        store=True,
        index=True,
    )
    extended_deadline = fields.Datetime(
        string="Extended Until",
        copy=False,
        tracking=True,
        help="A longer resolution time, approved by the director (valid complaints) or "
        "the general manager (communicative complaints).",
    )
    extension_reason = fields.Text(copy=False)
    extension_approved_by_id = fields.Many2one("res.users", copy=False, readonly=True)
    # ------------------------------------------------------------------
    # Handling and closure
    # ------------------------------------------------------------------
    complaint_handling = fields.Html(
        string="Handling", help="What the department did about the complaint."
    )
    date_handled = fields.Datetime(string="Handling Recorded", copy=False, readonly=True)
    handled_by_id = fields.Many2one("res.users", copy=False, readonly=True)
    complaint_result = fields.Text(
        string="Result for the Resident",
        help="Told to the resident when the complaint is closed (e-mail and portal).",
    )
    date_result_sent = fields.Datetime(string="Result Sent", copy=False, readonly=True)
    complaint_satisfaction = fields.Integer(
        string="Satisfaction",
        compute="_compute_complaint_satisfaction",
        store=True,
        aggregator="avg",
        help="The resident's rating (1-5), for averages.",
    )
    complaint_on_time = fields.Integer(
        string="On Time (count)",
        compute="_compute_complaint_satisfaction",
        store=True,
        help="1 when resolved within its deadline: summed, it gives the on-time count.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("category_id")
    def _compute_complaint_type(self):
        for ticket in self:
            if ticket.category_id.property_complaint_type:
                ticket.complaint_type = ticket.category_id.property_complaint_type

    @api.depends("complaint_category")
    def _compute_complaint_review(self):
        for ticket in self:
            ticket.complaint_review = {"staff": "hr", "management": "quality"}.get(
                ticket.complaint_category, False
            )

    @api.depends("complaint_category", "is_secondary_complaint")
    def _compute_complaint_analysis_category(self):
        for ticket in self:
            ticket.complaint_analysis_category = (
                "efficiency" if ticket.is_secondary_complaint else ticket.complaint_category
            )

    @api.depends("resident_rating", "resolved_on_time")
    def _compute_complaint_satisfaction(self):
        for ticket in self:
            ticket.complaint_satisfaction = int(ticket.resident_rating or 0)
            ticket.complaint_on_time = 1 if ticket.resolved_on_time == "on_time" else 0

    @api.depends(
        "complaint_department_overdue",
        "complaint_supervisor_overdue",
        "complaint_director_overdue",
        "complaint_reply_overdue",
        "resolution_overdue",
    )
    def _compute_complaint_overdue(self):
        flags = [flag for _deadline, _done, flag in COMPLAINT_TIMERS.values()]
        flags.append("resolution_overdue")
        for ticket in self:
            ticket.complaint_overdue = ticket.request_kind == "complaint" and any(
                ticket[flag] for flag in flags
            )

    # Like the request timers, the terms are taken when the complaint is received.
    @api.depends("complaint_type", "complaint_severity")
    def _compute_timer_terms(self):
        res = super()._compute_timer_terms()
        for ticket in self.filtered(lambda t: t.request_kind == "complaint"):
            estate = ticket.estate_id
            if ticket.complaint_severity == "major":
                ticket.limit_days = estate.complaint_major_days or 10
            elif ticket.complaint_type == "valid":
                ticket.limit_days = estate.complaint_valid_days or 2
            elif ticket.complaint_type in COMMUNICATIVE:
                ticket.limit_days = estate.complaint_communicative_days or 3
        return res

    @api.depends("extended_deadline")
    def _compute_deadlines(self):
        res = super()._compute_deadlines()
        for ticket in self.filtered(lambda t: t.request_kind == "complaint"):
            if ticket.extended_deadline:
                ticket.resolution_deadline = ticket.extended_deadline
        return res

    @api.depends(
        "request_kind",
        "date_received",
        "complaint_type",
        "complaint_severity",
        "requested_reply_date",
        "estate_id",
    )
    def _compute_complaint_deadlines(self):
        for ticket in self:
            department = supervisor = director = reply = False
            estate = ticket.estate_id
            received = ticket.date_received
            if ticket.request_kind == "complaint" and received and estate:
                department = received + timedelta(minutes=estate.complaint_department_minutes or 20)
                if ticket.complaint_type == "valid":
                    supervisor = received + timedelta(
                        minutes=estate.complaint_supervisor_minutes or 60
                    )
                if ticket.complaint_severity in ("major", "important"):
                    director = estate._local_day_end(received)
                if ticket.complaint_severity == "major":
                    reply = received + timedelta(days=estate.complaint_major_answer_days or 2)
                elif ticket.complaint_type in COMMUNICATIVE:
                    reply = received + timedelta(days=estate.complaint_reply_days or 2)
                    if ticket.requested_reply_date:
                        requested = estate._local_day_end(
                            estate._local_date_start(ticket.requested_reply_date)
                        )
                        reply = min(reply, requested)
            ticket.complaint_department_deadline = department
            ticket.complaint_supervisor_deadline = supervisor
            ticket.complaint_director_deadline = director
            ticket.complaint_reply_deadline = reply

    # ------------------------------------------------------------------
    # Timers: the complaint deadlines join the request timers, so the same scheduled
    # action marks and escalates them (once per level, idempotent, in batches)
    # ------------------------------------------------------------------
    @api.model
    def _property_timers(self):
        return {**super()._property_timers(), **COMPLAINT_TIMERS}

    @api.model
    def _property_timer_labels(self):
        return {
            **super()._property_timer_labels(),
            "complaint_department": self.env._("complaint to the department"),
            "complaint_supervisor": self.env._("supervisor informed"),
            "complaint_director": self.env._("director informed"),
            "complaint_reply": self.env._("reply to the resident"),
        }

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model
    def _prepare_property_vals(self, vals):
        # a letter counts from its postmark
        if vals.get("postmark_date"):
            estate = self.env["property.estate"].browse(vals.get("estate_id"))
            if not estate and vals.get("unit_id"):
                estate = self.env["property.unit"].browse(vals["unit_id"]).estate_id
            postmark = fields.Date.to_date(vals["postmark_date"])
            vals["date_received"] = (
                estate._local_date_start(postmark)
                if estate
                else fields.Datetime.to_datetime(postmark)
            )
        if vals.get("complaint_severity"):
            vals["is_major"] = vals["complaint_severity"] == "major"
        return super()._prepare_property_vals(vals)

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            vals.get("extended_deadline") or vals.get("extension_approved_by_id")
            for vals in vals_list
        ):
            # more time is allowed on a received complaint, by its approver
            raise UserError(self.env._("More time is allowed on a complaint once it is received."))
        tickets = super().create(vals_list)
        complaints = tickets.filtered(lambda t: t.request_kind == "complaint")
        if complaints:
            complaints._flag_repeated_complaints()
            complaints._notify_complaint_levels()
            complaints._refer_complaints()
        return tickets

    def write(self, vals):
        if "complaint_severity" in vals:
            vals = {**vals, "is_major": vals["complaint_severity"] == "major"}
        if "extension_approved_by_id" in vals and not self.env.su:
            raise UserError(self.env._("The approver is recorded by the approval itself."))
        if vals.get("extended_deadline"):
            self._check_extension_approval(vals)
            vals = {**vals, "extension_approved_by_id": self.env.uid}
        reopened = self.env["helpdesk.ticket"]
        if "stage_id" in vals:
            stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
            if not stage.closed:
                reopened = self.filtered(lambda t: t.closed and t.request_kind == "complaint")
            elif stage != self._cancel_stage():
                self.filtered(lambda t: t.request_kind == "complaint")._check_can_close_complaint()
        previous_closed = {ticket.id: ticket.closed_date for ticket in reopened}
        result = super().write(vals)
        if "complaint_category" in vals or "unit_id" in vals:
            self.filtered(lambda t: t.request_kind == "complaint")._flag_repeated_complaints()
        if "complaint_category" in vals:
            self.filtered(lambda t: t.request_kind == "complaint")._refer_complaints()
        if "complaint_severity" in vals:
            self.filtered(lambda t: t.request_kind == "complaint")._notify_complaint_levels()
        if reopened:
            reopened._flag_reopened(previous_closed)
        if "stage_id" in vals:
            self.filtered(
                lambda t: (
                    t.request_kind == "complaint"
                    and t.closed
                    and t.stage_id != self._cancel_stage()
                    and not t.date_result_sent
                )
            )._send_complaint_result()
        return result

    # ------------------------------------------------------------------
    # Business rules
    # ------------------------------------------------------------------
    def _check_extension_approval(self, vals):
        """Longer than the rule only with the recorded approval of the director (valid
        complaints) or the general manager (communicative ones)."""
        user = self.env.user
        extended = fields.Datetime.to_datetime(vals["extended_deadline"])
        for ticket in self:
            if ticket.request_kind != "complaint":
                continue
            if ticket.date_received and extended <= ticket.date_received:
                raise ValidationError(
                    self.env._("The longer deadline comes after the complaint was received.")
                )
            if not (vals.get("extension_reason") or ticket.extension_reason):
                raise ValidationError(self.env._("Give the reason for the longer deadline."))
            if ticket.complaint_type in COMMUNICATIVE:
                group = "property_complaints.group_property_general_manager"
                role = self.env._("the general manager")
            else:
                group = "property_service_desk.group_property_director"
                role = self.env._("the director")
            if not user.has_group(group):
                raise UserError(
                    self.env._(
                        "Only %(role)s can allow %(ticket)s more time.",
                        role=role,
                        ticket=ticket.display_name,
                    )
                )

    @api.ondelete(at_uninstall=False)
    def _unlink_except_complaint(self):
        """Complaint records are kept for the long term (QW-KHFW-6): a complaint is closed
        or cancelled, never deleted, whoever asks."""
        if self.filtered(lambda ticket: ticket.request_kind == "complaint"):
            raise UserError(
                self.env._(
                    "Complaint records are kept: close or cancel the complaint instead of "
                    "deleting it."
                )
            )

    def _check_can_close_complaint(self):
        """The department handles, the service centre closes."""
        if self and not self.env.user.has_group("property_service_desk.group_property_assistant"):
            raise UserError(self.env._("Complaints are closed by the service centre."))
        for ticket in self:
            if not ticket.date_handled:
                raise UserError(
                    self.env._(
                        "The department has not recorded its handling of %(ticket)s yet.",
                        ticket=ticket.display_name,
                    )
                )
            if not (ticket.complaint_result or "").strip():
                raise UserError(
                    self.env._(
                        "Write the result to tell the resident before closing %(ticket)s.",
                        ticket=ticket.display_name,
                    )
                )

    def _complaint_repeat_domain(self):
        self.ensure_one()
        days = self.estate_id.complaint_repeat_days or 30
        return [
            ("id", "!=", self.id),
            ("request_kind", "=", "complaint"),
            ("unit_id", "=", self.unit_id.id),
            ("complaint_category", "=", self.complaint_category),
            ("date_received", ">=", self.date_received - timedelta(days=days)),
            ("date_received", "<=", self.date_received),
        ]

    def _flag_repeated_complaints(self):
        """A complaint about the same unit and category as one received within the
        window is a secondary complaint."""
        for ticket in self.filtered(
            lambda t: t.unit_id and t.complaint_category and not t.is_secondary_complaint
        ):
            if self.search_count(ticket._complaint_repeat_domain(), limit=1):
                ticket.is_secondary_complaint = True
                ticket.message_post(
                    body=self.env._(
                        "Secondary complaint: the same unit complained about the same "
                        "matter within %(days)s days.",
                        days=ticket.estate_id.complaint_repeat_days or 30,
                    ),
                    subtype_xmlid="mail.mt_note",
                )

    def _flag_reopened(self, previous_closed):
        now = fields.Datetime.now()
        for ticket in self:
            closed = previous_closed.get(ticket.id)
            days = ticket.estate_id.complaint_repeat_days or 30
            if closed and now - closed <= timedelta(days=days):
                ticket.write(
                    {
                        "is_secondary_complaint": True,
                        "date_result_sent": False,
                        "date_handled": False,
                    }
                )
                ticket.message_post(
                    body=self.env._("Secondary complaint: reopened after being closed."),
                    subtype_xmlid="mail.mt_note",
                )

    def _notify_complaint_levels(self):
        """The supervisor is asked to acknowledge every valid complaint, the director
        every major or important one."""
        activity_type = self.env.ref("property_complaints.mail_activity_type_complaint")
        for ticket in self:
            estate = ticket.estate_id
            wanted = []
            if ticket.complaint_supervisor_deadline and not ticket.date_supervisor_informed:
                wanted.append((estate.supervisor_id, ticket.complaint_supervisor_deadline))
            if ticket.complaint_director_deadline and not ticket.date_director_informed:
                wanted.append((estate.director_id, ticket.complaint_director_deadline))
            existing = ticket.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type
            ).user_id
            for user, deadline in wanted:
                if user and user not in existing:
                    ticket.activity_schedule(
                        activity_type_id=activity_type.id,
                        date_deadline=ticket.estate_id._local_date(deadline),
                        summary=self.env._("Acknowledge complaint %(ticket)s", ticket=ticket.name),
                        user_id=user.id,
                    )

    def _refer_complaints(self):
        """Complaints about staff go to HR, about procedures to the quality review."""
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for ticket in self.filtered("complaint_review"):
            estate = ticket.estate_id
            user = (
                estate.complaint_hr_user_id
                if ticket.complaint_review == "hr"
                else estate.complaint_quality_user_id
            )
            summary = (
                self.env._("HR handling of a complaint about staff")
                if ticket.complaint_review == "hr"
                else self.env._("Quality review of a complaint about procedures")
            )
            if user and not ticket.activity_ids.filtered(
                lambda a, u=user, s=summary: a.user_id == u and a.summary == s
            ):
                ticket.activity_schedule(
                    activity_type_id=activity_type.id, summary=summary, user_id=user.id
                )

    def _send_complaint_result(self):
        """Tell the resident the result the day the complaint is closed: by e-mail and on
        the portal."""
        template = self.env.ref("property_complaints.mail_template_complaint_result")
        for ticket in self:
            ticket.message_post_with_source(
                template,
                subtype_xmlid="mail.mt_comment",
                message_type="comment",
            )
        self.write({"date_result_sent": fields.Datetime.now()})

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_acknowledge_complaint(self):
        """The supervisor or the director acknowledges the complaint: their timer stops
        and their to-do is done."""
        user = self.env.user
        is_director = user.has_group("property_service_desk.group_property_director")
        is_supervisor = user.has_group("property_service_desk.group_property_supervisor")
        if not is_supervisor:
            raise UserError(self.env._("Only a supervisor or the director acknowledges."))
        now = fields.Datetime.now()
        activity_type = self.env.ref("property_complaints.mail_activity_type_complaint")
        for ticket in self:
            vals = {}
            if ticket.complaint_supervisor_deadline and not ticket.date_supervisor_informed:
                vals["date_supervisor_informed"] = now
            if (
                is_director
                and ticket.complaint_director_deadline
                and not (ticket.date_director_informed)
            ):
                vals["date_director_informed"] = now
            if vals:
                ticket.write(vals)
            ticket.activity_ids.filtered(
                lambda a: a.activity_type_id == activity_type and a.user_id == user
            ).action_feedback(feedback=self.env._("Acknowledged"))
        return True

    def action_record_handling(self):
        for ticket in self:
            if not ticket.complaint_handling or not ticket.complaint_handling.striptags().strip():
                raise UserError(
                    self.env._(
                        "Describe how %(ticket)s was handled first.", ticket=ticket.display_name
                    )
                )
        self.write({"date_handled": fields.Datetime.now(), "handled_by_id": self.env.uid})
        return True

    def _message_post_after_hook(self, message, msg_vals):
        """The first message sent to the resident (not an internal note) is the reply."""
        result = super()._message_post_after_hook(message, msg_vals)
        if (
            self.request_kind == "complaint"
            and not self.date_replied
            and message.message_type == "comment"
            and not message.is_internal
            and message.subtype_id == self.env.ref("mail.mt_comment")
            and message.author_id not in self.partner_id | self.partner_id.commercial_partner_id
            and not self.env.user.share
        ):
            self.date_replied = fields.Datetime.now()
        return result
