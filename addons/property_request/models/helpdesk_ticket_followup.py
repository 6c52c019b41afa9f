# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models

from .helpdesk_ticket import EMERGENCY_KINDS
from .property_followup_rule import FOLLOWUP_KINDS


class HelpdeskTicket(models.Model):
    """The follow-up visit (回访) a completed request gets, by the configurable rules."""

    _inherit = "helpdesk.ticket"

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

    @api.model
    def _cron_plan_followups(self):
        """Plan the follow-up visits owed for the requests completed this month and
        last month (see property.followup._plan_from_sources)."""
        # a day early: the months are each estate's, read from its local closing day
        today = fields.Date.context_today(self)
        since = (today.replace(day=1) - timedelta(days=1)).replace(day=1) - timedelta(days=1)
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
        # this month and last month of each estate, on its local closing days
        starts = {
            estate: (estate._local_date().replace(day=1) - timedelta(days=1)).replace(day=1)
            for estate in tickets.estate_id
        }
        closed_days = {
            ticket: ticket.estate_id._local_date(ticket.closed_date) for ticket in tickets
        }
        tickets = tickets.filtered(lambda t: closed_days[t] >= starts[t.estate_id])
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
                "done_date": closed_days[ticket],
                "month": closed_days[ticket].strftime("%Y-%m"),
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
