# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

FOLLOWUP_KINDS = [
    ("complaint", "Complaint"),
    ("repair", "Repair"),
    ("paid_service", "Paid Service"),
    ("everyday_help", "Everyday Help"),
    ("rectification", "Rectification"),
    ("emergency", "Emergency"),
    ("event", "Community Event"),
    ("other", "Other Service"),
]


class PropertyFollowupRule(models.Model):
    """When and how many completed services get a follow-up visit (回访, SOP §8)."""

    _name = "property.followup.rule"
    _description = "Follow-up Rule"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    source_kind = fields.Selection(FOLLOWUP_KINDS, required=True)
    delay_days = fields.Integer(
        string="Within (days)", required=True, help="Days after completion."
    )
    rate = fields.Float(
        string="Sampling Rate (%)",
        required=True,
        default=100.0,
        help="Share of the month's completed services of this kind that get a visit.",
    )
    second_visit = fields.Boolean(help="Plan a second visit after the first.")
    second_visit_days = fields.Integer(
        string="Second Visit After (days)",
        default=45,
        help="Days after completion (SOP: 1 to 2 months for repairs).",
    )

    _source_kind_uniq = models.Constraint(
        "unique(source_kind)", "There is already a follow-up rule for this kind."
    )
    _rate_range = models.Constraint(
        "CHECK(rate > 0 AND rate <= 100)", "A sampling rate lies between 0 and 100 %."
    )
    _delay_positive = models.Constraint(
        "CHECK(delay_days >= 0 AND second_visit_days > 0)",
        "Follow-up delays cannot be negative.",
    )
