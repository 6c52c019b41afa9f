# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

COMPLAINT_TYPES = [
    ("valid", "Valid Complaint"),
    ("help", "Communicative: Help-Seeking"),
    ("inquiry", "Communicative: Inquiry"),
    ("venting", "Communicative: Venting"),
]


class HelpdeskTicketCategory(models.Model):
    _inherit = "helpdesk.ticket.category"

    property_complaint_type = fields.Selection(
        COMPLAINT_TYPES,
        string="Complaint Type",
        help="Type given to the complaints filed under this category.",
    )
