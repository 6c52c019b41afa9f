# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)


class PropertyRenovationViolation(models.Model):
    """A violation found during the works: stop and restore, rectification notice
    (违章整改通知书) with a deadline, then water/power cut or compensation — those two only
    with the director's approval."""

    _name = "property.renovation.violation"
    _description = "Renovation Violation"
    _inherit = ["mail.thread", "property.guarded.mixin"]
    _order = "id desc"
    _guarded_fields = {
        "approved_by_id": _lt("the director's Approve Cut or Approve Compensation"),
        "approved_measure": _lt("the director's Approve Cut or Approve Compensation"),
    }

    renovation_id = fields.Many2one(
        "property.renovation", required=True, index=True, ondelete="cascade"
    )
    estate_id = fields.Many2one(related="renovation_id.estate_id", store=True)
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    inspection_id = fields.Many2one("property.renovation.inspection")
    description = fields.Text(required=True)
    measure = fields.Selection(
        [
            ("stop_restore", "Stop and Restore"),
            ("notice", "Rectification Notice"),
            ("cut", "Water/Power Cut"),
            ("compensation", "Compensation"),
        ],
        required=True,
        default="stop_restore",
        tracking=True,
    )
    proposed_measure = fields.Selection(
        [("cut", "Water/Power Cut"), ("compensation", "Compensation")],
        string="Proposed to the Director",
        tracking=True,
        help="Staff propose a cut or compensation; only the director imposes it.",
    )
    deadline = fields.Date(string="Rectify By", tracking=True)
    approved_by_id = fields.Many2one("res.users", readonly=True, tracking=True, copy=False)
    approved_measure = fields.Selection(
        [("cut", "Water/Power Cut"), ("compensation", "Compensation")],
        readonly=True,
        copy=False,
        help="The measure the director approved.",
    )
    rectified = fields.Boolean(tracking=True)

    @api.constrains("measure", "deadline", "approved_by_id", "approved_measure")
    def _check_measure(self):
        for violation in self:
            if violation.measure == "notice" and not violation.deadline:
                raise ValidationError(self.env._("A rectification notice has a deadline."))
            if violation.measure in ("cut", "compensation") and (
                not violation.approved_by_id or violation.approved_measure != violation.measure
            ):
                raise ValidationError(
                    self.env._(
                        "Cutting water or power and claiming compensation need the "
                        "director's approval: propose the measure to the director, who "
                        "approves it from the violation."
                    )
                )

    def action_approve_cut(self):
        return self._director_impose("cut")

    def action_approve_compensation(self):
        return self._director_impose("compensation")

    def _director_impose(self, measure):
        """Only the estate's director imposes a cut or compensation (SOP §4 and §7)."""
        for violation in self:
            violation.estate_id._check_director(self.env.user)
            if violation.rectified:
                raise UserError(self.env._("This violation was rectified."))
        self._guarded_write(
            {
                "measure": measure,
                "approved_measure": measure,
                "approved_by_id": self.env.uid,
                "proposed_measure": False,
            }
        )
        return True

    def action_print_notice(self):
        return self.env.ref("property_renovation.action_report_rectification_notice").report_action(
            self
        )
