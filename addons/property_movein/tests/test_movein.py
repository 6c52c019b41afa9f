# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, tagged
from odoo.tools import mute_logger

from odoo.addons.property_service_desk.tests.common import SCAN, SIGNATURE

from .common import MoveinCommon


@tagged("post_install", "-at_install")
class TestMovein(MoveinCommon):
    # ------------------------------------------------------------------
    # Batch: plan, lead times, notices
    # ------------------------------------------------------------------
    def test_a_new_move_in_form_opens(self):
        """The form of a new move-in (no unit, no company yet) computes its recommended
        prepayment without failing."""
        movein = self.env["property.movein"].with_user(self.assistant_a).new({})
        self.assertEqual(movein.prepayment_recommended, 0.0)

    def test_preparation_activities_dated_back_from_the_handover(self):
        with freeze_time("2026-05-01"):
            batch = self._batch()
        by_type = {a.activity_type_id: a for a in batch.activity_ids}
        ref = self.env.ref
        plan = by_type[ref("property_movein.mail_activity_type_movein_plan")]
        notices = by_type[ref("property_movein.mail_activity_type_movein_notices")]
        documents = by_type[ref("property_movein.mail_activity_type_movein_documents")]
        site = by_type[ref("property_movein.mail_activity_type_movein_site")]
        self.assertEqual((plan.date_deadline, plan.user_id), (date(2026, 5, 15), self.director_a))
        self.assertEqual(
            (notices.date_deadline, notices.user_id), (date(2026, 5, 31), self.supervisor_a)
        )
        self.assertEqual(
            (documents.date_deadline, documents.user_id), (date(2026, 6, 5), self.assistant_a)
        )
        self.assertEqual(site.date_deadline, date(2026, 6, 13))
        # a later handover moves the preparation with it
        batch.date_handover = date(2026, 6, 25)
        self.assertEqual(plan.date_deadline, date(2026, 5, 25))
        self.assertEqual(site.date_deadline, date(2026, 6, 23))

    def test_plan_a_month_ahead_notices_fifteen_days_ahead(self):
        with freeze_time("2026-05-01"):
            batch = self._batch()
            batch.with_user(self.assistant_a).action_list_units()
        # only the sold unit of the building; occupied and unsold units have no move-in
        self.assertEqual(batch.movein_ids.unit_id, self.unit_new)
        self.assertEqual(batch.movein_ids.partner_id, self.buyer)
        batch.action_list_units()
        self.assertEqual(len(batch.movein_ids), 1, "listing twice adds nothing")
        with freeze_time("2026-05-10"), self.assertRaises(UserError):
            batch.with_user(self.supervisor_a).action_submit_plan()
        with freeze_time("2026-05-16"), self.assertRaises(UserError):
            batch.with_user(self.director_a).action_submit_plan()  # less than a month ahead
        with freeze_time("2026-05-10"):
            batch.with_user(self.director_a).action_submit_plan()
        self.assertEqual(batch.state, "planned")
        self.assertEqual(batch.plan_user_id, self.director_a)
        # the supervisor's notices and the director's plan are not forged over JSON-RPC
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            batch.with_user(self.assistant_a).write(
                {"state": "notified", "notice_user_id": self.supervisor_a.id}
            )
        with self.assertRaisesRegex(ValidationError, "cannot end before it starts"):
            batch.with_user(self.assistant_a).date_handover_end = date(2026, 6, 1)
        plan_type = self.env.ref("property_movein.mail_activity_type_movein_plan")
        self.assertNotIn(plan_type, batch.activity_ids.activity_type_id, "plan activity done")
        with self.assertRaises(UserError):
            batch.date_handover = date(2026, 7, 1)
        with freeze_time("2026-06-05"), self.assertRaises(UserError):
            batch.with_user(self.supervisor_a).action_send_notices()  # 10 days ahead
        with freeze_time("2026-05-25"), self.assertRaises(UserError):
            batch.with_user(self.assistant_a).action_send_notices()
        with freeze_time("2026-05-25"):
            batch.with_user(self.supervisor_a).action_send_notices()
        movein = batch.movein_ids
        self.assertEqual(batch.state, "notified")
        self.assertEqual(movein.state, "notified")
        self.assertEqual(movein.date_last_notice, date(2026, 5, 25))
        step = movein._step("notice")
        self.assertEqual(step.done_user_id, self.supervisor_a)
        notice = movein.message_ids.filtered(lambda m: self.buyer in m.partner_ids)
        self.assertEqual(len(notice), 1)
        # (HTML in tests: PDFs render only with force_report_rendering)
        self.assertTrue(notice.attachment_ids.name.startswith("Move-in Notice - 9-1-101."))

    def test_units_listed_right_after_the_sales_list_is_registered(self):
        batch = self._batch(date(2027, 1, 1))
        self.env["property.occupancy"].create(
            {
                "unit_id": self.unit_unsold.id,
                "partner_id": self.tenant_a.id,
                "role": "owner",
                "date_start": "2026-04-01",
            }
        )
        batch.action_list_units()
        self.assertEqual(batch.movein_ids.unit_id, self.unit_new | self.unit_unsold)

    def test_owners_who_have_not_come_are_renotified_every_six_months(self):
        with freeze_time("2026-05-25"):
            movein = self._movein()
            movein.action_send_notice()
            started = (
                self.env["property.movein"]
                .with_user(self.assistant_a)
                .create({"unit_id": self.unit_unsold.id, "partner_id": self.buyer.id})
            )
            self._walk(started, "payment")  # the buyer of this one came
        with freeze_time("2026-11-24"):
            self._run_cron("property_movein.ir_cron_movein_renotify")
        self.assertEqual(movein.notice_count, 1)
        with freeze_time("2026-11-25"):
            self._run_cron("property_movein.ir_cron_movein_renotify")
            self._run_cron("property_movein.ir_cron_movein_renotify")
        self.assertEqual(movein.notice_count, 2, "once, however often the job runs")
        self.assertEqual(movein.date_last_notice, date(2026, 11, 25))
        self.assertEqual(started.notice_count, 1)
        self.assertEqual(len(movein.message_ids.filtered(lambda m: self.buyer in m.partner_ids)), 2)

    # ------------------------------------------------------------------
    # The route
    # ------------------------------------------------------------------
    def test_route_in_order_each_step_who_and_when(self):
        movein = self._movein()
        self.assertEqual(movein.progress, 0.0)
        movein.action_send_notice()
        with self.assertRaises(UserError):
            movein.action_confirm_documents()  # the developer checks come first
        with self.assertRaises(UserError):
            movein.action_confirm_eligibility()  # who verified?
        movein.sales_verifier = "Ms Sun (sales)"
        with freeze_time("2026-06-16 02:00:00"):
            movein.with_user(self.assistant_a).action_confirm_eligibility()
        step = movein._step("eligibility")
        self.assertEqual(step.done_user_id, self.assistant_a)
        self.assertEqual(str(step.done_date), "2026-06-16 02:00:00")
        self.assertEqual(step.note, "Ms Sun (sales)")
        with self.assertRaises(UserError):
            movein.action_confirm_eligibility()  # stamped once
        self.assertAlmostEqual(movein.progress, 100.0 * 2 / len(movein.step_ids))
        self.assertEqual(movein.state, "in_progress")
        self.assertEqual(movein.current_step, movein._step_label("payment"))
        # the stamps are not writable by hand
        with self.assertRaises(AccessError):
            step.with_user(self.assistant_a).write({"done_user_id": self.director_a.id})

    def test_documents_follow_the_buyer_type(self):
        movein = self._movein()
        ref = self.env.ref
        types = movein.document_ids.type_id
        self.assertIn(ref("property_movein.movein_doc_id"), types)
        self.assertNotIn(ref("property_movein.movein_doc_licence"), types)
        movein.write(
            {"buyer_type": "company", "by_proxy": True, "proxy_partner_id": self.tenant_a.id}
        )
        types = movein.document_ids.type_id
        for xmlid in ("movein_doc_licence", "movein_doc_seal", "movein_doc_authorisation"):
            self.assertIn(ref(f"property_movein.{xmlid}"), types)
        self.assertIn(ref("property_movein.movein_doc_proxy_id"), types)
        self.assertNotIn(ref("property_movein.movein_doc_id"), types)
        self.assertNotIn(ref("property_movein.movein_doc_mortgage"), types)
        movein.has_mortgage = True
        self.assertIn(ref("property_movein.movein_doc_mortgage"), movein.document_ids.type_id)
        self._walk(movein, "documents")
        bring = movein.document_ids.filtered(lambda d: d.stage == "bring").with_user(
            self.assistant_a
        )
        bring.write({"checked": True})
        with self.assertRaises(UserError):
            movein.action_confirm_documents()  # the copies are not attached
        bring.filtered("copy_required").write({"file": SCAN, "file_name": "copy.pdf"})
        movein.with_user(self.assistant_a).action_confirm_documents()
        self.assertEqual(bring[0].checked_user_id, self.assistant_a)
        self.assertTrue(bring[0].checked_date)
        # who checked is stamped by the tick, not written in
        with self.assertRaisesRegex(UserError, "stamped by the tick"):
            bring[0].checked_user_id = self.supervisor_a

    def test_documents_step_makes_the_buyer_owner(self):
        movein = (
            self.env["property.movein"]
            .with_user(self.assistant_a)
            .create({"unit_id": self.unit_unsold.id, "partner_id": self.tenant_a.id})
        )
        self._walk(movein, "inspection")
        self.assertEqual(movein.occupancy_id.partner_id, self.tenant_a)
        self.assertEqual(movein.occupancy_id.role, "owner")
        self.assertEqual(self.unit_unsold.owner_ids, self.tenant_a)

    def test_inspection_defects_go_to_rectification_and_reinspection(self):
        movein = self._movein()
        self._walk(movein, "inspection")
        # the joint inspection: engineering records it with the owner (SOP §3)
        engineering = movein.with_user(self.engineer_a)
        door, windows = engineering.inspection_line_ids[:2]
        engineering.inspection_line_ids.write({"result": "ok"})
        door.write({"result": "defect", "defect": "Lock sticks"})
        engineering.write({"inspector_id": self.assistant_a.id, "inspection_signature": SIGNATURE})
        with self.assertRaises(UserError):
            engineering.action_confirm_inspection()  # not an engineer
        engineering.inspector_id = self.engineer_a
        door.category_id = False
        with self.assertRaises(UserError):
            engineering.action_confirm_inspection()  # the defect needs its category
        door.category_id = self.env.ref(
            "property_request.category_engineering_rectification_security_door"
        )
        engineering.inspection_signature = False
        with self.assertRaises(UserError):
            engineering.action_confirm_inspection()
        engineering.inspection_signature = SIGNATURE
        engineering.action_confirm_inspection()
        ticket = door.ticket_id
        self.assertEqual(ticket.request_kind, "rectification")
        self.assertEqual(ticket.unit_id, self.unit_new)
        self.assertEqual(ticket.property_movein_id, movein)
        self.assertTrue(ticket.resolution_deadline)
        self.assertFalse(windows.ticket_id)
        self.assertEqual(movein.rectification_state, "open")
        # the move-in goes on while engineering fixes the door
        engineering.write({"water_reading": 3.5, "electricity_reading": 12.0})
        engineering.action_confirm_meters()
        with self.assertRaises(UserError):
            movein.action_accept_rectification()
        # engineering reports the door fixed; the front desk closes the request
        ticket.with_user(self.assistant_a).action_dispatch()
        ticket.with_user(self.assistant_a).stage_id = self.stage_done
        self.assertEqual(movein.rectification_state, "reinspection")
        call = movein.activity_ids.filtered(lambda a: "re-inspection" in (a.summary or ""))
        self.assertEqual(call.user_id, self.assistant_a)
        movein.reinspection_signature = SIGNATURE
        with self.assertRaises(UserError):
            movein.action_accept_rectification()  # the door still fails
        movein.action_rectify_again()
        second = door.ticket_id
        self.assertNotEqual(second, ticket)
        self.assertEqual(movein.rectification_state, "open")
        second.with_user(self.assistant_a).action_dispatch()
        second.with_user(self.assistant_a).stage_id = self.stage_done
        door.with_user(self.assistant_a).reinspection_ok = True
        movein.with_user(self.assistant_a).action_accept_rectification()
        self.assertEqual(movein.rectification_state, "accepted")
        self.assertEqual(movein.reinspection_user_id, self.assistant_a)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.assistant_a)
            ._render_qweb_html("property_movein.action_report_movein_inspection", movein.ids)[0]
            .decode()
        )
        self.assertIn("Lock sticks", html)
        self.assertIn(second.number, html)

    def test_meters_need_gas_when_the_unit_has_gas(self):
        self.env["property.meter"].create(
            {"unit_id": self.unit_new.id, "kind": "gas", "number": "G-1"}
        )
        movein = self._movein()
        self._walk(movein, "meters")
        engineering = movein.with_user(self.engineer_a)
        engineering.write({"water_reading": 3.5, "electricity_reading": 12.0, "gas_reading": -1})
        with self.assertRaises(UserError):
            engineering.action_confirm_meters()
        engineering.gas_reading = 0.8
        engineering.action_confirm_meters()
        self.assertIn("0.8", movein._step("meters").note)

    # ------------------------------------------------------------------
    # Fees at the cashier
    # ------------------------------------------------------------------
    def test_fees_at_the_cashier_with_the_recommended_prepayment(self):
        movein = self._movein()
        self._walk(movein, "fees")
        # 3 months × 100 m² × 2.00
        self.assertEqual(movein.prepayment_recommended, 600.0)
        with self.assertRaises(UserError):
            movein.with_user(self.assistant_a).action_invoice_fees()
        cashier = movein.with_user(self.finance)
        cashier.action_invoice_fees()
        invoice = movein.invoice_id
        self.assertEqual(invoice.state, "posted")
        self.assertEqual(invoice.partner_id, self.buyer)
        self.assertEqual(invoice.amount_untaxed, 500.0)
        with self.assertRaises(UserError):
            cashier.action_invoice_fees()
        # the superuser: the database refuses a second invoice, whatever the code path
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            invoice.sudo().copy({"property_movein_id": movein.id}).action_post()
            self.env.flush_all()
        with self.assertRaises(UserError):
            cashier.action_confirm_fees()  # not paid
        self.env["account.payment.register"].with_user(self.finance).with_context(
            active_model="account.move", active_ids=invoice.ids
        ).create({})._create_payments()
        with self.assertRaises(UserError):
            cashier.action_confirm_fees()  # the prepayment was not offered
        cashier.write({"prepayment_amount": 600.0, "prepayment_journal_id": self.bank.id})
        with self.assertRaises(UserError):
            movein.with_user(self.assistant_a).action_register_prepayment()
        cashier.action_register_prepayment()
        self.assertIn(movein.prepayment_id.state, ("in_process", "paid"))
        self.assertEqual(movein.prepayment_id.partner_id, self.buyer)
        with self.assertRaises(UserError):
            movein.with_user(self.assistant_a).action_confirm_fees()  # finance only
        cashier.action_confirm_fees()
        self.assertEqual(movein._step("fees").done_user_id, self.finance)
        # the next monthly bill is settled by the prepayment
        bills = self.estate_a.with_user(self.finance)._bill_fees(date.today())
        bill = bills.filtered(lambda m: m.partner_id == self.buyer)
        self.assertIn(bill.payment_state, ("paid", "in_payment"))

    # ------------------------------------------------------------------
    # Completion
    # ------------------------------------------------------------------
    def test_completion_files_the_archive_and_occupies_the_unit(self):
        movein = self._movein()
        self._walk(movein, "signing")
        with self.assertRaises(UserError):
            movein.action_confirm_signing()  # nothing signed yet
        movein.document_ids.filtered(lambda d: d.stage == "sign").write(
            {"checked": True, "file": SCAN, "file_name": "signed.pdf"}
        )
        movein.with_user(self.assistant_a).action_confirm_signing()
        items = movein.item_ids.with_user(self.assistant_a)
        items.write({"handed": True})
        items[:1].handed = False
        with self.assertRaisesRegex(UserError, "Hand out: "):
            movein.with_user(self.assistant_a).action_confirm_items()
        with self.assertRaisesRegex(UserError, "stamped by the tick"):
            items[:1].write({"handed": True, "handed_user_id": self.supervisor_a.id})
        items.write({"handed": True})
        self.assertEqual(items.handed_user_id, self.assistant_a)
        movein.with_user(self.assistant_a).action_confirm_items()
        # what the owner signed for stays as it was
        with self.assertRaisesRegex(UserError, "handouts were confirmed"):
            items[:1].handed = False
        with self.assertRaisesRegex(UserError, "handouts were confirmed"):
            items[:1].unlink()
        # property_movein_keys adds its hand-over step before the archive (tested there)
        if "keys" in movein.step_ids.mapped("code"):
            movein.with_user(self.assistant_a)._complete_step("keys")
        with self.assertRaises(UserError):
            movein.with_user(self.finance).action_complete()  # the front desk's step
        movein.with_user(self.assistant_a).action_complete()
        self.assertEqual(movein.state, "done")
        self.assertEqual(movein.progress, 100.0)
        self.assertEqual(self.unit_new.state, "occupied")
        archive = movein.archive_document_ids
        ref = self.env.ref
        self.assertIn(
            ref("property_service_desk.document_category_handover_letter"), archive.category_id
        )
        self.assertIn(ref("property_service_desk.document_category_id_copy"), archive.category_id)
        self.assertEqual(archive.unit_id, self.unit_new)
        self.assertEqual(archive.partner_id, self.buyer)
        notice_type = ref("property_movein.movein_doc_notice")
        self.assertNotIn(notice_type.name, archive.mapped("name"), "no copy, nothing filed")
        with self.assertRaises(UserError):
            movein.action_cancel()

    def test_one_move_in_per_unit_and_estate_access(self):
        self._movein()
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            self.env["property.movein"].with_user(self.assistant_a).create(
                {"unit_id": self.unit_new.id, "partner_id": self.buyer.id}
            )
            self.env.flush_all()
        # set-up: estate B's move-in, which estate A's front desk must not see
        other = self.env["property.movein"].create(
            {"unit_id": self.unit_b1.id, "partner_id": self.owner_b.id}
        )
        visible = self.env["property.movein"].with_user(self.assistant_a).search([])
        self.assertNotIn(other, visible)
        with self.assertRaises(AccessError):
            other.with_user(self.assistant_a).read(["name"])

    def test_notice_pdf_lists_documents_and_fees(self):
        movein = self._movein()
        movein.buyer_type = "company"
        html = (
            self.env["ir.actions.report"]
            .with_user(self.assistant_a)
            ._render_qweb_html("property_movein.action_report_movein_notice", movein.ids)[0]
            .decode()
        )
        self.assertIn("Business Licence", html)
        self.assertNotIn("Buyer&#39;s ID", html)
        self.assertIn("Rubbish clearance", html)
        self.assertIn("600.00", html)
