# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

DEPARTMENTS = [
    ("engineering", "Engineering"),
    ("cleaning", "Cleaning & Greening"),
    ("security", "Security"),
    ("service_centre", "Service Centre"),
]

LIMIT_GROUPS = [
    ("paid", "Paid Service"),
    ("common_area", "Common Area"),
    ("rectification", "House Rectification"),
    ("equipment", "Equipment Maintenance"),
    ("internal", "Internal Task"),
    ("complaint", "Complaint"),
]


class PropertyTimeLimit(models.Model):
    """Resolution time limits (维修时限) by department and category, in days. Loaded with
    the SOP's table and editable by the administrator."""

    _name = "property.time.limit"
    _description = "Resolution Time Limit"
    _order = "department, limit_group, sequence, id"

    name = fields.Char(string="Item", required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    department = fields.Selection(DEPARTMENTS, required=True)
    limit_group = fields.Selection(LIMIT_GROUPS, string="Group", required=True)
    days = fields.Float(
        string="Time Limit (days)",
        required=True,
        digits=(6, 2),
        help="Time allowed from reception to resolution.",
    )
    category_ids = fields.One2many(
        "helpdesk.ticket.category", "property_time_limit_id", string="Request Categories"
    )

    _days_positive = models.Constraint(
        "CHECK(days > 0)", "A time limit must be longer than zero days."
    )
    _item_uniq = models.Constraint(
        "unique(department, limit_group, name)",
        "This department already has a time limit for this item.",
    )

    @api.depends("name", "department", "limit_group", "days")
    def _compute_display_name(self):
        departments = dict(self._fields["department"]._description_selection(self.env))
        groups = dict(self._fields["limit_group"]._description_selection(self.env))
        for limit in self:
            limit.display_name = self.env._(
                "%(department)s / %(group)s / %(item)s (%(days)s d)",
                department=departments.get(limit.department, ""),
                group=groups.get(limit.limit_group, ""),
                item=limit.name or "",
                days=f"{limit.days:g}",
            )
