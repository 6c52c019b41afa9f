# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, new_test_user, tagged
from odoo.tools import mute_logger
from odoo.tools.safe_eval import safe_eval

from odoo.addons.property_request.tests.common import RequestCommon

# 2026-03-03 10:00 in Asia/Shanghai
T0 = datetime(2026, 3, 3, 2, 0)


@tagged("post_install", "-at_install")
class TestPaidServices(RequestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.eng_supervisor = new_test_user(
            cls.env,
            login="psd_eng_supervisor",
            groups="property_service_desk.group_property_engineering",
        )
        cls.cashier = new_test_user(
            cls.env, login="psd_cashier", groups="property_service_desk.group_property_finance"
        )
        cls.engineering.user_id = cls.eng_supervisor
        cls.estate_a.user_ids = [(4, cls.eng_supervisor.id), (4, cls.cashier.id)]
        cls.price_list = cls.env.ref("property_paid_service.product_category_paid_service")
        Product = cls.env["product.product"]
        cls.unblocking, cls.new_trap = Product.create(
            [
                {
                    "name": "Unblocking (test)",
                    "type": "service",
                    "categ_id": cls.price_list.id,
                    "list_price": 80.0,
                    "taxes_id": [(5, 0, 0)],
                },
                {
                    "name": "Sink trap (test)",
                    "type": "service",
                    "categ_id": cls.price_list.id,
                    "list_price": 25.0,
                    "taxes_id": [(5, 0, 0)],
                },
            ]
        )
        cls.office_chair = Product.create({"name": "Office chair", "list_price": 300.0})
        # the tenant lives in the owner's unit but the owner pays the fees
        cls.env["property.occupancy"].create(
            {
                "unit_id": cls.unit_a1.id,
                "partner_id": cls.tenant_a.id,
                "role": "tenant",
                "date_start": "2024-01-01",
            }
        )

    def _ticket(self, **vals):
        # the tenant asks for it
        return self._request(
            T0, **{"partner_id": self.tenant_a.id, "category_id": self.cat_unblock.id, **vals}
        )

    def _quoted(self, **vals):
        ticket = self._ticket(**vals)
        ticket.action_dispatch()
        # the department's team leader prices the work from the price list
        ticket.with_user(self.eng_supervisor).charge_ids = [
            (0, 0, {"product_id": self.unblocking.id}),
            (0, 0, {"product_id": self.new_trap.id, "quantity": 2}),
        ]
        ticket.with_user(self.eng_supervisor).action_send_quote()
        return ticket

    def _complete(self, ticket):
        ticket.actual_work = "Unblocked the kitchen drain, replaced two sink traps."
        ticket.stage_id = self.stage_done

    # ------------------------------------------------------------------
    # Quote
    # ------------------------------------------------------------------
    def test_quote_within_20_minutes_and_escalated_when_late(self):
        ticket = self._ticket()
        self.assertEqual(ticket.quote_deadline, T0 + timedelta(minutes=20))
        self.assertEqual(self._ticket(category_id=self.cat_repair.id).quote_deadline, False)
        # the estate's setting applies to new requests
        self.estate_a.quote_minutes = 30
        self.assertEqual(self._ticket().quote_deadline, T0 + timedelta(minutes=30))
        with freeze_time(T0 + timedelta(minutes=21)):
            self._run_cron("property_request.ir_cron_ticket_check_timers")
        self.assertTrue(ticket.quote_overdue)
        self.assertIn("quote", ticket.message_ids[0].body)
        self.assertEqual(ticket.escalation_level, 2)  # dispatch and quote both late
        # quoted in time: nothing to escalate
        on_time = self._ticket()
        with freeze_time(T0 + timedelta(minutes=3)):
            on_time.action_dispatch()
            on_time.with_user(self.eng_supervisor).charge_ids = [
                (0, 0, {"product_id": self.unblocking.id})
            ]
            on_time.with_user(self.eng_supervisor).action_send_quote()
        with freeze_time(T0 + timedelta(minutes=25)):
            self._run_cron("property_request.ir_cron_ticket_check_timers")
        self.assertFalse(on_time.quote_overdue)
        self.assertEqual(on_time.date_quoted, T0 + timedelta(minutes=3))

    def test_paid_work_arrives_at_the_agreed_time(self):
        ticket = self._ticket()
        with freeze_time(T0 + timedelta(minutes=2)):
            ticket.action_dispatch()
        # no 15-minute rule for paid work: the resident agrees on a time with the price
        self.assertFalse(ticket.arrival_deadline)
        ticket.appointment_date = T0 + timedelta(hours=4)
        self.assertEqual(ticket.arrival_deadline, T0 + timedelta(hours=4))

    def test_only_the_department_supervisor_quotes_from_the_price_list(self):
        ticket = self._ticket()
        ticket.action_dispatch()
        with self.assertRaises(UserError):
            ticket.with_user(self.eng_supervisor).action_send_quote()  # nothing priced yet
        with self.assertRaises(ValidationError):
            ticket.with_user(self.eng_supervisor).charge_ids = [
                (0, 0, {"product_id": self.office_chair.id})
            ]
        ticket.with_user(self.eng_supervisor).charge_ids = [
            (0, 0, {"product_id": self.unblocking.id, "quantity": 2})
        ]
        line = ticket.charge_ids
        self.assertEqual(line.price_unit, 80.0)
        self.assertEqual(ticket.quote_amount, 160.0)
        for user in (self.engineer_a, self.assistant_a):
            with self.assertRaises(UserError):
                ticket.with_user(user).action_send_quote()
        self.assertEqual(ticket.quote_state, "draft")
        # outside the category's published price range
        self.cat_unblock.write({"property_price_min": 30.0, "property_price_max": 150.0})
        with self.assertRaises(UserError):
            ticket.with_user(self.eng_supervisor).action_send_quote()
        line.with_user(self.eng_supervisor).quantity = 1
        ticket.with_user(self.eng_supervisor).action_send_quote()
        self.assertEqual(ticket.quote_state, "quoted")
        self.assertEqual(ticket.quoted_by_id, self.eng_supervisor)
        # the resident is told the price
        message = ticket.message_ids[0]
        self.assertIn(self.tenant_a, message.partner_ids)
        self.assertIn("80", message.body)
        # a quote given to the resident is frozen
        with self.assertRaisesRegex(UserError, "already given to the resident"):
            line.with_user(self.eng_supervisor).price_unit = 10.0
        with self.assertRaisesRegex(UserError, "already given to the resident"):
            ticket.with_user(self.eng_supervisor).charge_ids = [
                (0, 0, {"product_id": self.new_trap.id})
            ]
        self.assertEqual(ticket.quote_amount, 80.0)
        # a department without a leader: the service-centre supervisor quotes
        self.engineering.user_id = False
        other = self._ticket()
        other.action_dispatch()
        other.with_user(self.supervisor_a).charge_ids = [(0, 0, {"product_id": self.unblocking.id})]
        with self.assertRaises(UserError):
            other.with_user(self.eng_supervisor).action_send_quote()
        other.with_user(self.supervisor_a).action_send_quote()
        self.assertEqual(other.quote_state, "quoted")

    def test_no_work_before_the_price_is_accepted(self):
        ticket = self._quoted()
        with self.assertRaises(UserError):
            ticket.action_arrive()
        self.assertFalse(ticket.date_arrived)
        ticket.actual_work = "Unblocked"
        with self.assertRaises(UserError):
            ticket.stage_id = self.stage_done
        self.assertFalse(ticket.closed)
        # refused: the department supervisor gets a to-do, work still cannot start
        ticket.with_user(self.assistant_a).action_refuse_quote()
        self.assertEqual(ticket.quote_state, "refused")
        self.assertIn(self.eng_supervisor, self._activities(ticket).user_id)
        with self.assertRaises(UserError):
            ticket.action_arrive()
        # requoted and accepted by phone, recorded by the front desk
        ticket.with_user(self.eng_supervisor).action_reset_quote()
        ticket.charge_ids[1].with_user(self.eng_supervisor).quantity = 1
        ticket.with_user(self.eng_supervisor).action_send_quote()
        ticket.with_user(self.assistant_a).action_accept_quote()
        self.assertEqual(ticket.quote_state, "accepted")
        self.assertEqual(ticket.quote_answer_channel, "staff")
        self.assertEqual(ticket.quote_answer_user_id, self.assistant_a)
        self.assertEqual(ticket.quote_answer_partner_id, self.tenant_a)
        ticket.action_arrive()
        self.assertTrue(ticket.date_arrived)

    # ------------------------------------------------------------------
    # Work record and completion
    # ------------------------------------------------------------------
    def test_completion_needs_the_work_record_and_checked_materials(self):
        ticket = self._quoted()
        ticket.action_accept_quote()
        ticket.material_ids = [(0, 0, {"name": "Resident's own sink trap"})]
        # a material that fails the check needs the resident warned
        with self.assertRaises(ValidationError):
            ticket.material_ids.check_result = "poor"
        with self.assertRaises(UserError):
            ticket.stage_id = self.stage_done  # no actual work recorded
        ticket.actual_work = "Unblocked the drain with the resident's trap."
        with self.assertRaises(UserError):
            ticket.stage_id = self.stage_done  # material not checked
        self.assertFalse(ticket.closed)
        ticket.material_ids.with_user(self.engineer_a).write(
            {"check_result": "poor", "resident_warned": True}
        )
        self.assertEqual(ticket.material_ids.checked_by_id, self.engineer_a)
        ticket.stage_id = self.stage_done
        self.assertTrue(ticket.closed)
        with self.assertRaises(UserError):
            ticket.material_ids.note = "changed afterwards"

    def test_the_resident_answer_cannot_be_forged(self):
        ticket = self._quoted()
        # the front desk writes "accepted" over JSON-RPC instead of recording the answer
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            ticket.with_user(self.assistant_a).write({"quote_state": "accepted"})
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            ticket.with_user(self.assistant_a).write({"quote_answer_partner_id": self.owner_a.id})
        self.assertEqual(ticket.quote_state, "quoted")
        ticket.with_user(self.assistant_a).action_accept_quote()
        self.assertEqual(ticket.quote_state, "accepted")
        self.assertEqual(ticket.quote_answer_user_id, self.assistant_a)

    def test_a_fee_payer_set_to_pay_paid_services_is_invoiced(self):
        self.occupancy_a.with_user(self.assistant_a).pays_paid_services = True
        ticket = self._quoted()
        ticket.with_user(self.assistant_a).action_accept_quote()
        ticket.actual_work = "Unblocked the kitchen drain."
        ticket.with_user(self.supervisor_a).stage_id = self.stage_done
        # the cashier sees whom it is invoiced to
        self.assertEqual(ticket.with_user(self.cashier).invoice_id.partner_id, self.owner_a)

    def test_completion_invoices_the_fee_payer_once(self):
        ticket = self._quoted()
        ticket.action_accept_quote()
        # the technician completes it: no accounting rights needed
        ticket.actual_work = "Unblocked the kitchen drain, replaced two sink traps."
        ticket.with_user(self.supervisor_a).stage_id = self.stage_done
        invoice = ticket.with_user(self.cashier).invoice_id.with_env(self.env)
        self.assertEqual(invoice.move_type, "out_invoice")
        self.assertEqual(invoice.state, "posted")
        # the tenant asked and accepted the price: the tenant pays it, not the owner who
        # pays the unit's fees and never accepted it
        self.assertEqual(ticket.quote_answer_partner_id, self.tenant_a)
        self.assertEqual(invoice.partner_id, self.tenant_a)
        self.assertEqual(invoice.amount_total, 130.0)
        self.assertEqual(invoice.property_ticket_id, ticket)
        self.assertEqual(invoice.property_unit_id, self.unit_a1)
        self.assertEqual(
            sorted(invoice.invoice_line_ids.mapped("product_id").ids),
            sorted((self.unblocking | self.new_trap).ids),
        )
        self.assertEqual(invoice.invoice_line_ids.account_id.account_type, "income")
        self.assertEqual(ticket.charge_state, "unpaid")
        # closing again (reopened, then done) does not invoice twice
        ticket.stage_id = self.stage_in_progress
        ticket.stage_id = self.stage_done
        moves = self.env["account.move"].search([("property_ticket_id", "=", ticket.id)])
        self.assertEqual(moves, invoice)
        # nor can anything else put a second live invoice on it
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            invoice.copy({"property_ticket_id": ticket.id})
            self.env.flush_all()

        # the cashier's list shows it until it is paid
        action = self.env.ref("property_paid_service.property_service_invoice_action")
        domain = [*safe_eval(action.domain), ("payment_state", "in", ("not_paid", "partial"))]
        Move = self.env["account.move"].with_user(self.cashier)
        self.assertIn(invoice, Move.search(domain))
        with self.assertRaises(AccessError):
            Move.with_user(self.assistant_a).search(domain)
        self.env["account.payment.register"].with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()
        self.assertIn(invoice.payment_state, ("paid", "in_payment"))
        self.assertEqual(ticket.charge_state, "paid")
        self.assertNotIn(invoice, Move.search(domain))

    def test_paid_services_get_a_follow_up_next_day(self):
        ticket = self._quoted()
        ticket.action_accept_quote()
        with freeze_time(T0 + timedelta(hours=3)):
            self._complete(ticket)
            self._run_cron("property_request.ir_cron_ticket_plan_followups")
        followup = ticket.followup_ids
        self.assertEqual(followup.source_kind, "paid_service")
        self.assertEqual(followup.due_date, (T0 + timedelta(days=1)).date())

    def test_work_order_pdf_lists_charges_and_materials(self):
        ticket = self._quoted()
        ticket.action_accept_quote()
        ticket.material_ids = [(0, 0, {"name": "Resident's tap", "check_result": "pass"})]
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html("property_request.action_report_work_order", ticket.ids)[0]
            .decode()
        )
        self.assertIn("Unblocking (test)", html)
        self.assertIn("Resident&#39;s tap", html)
        self.assertIn("130.00", html)
