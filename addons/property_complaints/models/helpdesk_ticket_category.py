# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

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

    @api.depends("property_complaint_type", "parent_id.complete_name")
    def _compute_property_portal_name(self):
        """Residents file a complaint about a department: whether it is valid or only
        communicative is the desk's classification (SOP §6), not the resident's."""
        res = super()._compute_property_portal_name()
        for category in self.filtered(lambda c: c.property_complaint_type and c.parent_id):
            category.property_portal_name = category.parent_id.complete_name
        return res
