# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicketChannel(models.Model):
    _inherit = "helpdesk.ticket.channel"

    property_is_written = fields.Boolean(
        string="Written",
        help="Inquiries received through this channel are answered in writing within the "
        "estate's reply time limit (2 days by default).",
    )
