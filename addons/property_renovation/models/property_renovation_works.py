# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

# Engineering inspects daily for the first 20 days of the works, then every 3 days;
# security daily.
ENGINEERING_DAILY_DAYS = 20
ENGINEERING_LATER_INTERVAL = 3


class PropertyRenovationPass(models.Model):
    """Worker pass (装修人员出入证)."""

    _name = "property.renovation.pass"
    _description = "Worker Pass"
    _order = "renovation_id, id"

    name = fields.Char(string="Pass Number", required=True, readonly=True, default="/")
    renovation_id = fields.Many2one(
        "property.renovation", required=True, index=True, ondelete="cascade"
    )
    estate_id = fields.Many2one(related="renovation_id.estate_id", store=True)
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    unit_id = fields.Many2one(related="renovation_id.unit_id", string="Location")
    worker_name = fields.Char(required=True)
    id_number = fields.Char(string="ID Number", required=True)
    id_copies = fields.Integer(string="ID Copies Received", default=2)
    photo = fields.Image(max_width=256, max_height=256)
    date_from = fields.Date(required=True, default=fields.Date.context_today)
    date_to = fields.Date(string="Valid Until", required=True)
    state = fields.Selection(
        [("active", "Active"), ("returned", "Returned")], default="active", required=True
    )
    is_expired = fields.Boolean(compute="_compute_is_expired", search="_search_is_expired")

    _id_copies = models.Constraint(
        "CHECK(id_copies >= 2)", "Two copies of the worker's ID are kept."
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("property.renovation.pass")
        passes = super().create(vals_list)
        for renovation in passes.renovation_id:
            if renovation.state not in ("permit", "in_progress"):
                raise UserError(self.env._("Worker passes are issued with the permit."))
        return passes

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for worker_pass in self:
            if worker_pass.date_to < worker_pass.date_from:
                raise ValidationError(self.env._("A pass must end after it starts."))

    def _compute_is_expired(self):
        today = fields.Date.context_today(self)
        for worker_pass in self:
            worker_pass.is_expired = worker_pass.state == "active" and worker_pass.date_to < today

    def _search_is_expired(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        domain = [("state", "=", "active"), ("date_to", "<", fields.Date.context_today(self))]
        return domain if (operator == "=") == value else ["!", *domain]

    def action_return(self):
        self.write({"state": "returned"})
        return True


class PropertyRenovationHotwork(models.Model):
    """Hot-work permit (动火许可证), issued by security for a time window."""

    _name = "property.renovation.hotwork"
    _description = "Hot-Work Permit"
    _order = "date_from desc"

    renovation_id = fields.Many2one(
        "property.renovation", required=True, index=True, ondelete="cascade"
    )
    estate_id = fields.Many2one(related="renovation_id.estate_id", store=True)
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    work = fields.Char(required=True, help="Welding, cutting…")
    date_from = fields.Datetime(string="From", required=True)
    date_to = fields.Datetime(string="To", required=True)
    fire_measures = fields.Text(string="Fire Precautions", required=True)
    issued_by_id = fields.Many2one("res.users", readonly=True, default=lambda self: self.env.user)

    @api.constrains("date_from", "date_to")
    def _check_window(self):
        for permit in self:
            if permit.date_to <= permit.date_from:
                raise ValidationError(self.env._("The hot-work window must end after it starts."))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.user.has_group("property_service_desk.group_property_security"):
            raise UserError(self.env._("Hot-work permits are issued by security."))
        permits = super().create(vals_list)
        if permits.renovation_id.filtered(lambda r: r.state not in ("permit", "in_progress")):
            raise UserError(self.env._("Hot work is allowed only during permitted works."))
        return permits


class PropertyRenovationInspection(models.Model):
    _name = "property.renovation.inspection"
    _description = "Renovation Inspection"
    _inherit = ["mail.thread", "property.guarded.mixin"]
    _order = "scheduled_date desc, id desc"
    _guarded_fields = {
        "state": _lt("the inspecting department's Done"),
        "inspector_id": _lt("the inspecting department's Done"),
        "date_done": _lt("the inspecting department's Done"),
    }

    renovation_id = fields.Many2one(
        "property.renovation", required=True, index=True, ondelete="cascade"
    )
    estate_id = fields.Many2one(related="renovation_id.estate_id", store=True)
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    unit_id = fields.Many2one(related="renovation_id.unit_id")
    department = fields.Selection(
        [("engineering", "Engineering"), ("security", "Security")], required=True
    )
    kind = fields.Selection(
        [("routine", "Routine"), ("completion", "Completion"), ("reinspection", "Re-inspection")],
        default="routine",
        required=True,
    )
    scheduled_date = fields.Date(required=True, index=True)
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("missed", "Missed")],
        default="planned",
        required=True,
        index=True,
    )
    result = fields.Selection([("ok", "No Problem"), ("violation", "Violation Found")])
    findings = fields.Text()
    photo_ids = fields.Many2many("ir.attachment", string="Photos")
    inspector_id = fields.Many2one("res.users", readonly=True)
    date_done = fields.Datetime(readonly=True)

    _one_per_day = models.UniqueIndex(
        "(renovation_id, department, kind, scheduled_date)",
        "This inspection is already planned.",
    )

    def action_done(self):
        group = {
            "engineering": "property_service_desk.group_property_engineering",
            "security": "property_service_desk.group_property_security",
        }
        for inspection in self:
            if not self.env.user.has_group(group[inspection.department]):
                raise UserError(self.env._("This inspection is done by its department's staff."))
            if not inspection.result:
                raise UserError(self.env._("Record the result of the inspection."))
            if inspection.result == "violation" and not (inspection.findings or "").strip():
                raise UserError(self.env._("Describe the violation found."))
        self._guarded_write(
            {"state": "done", "inspector_id": self.env.uid, "date_done": fields.Datetime.now()}
        )
        return True

    def write(self, vals):
        # what the inspector recorded stays as recorded
        if (
            {"result", "findings", "kind", "department"} & set(vals)
            and not self.env.su
            and (self.filtered(lambda i: i.state == "done"))
        ):
            raise UserError(self.env._("A done inspection cannot change."))
        return super().write(vals)

    @api.model
    def _due_departments(self, renovation, day):
        """Departments owing a routine inspection of ``renovation`` on ``day``."""
        start = renovation.date_works_started
        if not start or day < start:
            return []
        departments = ["security"]
        elapsed = (day - start).days
        if elapsed < ENGINEERING_DAILY_DAYS or (
            (elapsed - ENGINEERING_DAILY_DAYS) % ENGINEERING_LATER_INTERVAL == 0
        ):
            departments.append("engineering")
        return departments

    @api.model
    def _plan_due(self, renovations=None, day=None):
        """Create today's routine inspections of the works in progress, once."""
        day = day or fields.Date.context_today(self)
        renovations = renovations or self.env["property.renovation"].search(
            [("state", "=", "in_progress")]
        )
        existing = {
            (i.renovation_id.id, i.department)
            for i in self.search(
                [
                    ("renovation_id", "in", renovations.ids),
                    ("kind", "=", "routine"),
                    ("scheduled_date", "=", day),
                ]
            )
        }
        vals_list = [
            {
                "renovation_id": renovation.id,
                "department": department,
                "scheduled_date": day,
            }
            for renovation in renovations
            for department in self._due_departments(renovation, day)
            if (renovation.id, department) not in existing
        ]
        return self.create(vals_list)

    @api.model
    def _cron_inspections(self):
        """Mark yesterday's undone inspections missed and plan today's."""
        today = fields.Date.context_today(self)
        missed = self.search([("state", "=", "planned"), ("scheduled_date", "<", today)])
        if missed:
            # sudo: the scheduled action marks them, whoever it runs as
            missed.sudo().write({"state": "missed"})
            for renovation in missed.renovation_id:
                supervisor = renovation.estate_id.supervisor_id
                if supervisor:
                    renovation.activity_schedule(
                        "mail.mail_activity_data_todo",
                        summary=self.env._("Renovation inspection missed"),
                        user_id=supervisor.id,
                    )
        return self._plan_due(day=today)


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


class PropertyRenovationDeduction(models.Model):
    """Damage assessed by engineering, approved by the director and posted by finance:
    taken from the owner's deposit first, then the contractor's; what the deposits do
    not cover is invoiced to the resident."""

    _name = "property.renovation.deduction"
    _description = "Deposit Deduction"
    _inherit = ["mail.thread", "property.guarded.mixin"]
    _order = "id desc"
    _guarded_fields = {
        "state": _lt("Approve, Post or Cancel"),
        "approved_by_id": _lt("the director's Approve"),
        "assessed_by_id": _lt("engineering's assessment"),
        "move_id": _lt("finance's Post"),
        "invoice_id": _lt("finance's Post"),
    }

    renovation_id = fields.Many2one(
        "property.renovation", required=True, index=True, ondelete="cascade"
    )
    estate_id = fields.Many2one(related="renovation_id.estate_id", store=True)
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    currency_id = fields.Many2one(related="renovation_id.currency_id")
    description = fields.Text(string="Damage", required=True)
    amount = fields.Monetary(
        string="Assessed Amount", required=True, help="Engineering's assessment of the damage."
    )
    assessed_by_id = fields.Many2one("res.users", readonly=True, default=lambda self: self.env.user)
    state = fields.Selection(
        [
            ("draft", "Assessed"),
            ("approved", "Approved"),
            ("posted", "Posted"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True)
    move_id = fields.Many2one("account.move", string="Journal Entry", readonly=True)
    invoice_id = fields.Many2one("account.move", string="Invoice for the Rest", readonly=True)

    _amount_positive = models.Constraint(
        "CHECK(amount > 0)", "A deduction must be a positive amount."
    )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.user.has_group("property_service_desk.group_property_engineering"):
            raise UserError(self.env._("Engineering assesses the damage."))
        deductions = super().create(vals_list)
        deductions.renovation_id.check_access("read")
        if deductions.renovation_id.filtered(
            lambda r: r.state not in ("completion", "accepted", "reinspection")
        ):
            raise UserError(self.env._("Damage is assessed at the acceptance inspections."))
        return deductions

    def action_approve(self):
        if not self.env.user.has_group("property_service_desk.group_property_director"):
            raise UserError(self.env._("Only the director approves a deposit deduction."))
        if self.filtered(lambda d: d.state != "draft"):
            raise UserError(self.env._("Only an assessed deduction can be approved."))
        for deduction in self:
            deduction.estate_id._check_director(self.env.user)
        self._guarded_write({"state": "approved", "approved_by_id": self.env.uid})
        return True

    def write(self, vals):
        # what the director approved is what finance posts
        locked = {"amount", "description", "renovation_id"} & set(vals)
        if locked and not self.env.su and self.filtered(lambda d: d.state != "draft"):
            raise UserError(
                self.env._("An approved deduction cannot change: cancel it and assess again.")
            )
        return super().write(vals)

    def action_cancel(self):
        if self.filtered(lambda d: d.state == "posted"):
            raise UserError(self.env._("A posted deduction is reversed in accounting."))
        user = self.env.user
        if not (
            user.has_group("property_service_desk.group_property_engineering")
            or user.has_group("property_service_desk.group_property_director")
            or user.has_group("property_service_desk.group_property_finance")
        ):
            raise UserError(self.env._("Engineering, the director or finance cancel a deduction."))
        self._guarded_write({"state": "cancelled"})
        return True

    def action_post(self):
        """Finance moves the amount from the deposit liability to compensation income."""
        if not self.env.user.has_group("property_service_desk.group_property_finance"):
            raise UserError(self.env._("Only finance posts a deposit deduction."))
        for deduction in self:
            if deduction.state != "approved" or not deduction.approved_by_id.has_group(
                "property_service_desk.group_property_director"
            ):
                raise UserError(self.env._("The director approves the deduction first."))
            deduction._post()
        return True

    def _post(self):
        self.ensure_one()
        renovation = self.renovation_id
        estate = renovation.estate_id._renovation_accounting()
        currency = renovation.currency_id
        available = renovation._deposit_by_partner()
        order = [renovation.applicant_id]
        if renovation.contractor_id:
            order.append(renovation.contractor_id)
        remaining = self.amount
        taken = []
        for partner in order:
            share = min(remaining, max(available.get(partner, 0.0), 0.0))
            if currency.compare_amounts(share, 0) > 0:
                taken.append((partner, share))
                remaining = currency.round(remaining - share)
        label = self.env._(
            "Deduction %(name)s: %(damage)s", name=renovation.name, damage=self.description
        )
        vals = {}
        if taken:
            move = self.env["account.move"].create(
                {
                    "move_type": "entry",
                    "journal_id": estate.renovation_misc_journal_id.id,
                    "ref": label,
                    "property_renovation_id": renovation.id,
                    "property_renovation_role": "deduction",
                    "line_ids": [
                        fields.Command.create(
                            {
                                "name": label,
                                "partner_id": partner.id,
                                "account_id": estate.renovation_deposit_account_id.id,
                                "debit": share,
                            }
                        )
                        for partner, share in taken
                    ]
                    + [
                        fields.Command.create(
                            {
                                "name": label,
                                "account_id": estate.renovation_compensation_account_id.id,
                                "credit": sum(share for _partner, share in taken),
                            }
                        )
                    ],
                }
            )
            move.action_post()
            vals["move_id"] = move.id
        if currency.compare_amounts(remaining, 0) > 0:
            invoice = self.env["account.move"].create(
                renovation._invoice_vals(
                    renovation.applicant_id,
                    [
                        fields.Command.create(
                            {
                                "name": label,
                                "quantity": 1,
                                "price_unit": remaining,
                                "account_id": estate.renovation_compensation_account_id.id,
                                "tax_ids": [fields.Command.clear()],
                            }
                        )
                    ],
                    role="excess",
                )
            )
            invoice.action_post()
            vals["invoice_id"] = invoice.id
        vals["state"] = "posted"
        self._guarded_write(vals)
