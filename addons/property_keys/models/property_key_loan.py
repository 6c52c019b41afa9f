# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

# what the borrower and the lender signed for
REGISTER_FIELDS = (
    "loan_type",
    "borrower_type",
    "borrower_user_id",
    "borrower_partner_id",
    "department_id",
    "lender_id",
    "reason",
    "date_loan",
)


class PropertyKeyLoan(models.Model):
    """Key borrowing register (钥匙借用登记表)."""

    _name = "property.key.loan"
    _description = "Key Loan"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.guarded.mixin"]
    _order = "date_loan desc, id desc"
    _guarded_fields = {
        "state": _lt("Lend, Approve, Return or Cancel"),
        "supervisor_approved_by_id": _lt("the supervisor's Approve"),
        "is_emergency": _lt("the director's Approve Emergency Entry"),
        "emergency_approved_by_id": _lt("the director's Approve Emergency Entry"),
        "owner_notified_date": _lt("Owner Notified"),
        "date_returned": _lt("Return"),
        "receiver_id": _lt("Return"),
    }

    name = fields.Char(required=True, readonly=True, default="/", copy=False)
    estate_id = fields.Many2one("property.estate", required=True, index=True, tracking=True)
    company_id = fields.Many2one(related="estate_id.company_id", store=True)
    line_ids = fields.One2many("property.key.loan.line", "loan_id", string="Keys", copy=True)
    loan_type = fields.Selection(
        [("borrow", "Borrowing"), ("staff", "Issued to Staff")],
        default="borrow",
        required=True,
        help="Keys issued to staff when they join stay with them until they leave.",
    )
    borrower_type = fields.Selection(
        [("staff", "Staff"), ("contractor", "Contractor")], default="staff", required=True
    )
    borrower_user_id = fields.Many2one("res.users", string="Borrower", tracking=True)
    borrower_partner_id = fields.Many2one(
        "res.partner", string="Contractor", tracking=True, help="Borrower outside the staff."
    )
    department_id = fields.Many2one(
        "helpdesk.ticket.team",
        string="Borrowing Department",
        compute="_compute_department_id",
        store=True,
        readonly=False,
        precompute=True,
        index=True,
        tracking=True,
        help="Chased when the keys are late. A staff borrower's own department unless "
        "another is chosen; for a contractor, the department that brought them in.",
    )
    lender_id = fields.Many2one("res.users", default=lambda self: self.env.user, required=True)
    reason = fields.Text(required=True)
    date_loan = fields.Datetime(string="Lent On", default=fields.Datetime.now, required=True)
    expected_return = fields.Datetime(tracking=True)
    date_returned = fields.Datetime(string="Returned On", readonly=True, copy=False)
    receiver_id = fields.Many2one("res.users", string="Received By", readonly=True, copy=False)
    borrower_signature = fields.Binary(copy=False, attachment=True)
    lender_signature = fields.Binary(copy=False, attachment=True)
    receiver_signature = fields.Binary(copy=False, attachment=True)
    state = fields.Selection(
        [
            ("draft", "Draft"),
            ("to_approve", "Awaiting Supervisor"),
            ("open", "On Loan"),
            ("returned", "Returned"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
        copy=False,
    )
    # Owner keys of a unit someone owns: permission, consent or emergency approval
    needs_owner_consent = fields.Boolean(compute="_compute_needs_owner_consent")
    entry_instructions = fields.Text(compute="_compute_needs_owner_consent")
    owner_consent = fields.Boolean(
        string="Owner Consented", tracking=True, copy=False, help="Recorded consent to enter."
    )
    consent_partner_id = fields.Many2one("res.partner", string="Consent Given By", copy=False)
    consent_note = fields.Char(string="How Consent Was Given", copy=False)
    is_emergency = fields.Boolean(string="Emergency Entry", tracking=True, copy=False)
    emergency_approved_by_id = fields.Many2one("res.users", readonly=True, copy=False)
    owner_notified_date = fields.Datetime(
        string="Owner Notified", readonly=True, copy=False, tracking=True
    )
    owner_notice_due = fields.Boolean(
        string="Owner to Be Notified",
        compute="_compute_owner_notice_due",
        store=True,
        index=True,
        help="Emergency entry approved by the director: the owner must be told.",
    )
    supervisor_approved_by_id = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False
    )
    chase_level = fields.Integer(copy=False, help="How far overdue chasing has gone.")
    is_overdue = fields.Boolean(compute="_compute_is_overdue", search="_search_is_overdue")

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("line_ids.key_id")
    @api.depends("borrower_user_id")
    def _compute_department_id(self):
        teams = self.env["helpdesk.ticket.team"].search(
            [("user_ids", "in", self.borrower_user_id.ids)]
        )
        for loan in self:
            own = teams.filtered(lambda t, user=loan.borrower_user_id: user in t.user_ids)
            if own and loan.department_id not in own:
                loan.department_id = own[:1]

    def _compute_needs_owner_consent(self):
        for loan in self:
            units = loan._owned_units()
            loan.needs_owner_consent = bool(units)
            loan.entry_instructions = "\n".join(
                filter(None, loan.line_ids.key_id.mapped("entry_instructions"))
            )

    @api.depends("is_emergency", "emergency_approved_by_id", "owner_notified_date")
    def _compute_owner_notice_due(self):
        for loan in self:
            loan.owner_notice_due = bool(
                loan.is_emergency and loan.emergency_approved_by_id and not loan.owner_notified_date
            )

    def _compute_is_overdue(self):
        now = fields.Datetime.now()
        for loan in self:
            loan.is_overdue = bool(
                loan.state == "open" and loan.expected_return and loan.expected_return < now
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        domain = [
            ("state", "=", "open"),
            ("expected_return", "!=", False),
            ("expected_return", "<", fields.Datetime.now()),
        ]
        return domain if (operator == "=") == value else ["!", *domain]

    def _owned_units(self):
        """Units of the keys that someone owns (handed over): entering them needs the
        owner's permission or consent."""
        self.ensure_one()
        keys = self.line_ids.key_id.filtered(lambda k: k.kind == "owner")
        return keys.unit_id.filtered(lambda u: u.owner_ids and u.state != "unsold")

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("property.key.loan")
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            signed = self.filtered(lambda loan: loan.state not in ("draft", "to_approve"))
            changed = signed._fields_changed(vals, REGISTER_FIELDS)
            if changed:
                raise UserError(
                    self.env._(
                        "The register is signed: %(fields)s of a loan handed out do not change.",
                        fields=self.env._(", ").join(
                            self._fields[name]._description_string(self.env) for name in changed
                        ),
                    )
                )
        return super().write(vals)

    @api.constrains("borrower_type", "borrower_user_id", "borrower_partner_id", "loan_type")
    def _check_borrower(self):
        for loan in self:
            if loan.borrower_type == "staff" and not loan.borrower_user_id:
                raise ValidationError(self.env._("Choose the staff member who borrows."))
            if loan.borrower_type == "contractor" and not loan.borrower_partner_id:
                raise ValidationError(self.env._("Choose the contractor who borrows."))
            if loan.loan_type == "staff" and loan.borrower_type != "staff":
                raise ValidationError(self.env._("Only staff are issued keys."))

    @api.constrains("date_loan", "expected_return")
    def _check_dates(self):
        for loan in self:
            if loan.expected_return and loan.expected_return < loan.date_loan:
                raise ValidationError(
                    self.env._("The keys cannot be due back before they are lent.")
                )

    @api.constrains("owner_consent", "consent_partner_id", "line_ids")
    def _check_consent(self):
        """Consent to enter comes from a person who may give it: an owner of the unit."""
        for loan in self:
            if not loan.owner_consent:
                continue
            if not loan.consent_partner_id or not (loan.consent_note or "").strip():
                raise ValidationError(
                    self.env._(
                        "Record which owner consented to the entry, and how (phone, in "
                        "person, in writing)."
                    )
                )
            units = loan._owned_units()
            owners = units.owner_ids.commercial_partner_id
            if units and loan.consent_partner_id.commercial_partner_id not in owners:
                raise ValidationError(
                    self.env._(
                        "%(partner)s is not an owner of %(units)s: only an owner consents to "
                        "the entry.",
                        partner=loan.consent_partner_id.display_name,
                        units=", ".join(units.mapped("display_name")),
                    )
                )

    @api.constrains("estate_id")
    def _check_lines_estate(self):
        self.line_ids._check_key_estate()

    @api.ondelete(at_uninstall=False)
    def _unlink_except_draft(self):
        if any(loan.state not in ("draft", "cancelled") for loan in self):
            raise UserError(self.env._("Loans are kept for two years: only drafts can be deleted."))

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_lend(self):
        """Hand the keys out. Shop-front keys wait for the supervisor; the keys of an
        owned unit need a valid entry permission, the owner's recorded consent or, in an
        emergency, the director's approval."""
        for loan in self:
            if loan.state != "draft":
                raise UserError(self.env._("Only a draft loan can be lent."))
            if not loan.line_ids:
                raise UserError(self.env._("Add the keys to lend."))
            if loan.loan_type == "borrow" and not loan.expected_return:
                raise UserError(self.env._("Set when the keys come back."))
            if not loan.department_id:
                raise UserError(
                    self.env._(
                        "Record the borrowing department of %(loan)s: it is chased when the "
                        "keys are late.",
                        loan=loan.name,
                    )
                )
            if not (loan.borrower_signature and loan.lender_signature):
                raise UserError(
                    self.env._("The borrower and the lender both sign the loan register.")
                )
            unavailable = loan.line_ids.key_id.filtered(lambda k: k.state != "in_cabinet")
            if unavailable:
                raise UserError(
                    self.env._(
                        "These keys are not in the cabinet: %(keys)s.",
                        keys=", ".join(unavailable.mapped("display_name")),
                    )
                )
            loan._check_entry_allowed()
            if (
                loan.line_ids.key_id.filtered("is_shop_front")
                and not loan.supervisor_approved_by_id
            ):
                loan._guarded_write({"state": "to_approve"})
                loan._ask_supervisor()
                continue
            loan._hand_out()
        return True

    def _check_entry_allowed(self):
        self.ensure_one()
        units = self._owned_units()
        if not units or self.owner_consent or self.emergency_approved_by_id:
            return
        permitted = (
            self.env["property.key.permission"]
            .search([("unit_id", "in", units.ids), ("is_valid", "=", True)])
            .unit_id
        )
        missing = units - permitted
        if missing:
            raise UserError(
                self.env._(
                    "Nobody may enter %(units)s without the owner's permission: record the "
                    "owner's consent, or in an emergency ask the director to approve.",
                    units=", ".join(missing.mapped("display_name")),
                )
            )

    def _ask_supervisor(self):
        for loan in self:
            supervisor = loan.estate_id.supervisor_id
            if supervisor:
                loan.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Approve the loan of shop-front keys"),
                    user_id=supervisor.id,
                )

    def action_approve(self):
        """The supervisor approves lending shop-front keys."""
        if not self.env.user.has_group("property_service_desk.group_property_supervisor"):
            raise UserError(self.env._("Only a supervisor approves lending shop-front keys."))
        for loan in self:
            if loan.state != "to_approve":
                raise UserError(self.env._("This loan is not awaiting approval."))
        self._guarded_write({"supervisor_approved_by_id": self.env.uid})
        self.activity_feedback(["mail.mail_activity_data_todo"])
        self._hand_out()
        return True

    def action_emergency_approve(self):
        """The director lets staff enter in an emergency before the owner could be asked;
        the loan stays flagged until the owner is told."""
        if not self.env.user.has_group("property_service_desk.group_property_director"):
            raise UserError(self.env._("Only the director approves an emergency entry."))
        for loan in self:
            loan.estate_id._check_director(self.env.user)
            if loan.state != "draft":
                raise UserError(self.env._("Only a loan not yet lent is approved for entry."))
        self._guarded_write(
            {
                "is_emergency": True,
                "emergency_approved_by_id": self.env.uid,
            }
        )
        for loan in self:
            loan.message_post(
                body=self.env._(
                    "Emergency entry approved by %(user)s: the owner must be told.",
                    user=self.env.user.name,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_owner_notified(self):
        self.filtered("owner_notice_due")._guarded_write(
            {"owner_notified_date": fields.Datetime.now()}
        )
        return True

    def _hand_out(self):
        # takes a row lock on the keys: of two loans of the same key made at the same
        # time, the second waits and then fails on the open-loan index
        keys = self.line_ids.key_id
        self.env.cr.execute("SELECT id FROM property_key WHERE id = ANY(%s) FOR UPDATE", [keys.ids])
        keys.invalidate_recordset(["state"])
        if keys.filtered(lambda k: k.state != "in_cabinet"):
            raise UserError(self.env._("Another loan took these keys first."))
        self._guarded_write({"state": "open"})
        self.line_ids.filtered(lambda line: not line.quantity).quantity = 1
        keys._guarded_write({"state": "on_loan"})
        self.env.flush_all()

    def action_return(self):
        """Take the keys back: the count is checked, a partial return keeps the loan
        open."""
        for loan in self:
            if loan.state != "open":
                raise UserError(self.env._("Only keys on loan can be returned."))
            for line in loan.line_ids:
                if line.returned_quantity > line.quantity:
                    raise ValidationError(
                        self.env._(
                            "More copies of %(key)s returned than lent.",
                            key=line.key_id.display_name,
                        )
                    )
            complete = loan.line_ids.filtered(lambda line: line.returned_quantity == line.quantity)
            complete.key_id._guarded_write({"state": "in_cabinet"})
            missing = loan.line_ids - complete
            if missing:
                loan.message_post(
                    body=self.env._(
                        "Partial return: still out %(keys)s.",
                        keys=", ".join(
                            f"{line.key_id.display_name} × {line.quantity - line.returned_quantity}"
                            for line in missing
                        ),
                    ),
                    subtype_xmlid="mail.mt_note",
                )
                continue
            if not loan.receiver_signature:
                raise UserError(self.env._("Whoever takes the keys back signs for them."))
            loan._guarded_write(
                {
                    "state": "returned",
                    "date_returned": fields.Datetime.now(),
                    "receiver_id": self.env.uid,
                }
            )
        return True

    def action_cancel(self):
        if self.filtered(lambda loan: loan.state not in ("draft", "to_approve")):
            raise UserError(self.env._("Keys handed out are returned, not cancelled."))
        self._guarded_write({"state": "cancelled"})
        return True

    # ------------------------------------------------------------------
    # Overdue chasing
    # ------------------------------------------------------------------
    @api.model
    def _cron_chase_overdue(self):
        """Loans more than 3 days late: a message and an activity for the borrowing
        department (its leader, or the borrower); 3 days later the supervisor too. Each
        level once."""
        now = fields.Datetime.now()
        activity_type = self.env.ref("property_keys.mail_activity_type_key_overdue")
        model_id = self.env["ir.model"]._get_id(self._name)
        activities, bodies, levels = [], {}, {1: [], 2: []}
        loans = self.search(
            [
                ("state", "=", "open"),
                ("loan_type", "=", "borrow"),
                ("expected_return", "<", now - timedelta(days=3)),
                ("chase_level", "<", 2),
            ]
        )
        for loan in loans:
            late = now - loan.expected_return
            level = 2 if late > timedelta(days=6) else 1
            if level <= loan.chase_level:
                continue
            users = self.env["res.users"]
            if loan.chase_level < 1:
                users |= loan.department_id.user_id or loan.borrower_user_id or loan.lender_id
            if level == 2:
                users |= loan.estate_id.supervisor_id
            for user in users:
                activities.append(
                    {
                        "res_model_id": model_id,
                        "res_id": loan.id,
                        "activity_type_id": activity_type.id,
                        "summary": self.env._("Keys overdue: %(loan)s", loan=loan.name),
                        "user_id": user.id,
                        "date_deadline": loan.estate_id._local_date(),
                    }
                )
            bodies[loan.id] = Markup("<p>%s</p>") % self.env._(
                "Keys %(days)s days overdue: %(users)s asked to get them back.",
                days=late.days,
                users=", ".join(users.mapped("name")),
            )
            levels[level].append(loan.id)
        for level, ids in levels.items():
            if ids:
                self.browse(ids).write({"chase_level": level})
        if bodies:
            self.browse(list(bodies))._message_log_batch(bodies=bodies)
        if activities:
            self.env["mail.activity"].with_context(mail_activity_quick_update=True).create(
                activities
            )
