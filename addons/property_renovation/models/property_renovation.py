# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from collections import defaultdict
from datetime import datetime, time, timedelta

import pytz
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import LazyTranslate, file_open

_lt = LazyTranslate(__name__)

RULES_FIELDS = ("rules_owner_signature", "rules_contractor_signature")
WATER_TEST_FIELDS = ("water_test_date", "water_test_ok", "water_test_signature")
# the states from the permit, and from the start of works, on (closed records included)
PERMIT_STATES = ("permit", "in_progress", "completion", "accepted", "reinspection", "closed")
WORKS_STATES = PERMIT_STATES[1:]

STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("review", "Under Review"),
    ("approved", "Approved"),
    ("fees_paid", "Fees Paid"),
    ("permit", "Permit Issued"),
    ("in_progress", "In Progress"),
    ("completion", "Completion Requested"),
    ("accepted", "Initially Accepted"),
    ("reinspection", "Re-inspection Due"),
    ("closed", "Closed"),
    ("refused", "Refused"),
    ("cancelled", "Cancelled"),
]


# engineering decides within this many working days of the receipt
REVIEW_DAYS = 3


class PropertyRenovation(models.Model):
    """A renovation application (装修申请) and everything that follows it, down to the
    refund of the deposit."""

    _name = "property.renovation"
    _description = "Renovation"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin", "property.guarded.mixin"]
    _order = "id desc"
    _guarded_fields = {
        "state": _lt(
            "the application's actions (submit, review, permit, works, acceptance, refund)"
        ),
        "reviewed_by_id": _lt("engineering's review"),
        "date_submitted": _lt("Submit"),
        "review_deadline": _lt("Submit"),
        "permit_number": _lt("Issue Permit"),
        "date_permit": _lt("Issue Permit"),
        "date_works_started": _lt("Start Works"),
        "date_completion_requested": _lt("Request Completion"),
        "date_accepted": _lt("Initial Acceptance"),
        "reinspection_date": _lt("Initial Acceptance"),
        "refund_approved_by_id": _lt("the director's Approve Refund"),
        "refund_amount": _lt("finance's Refund"),
    }

    name = fields.Char(required=True, readonly=True, default="/", copy=False)
    unit_id = fields.Many2one("property.unit", required=True, index=True, tracking=True)
    estate_id = fields.Many2one(related="unit_id.estate_id", store=True, index=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    state = fields.Selection(STATES, default="draft", required=True, tracking=True, index=True)
    # Application
    applicant_id = fields.Many2one("res.partner", required=True, tracking=True)
    applicant_role = fields.Selection(
        [("owner", "Owner"), ("tenant", "Tenant")], compute="_compute_applicant_role", store=True
    )
    owner_authorisation = fields.Binary(
        string="Owner's Authorisation", attachment=True, help="Required from a tenant."
    )
    self_renovation = fields.Boolean(help="The resident does the works without a contractor.")
    contractor_id = fields.Many2one("res.partner", tracking=True)
    contractor_licence = fields.Binary(string="Business Licence", attachment=True)
    contractor_qualification = fields.Binary(string="Qualification", attachment=True)
    scope = fields.Text(required=True)
    drawing_ids = fields.Many2many(
        "ir.attachment",
        "property_renovation_drawing_rel",
        "renovation_id",
        "attachment_id",
        string="Drawings",
    )
    date_start = fields.Date(string="Planned Start")
    date_end = fields.Date(string="Planned End")
    structural_change = fields.Boolean(
        string="Main Structure or Load",
        help="Touches the main structure or increases the load: the housing authority "
        "must approve.",
    )
    housing_approval = fields.Binary(string="Housing Authority Approval", attachment=True)
    needs_fire_approval = fields.Boolean(compute="_compute_needs_fire_approval", store=True)
    fire_approval = fields.Binary(string="Fire Department Approval", attachment=True)
    worker_count = fields.Integer(string="Workers", default=0, help="Worker passes needed.")
    # Review
    date_submitted = fields.Datetime(readonly=True, copy=False)
    review_deadline = fields.Datetime(readonly=True, copy=False)
    review_late = fields.Boolean(readonly=True, copy=False)
    review_line_ids = fields.One2many("property.renovation.review.line", "renovation_id")
    review_comment = fields.Text(copy=False)
    reviewed_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    # Fees and permit
    invoice_ids = fields.One2many(
        "account.move",
        "property_renovation_id",
        string="Accounting",
        domain=[("move_type", "=", "out_invoice")],
    )
    fees_paid = fields.Boolean(compute="_compute_fees_paid")
    permit_number = fields.Char(readonly=True, copy=False)
    date_permit = fields.Date(readonly=True, copy=False)
    rules_owner_signature = fields.Binary(
        string="Owner's Signature (Rules)", attachment=True, copy=False
    )
    rules_contractor_signature = fields.Binary(
        string="Contractor's Signature (Rules)", attachment=True, copy=False
    )
    rules_signed = fields.Boolean(
        string="Renovation Rules Signed",
        compute="_compute_rules_signed",
        store=True,
        help="The owner and the contractor (the owner alone when renovating themselves) "
        "signed the renovation rules.",
    )
    # Before works
    water_test_date = fields.Date(string="Pipe Water Test")
    water_test_ok = fields.Boolean(string="Water Test Passed")
    water_test_signature = fields.Binary(string="Owner's Signature (Water Test)", attachment=True)
    date_works_started = fields.Date(readonly=True, copy=False)
    # Completion
    date_completion_requested = fields.Date(readonly=True, copy=False)
    date_accepted = fields.Date(string="Initial Acceptance", readonly=True, copy=False)
    reinspection_date = fields.Date(string="Re-inspection On", readonly=True, copy=False)
    refund_approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    refund_amount = fields.Monetary(
        readonly=True, copy=False, help="Deposit paid back, from the refund entry."
    )
    # Deposit ledger (from the accounting entries)
    deposit_received = fields.Monetary(compute="_compute_deposit_ledger")
    deposit_deducted = fields.Monetary(compute="_compute_deposit_ledger")
    deposit_refunded = fields.Monetary(compute="_compute_deposit_ledger")
    deposit_balance = fields.Monetary(compute="_compute_deposit_ledger")

    pass_ids = fields.One2many("property.renovation.pass", "renovation_id", string="Worker Passes")
    hotwork_ids = fields.One2many("property.renovation.hotwork", "renovation_id")
    inspection_ids = fields.One2many("property.renovation.inspection", "renovation_id")
    violation_ids = fields.One2many("property.renovation.violation", "renovation_id")
    deduction_ids = fields.One2many("property.renovation.deduction", "renovation_id")

    _refund_not_negative = models.Constraint(
        "CHECK(refund_amount IS NULL OR refund_amount >= 0)",
        "A refund cannot be negative.",
    )
    _workers_not_negative = models.Constraint(
        "CHECK(worker_count >= 0)", "The number of workers cannot be negative."
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("applicant_id", "unit_id.owner_ids")
    def _compute_applicant_role(self):
        for renovation in self:
            renovation.applicant_role = (
                "owner" if renovation.applicant_id in renovation.unit_id.owner_ids else "tenant"
            )

    @api.depends("unit_id.usage")
    def _compute_needs_fire_approval(self):
        for renovation in self:
            renovation.needs_fire_approval = renovation.unit_id.usage in ("shop", "office")

    def _compute_fees_paid(self):
        for renovation in self:
            # every role following the application sees whether the fees are paid;
            # reading the invoices needs accounting rights most of them do not have
            fees = renovation.sudo().invoice_ids.filtered(
                lambda m: m.property_renovation_role == "fees" and m.state == "posted"
            )
            renovation.fees_paid = bool(fees) and all(
                move.payment_state in ("paid", "in_payment") for move in fees
            )

    def _deposit_lines_domain(self):
        return [
            ("move_id.property_renovation_id", "in", self.ids),
            ("parent_state", "=", "posted"),
            ("account_id", "in", self.estate_id.renovation_deposit_account_id.ids),
        ]

    def _compute_deposit_ledger(self):
        ledger = defaultdict(lambda: defaultdict(float))
        # the deposit figures are shown to every role following the application;
        # reading the journal items needs accounting rights they do not have
        rows = (
            self.env["account.move.line"]
            .sudo()
            ._read_group(
                self._deposit_lines_domain(),
                ["move_id", "account_id"],
                ["balance:sum"],
            )
        )
        # balances are negative for credits: deposits received are credits
        for move, account, balance in rows:
            renovation = move.property_renovation_id
            if account != renovation.estate_id.renovation_deposit_account_id:
                continue
            ledger[renovation.id][move.property_renovation_role] += balance
        for renovation in self:
            values = ledger[renovation.id]
            renovation.deposit_received = -values["fees"]
            renovation.deposit_deducted = values["deduction"]
            renovation.deposit_refunded = values["refund"]
            renovation.deposit_balance = -sum(values.values())

    def _deposit_by_partner(self):
        """{partner: remaining deposit} from the posted entries (``sudo``: the ledger is
        read whoever looks at the application; only finance posts)."""
        self.ensure_one()
        rows = (
            self.env["account.move.line"]
            .sudo()
            ._read_group(self._deposit_lines_domain(), ["partner_id"], ["balance:sum"])
        )
        return {partner: -balance for partner, balance in rows if partner}

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("property.renovation")
        return super().create(vals_list)

    def write(self, vals):
        self._check_signed_records(vals)
        return super().write(vals)

    def _check_signed_records(self, vals):
        """What the permit and the start of works rest on stays as it was signed: the
        rules' signatures once the permit is issued, the pipe water test once the works
        started."""
        if self.env.su:
            return
        locks = (
            (RULES_FIELDS, PERMIT_STATES, self.env._("the renovation rules were signed")),
            (WATER_TEST_FIELDS, WORKS_STATES, self.env._("the works started")),
        )
        for names, states, reason in locks:
            if self.filtered(lambda r, states=states: r.state in states)._fields_changed(
                vals, names
            ):
                raise UserError(
                    self.env._("This record is kept as signed: %(reason)s.", reason=reason)
                )

    @api.depends("rules_owner_signature", "rules_contractor_signature", "self_renovation")
    def _compute_rules_signed(self):
        for renovation in self:
            renovation.rules_signed = bool(
                renovation.rules_owner_signature
                and (renovation.self_renovation or renovation.rules_contractor_signature)
            )

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for renovation in self:
            renovation.access_url = f"/my/renovations/{renovation.id}"
        return result

    # ------------------------------------------------------------------
    # Helpers
    # ------------------------------------------------------------------
    def _check_state(self, *states):
        for renovation in self:
            if renovation.state not in states:
                raise UserError(
                    self.env._(
                        "%(renovation)s cannot do this in the state %(state)s.",
                        renovation=renovation.name,
                        state=dict(STATES)[renovation.state],
                    )
                )

    def _review_deadline(self, received):
        """Noon of the third working day, the day of receipt counting as the first (SOP
        §4: engineering reviews on the day of receipt and decides within 3 working days),
        in the time zone of the company's working calendar."""
        self.ensure_one()
        calendar = self.company_id.resource_calendar_id
        tz = pytz.timezone(calendar.tz or self.estate_id.tz or "UTC")
        day = pytz.utc.localize(received).astimezone(tz).date()
        last = None
        if calendar:
            start = tz.localize(datetime.combine(day, time.min))
            last = calendar.plan_days(REVIEW_DAYS, start, compute_leaves=True)
        if last:
            if not last.tzinfo:
                last = pytz.utc.localize(last)
            day = last.astimezone(tz).date()
        else:
            # no calendar: Monday to Friday
            counted = 1 if day.weekday() < 5 else 0
            while counted < REVIEW_DAYS or day.weekday() >= 5:
                day += timedelta(days=1)
                counted += day.weekday() < 5
        noon = tz.localize(datetime.combine(day, time(12, 0)))
        return noon.astimezone(pytz.utc).replace(tzinfo=None)

    @api.model
    def _portal_submit(self, values, files):
        """A resident applies online. ``values`` are the posted texts, ``files`` the
        uploads as {field: [(file name, bytes)]}. Everything is checked before anything
        is made, and made in one savepoint: a refused application leaves no draft, no
        contractor and no file behind. Returns the submitted application (sudo)."""
        clean = {
            key: (value or "").replace("\x00", "").strip() if isinstance(value, str) else value
            for key, value in values.items()
        }
        errors = []
        try:
            unit_id = int(clean.get("unit") or 0)
        except ValueError:
            unit_id = 0
        # record rules: a resident finds only the units they live in or own
        unit = self.env["property.unit"].search([("id", "=", unit_id)]) if unit_id else None
        if not unit:
            errors.append(self.env._("Choose one of your units."))
        if not clean.get("scope"):
            errors.append(self.env._("Describe the works planned."))
        dates = {}
        for key in ("date_start", "date_end"):
            try:
                dates[key] = fields.Date.to_date(clean.get(key) or False)
            except ValueError:
                errors.append(self.env._("Enter the dates with the date picker (year-month-day)."))
                dates[key] = False
        if dates["date_start"] and dates["date_end"] and dates["date_end"] < dates["date_start"]:
            errors.append(self.env._("The works cannot end before they start."))
        if errors:
            raise UserError("\n".join(dict.fromkeys(errors)))

        def first_file(name):
            uploads = files.get(name) or []
            return base64.b64encode(uploads[0][1]) if uploads else False

        partner = self.env.user.partner_id
        self_renovation = bool(clean.get("self_renovation"))
        vals = {
            "unit_id": unit.id,
            "applicant_id": partner.id,
            "scope": clean["scope"],
            "self_renovation": self_renovation,
            "structural_change": bool(clean.get("structural_change")),
            "date_start": dates["date_start"],
            "date_end": dates["date_end"],
            "owner_authorisation": first_file("owner_authorisation"),
            "contractor_licence": first_file("contractor_licence"),
            "contractor_qualification": first_file("contractor_qualification"),
            "housing_approval": first_file("housing_approval"),
        }
        # sudo: residents may not write renovations, contractors or files; the unit was
        # found under their own record rules above, and the submission makes the same
        # checks as at the desk
        Renovation = self.sudo()
        with self.env.cr.savepoint():
            contractor_name = clean.get("contractor_name", "")[:200]
            if contractor_name and not self_renovation:
                # the resident names the contractor; staff complete its record
                Partner = self.env["res.partner"].sudo()
                vals["contractor_id"] = (
                    Partner.search(
                        [("name", "=ilike", contractor_name), ("is_company", "=", True)],
                        limit=1,
                    )
                    or Partner.create({"name": contractor_name, "is_company": True})
                ).id
            renovation = Renovation.create(vals)
            renovation.drawing_ids = (
                self.env["ir.attachment"]
                .sudo()
                .create(
                    [
                        {
                            "name": name,
                            "datas": base64.b64encode(data),
                            "res_model": self._name,
                            "res_id": renovation.id,
                        }
                        for name, data in files.get("drawings") or []
                    ]
                )
            )
            renovation.action_submit()
        return renovation

    @api.ondelete(at_uninstall=False)
    def _unlink_except_kept(self):
        """Renovation records are kept permanently in the unit's archive: only an
        application never submitted can be deleted."""
        if self.filtered(lambda r: r.state != "draft" or r.date_submitted):
            raise UserError(
                self.env._(
                    "Renovation records are kept permanently in the unit's archive: only a "
                    "draft never submitted can be deleted."
                )
            )

    def _check_group(self, xmlid, role):
        # the superuser environment (data files, scheduled actions) is reached by no user
        if not self.env.su and not self.env.user.has_group(xmlid):
            raise UserError(self.env._("Only %(role)s can do this.", role=role))

    def _engineering_leader(self):
        team = self.env.ref("property_request.helpdesk_team_engineering", raise_if_not_found=False)
        return team.user_id if team else self.env["res.users"]

    # ------------------------------------------------------------------
    # Application and review
    # ------------------------------------------------------------------
    def action_submit(self):
        """Submit the application: everything the SOP requires must be attached."""
        self._check_state("draft")
        for renovation in self:
            errors = []
            if not renovation.drawing_ids:
                errors.append(self.env._("the layout drawings"))
            if renovation.applicant_role == "tenant" and not renovation.owner_authorisation:
                errors.append(self.env._("the owner's authorisation (the applicant is a tenant)"))
            if not renovation.self_renovation:
                if not renovation.contractor_id:
                    errors.append(self.env._("the contractor"))
                if not (renovation.contractor_licence and renovation.contractor_qualification):
                    errors.append(self.env._("the contractor's business licence and qualification"))
            if renovation.structural_change and not renovation.housing_approval:
                errors.append(self.env._("the housing authority's approval"))
            if renovation.needs_fire_approval and not renovation.fire_approval:
                errors.append(self.env._("the fire department's approval"))
            if errors:
                raise UserError(
                    self.env._(
                        "%(renovation)s cannot be submitted without %(missing)s.",
                        renovation=renovation.name,
                        missing=", ".join(errors),
                    )
                )
        now = fields.Datetime.now()
        items = self.env["property.renovation.check.item"].search([])
        for renovation in self:
            deadline = renovation._review_deadline(now)
            renovation._guarded_write(
                {
                    "state": "submitted",
                    "date_submitted": now,
                    "review_deadline": deadline,
                    "review_late": False,
                    "review_line_ids": [fields.Command.clear()]
                    + [
                        fields.Command.create({"name": item.name, "sequence": item.sequence})
                        for item in items
                    ],
                }
            )
            leader = renovation._engineering_leader()
            if leader:
                renovation.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=fields.Date.to_date(deadline),
                    summary=self.env._("Review renovation %(name)s", name=renovation.name),
                    user_id=leader.id,
                )
        return True

    def action_start_review(self):
        self._check_group(
            "property_service_desk.group_property_engineering", self.env._("engineering")
        )
        self._check_state("submitted")
        self._guarded_write({"state": "review", "reviewed_by_id": self.env.uid})
        return True

    def action_approve(self):
        """Engineering approves: the applicant and the contractor are invoiced."""
        self._check_group(
            "property_service_desk.group_property_engineering", self.env._("engineering")
        )
        self._check_state("review")
        for renovation in self:
            if renovation.review_line_ids.filtered(lambda line: line.result != "ok"):
                raise UserError(
                    self.env._(
                        "Every review point of %(name)s must be acceptable to approve it; "
                        "otherwise ask for changes or refuse.",
                        name=renovation.name,
                    )
                )
            renovation.estate_id._renovation_accounting()
        self._guarded_write({"state": "approved", "reviewed_by_id": self.env.uid})
        self._create_fee_invoices()
        self.activity_feedback(["mail.mail_activity_data_todo"])
        return True

    def action_request_changes(self):
        """Back to the applicant with the reviewer's comments."""
        self._check_group(
            "property_service_desk.group_property_engineering", self.env._("engineering")
        )
        self._check_state("submitted", "review")
        for renovation in self:
            if not (renovation.review_comment or "").strip():
                raise UserError(self.env._("Write what the applicant must change."))
            renovation.message_post(
                body=self.env._(
                    "Changes requested: %(comment)s", comment=renovation.review_comment
                ),
                partner_ids=renovation.applicant_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        self._guarded_write({"state": "draft"})
        return True

    def action_refuse(self):
        self._check_group(
            "property_service_desk.group_property_engineering", self.env._("engineering")
        )
        self._check_state("submitted", "review")
        for renovation in self:
            if not (renovation.review_comment or "").strip():
                raise UserError(self.env._("Write why the application is refused."))
            renovation.message_post(
                body=self.env._("Refused: %(comment)s", comment=renovation.review_comment),
                partner_ids=renovation.applicant_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        self._guarded_write({"state": "refused"})
        return True

    def action_cancel(self):
        self._check_state("draft", "submitted", "review", "approved")
        # the fee invoices are cancelled with the application (on behalf of finance)
        invoices = self.sudo().invoice_ids
        posted = invoices.filtered(lambda m: m.state == "posted")
        if posted.filtered(lambda m: m.payment_state != "not_paid"):
            raise UserError(self.env._("Fees were already paid: refund them first."))
        posted.button_draft()
        invoices.button_cancel()
        self._guarded_write({"state": "cancelled"})
        return True

    @api.model
    def _cron_review_deadlines(self):
        """Applications not decided within 3 working days: logged, and the engineering
        leader and the supervisor get a to-do. Idempotent (flagged once)."""
        late = self.search(
            [
                ("state", "in", ("submitted", "review")),
                ("review_deadline", "<", fields.Datetime.now()),
                ("review_late", "=", False),
            ]
        )
        for renovation in late:
            users = renovation._engineering_leader() | renovation.estate_id.supervisor_id
            for user in users:
                renovation.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Renovation review overdue"),
                    user_id=user.id,
                )
        if late:
            late.write({"review_late": True})
            late._message_log_batch(
                bodies=dict.fromkeys(
                    late.ids,
                    Markup("<p>%s</p>")
                    % self.env._("The review is late: 3 working days have passed."),
                )
            )
        return late

    # ------------------------------------------------------------------
    # Fees, deposits and permit
    # ------------------------------------------------------------------
    def _create_fee_invoices(self):
        """Deposits go to the deposit liability account, fees to income."""
        # the reviewer approves, finance owns the invoices: created on its behalf
        Move = self.env["account.move"].sudo()
        vals_list = []
        for renovation in self:
            estate = renovation.estate_id
            deposit = estate.renovation_deposit_account_id
            income = estate.renovation_income_account_id

            def line(name, amount, account, quantity=1):
                return fields.Command.create(
                    {
                        "name": name,
                        "quantity": quantity,
                        "price_unit": amount,
                        "account_id": account.id,
                        "tax_ids": [fields.Command.clear()],
                    }
                )

            # each invoice reads in its payer's language, not in the reviewer's
            applicant = renovation.with_context(lang=renovation.applicant_id.lang or self.env.lang)
            applicant_lines = [
                line(applicant.env._("Renovation deposit"), estate.renovation_deposit, deposit),
                line(applicant.env._("Debris removal fee"), estate.renovation_debris_fee, income),
                line(
                    applicant.env._("Corridor restoration fee"),
                    estate.renovation_corridor_fee,
                    income,
                ),
            ]
            vals_list.append(renovation._invoice_vals(renovation.applicant_id, applicant_lines))
            if renovation.contractor_id and not renovation.self_renovation:
                contractor = renovation.with_context(
                    lang=renovation.contractor_id.lang or self.env.lang
                )
                contractor_lines = [
                    line(
                        contractor.env._("Renovation deposit (contractor)"),
                        estate.renovation_contractor_deposit,
                        deposit,
                    )
                ]
                if renovation.worker_count:
                    contractor_lines += [
                        line(
                            contractor.env._("Worker-pass deposit"),
                            estate.renovation_pass_deposit,
                            deposit,
                            renovation.worker_count,
                        ),
                        line(
                            contractor.env._("Worker-pass card fee"),
                            estate.renovation_pass_fee,
                            income,
                            renovation.worker_count,
                        ),
                    ]
                vals_list.append(
                    renovation._invoice_vals(renovation.contractor_id, contractor_lines)
                )
        invoices = Move.create(vals_list)
        invoices.action_post()
        return invoices

    def _invoice_vals(self, partner, lines, role="fees"):
        """An invoice of the renovation; the owner's are the unit's (what it owes), the
        contractor's are not."""
        self.ensure_one()
        return self.env["account.move"]._property_invoice_vals(
            partner,
            lines,
            unit=self.unit_id if partner == self.applicant_id else None,
            origin=self.name,
            company=self.company_id,
            journal_id=self.estate_id.renovation_sale_journal_id.id,
            property_renovation_id=self.id,
            property_renovation_role=role,
        )

    def action_confirm_fees(self):
        self._check_state("approved")
        for renovation in self:
            if not renovation.fees_paid:
                raise UserError(
                    self.env._(
                        "The fees and deposits of %(name)s are not all paid yet.",
                        name=renovation.name,
                    )
                )
        self._guarded_write({"state": "fees_paid"})
        return True

    def action_issue_permit(self):
        """The renovation permit (装修许可证), only once every fee and deposit is paid."""
        self._check_state("approved", "fees_paid")
        for renovation in self:
            if not renovation.fees_paid:
                raise UserError(
                    self.env._(
                        "The permit of %(name)s is issued once its fees and deposits are paid.",
                        name=renovation.name,
                    )
                )
            if not renovation.rules_signed:
                raise UserError(
                    self.env._("The owner and the contractor sign the renovation rules first.")
                )
            renovation._guarded_write(
                {
                    "state": "permit",
                    "permit_number": self.env["ir.sequence"].next_by_code(
                        "property.renovation.permit"
                    ),
                    "date_permit": renovation.estate_id._local_date(),
                }
            )
        return True

    def action_start_works(self):
        """Works start after the pipe water test signed by the owner."""
        self._check_state("permit")
        for renovation in self:
            if not (
                renovation.water_test_date
                and renovation.water_test_ok
                and renovation.water_test_signature
            ):
                raise UserError(
                    self.env._(
                        "Record the pipe water test, passed and signed by the owner, before "
                        "the works start."
                    )
                )
        for estate, renovations in self.grouped("estate_id").items():
            renovations._guarded_write(
                {"state": "in_progress", "date_works_started": estate._local_date()}
            )
        self.env["property.renovation.inspection"]._plan_due(self)
        return True

    # ------------------------------------------------------------------
    # Completion, re-inspection, deductions, refund
    # ------------------------------------------------------------------
    def action_request_completion(self):
        """The owner reports completion: engineering and security inspect the same day."""
        self._check_state("in_progress")
        for estate, renovations in self.grouped("estate_id").items():
            renovations._guarded_write(
                {"state": "completion", "date_completion_requested": estate._local_date()}
            )
        self.env["property.renovation.inspection"].create(
            [
                {
                    "renovation_id": renovation.id,
                    "department": department,
                    "kind": "completion",
                    "scheduled_date": renovation.date_completion_requested,
                }
                for renovation in self
                for department in ("engineering", "security")
            ]
        )
        return True

    def action_initial_accept(self):
        self._check_state("completion")
        for renovation in self:
            checks = renovation.inspection_ids.filtered(lambda i: i.kind == "completion")
            if set(
                checks.filtered(lambda i: i.state == "done" and i.result == "ok").mapped(
                    "department"
                )
            ) != {"engineering", "security"}:
                raise UserError(
                    self.env._("Engineering and security must both pass the completion inspection.")
                )
            out = renovation.pass_ids.filtered(lambda p: p.state != "returned")
            if out:
                raise UserError(
                    self.env._(
                        "Collect the worker passes first: %(passes)s.",
                        passes=", ".join(out.mapped("name")),
                    )
                )
        for estate, renovations in self.grouped("estate_id").items():
            today = estate._local_date()
            renovations._guarded_write(
                {
                    "state": "accepted",
                    "date_accepted": today,
                    "reinspection_date": today + relativedelta(months=3),
                }
            )
        return True

    @api.model
    def _cron_reinspections(self):
        """Three months after the initial acceptance the re-inspection is due (created
        once), on the estate's day."""
        due = self.browse().union(
            *(
                self.search(
                    [
                        ("state", "=", "accepted"),
                        ("reinspection_date", "<=", today),
                        ("estate_id", "in", estates.ids),
                    ]
                )
                for today, estates in self.env["property.estate"]._by_local_date().items()
            )
        )
        if due:
            # sudo: the scheduled action moves the state, whoever it runs as
            due.sudo().write({"state": "reinspection"})
            self.env["property.renovation.inspection"].create(
                [
                    {
                        "renovation_id": renovation.id,
                        "department": "engineering",
                        "kind": "reinspection",
                        "scheduled_date": renovation.estate_id._local_date(),
                    }
                    for renovation in due
                ]
            )
        return due

    def action_approve_refund(self):
        """The director signs the refund after a clean re-inspection."""
        self._check_group(
            "property_service_desk.group_property_director", self.env._("the director")
        )
        self._check_state("reinspection")
        for renovation in self:
            renovation.estate_id._check_director(self.env.user)
            clean = renovation.inspection_ids.filtered(
                lambda i: i.kind == "reinspection" and i.state == "done" and i.result == "ok"
            )
            if not clean:
                raise UserError(self.env._("The re-inspection must be passed first."))
            if renovation.deduction_ids.filtered(
                lambda d: d.state != "posted" and d.state != "cancelled"
            ):
                raise UserError(self.env._("Settle the pending deductions first."))
        self._guarded_write({"refund_approved_by_id": self.env.uid})
        return True

    def action_refund(self):
        """Finance pays the remaining deposit back: one entry on the refund journal that
        brings the application's deposit liability to exactly zero."""
        self._check_group("property_service_desk.group_property_finance", self.env._("finance"))
        self._check_state("reinspection")
        for renovation in self:
            if not renovation.refund_approved_by_id:
                raise UserError(self.env._("The director approves the refund first."))
            renovation._post_refund()
        return True

    def _post_refund(self):
        self.ensure_one()
        estate = self.estate_id._renovation_accounting()
        balances = {
            p: b for p, b in self._deposit_by_partner().items() if not self.currency_id.is_zero(b)
        }
        if any(self.currency_id.compare_amounts(b, 0) < 0 for b in balances.values()):
            raise UserError(self.env._("The deposit ledger is negative: check the deductions."))
        total = sum(balances.values())
        journal = estate.renovation_refund_journal_id
        bank_account = journal.default_account_id
        lines = [
            fields.Command.create(
                {
                    "name": self.env._("Deposit refund %(name)s", name=self.name),
                    "partner_id": partner.id,
                    "account_id": estate.renovation_deposit_account_id.id,
                    "debit": amount,
                }
            )
            for partner, amount in balances.items()
        ]
        move = self.env["account.move"]
        if lines:
            lines.append(
                fields.Command.create(
                    {
                        "name": self.env._("Deposit refund %(name)s", name=self.name),
                        "account_id": bank_account.id,
                        "credit": total,
                    }
                )
            )
            move = move.create(
                {
                    "move_type": "entry",
                    "journal_id": journal.id,
                    "ref": self.env._("Deposit refund %(name)s", name=self.name),
                    "property_renovation_id": self.id,
                    "property_renovation_role": "refund",
                    "line_ids": lines,
                }
            )
            move.action_post()
        self._guarded_write({"state": "closed", "refund_amount": total})
        self.message_post(
            body=self.env._("Deposit refunded: %(amount)s.", amount=total),
            subtype_xmlid="mail.mt_note",
        )
        return move

    def action_view_ledger(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Deposit Ledger"),
            "res_model": "account.move.line",
            "view_mode": "list",
            "domain": self._deposit_lines_domain(),
            "context": {"create": False},
        }

    def action_print_permit(self):
        return self.env.ref("property_renovation.action_report_renovation_permit").report_action(
            self
        )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for renovation in self:
            if (
                renovation.date_start
                and renovation.date_end
                and renovation.date_end < renovation.date_start
            ):
                raise ValidationError(self.env._("The works must end after they start."))

    def _property_demo_write_files(self, files, values=None):
        """Demo: write ``values`` with the files ``files`` (field name -> path of an image
        in the addons) as the demo's signatures and scans. Called from demo data only
        (superuser)."""
        values = dict(values or {})
        for name, path in files.items():
            with file_open(path, "rb") as image:
                values[name] = base64.b64encode(image.read())
        return self.write(values)
