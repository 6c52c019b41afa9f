# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import LazyTranslate

from .property_dunning import CUT_NOTICE_DAYS

_lt = LazyTranslate(__name__)

NOTICE_STAGES = [("first", "First Notice"), ("second", "Second Notice"), ("final", "Final Notice")]
# who delivers a notice (SOP §7): the category's department
DEPARTMENT_GROUPS = {
    "service_centre": "property_service_desk.group_property_assistant",
    "engineering": "property_service_desk.group_property_engineering",
    "security": "property_service_desk.group_property_security",
    "cleaning": "property_service_desk.group_property_cleaning",
}


class PropertyViolationCategory(models.Model):
    """A kind of resident violation (SOP §7) with the texts of its notices."""

    _name = "property.violation.category"
    _description = "Violation Category"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    department = fields.Selection(
        [
            ("service_centre", "Service Centre"),
            ("engineering", "Engineering"),
            ("security", "Security"),
            ("cleaning", "Cleaning & Greening"),
        ],
        string="Delivered By",
        required=True,
        default="service_centre",
        help="The department that delivers the notices of this category.",
    )
    text_first = fields.Text(string="First Notice Text", translate=True, required=True)
    text_second = fields.Text(string="Second Notice Text", translate=True, required=True)
    text_final = fields.Text(string="Final Notice Text", translate=True, required=True)
    active = fields.Boolean(default=True)


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
                        "text": category[f"text_{stage}"],
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
        return self.env.ref("property_service_desk.action_report_violation_notice").report_action(
            self.notice_ids[-1:]
        )


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


class PropertyViolationPenalty(models.Model):
    """Penalties are the director's decision; public criticism and cuts need the owners'
    committee's recorded support; a cut needs a written notice 3 days before;
    compensation is invoiced."""

    _name = "property.violation.penalty"
    _description = "Violation Penalty"
    _inherit = ["mail.thread"]

    violation_id = fields.Many2one(
        "property.violation", required=True, ondelete="cascade", index=True
    )
    estate_id = fields.Many2one(related="violation_id.estate_id", store=True)
    company_id = fields.Many2one(related="violation_id.company_id", store=True)
    kind = fields.Selection(
        [
            ("compensation", "Compensation"),
            ("criticism", "Public Criticism"),
            ("cut", "Water/Power Cut"),
            ("litigation", "Litigation"),
        ],
        required=True,
    )
    committee_support_date = fields.Date(string="Owners' Committee Support")
    notice_date = fields.Date(string="Written Notice Given")
    action_date = fields.Date(string="Carried Out On")
    decided_by_id = fields.Many2one("res.users", readonly=True)
    currency_id = fields.Many2one(related="violation_id.company_id.currency_id")
    amount = fields.Monetary(
        string="Compensation", help="Decided by the director; charged by a posted invoice."
    )
    invoice_id = fields.Many2one(
        "account.move", readonly=True, groups="account.group_account_invoice"
    )

    _amount_not_negative = models.Constraint(
        "CHECK(amount IS NULL OR amount >= 0)", "A compensation cannot be negative."
    )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.user.has_group("property_service_desk.group_property_director"):
            raise UserError(self.env._("Only the director decides a penalty."))
        for vals in vals_list:
            vals["decided_by_id"] = self.env.uid
        penalties = super().create(vals_list)
        for penalty in penalties:
            penalty.estate_id._check_director(self.env.user)
        return penalties

    @api.constrains("kind", "committee_support_date", "notice_date", "action_date")
    def _check_conditions(self):
        for penalty in self:
            if penalty.kind in ("criticism", "cut") and not penalty.committee_support_date:
                raise ValidationError(
                    self.env._(
                        "Public criticism and cutting water or power need the owners' "
                        "committee's recorded support."
                    )
                )
            if penalty.kind == "cut" and (
                not penalty.notice_date
                or not penalty.action_date
                or penalty.action_date < penalty.notice_date + timedelta(days=CUT_NOTICE_DAYS)
            ):
                raise ValidationError(
                    self.env._(
                        "A cut needs a written notice at least %(days)s days before it.",
                        days=CUT_NOTICE_DAYS,
                    )
                )

    def action_invoice(self):
        """Invoice the compensation to the resident (on behalf of finance, from the
        director's decision)."""
        self.ensure_one()
        user = self.env.user
        if not (
            user.has_group("property_service_desk.group_property_director")
            or user.has_group("property_service_desk.group_property_finance")
        ):
            raise UserError(self.env._("The director or finance invoices a compensation."))
        if self.kind != "compensation" or self.amount <= 0:
            raise UserError(self.env._("Only a compensation amount is invoiced."))
        if self.sudo().invoice_id:
            raise UserError(self.env._("This compensation is already invoiced."))
        amount = self.amount
        violation = self.violation_id
        partner = violation.partner_id or violation.unit_id.fee_payer_id
        if not partner:
            raise UserError(self.env._("Record the resident who pays the compensation."))
        product = self.env.ref("property_service_desk.product_violation_compensation")
        # the director decides, finance owns the invoice: created on its behalf
        invoice = (
            self.env["account.move"]
            .sudo()
            .create(
                {
                    "move_type": "out_invoice",
                    "partner_id": partner.id,
                    "company_id": violation.company_id.id,
                    "invoice_origin": violation.name,
                    "invoice_line_ids": [
                        fields.Command.create(
                            {
                                "product_id": product.id,
                                "name": f"{product.name}: {violation.name}",
                                "quantity": 1,
                                "price_unit": amount,
                            }
                        )
                    ],
                }
            )
        )
        invoice.action_post()
        self.sudo().invoice_id = invoice
        return invoice
