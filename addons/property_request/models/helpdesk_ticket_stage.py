# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketStage(models.Model):
    _inherit = "helpdesk.ticket.stage"

    property_pauses_timers = fields.Boolean(
        string="Pauses Timers",
        help="The request waits on the resident: its deadlines stop running while it is "
        "in this stage and move on by the time spent here.",
    )
    property_is_deferred = fields.Boolean(
        string="Deferred",
        help="Requests put off to later: they reopen by themselves after the estate's "
        "delay (30 days by default).",
    )
