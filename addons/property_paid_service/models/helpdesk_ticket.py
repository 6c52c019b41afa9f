# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)


class HelpdeskTicket(models.Model):
    """The paid-service steps of a request (特约服务): the quote by the department
    supervisor within the estate's minutes, the resident's answer before any work, the
    work actually done and the resident's materials checked, the invoice on completion."""

    _inherit = "helpdesk.ticket"
    _guarded_fields = {
        "quote_state": _lt("Send Quote, the resident's answer or Reset Quote"),
        "quoted_by_id": _lt("Send Quote"),
        "date_quoted": _lt("Send Quote"),
        "quote_answer_date": _lt("the resident's answer"),
        "quote_answer_partner_id": _lt("the resident's answer"),
        "quote_answer_channel": _lt("the resident's answer"),
        "quote_answer_user_id": _lt("the resident's answer"),
    }

    quote_minutes = fields.Integer(
        compute="_compute_quote_minutes", store=True, readonly=True, copy=False
    )
    charge_ids = fields.One2many(
        "property.request.charge", "ticket_id", string="Charges", copy=False
    )
    material_ids = fields.One2many(
        "property.request.material",
        "ticket_id",
        string="Resident-Supplied Materials",
        copy=False,
    )
    currency_id = fields.Many2one(related="company_id.currency_id")
    quote_amount = fields.Monetary(
        string="Quoted Price",
        currency_field="currency_id",
        compute="_compute_quote_amount",
        store=True,
    )
    quote_state = fields.Selection(
        [
            ("draft", "To Quote"),
            ("quoted", "Awaiting the Resident"),
            ("accepted", "Accepted"),
            ("refused", "Refused"),
        ],
        string="Quote",
        default="draft",
        required=True,
        copy=False,
        tracking=True,
        index=True,
    )
    quote_deadline = fields.Datetime(
        compute="_compute_quote_deadline", store=True, index=True, copy=False
    )
    date_quoted = fields.Datetime(string="Quoted", copy=False, readonly=True)
    quoted_by_id = fields.Many2one("res.users", copy=False, readonly=True)
    quote_overdue = fields.Boolean(copy=False, index=True)
    quote_answer_date = fields.Datetime(string="Answered", copy=False, readonly=True)
    quote_answer_partner_id = fields.Many2one(
        "res.partner",
        string="Answered By",
        copy=False,
        readonly=True,
        help="The resident who accepted or refused the price.",
    )
    quote_answer_channel = fields.Selection(
        [("portal", "Portal"), ("staff", "Recorded by Staff")],
        string="Answer Channel",
        copy=False,
        readonly=True,
    )
    quote_answer_user_id = fields.Many2one(
        "res.users",
        string="Answer Recorded By",
        copy=False,
        readonly=True,
        help="The staff member who recorded the resident's answer.",
    )
    actual_work = fields.Text(
        copy=False,
        help="What was actually done on site, compared with the request.",
    )
    # indexed: every change of an invoice's payment state looks up its requests
    invoice_id = fields.Many2one(
        "account.move",
        copy=False,
        readonly=True,
        index="btree_not_null",
        groups="account.group_account_invoice",
    )
    charge_state = fields.Selection(
        [("to_invoice", "Not Invoiced"), ("unpaid", "Unpaid"), ("paid", "Settled")],
        string="Charge",
        compute="_compute_charge_state",
        store=True,
        help="Whether the charge of the paid service was collected.",
    )

    @api.depends("estate_id")
    def _compute_quote_minutes(self):
        # taken from the estate when the request is received, and kept (as the other
        # timers' terms)
        for ticket in self:
            ticket.quote_minutes = ticket.estate_id.quote_minutes or 20

    @api.depends("date_received", "is_paid_service", "is_simple", "quote_minutes", "paused_seconds")
    def _compute_quote_deadline(self):
        for ticket in self:
            if ticket.is_paid_service and not ticket.is_simple:
                received = ticket.date_received or fields.Datetime.now()
                ticket.quote_deadline = (
                    received
                    + timedelta(minutes=ticket.quote_minutes)
                    + timedelta(seconds=ticket.paused_seconds or 0)
                )
            else:
                ticket.quote_deadline = False

    @api.depends("charge_ids.price_subtotal")
    def _compute_quote_amount(self):
        for ticket in self:
            ticket.quote_amount = sum(ticket.charge_ids.mapped("price_subtotal"))

    @api.depends("is_paid_service", "invoice_id.payment_state", "invoice_id.state")
    def _compute_charge_state(self):
        for ticket in self:
            invoice = ticket.invoice_id
            if not ticket.is_paid_service:
                ticket.charge_state = False
            elif not invoice or invoice.state != "posted":
                ticket.charge_state = "to_invoice"
            elif invoice.payment_state in ("paid", "in_payment", "reversed"):
                ticket.charge_state = "paid"
            else:
                ticket.charge_state = "unpaid"

    def write(self, vals):
        result = super().write(vals)
        if "stage_id" in vals:
            self.filtered(
                lambda t: t.closed and t.is_paid_service and t.stage_id != self._cancel_stage()
            )._create_service_invoices()
        return result

    def _check_can_close(self, stage_id):
        result = super()._check_can_close(stage_id)
        stage = self.env["helpdesk.ticket.stage"].browse(stage_id)
        if stage.closed and stage != self._cancel_stage():
            self._check_paid_service_done()
        return result

    def action_arrive(self):
        # no paid work starts before the resident accepted the price
        if all(self.mapped("date_dispatched")):
            self._check_quote_accepted()
        return super().action_arrive()

    @api.model
    def _property_timers(self):
        return {
            **super()._property_timers(),
            "quote": ("quote_deadline", "date_quoted", "quote_overdue"),
        }

    @api.model
    def _property_timer_labels(self):
        return {**super()._property_timer_labels(), "quote": self.env._("quote")}

    def _check_quote_editable(self):
        locked = self.filtered(lambda t: t.quote_state in ("quoted", "accepted") or t.closed)
        if locked:
            raise UserError(
                self.env._(
                    "The price of %(tickets)s was already given to the resident: reset the "
                    "quote before changing its items.",
                    tickets=", ".join(locked.mapped("display_name")),
                )
            )

    def _check_not_closed(self):
        closed = self.filtered("closed")
        if closed:
            raise UserError(
                self.env._(
                    "%(tickets)s is completed: its work record can no longer change.",
                    tickets=", ".join(closed.mapped("display_name")),
                )
            )

    def _check_quote_accepted(self):
        """No paid work starts before the resident accepted the price."""
        waiting = self.filtered(lambda t: t.is_paid_service and t.quote_state != "accepted")
        if waiting:
            raise UserError(
                self.env._(
                    "The resident has not accepted the price of %(tickets)s: work on a paid "
                    "service starts only after that.",
                    tickets=", ".join(waiting.mapped("display_name")),
                )
            )

    def _check_paid_service_done(self):
        """Completing a paid service needs the accepted price, the actual work done and
        every material the resident supplied checked."""
        self._check_quote_accepted()
        no_record = self.filtered(lambda t: t.is_paid_service and not (t.actual_work or "").strip())
        if no_record:
            raise UserError(
                self.env._(
                    "Record the work actually done on site for %(tickets)s before completing it.",
                    tickets=", ".join(no_record.mapped("display_name")),
                )
            )
        unchecked = self.material_ids.filtered(lambda m: not m.check_result)
        if unchecked:
            raise UserError(
                self.env._(
                    "Check the materials the resident supplied before completing the work: "
                    "%(materials)s.",
                    materials=", ".join(unchecked.mapped("name")),
                )
            )

    def _check_can_quote(self):
        """The department supervisor (the helpdesk team leader) quotes; without one, the
        service-centre supervisors do. Suite administrators always may."""
        user = self.env.user
        if user.has_group("property_service_desk.group_property_manager"):
            return
        for ticket in self:
            department = ticket.department_id or ticket.category_id.property_department_id
            allowed = (
                user == department.user_id
                if department.user_id
                else user.has_group("property_service_desk.group_property_supervisor")
            )
            if not allowed:
                raise UserError(
                    self.env._(
                        "Only the supervisor of %(department)s can quote the price of %(ticket)s.",
                        department=department.name or self.env._("the department"),
                        ticket=ticket.display_name,
                    )
                )

    def action_send_quote(self):
        """The department supervisor assesses the work and gives the resident its price,
        from the price list and within the category's price range."""
        self._check_can_quote()
        for ticket in self:
            if not ticket.is_paid_service:
                raise UserError(
                    self.env._("%(ticket)s is not a paid service.", ticket=ticket.display_name)
                )
            if ticket.quote_state != "draft":
                raise UserError(
                    self.env._(
                        "The quote of %(ticket)s was already sent.", ticket=ticket.display_name
                    )
                )
            ticket._check_not_closed()
            if not ticket.charge_ids or ticket.currency_id.is_zero(ticket.quote_amount):
                raise UserError(
                    self.env._(
                        "Add the price-list items of %(ticket)s before quoting.",
                        ticket=ticket.display_name,
                    )
                )
            category = ticket.category_id
            low, high = category.property_price_min, category.property_price_max
            amount = ticket.quote_amount
            if (low and ticket.currency_id.compare_amounts(amount, low) < 0) or (
                high and ticket.currency_id.compare_amounts(amount, high) > 0
            ):
                raise UserError(
                    self.env._(
                        "The price %(amount)s of %(ticket)s is outside the range of "
                        "%(category)s (%(low)s to %(high)s).",
                        amount=amount,
                        ticket=ticket.display_name,
                        category=category.display_name,
                        low=low,
                        high=high or "-",
                    )
                )
        now = fields.Datetime.now()
        self._guarded_write({"quote_state": "quoted", "quoted_by_id": self.env.uid})
        self.filtered(lambda t: not t.date_quoted)._guarded_write({"date_quoted": now})
        # to the resident, in their language (an e-mail template the company edits)
        self.message_post_with_source(
            self.env.ref("property_paid_service.mail_template_paid_service_quote"),
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        return True

    def action_reset_quote(self):
        """Back to quoting: the resident refused, or the work found on site differs from
        the request."""
        self._check_can_quote()
        self._check_not_closed()
        self._guarded_write(
            {
                "quote_state": "draft",
                "quote_answer_date": False,
                "quote_answer_partner_id": False,
                "quote_answer_channel": False,
                "quote_answer_user_id": False,
            }
        )
        return True

    def _record_quote_answer(self, accept, partner, channel):
        for ticket in self:
            if ticket.quote_state != "quoted":
                raise UserError(
                    self.env._(
                        "%(ticket)s has no price awaiting an answer.", ticket=ticket.display_name
                    )
                )
        self._guarded_write(
            {
                "quote_state": "accepted" if accept else "refused",
                "quote_answer_date": fields.Datetime.now(),
                "quote_answer_partner_id": partner.id,
                "quote_answer_channel": channel,
                "quote_answer_user_id": self.env.uid if channel == "staff" else False,
            }
        )

    def action_accept_quote(self):
        """Staff record that the resident accepted the price (in person or by phone)."""
        for ticket in self:
            ticket._record_quote_answer(True, ticket._quote_partner(), "staff")
            ticket.message_post(
                body=self.env._(
                    "%(user)s recorded that %(partner)s accepted the price of %(amount)s.",
                    user=self.env.user.name,
                    partner=ticket.quote_answer_partner_id.name or "",
                    amount=ticket.quote_amount,
                ),
                subtype_xmlid="mail.mt_note",
            )
        return True

    def action_refuse_quote(self):
        """Staff record that the resident refused the price."""
        for ticket in self:
            ticket._record_quote_answer(False, ticket._quote_partner(), "staff")
            ticket._notify_quote_refused()
        return True

    def _quote_partner(self):
        self.ensure_one()
        return self.partner_id or self.unit_id.fee_payer_id

    def _notify_quote_refused(self):
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        for ticket in self:
            department = ticket.department_id or ticket.category_id.property_department_id
            user = department.user_id or ticket.estate_id.supervisor_id
            if user:
                ticket.activity_schedule(
                    activity_type_id=activity_type.id,
                    summary=self.env._("Price refused: requote or cancel"),
                    user_id=user.id,
                )
            ticket.message_post(
                body=self.env._(
                    "%(partner)s refused the price of %(amount)s.",
                    partner=ticket.quote_answer_partner_id.name or "",
                    amount=ticket.quote_amount,
                ),
                subtype_xmlid="mail.mt_note",
            )

    def _portal_quote_answer(self, accept):
        """Called for the resident after the portal checked they may read the request."""
        self.ensure_one()
        partner = self.env.user.partner_id
        if partner not in self.sudo()._unit_actor_partners():
            raise UserError(
                self.env._(
                    "Only the person who reported the request or the unit's owner or tenant "
                    "can answer its price."
                )
            )
        # the resident may not write the request: the portal checked their access
        ticket_sudo = self.sudo()
        ticket_sudo._record_quote_answer(accept, partner, "portal")
        if accept:
            ticket_sudo.message_post(
                body=self.env._("Price of %(amount)s accepted.", amount=ticket_sudo.quote_amount),
                author_id=partner.id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        else:
            ticket_sudo._notify_quote_refused()

    def _create_service_invoices(self):
        """Completed paid services are invoiced to whoever accepted the price (or, if
        nobody answered on record, who asked for it), unless the unit's fee payer is set
        to pay the paid services too; and posted, so that the cashier collects them."""
        # technicians and front desk complete the work but have no accounting rights:
        # the invoice is created on behalf of finance, from the accepted quote only
        tickets = self.sudo().filtered(lambda t: not t.invoice_id and t.charge_ids)
        if not tickets:
            return
        # sudo: on behalf of finance, as said above
        Move = self.env["account.move"].sudo()
        vals_list = []
        for ticket in tickets:
            payer = ticket.unit_id.occupancy_ids.filtered(
                lambda o: o.is_current and o.is_fee_payer and o.pays_paid_services
            )[:1].partner_id
            partner = payer or ticket.quote_answer_partner_id or ticket.partner_id
            if not partner:
                raise UserError(
                    self.env._(
                        "%(ticket)s has nobody to invoice: set the resident who asked for it.",
                        ticket=ticket.display_name,
                    )
                )
            vals_list.append(
                Move._property_invoice_vals(
                    partner,
                    [
                        {
                            "product_id": line.product_id.id,
                            "name": line.name,
                            "quantity": line.quantity,
                            "price_unit": line.price_unit,
                        }
                        for line in ticket.charge_ids
                    ],
                    unit=ticket.unit_id,
                    origin=ticket.number or ticket.name,
                    company=ticket.company_id,
                    ref=ticket.name,
                    property_ticket_id=ticket.id,
                )
            )
        invoices = Move._property_create_invoices(vals_list)
        for ticket, invoice in zip(tickets, invoices, strict=True):
            ticket.invoice_id = invoice
        tickets._message_log_batch(
            bodies={
                ticket.id: Markup("<p>%s</p>")
                % self.env._(
                    "Invoice %(invoice)s of %(amount)s issued to %(partner)s.",
                    invoice=ticket.invoice_id.name,
                    amount=ticket.invoice_id.amount_total,
                    partner=ticket.invoice_id.partner_id.name,
                )
                for ticket in tickets
            }
        )

    def action_view_invoice(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "view_mode": "form",
            "res_id": self.invoice_id.id,
        }
