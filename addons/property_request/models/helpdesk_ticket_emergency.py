# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.fields import Domain

from .helpdesk_ticket import EMERGENCY_KINDS


class HelpdeskTicket(models.Model):
    """Emergencies (checklists of the SOP steps), written inquiries answered within the
    estate's days, and deferred requests reopened by themselves."""

    _inherit = "helpdesk.ticket"

    checklist_line_ids = fields.One2many(
        "property.checklist.line", "ticket_id", string="Checklist", copy=False
    )

    reopen_date = fields.Date(
        string="Reopens On",
        copy=False,
        help="A deferred request goes back to work by itself on this day.",
    )

    def _set_reopen_date(self):
        for estate, tickets in self.grouped("estate_id").items():
            days = estate.deferred_reopen_days or 30
            tickets.reopen_date = estate._local_date() + timedelta(days=days)

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
        activity_type = self.env.ref("property_request.mail_activity_type_emergency")
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
        activity_type = self.env.ref("property_request.mail_activity_type_written_reply")
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
        cleared when they leave the deferred stage). The day is the estate's."""
        Estate = self.env["property.estate"]
        tickets = self.search(
            Domain.OR(
                [
                    Domain("reopen_date", "<=", fields.Date.context_today(self))
                    & Domain("estate_id", "=", False),
                    *(
                        Domain("reopen_date", "<=", today) & Domain("estate_id", "in", group.ids)
                        for today, group in Estate._by_local_date().items()
                    ),
                ]
            )
            & Domain("stage_id.property_is_deferred", "=", True)
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
