# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain
from odoo.tools import LazyTranslate, split_every

_lt = LazyTranslate(__name__)

# The move-in route (入伙流程单), in the SOP's order: each desk stamps its step after
# the previous ones. Other addons insert their steps (the keys, before the archive).
MOVEIN_STEPS = [
    ("notice", "Move-in Notice Sent"),
    ("eligibility", "Eligibility Verified by the Developer's Sales"),
    ("payment", "Payments Verified by the Developer's Finance"),
    ("documents", "Documents and IDs Checked"),
    ("inspection", "Joint Inspection Signed"),
    ("meters", "Meters Read"),
    ("fees", "Fees Paid at the Cashier"),
    ("signing", "Move-in Papers Signed"),
    ("items", "Handouts Given"),
    ("archive", "Owner Archive Completed"),
]

# who may stamp a step (the SOP's desks); the others are the front desk's
STEP_GROUPS = {
    "inspection": (
        "property_service_desk.group_property_assistant",
        "property_service_desk.group_property_engineering",
    ),
    "meters": (
        "property_service_desk.group_property_assistant",
        "property_service_desk.group_property_engineering",
    ),
    "fees": ("property_service_desk.group_property_finance",),
}
FRONT_DESK = ("property_service_desk.group_property_assistant",)


class PropertyMovein(models.Model):
    """The move-in of one unit (入伙手续): the whole route on one form, each step stamped
    with who and when."""

    _name = "property.movein"
    _description = "Move-in"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.guarded.mixin"]
    _order = "id desc"
    _guarded_fields = {
        "state": _lt("the route's steps, or Cancel"),
        "reinspection_done": _lt("Accept Rectification"),
        "reinspection_user_id": _lt("Accept Rectification"),
    }
    _check_company_auto = True

    name = fields.Char(
        string="Reference", required=True, readonly=True, copy=False, default=lambda s: "/"
    )
    batch_id = fields.Many2one("property.movein.batch", index=True, ondelete="restrict")
    unit_id = fields.Many2one(
        "property.unit", required=True, index=True, tracking=True, check_company=True
    )
    estate_id = fields.Many2one(related="unit_id.estate_id", store=True, index=True)
    building_id = fields.Many2one(related="unit_id.building_id", store=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True, index=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    partner_id = fields.Many2one("res.partner", string="Buyer", required=True, tracking=True)
    buyer_type = fields.Selection(
        [("individual", "Individual"), ("company", "Company")],
        required=True,
        default="individual",
        tracking=True,
    )
    by_proxy = fields.Boolean(string="Handled by a Proxy", tracking=True)
    proxy_partner_id = fields.Many2one("res.partner", string="Proxy", tracking=True)
    has_mortgage = fields.Boolean(string="Mortgage", tracking=True)
    state = fields.Selection(
        [
            ("draft", "To Notify"),
            ("notified", "Notified"),
            ("in_progress", "In Progress"),
            ("done", "Moved In"),
            ("cancel", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
        index=True,
    )
    step_ids = fields.One2many("property.movein.step", "movein_id", string="Route")
    progress = fields.Float(compute="_compute_progress", store=True)
    current_step = fields.Char(compute="_compute_current_step", string="Next Step")
    next_step_code = fields.Char(compute="_compute_current_step")
    # notice
    notice_count = fields.Integer(string="Notices Sent", readonly=True, copy=False)
    date_last_notice = fields.Date(string="Last Notice", readonly=True, copy=False, index=True)
    # developer checks
    sales_verifier = fields.Char(string="Developer Sales Staff")
    finance_verifier = fields.Char(string="Developer Finance Staff")
    # documents
    document_ids = fields.One2many("property.movein.document", "movein_id", string="Documents")
    # joint inspection
    inspection_line_ids = fields.One2many(
        "property.movein.inspection.line", "movein_id", string="Inspection"
    )
    inspector_id = fields.Many2one(
        "res.users",
        string="Engineer",
        domain=lambda self: [
            (
                "all_group_ids",
                "in",
                self.env.ref("property_service_desk.group_property_engineering").ids,
            )
        ],
    )
    inspection_signature = fields.Binary(string="Owner's Signature (Inspection)", attachment=True)
    ticket_ids = fields.One2many("helpdesk.ticket", "property_movein_id", string="Rectifications")
    rectification_state = fields.Selection(
        [
            ("none", "No Defects"),
            ("open", "Rectifying"),
            ("reinspection", "To Re-inspect"),
            ("accepted", "Accepted by the Owner"),
        ],
        compute="_compute_rectification_state",
        store=True,
    )
    reinspection_date = fields.Datetime(string="Re-inspection Appointment", tracking=True)
    reinspection_signature = fields.Binary(
        string="Owner's Signature (Re-inspection)", attachment=True
    )
    reinspection_user_id = fields.Many2one("res.users", string="Re-inspected With", readonly=True)
    reinspection_done = fields.Datetime(string="Accepted On", readonly=True)
    # meters
    water_reading = fields.Float(digits=(12, 2))
    electricity_reading = fields.Float(digits=(12, 2))
    gas_reading = fields.Float(digits=(12, 2))
    has_gas = fields.Boolean(compute="_compute_has_gas")
    # fees
    invoice_id = fields.Many2one(
        "account.move",
        string="Move-in Invoice",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    invoice_payment_state = fields.Selection(related="invoice_id.payment_state")
    prepayment_recommended = fields.Monetary(
        compute="_compute_prepayment_recommended",
        help="The recommended months of fees, at the unit's current rates.",
    )
    prepayment_amount = fields.Monetary(string="Prepayment to Receive")
    prepayment_journal_id = fields.Many2one(
        "account.journal",
        string="Received In",
        domain="[('type', 'in', ('bank', 'cash')), ('company_id', '=', company_id)]",
    )
    prepayment_id = fields.Many2one("account.payment", readonly=True, copy=False)
    prepayment_declined = fields.Char(
        string="Prepayment Declined Because",
        help="The prepayment is recommended, not compulsory: why the buyer did not pay it.",
    )
    # handouts
    item_ids = fields.One2many("property.movein.item", "movein_id", string="Handouts")
    occupancy_id = fields.Many2one("property.occupancy", readonly=True, copy=False)
    archive_document_ids = fields.One2many(
        "property.document", "movein_id", string="Filed in the Owner Archive"
    )

    _one_open_per_unit = models.UniqueIndex(
        "(unit_id) WHERE state != 'cancel'", "This unit already has a move-in."
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.model
    def _step_labels(self):
        """{code: label} of the route's steps, in order."""
        return dict(
            self.env["property.movein.step"]._fields["code"]._description_selection(self.env)
        )

    @api.depends("step_ids.done_date")
    def _compute_progress(self):
        total = len(self._step_labels())
        for movein in self:
            movein.progress = 100.0 * len(movein.step_ids.filtered("done_date")) / total

    @api.depends("step_ids.done_date")
    def _compute_current_step(self):
        labels = self._step_labels()
        for movein in self:
            todo = movein.step_ids.filtered(lambda s: not s.done_date).sorted("sequence")[:1]
            movein.current_step = labels.get(todo.code) if todo else False
            movein.next_step_code = todo.code if todo and movein.state != "cancel" else False

    @api.depends("ticket_ids.closed", "reinspection_done")
    def _compute_rectification_state(self):
        for movein in self:
            if movein.reinspection_done:
                movein.rectification_state = "accepted"
            elif not movein.ticket_ids:
                movein.rectification_state = "none"
            elif all(movein.ticket_ids.mapped("closed")):
                movein.rectification_state = "reinspection"
            else:
                movein.rectification_state = "open"

    @api.depends("unit_id.meter_ids.kind")
    def _compute_has_gas(self):
        for movein in self:
            movein.has_gas = "gas" in movein.unit_id.meter_ids.mapped("kind")

    @api.depends("unit_id", "estate_id.movein_prepay_months")
    def _compute_prepayment_recommended(self):
        today = fields.Date.context_today(self)
        rates = self.env["property.fee.rate"]._rates_for(self.estate_id, today)
        for movein in self:
            unit = movein.unit_id
            monthly = sum(
                rate._monthly_base(unit)
                for (estate, _fee_type, usage), rate in rates.items()
                if estate == movein.estate_id and usage == unit.usage
            )
            # a new move-in has no unit (nor company, nor currency) yet
            currency = movein.currency_id or self.env.company.currency_id
            movein.prepayment_recommended = currency.round(
                monthly * movein.estate_id.movein_prepay_months
            )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("property.movein")
        moveins = super().create(vals_list)
        moveins._ensure_steps()
        moveins._sync_documents()
        items = self.env["property.movein.item.type"].search([])
        inspection = self.env["property.movein.inspection.item"].search([])
        moveins.write(
            {
                "item_ids": [
                    fields.Command.create({"type_id": t.id, "quantity": t.quantity}) for t in items
                ],
                "inspection_line_ids": [
                    fields.Command.create(
                        {"item_id": i.id, "name": i.name, "category_id": i.category_id.id}
                    )
                    for i in inspection
                ],
            }
        )
        return moveins

    def write(self, vals):
        # declining the recommended prepayment is recorded at the cashier
        if (
            "prepayment_declined" in vals
            and not self.env.su
            and not self.env.user.has_group("property_service_desk.group_property_finance")
        ):
            raise UserError(
                self.env._("The cashier (finance) records why the prepayment is declined.")
            )
        result = super().write(vals)
        if {"buyer_type", "by_proxy", "has_mortgage"} & set(vals):
            self._sync_documents()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_except_started(self):
        if self.filtered(lambda m: m.state not in ("draft", "cancel")):
            raise UserError(self.env._("A move-in under way is cancelled, not deleted."))

    @api.constrains("by_proxy", "proxy_partner_id")
    def _check_proxy(self):
        for movein in self:
            if movein.by_proxy and not movein.proxy_partner_id:
                raise ValidationError(self.env._("Name the proxy who comes for the buyer."))

    def _ensure_steps(self):
        """One line per step of the route (an addon installed later adds its steps)."""
        # sudo: staff only read the route; its lines are written here and in
        # _complete_step, after the desk and order checks
        Step = self.env["property.movein.step"].sudo()
        codes = [code for code, _label in Step._fields["code"].selection]
        Step.create(
            [
                {"movein_id": movein.id, "code": code, "sequence": index}
                for movein in self
                for index, code in enumerate(codes)
                if code not in movein.step_ids.mapped("code")
            ]
        )
        for step in self.sudo().step_ids:
            index = codes.index(step.code)
            if step.sequence != index:
                step.sequence = index

    def _sync_documents(self):
        """The documents the buyer brings and signs, by the rule of each (individual or
        company buyer, proxy, mortgage); lines no longer required go unless checked."""
        types = self.env["property.movein.document.type"].search([])
        Line = self.env["property.movein.document"]
        stale, new_lines = Line, []
        for movein in self:
            if movein._step("documents").done_date:
                continue
            wanted = types._applies(movein.buyer_type, movein.by_proxy, movein.has_mortgage)
            stale |= movein.document_ids.filtered(
                lambda line, w=wanted: line.type_id not in w and not line.checked
            )
            new_lines += [
                {"movein_id": movein.id, "type_id": t.id}
                for t in wanted - movein.document_ids.type_id
            ]
        stale.unlink()
        Line.create(new_lines)

    def _step(self, code):
        return self.step_ids.filtered(lambda s: s.code == code)

    def _check_step_ready(self, code):
        """The step is the next one to stamp, by a desk allowed to."""
        groups = STEP_GROUPS.get(code, FRONT_DESK)
        if not any(self.env.user.has_group(group) for group in groups):
            raise UserError(
                self.env._(
                    "%(user)s may not stamp the step “%(step)s”.",
                    user=self.env.user.name,
                    step=self._step_label(code),
                )
            )
        self._ensure_steps()
        for movein in self:
            if movein.state == "cancel":
                raise UserError(self.env._("%(movein)s is cancelled.", movein=movein.name))
            step = movein._step(code)
            if step.done_date:
                raise UserError(
                    self.env._(
                        "%(movein)s: “%(step)s” is already done.",
                        movein=movein.name,
                        step=self._step_label(code),
                    )
                )
            before = movein.step_ids.filtered(
                lambda s, st=step: s.sequence < st.sequence and not s.done_date
            )
            if before:
                raise UserError(
                    self.env._(
                        "%(movein)s: first %(steps)s.",
                        movein=movein.name,
                        steps=", ".join(
                            self._step_label(s.code) for s in before.sorted("sequence")
                        ),
                    )
                )

    def _complete_step(self, code, note=False):
        """Stamp a step: after the previous ones, once, by a desk allowed to."""
        self._check_step_ready(code)
        for movein in self:
            # sudo: the stamp is written only here, after the desk and order checks
            movein._step(code).sudo().write(
                {"done_date": fields.Datetime.now(), "done_user_id": self.env.uid, "note": note}
            )
            state = {"notice": "notified", "archive": "done"}.get(code, "in_progress")
            if movein.state != state:
                movein._guarded_write({"state": state})
        return True

    def _step_label(self, code):
        return self._step_labels()[code]

    # ------------------------------------------------------------------
    # Notice, and owners who have not come
    # ------------------------------------------------------------------
    def _send_notice(self):
        template = self.env.ref("property_movein.mail_template_movein_notice")
        self.message_post_with_source(
            template, subtype_xmlid="mail.mt_comment", message_type="comment"
        )
        for (estate, count), moveins in self.grouped(
            lambda m: (m.estate_id, m.notice_count)
        ).items():
            moveins.write({"notice_count": count + 1, "date_last_notice": estate._local_date()})
        first = self.filtered(lambda m: m.state == "draft")
        if first:
            first._complete_step("notice")

    def action_send_notice(self):
        self._send_notice()
        return True

    @api.model
    def _cron_renotify(self):
        """Owners who have not come get the notice again every 6 months (the estate's
        setting), counted in the estate's days. The date of the last notice makes a
        second run send nothing."""
        due = self.search(
            Domain("state", "=", "notified")
            & Domain.OR(
                Domain("estate_id", "in", group.ids)
                & Domain("date_last_notice", "<=", today - relativedelta(months=months))
                for today, estates in self.env["property.estate"]._by_local_date().items()
                for months, group in estates.grouped("movein_renotify_months").items()
            )
        )
        cron = self.env["ir.cron"]
        for chunk in split_every(100, due.ids, self.browse):
            chunk._send_notice()
            cron._commit_progress(len(chunk))
        return due

    def action_print_notice(self):
        return self.env.ref("property_movein.action_report_movein_notice").report_action(self)

    # ------------------------------------------------------------------
    # Developer checks and documents
    # ------------------------------------------------------------------
    def action_confirm_eligibility(self):
        for movein in self:
            if not movein.sales_verifier:
                raise UserError(self.env._("Note who in the developer's sales verified the buyer."))
            movein._complete_step("eligibility", note=movein.sales_verifier)
        return True

    def action_confirm_payment(self):
        for movein in self:
            if not movein.finance_verifier:
                raise UserError(
                    self.env._("Note who in the developer's finance verified the payments.")
                )
            movein._complete_step("payment", note=movein.finance_verifier)
        return True

    def action_confirm_documents(self):
        """The service centre checked the routing form and the IDs: the buyer becomes the
        unit's owner (if the developer's list did not say so already)."""
        for movein in self:
            self._check_lines(movein.document_ids.filtered(lambda d: d.stage == "bring"))
            movein._complete_step("documents")
            movein._ensure_owner()
        return True

    def _check_lines(self, lines):
        unchecked = lines.filtered(lambda d: not d.checked)
        if unchecked:
            raise UserError(
                self.env._(
                    "Still missing: %(docs)s.", docs=", ".join(unchecked.type_id.mapped("name"))
                )
            )
        no_copy = lines.filtered(lambda d: d.type_id.copy_required and not d.file)
        if no_copy:
            raise UserError(
                self.env._(
                    "Attach the copy of: %(docs)s.", docs=", ".join(no_copy.type_id.mapped("name"))
                )
            )

    def _ensure_owner(self):
        for movein in self:
            occupancy = movein.unit_id.current_occupancy_ids.filtered(
                lambda o, p=movein.partner_id: o.partner_id == p and o.role in ("owner", "co_owner")
            )[:1]
            if not occupancy:
                occupancy = self.env["property.occupancy"].create(
                    {
                        "unit_id": movein.unit_id.id,
                        "partner_id": movein.partner_id.id,
                        "role": "owner",
                        "date_start": movein.estate_id._local_date(),
                        "is_fee_payer": not movein.unit_id.fee_payer_id,
                    }
                )
            movein.occupancy_id = occupancy

    # ------------------------------------------------------------------
    # Joint inspection and rectification
    # ------------------------------------------------------------------
    def action_confirm_inspection(self):
        """The inspection form (房屋验收交接表) signed: each defect becomes a rectification
        request and the front desk agrees a re-inspection with the owner once fixed."""
        engineering = self.env.ref("property_service_desk.group_property_engineering")
        for movein in self:
            if not movein.inspector_id or engineering not in movein.inspector_id.all_group_ids:
                raise UserError(
                    self.env._("Name the engineer who inspected the unit with the owner.")
                )
            open_lines = movein.inspection_line_ids.filtered(lambda line: not line.result)
            if open_lines:
                raise UserError(
                    self.env._(
                        "Inspect every item: %(items)s.", items=", ".join(open_lines.mapped("name"))
                    )
                )
            defects = movein.inspection_line_ids.filtered(lambda line: line.result == "defect")
            vague = defects.filtered(lambda line: not line.defect or not line.category_id)
            if vague:
                raise UserError(
                    self.env._(
                        "Describe each defect and choose its rectification category: %(items)s.",
                        items=", ".join(vague.mapped("name")),
                    )
                )
            if not movein.inspection_signature:
                raise UserError(self.env._("The owner signs the inspection form."))
            movein._complete_step("inspection")
            defects._create_rectifications()
        return True

    def action_print_inspection(self):
        return self.env.ref("property_movein.action_report_movein_inspection").report_action(self)

    def _rectifications_done(self):
        """All rectification requests of the move-in closed: agree the re-inspection."""
        summary = self.env._("Defects fixed: agree the re-inspection with the owner")
        for movein in self.filtered(lambda m: m.rectification_state == "reinspection"):
            if movein.activity_ids.filtered(lambda a: a.summary == summary):
                continue
            user = movein.estate_id.front_desk_user_ids[:1] or movein.estate_id.supervisor_id
            movein.activity_schedule(
                "mail.mail_activity_data_call",
                summary=summary,
                user_id=(user or self.env.user).id,
            )

    def action_accept_rectification(self):
        """The owner re-inspected the fixed defects with engineering and signs."""
        for movein in self:
            if movein.rectification_state != "reinspection":
                raise UserError(
                    self.env._("Re-inspect once every rectification request is closed.")
                )
            failed = movein.inspection_line_ids.filtered(
                lambda line: line.result == "defect" and not line.reinspection_ok
            )
            if failed:
                raise UserError(
                    self.env._(
                        "Not accepted yet: %(items)s. Send them back to rectification.",
                        items=", ".join(failed.mapped("name")),
                    )
                )
            if not movein.reinspection_signature:
                raise UserError(self.env._("The owner signs the re-inspection."))
            movein._guarded_write(
                {"reinspection_done": fields.Datetime.now(), "reinspection_user_id": self.env.uid}
            )
            movein.message_post(body=self.env._("Rectification accepted by the owner."))
        return True

    def action_rectify_again(self):
        """Defects still there at the re-inspection go back to rectification."""
        for movein in self:
            failed = movein.inspection_line_ids.filtered(
                lambda line: line.result == "defect"
                and not line.reinspection_ok
                and line.ticket_id.closed
            )
            if not failed:
                raise UserError(self.env._("No closed defect failed the re-inspection."))
            failed._create_rectifications()
        return True

    # ------------------------------------------------------------------
    # Meters and fees
    # ------------------------------------------------------------------
    def action_confirm_meters(self):
        for movein in self:
            readings = [movein.water_reading, movein.electricity_reading]
            if movein.has_gas:
                readings.append(movein.gas_reading)
            if any(r < 0 for r in readings) or not (
                movein.water_reading or movein.electricity_reading
            ):
                raise UserError(
                    self.env._(
                        "Read the water and electricity meters (and gas, if any) with the owner."
                    )
                )
            movein._complete_step(
                "meters",
                note=self.env._(
                    "water %(water)s, electricity %(power)s, gas %(gas)s",
                    water=movein.water_reading,
                    power=movein.electricity_reading,
                    gas=movein.gas_reading if movein.has_gas else "-",
                ),
            )
        return True

    def _check_cashier(self):
        """The desk of the fees step, for the cashier's other buttons."""
        if not any(self.env.user.has_group(group) for group in STEP_GROUPS["fees"]):
            raise UserError(self.env._("Move-in fees are handled at the cashier (finance)."))

    def action_invoice_fees(self):
        """Invoice the estate's move-in fees to the buyer, once."""
        self._check_cashier()
        Move = self.env["account.move"]
        for movein in self:
            if movein.invoice_id and movein.invoice_id.state != "cancel":
                raise UserError(self.env._("%(movein)s is already invoiced.", movein=movein.name))
            charges = movein.estate_id.movein_charge_ids
            if not charges:
                raise UserError(
                    self.env._("%(estate)s has no move-in fees.", estate=movein.estate_id.name)
                )
            invoice = Move._property_create_invoices(
                Move._property_invoice_vals(
                    movein.partner_id,
                    [
                        {
                            "product_id": charge.product_id.id,
                            "name": f"{charge.name} {movein.unit_id.code}",
                            "quantity": 1,
                            "price_unit": charge.amount,
                            "property_unit_id": movein.unit_id.id,
                        }
                        for charge in charges
                    ],
                    unit=movein.unit_id,
                    origin=movein.name,
                    company=movein.company_id,
                    property_movein_id=movein.id,
                )
            )
            movein.invoice_id = invoice
        return True

    def action_register_prepayment(self):
        """The recommended months of fees paid in advance: a customer payment on account,
        which the monthly billing settles invoices with."""
        self._check_cashier()
        for movein in self:
            if movein.prepayment_id and movein.prepayment_id.state not in ("canceled", "rejected"):
                raise UserError(self.env._("The prepayment is already received."))
            if movein.prepayment_amount <= 0 or not movein.prepayment_journal_id:
                raise UserError(self.env._("Enter the amount received and the journal."))
            payment = self.env["account.payment"].create(
                {
                    "payment_type": "inbound",
                    "partner_type": "customer",
                    "partner_id": movein.partner_id.id,
                    "amount": movein.prepayment_amount,
                    "journal_id": movein.prepayment_journal_id.id,
                    "date": movein.estate_id._local_date(),
                    "memo": self.env._(
                        "Fees prepaid at move-in, %(unit)s", unit=movein.unit_id.display_name
                    ),
                }
            )
            payment.action_post()
            movein.prepayment_id = payment
        return True

    def action_confirm_fees(self):
        for movein in self:
            if movein.estate_id.movein_charge_ids and (
                not movein.invoice_id or movein.invoice_payment_state not in ("paid", "in_payment")
            ):
                raise UserError(self.env._("The move-in fees are not paid yet."))
            prepaid = movein.prepayment_id.state in ("in_process", "paid")
            if not prepaid and not movein.prepayment_declined:
                raise UserError(
                    self.env._(
                        "Offer the recommended prepayment (%(amount)s): receive it, or note why "
                        "the buyer declined.",
                        amount=movein.prepayment_recommended,
                    )
                )
            movein._complete_step("fees")
        return True

    # ------------------------------------------------------------------
    # Papers, handouts, archive
    # ------------------------------------------------------------------
    def action_confirm_signing(self):
        for movein in self:
            self._check_lines(movein.document_ids.filtered(lambda d: d.stage == "sign"))
            movein._complete_step("signing")
        return True

    def action_confirm_items(self):
        for movein in self:
            missing = movein.item_ids.filtered(lambda i: not i.handed)
            if missing:
                raise UserError(
                    self.env._(
                        "Hand out: %(items)s.", items=", ".join(missing.type_id.mapped("name"))
                    )
                )
            movein._complete_step("items")
        return True

    def action_complete(self):
        """File the papers in the owner archive; the unit is occupied."""
        for movein in self:
            movein._complete_step("archive")
            lines = movein.document_ids.filtered(
                lambda d: d.copy_required and d.file and not d.archive_document_id
            )
            fallback = self.env.ref("property_service_desk.document_category_other")
            documents = self.env["property.document"].create(
                [
                    {
                        "name": line.type_id.name,
                        "category_id": (line.type_id.category_id or fallback).id,
                        "unit_id": movein.unit_id.id,
                        "occupancy_id": movein.occupancy_id.id,
                        "file": line.file,
                        "file_name": line.file_name,
                        "movein_id": movein.id,
                    }
                    for line in lines
                ]
            )
            for line, document in zip(lines, documents, strict=True):
                line.archive_document_id = document
            # sudo: the status follows the move-in this user completed
            movein.unit_id.sudo().state = "occupied"
            movein.unit_id.message_post(
                body=Markup("<p>%s</p>") % self.env._("Moved in: %(movein)s.", movein=movein.name),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_cancel(self):
        done = self.filtered(lambda m: m.state == "done")
        if done:
            raise UserError(self.env._("A completed move-in cannot be cancelled."))
        self._guarded_write({"state": "cancel"})
        return True
