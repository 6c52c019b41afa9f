# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

REQUEST_KINDS = [
    ("repair_unit", "Repair in a Unit"),
    ("repair_common", "Common-Area Repair"),
    ("rectification", "Construction-Quality Rectification"),
    ("planned_maintenance", "Planned Maintenance"),
    ("medical", "Medical Emergency"),
    ("security", "Security Incident"),
    ("disaster", "Disaster"),
    ("inquiry", "Inquiry"),
    ("complaint", "Complaint"),
    ("other", "Other"),
]


class HelpdeskTicketCategory(models.Model):
    """Request categories are configuration: department, dispatch mode, time limit,
    early warning, paid or free, follow-up and who is notified."""

    _inherit = "helpdesk.ticket.category"

    property_request_kind = fields.Selection(REQUEST_KINDS, string="Request Kind")
    property_department_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Department",
        help="Department that performs the work orders of this category.",
    )
    property_time_limit_id = fields.Many2one(
        "property.time.limit",
        string="Time Limit",
        ondelete="restrict",
        help="Resolution time limit (维修时限) of the requests of this category.",
    )
    property_dispatch_mode = fields.Selection(
        [
            ("supervisor", "Supervisor Assigns"),
            ("round_robin", "Round-Robin"),
            ("pool", "Technicians Claim from a Pool"),
        ],
        string="Dispatch Mode",
        default="supervisor",
        required=True,
    )
    property_pool_cap = fields.Integer(
        string="Open Orders per Technician",
        default=3,
        help="In pool mode, a technician cannot claim more open work orders than this.",
    )
    property_warning_minutes = fields.Integer(
        string="Early Warning (minutes)",
        default=2,
        help="A timer turns orange this many minutes before its deadline.",
    )
    property_is_paid = fields.Boolean(string="Paid Service")
    property_followup = fields.Boolean(string="Follow-up Visit", default=True)
    property_notify_user_ids = fields.Many2many(
        "res.users",
        "helpdesk_category_property_notify_rel",
        "category_id",
        "user_id",
        string="Notify",
        help="Users told of every new request of this category.",
    )
    property_portal_name = fields.Char(
        string="Name on the Portal",
        compute="_compute_property_portal_name",
        help="What residents read for this category: the desk's own triage terms stay "
        "in the back office.",
    )

    @api.depends("complete_name")
    @api.depends_context("lang")
    def _compute_property_portal_name(self):
        for category in self:
            category.property_portal_name = category.complete_name

    _property_pool_cap_positive = models.Constraint(
        "CHECK(property_pool_cap > 0)",
        "A technician must be able to hold at least one open work order.",
    )
