# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.property_request.models.property_followup_rule import FOLLOWUP_KINDS

MEASURES = [
    ("collection_rate", "Fee Collection Rate"),
    ("followup_rate", "Follow-up Rate"),
    ("spot_check_rate", "Weekly Spot-Check Rate"),
    ("complaint_answered", "Complaints Answered on Time"),
    ("complaint_solved", "Complaints Solved on Time"),
    ("department_complaint_share", "Complaints about a Department"),
]


class PropertyKpi(models.Model):
    """A key figure of the SOP with its target (SOP "KPIs named in the documents"): how it
    is measured, the target and whether the figure must reach it or stay below it. The
    administrators change targets here; months already frozen keep the target they had."""

    _name = "property.kpi"
    _description = "Property KPI"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    measure = fields.Selection(MEASURES, required=True)
    target = fields.Float(string="Target (%)", required=True)
    direction = fields.Selection(
        [("min", "At Least"), ("max", "At Most")],
        required=True,
        default="min",
        help="At least: the figure must reach the target. At most: it must stay at or " "below it.",
    )
    followup_kind = fields.Selection(
        FOLLOWUP_KINDS,
        string="Follow-up Kind",
        help="For follow-up rates: the kind of completed service whose visits are counted.",
    )
    valid_complaints_only = fields.Boolean(
        help="For follow-up rates of complaints: count valid complaints only (SOP §8: "
        "100 % of valid complaints).",
    )
    department_id = fields.Many2one(
        "helpdesk.ticket.team",
        help="For complaint shares: the department whose complaints are counted.",
    )
    description = fields.Text(translate=True, help="Where the SOP sets the target.")
    value_ids = fields.One2many("property.kpi.value", "kpi_id", string="Monthly Figures")

    _target_range = models.Constraint(
        "CHECK(target >= 0 AND target <= 100)", "A target lies between 0 and 100 %."
    )

    @api.constrains("measure", "followup_kind", "department_id")
    def _check_parameters(self):
        for kpi in self:
            if kpi.measure == "followup_rate" and not kpi.followup_kind:
                raise ValidationError(
                    self.env._("A follow-up rate needs the kind of service it counts.")
                )
            if kpi.measure == "department_complaint_share" and not kpi.department_id:
                raise ValidationError(
                    self.env._("A complaint share needs the department it counts.")
                )

    def _is_met(self, value):
        """Whether ``value`` (a percentage) meets the target."""
        self.ensure_one()
        if self.direction == "max":
            return value <= self.target
        return value >= self.target
