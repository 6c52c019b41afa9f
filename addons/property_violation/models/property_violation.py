# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from .property_violation_notice import NOTICE_STAGES


class PropertyViolation(models.Model):
    """A resident violation (住户违章) and its rectification."""

    _name = "property.violation"
    _description = "Resident Violation"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "date desc, id desc"

    name = fields.Char(required=True, readonly=True, default="/", copy=False)
    unit_id = fields.Many2one("property.unit", required=True, index=True, tracking=True)
    estate_id = fields.Many2one(related="unit_id.estate_id", store=True, index=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True)
    partner_id = fields.Many2one("res.partner", string="Resident", tracking=True)
    category_id = fields.Many2one("property.violation.category", required=True, tracking=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now)
    description = fields.Text(required=True)
    impact = fields.Selection(
        [("minor", "Minor Loss or Nuisance"), ("serious", "Serious Loss or Threat to Safety")],
        required=True,
        default="minor",
        tracking=True,
        help="The loss or threat recorded; a serious one makes the violation major.",
    )
    severity_override = fields.Selection(
        [("general", "General"), ("major", "Major")],
        tracking=True,
        help="Set by the director to overrule the computed severity.",
    )
    severity = fields.Selection(
        [("general", "General"), ("major", "Major")],
        compute="_compute_severity",
        store=True,
        index=True,
    )
    photo_ids = fields.Many2many("ir.attachment", string="Evidence Photos")
    measures = fields.Text(string="Measures Taken")
    earlier_count = fields.Integer(
        string="Earlier Violations", compute="_compute_earlier_count", help="Of the same unit."
    )
    notice_ids = fields.One2many("property.violation.notice", "violation_id", string="Notices")
    penalty_ids = fields.One2many("property.violation.penalty", "violation_id", string="Penalties")
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")], default="open", required=True, tracking=True
    )

    @api.depends("impact", "severity_override")
    def _compute_severity(self):
        for violation in self:
            violation.severity = violation.severity_override or (
                "major" if violation.impact == "serious" else "general"
            )

    def _compute_earlier_count(self):
        rows = dict(
            self._read_group([("unit_id", "in", self.unit_id.ids)], ["unit_id"], ["__count"])
        )
        for violation in self:
            violation.earlier_count = max(rows.get(violation.unit_id, 0) - 1, 0)

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("property.violation")
            if "severity" in vals and not self.env.su:
                raise UserError(self.env._("The severity follows from the impact."))
        self._check_severity_override(vals_list)
        violations = super().create(vals_list)
        for violation in violations.filtered("earlier_count"):
            violation.message_post(
                body=self.env._(
                    "Warning: %(unit)s already has %(count)s earlier violation(s).",
                    unit=violation.unit_id.display_name,
                    count=violation.earlier_count,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return violations

    def write(self, vals):
        self._check_severity_override([vals])
        if "severity" in vals and not self.env.su:
            raise UserError(self.env._("The severity follows from the impact."))
        return super().write(vals)

    def _check_severity_override(self, vals_list):
        """Only the director overrules the severity or plays down a serious impact, at
        creation as later."""
        if self.env.su or self.env.user.has_group("property_service_desk.group_property_director"):
            return
        creating = not self
        downgraded = (
            not creating
            and any(vals.get("impact") == "minor" for vals in vals_list)
            and self.filtered(lambda v: v.impact == "serious")
        )
        if downgraded or any(
            ("severity_override" in vals) if not creating else vals.get("severity_override")
            for vals in vals_list
        ):
            raise UserError(self.env._("Only the director overrules the severity."))

    def action_notify(self):
        """Issue the next notice (first, second, final) with the category's text, dated
        on the estate's day."""
        for violation in self:
            today = violation.estate_id._local_date()
            if violation.state != "open":
                raise UserError(self.env._("The violation is closed."))
            issued = violation.notice_ids.mapped("stage")
            stage = next((s for s, _label in NOTICE_STAGES if s not in issued), None)
            if not stage:
                raise UserError(self.env._("The final notice was already issued."))
            category = violation.category_id
            violation.check_access("write")
            # sudo: a notice is issued only here, with the category's text and deadline
            notice = (
                self.env["property.violation.notice"]
                .sudo()
                .create(
                    {
                        "violation_id": violation.id,
                        "stage": stage,
                        "date": today,
                        "deadline": today + timedelta(days=7 if stage != "final" else 3),
                        # the notice reads in the resident's language, not the issuer's
                        "text": category.with_context(
                            lang=violation.partner_id.lang or self.env.lang
                        )[f"text_{stage}"],
                        "department": category.department,
                    }
                )
            )
            violation.message_post(
                body=self.env._(
                    "%(notice)s issued: rectify by %(deadline)s; delivered by %(department)s.",
                    notice=notice._fields["stage"].convert_to_export(notice.stage, notice),
                    deadline=notice.deadline,
                    department=notice._fields["department"].convert_to_export(
                        notice.department, notice
                    ),
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_close(self):
        """Close the violation; a relationship follow-up visit is planned a week later."""
        Followup = self.env["property.followup"]
        for violation in self.filtered(lambda v: v.state == "open"):
            Followup.create(
                {
                    "res_model": self._name,
                    "res_id": violation.id,
                    "source_kind": "other",
                    "estate_id": violation.estate_id.id,
                    "unit_id": violation.unit_id.id,
                    "partner_id": violation.partner_id.id,
                    "company_id": violation.company_id.id,
                    "due_date": fields.Date.context_today(self) + timedelta(days=7),
                    "visitor_id": (violation.estate_id.front_desk_user_ids[:1] or self.env.user).id,
                }
            )
            violation.state = "closed"
        return True

    def action_print_notice(self):
        return self.env.ref("property_violation.action_report_violation_notice").report_action(
            self.notice_ids[-1:]
        )
