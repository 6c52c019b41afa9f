# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

NOTICE_STAGES = [("first", "First Notice"), ("second", "Second Notice"), ("final", "Final Notice")]
# who delivers a notice (SOP §7): the category's department
DEPARTMENT_GROUPS = {
    "service_centre": "property_service_desk.group_property_assistant",
    "engineering": "property_service_desk.group_property_engineering",
    "security": "property_service_desk.group_property_security",
    "cleaning": "property_service_desk.group_property_cleaning",
}


class PropertyViolationNotice(models.Model):
    """Rectification notice (违章整改通知书), printed in two copies, issued by *Notify*
    and delivered by the category's department, which records the delivery."""

    _name = "property.violation.notice"
    _description = "Rectification Notice"
    _inherit = ["property.guarded.mixin"]
    _order = "violation_id, date, id"
    _guarded_fields = {
        "violation_id": _lt("the violation's Notify"),
        "stage": _lt("the violation's Notify"),
        "date": _lt("the violation's Notify"),
        "text": _lt("the violation's Notify"),
        "date_delivered": _lt("Delivered"),
        "delivered_by_id": _lt("Delivered"),
    }

    violation_id = fields.Many2one(
        "property.violation", required=True, ondelete="cascade", index=True
    )
    estate_id = fields.Many2one(related="violation_id.estate_id", store=True)
    stage = fields.Selection(NOTICE_STAGES, required=True)
    date = fields.Date(required=True)
    deadline = fields.Date(required=True)
    text = fields.Text(required=True)
    department = fields.Selection(
        related="violation_id.category_id.department", string="Delivered By"
    )
    date_delivered = fields.Date(string="Delivered On", readonly=True)
    delivered_by_id = fields.Many2one("res.users", string="Delivered by User", readonly=True)
    rectified = fields.Boolean()

    _stage_once = models.Constraint(
        "unique(violation_id, stage)", "This notice was already issued."
    )

    @api.depends("violation_id", "stage")
    def _compute_display_name(self):
        stages = dict(self._fields["stage"]._description_selection(self.env))
        for notice in self:
            notice.display_name = (
                f"{notice.violation_id.display_name} {stages.get(notice.stage, '')}"
            )

    @api.constrains("date", "deadline")
    def _check_deadline(self):
        for notice in self:
            if notice.deadline < notice.date:
                raise ValidationError(self.env._("The deadline comes after the notice."))

    def action_delivered(self):
        """The department the category names delivers the notice (SOP §7) and records it,
        on the estate's day."""
        user = self.env.user
        for notice in self:
            if notice.date_delivered:
                raise UserError(self.env._("This notice was already delivered."))
            group = DEPARTMENT_GROUPS[notice.violation_id.category_id.department]
            if not (
                user.has_group(group)
                or user.has_group("property_service_desk.group_property_manager")
            ):
                raise UserError(
                    self.env._(
                        "%(department)s delivers this notice and records its delivery.",
                        department=notice._fields["department"].convert_to_export(
                            notice.department, notice
                        ),
                    )
                )
            notice._guarded_write(
                {
                    "date_delivered": notice.estate_id._local_date(),
                    "delivered_by_id": user.id,
                }
            )
            notice.violation_id.message_post(
                body=self.env._(
                    "%(notice)s delivered by %(user)s.",
                    notice=notice._fields["stage"].convert_to_export(notice.stage, notice),
                    user=user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True
