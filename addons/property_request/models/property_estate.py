# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class PropertyEstate(models.Model):
    _inherit = "property.estate"

    service_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Day Team",
        default=lambda self: self.env.ref(
            "property_request.helpdesk_team_service_centre", raise_if_not_found=False
        ),
        help="Receives the requests made during service-centre hours.",
    )
    night_team_id = fields.Many2one(
        "helpdesk.ticket.team",
        default=lambda self: self.env.ref(
            "property_request.helpdesk_team_monitoring", raise_if_not_found=False
        ),
        help="Receives the requests made outside service-centre hours (monitoring centre).",
    )
    dispatch_minutes = fields.Integer(
        string="Dispatch Within (min)",
        default=5,
        required=True,
        help="The department is notified of a work order within this time.",
    )
    dispatch_minutes_common = fields.Integer(
        string="Common-Area Dispatch Within (min)", default=3, required=True
    )
    arrival_minutes = fields.Integer(
        string="Arrival Within (min)",
        default=15,
        required=True,
        help="A technician arrives this long after dispatch, unless the resident chose "
        "an appointment.",
    )
    escalation_email = fields.Boolean(
        string="E-mail Escalations",
        help="Besides the activity, e-mail each person a missed deadline is escalated to.",
    )
    inquiry_reply_days = fields.Integer(
        string="Written Inquiry Reply (days)", default=2, required=True
    )
    spot_check_rate = fields.Float(
        string="Weekly Spot Check (%)",
        default=30.0,
        required=True,
        help="Share of the week's work orders the supervisor checks.",
    )
    deferred_reopen_days = fields.Integer(
        string="Reopen Deferred Requests After (days)", default=30, required=True
    )

    _timer_settings_positive = models.Constraint(
        "CHECK(dispatch_minutes > 0 AND dispatch_minutes_common > 0 AND arrival_minutes > 0 "
        "AND inquiry_reply_days > 0 AND deferred_reopen_days > 0 "
        "AND spot_check_rate > 0 AND spot_check_rate <= 100)",
        "Time limits of an estate must be positive.",
    )

    @api.model
    def _property_request_setup_teams(self):
        """At install, the estates made before the requests existed get the day and night
        teams (new estates get them by default)."""
        day = self.env.ref("property_request.helpdesk_team_service_centre")
        night = self.env.ref("property_request.helpdesk_team_monitoring")
        estates = self.with_context(active_test=False).search([])
        estates.filtered(lambda e: not e.service_team_id).service_team_id = day
        estates.filtered(lambda e: not e.night_team_id).night_team_id = night
