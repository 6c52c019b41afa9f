# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import date, datetime, timedelta

from psycopg2 import IntegrityError

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, new_test_user, tagged
from odoo.tools import mute_logger

from odoo.addons.property_service_desk.tests.common import PropertyCommon

T0 = datetime(2026, 3, 3, 2, 0)
SIGNATURE = base64.b64encode(
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00"
    b"\x00\x00\x00IEND\xaeB`\x82"
)


@tagged("post_install", "-at_install")
class TestKeys(PropertyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.director_a = new_test_user(
            cls.env,
            login="psd_key_director",
            groups="property_service_desk.group_property_director",
        )
        cls.estate_a.write({"director_id": cls.director_a.id})
        cls.unit_a1.state = "occupied"
        cls.engineering = cls.env.ref("property_request.helpdesk_team_engineering")
        cls.engineering.user_ids = [(4, cls.engineer_a.id)]
        cls.unit_a2.usage = "shop"
        cls.cabinet = cls.env["property.key.cabinet"].create(
            {"name": "Front desk", "estate_id": cls.estate_a.id}
        )
        Key = cls.env["property.key"]
        cls.pump_key, cls.owner_key, cls.shop_key = Key.create(
            [
                {
                    "number": "F-1",
                    "name": "Pump room",
                    "kind": "facility",
                    "opens": "Pump room B1",
                    "estate_id": cls.estate_a.id,
                    "cabinet_id": cls.cabinet.id,
                    "hook": "A1",
                    "copies": 2,
                },
                {
                    "number": "O-101",
                    "name": "Entrance 1-1-101",
                    "kind": "owner",
                    "origin": "developer",
                    "unit_id": cls.unit_a1.id,
                    "estate_id": cls.estate_a.id,
                    "cabinet_id": cls.cabinet.id,
                    "hook": "B1",
                },
                {
                    "number": "S-102",
                    "name": "Shop 1-1-102 shutter",
                    "kind": "owner",
                    "origin": "developer",
                    "unit_id": cls.unit_a2.id,
                    "estate_id": cls.estate_a.id,
                    "cabinet_id": cls.cabinet.id,
                    "hook": "B2",
                },
            ]
        )

    def _loan(self, key, user=None, **vals):
        Loan = self.env["property.key.loan"].with_user(user or self.assistant_a)
        return Loan.create(
            {
                "estate_id": self.estate_a.id,
                "borrower_user_id": self.engineer_a.id,
                "reason": "Pump maintenance",
                "date_loan": T0,
                "expected_return": T0 + timedelta(hours=4),
                "line_ids": [(0, 0, {"key_id": key.id})],
                "borrower_signature": SIGNATURE,
                "lender_signature": SIGNATURE,
                "receiver_signature": SIGNATURE,
                **vals,
            }
        )

    # ------------------------------------------------------------------
    # Loans
    # ------------------------------------------------------------------
    def test_lend_and_return_with_the_count_checked(self):
        loan = self._loan(self.pump_key)
        self.assertEqual(loan.line_ids.quantity, 2)
        loan.action_lend()
        self.assertEqual(loan.state, "open")
        self.assertEqual(self.pump_key.state, "on_loan")
        self.assertEqual(self.pump_key.current_loan_id, loan)
        # one copy back: the loan stays open, the key stays out
        loan.line_ids.returned_quantity = 1
        loan.action_return()
        self.assertEqual(loan.state, "open")
        self.assertEqual(self.pump_key.state, "on_loan")
        loan.line_ids.returned_quantity = 3
        with self.assertRaises(ValidationError):
            loan.action_return()
        loan.line_ids.returned_quantity = 2
        loan.action_return()
        self.assertEqual(loan.state, "returned")
        self.assertEqual(loan.receiver_id, self.assistant_a)
        self.assertEqual(self.pump_key.state, "in_cabinet")
        # staff without the front-desk role cannot lend
        with self.assertRaises(AccessError):
            self._loan(self.pump_key, user=self.engineer_a)

    def test_a_key_on_loan_cannot_be_lent_again(self):
        first = self._loan(self.pump_key)
        second = self._loan(self.pump_key)
        first.action_lend()
        with self.assertRaises(UserError):
            second.action_lend()
        self.assertEqual(second.state, "draft")
        # two requests at the same moment: both passed the checks before either was
        # saved; the database refuses the second
        with self.assertRaises(IntegrityError), mute_logger("odoo.sql_db"), self.cr.savepoint():
            second.sudo().write({"state": "open"})  # the action's own write, past the guard
            self.env.flush_all()

    def test_shop_front_keys_need_the_supervisor(self):
        loan = self._loan(self.shop_key, reason="Fire check")
        self.unit_a2.state = "unsold"  # no owner: no consent needed
        loan.action_lend()
        self.assertEqual(loan.state, "to_approve")
        self.assertEqual(self.shop_key.state, "in_cabinet")
        self.assertIn(
            self.supervisor_a,
            self.env["mail.activity"]
            .search([("res_model", "=", "property.key.loan"), ("res_id", "=", loan.id)])
            .user_id,
        )
        with self.assertRaises(UserError):
            loan.with_user(self.assistant_a).action_approve()
        loan.with_user(self.supervisor_a).action_approve()
        self.assertEqual(loan.state, "open")
        self.assertEqual(loan.supervisor_approved_by_id, self.supervisor_a)
        self.assertEqual(self.shop_key.state, "on_loan")

    def test_entering_an_owned_unit_needs_permission_or_consent(self):
        loan = self._loan(self.owner_key, reason="Water leaking to the flat below")
        self.assertTrue(loan.needs_owner_consent)
        with self.assertRaises(UserError):
            loan.action_lend()
        self.assertEqual(self.owner_key.state, "in_cabinet")
        # a permission that has expired does not count
        # the front desk records the owner's permissions (SOP §2)
        Permission = self.env["property.key.permission"].with_user(self.assistant_a)
        Permission.create(
            {
                "unit_id": self.unit_a1.id,
                "partner_id": self.owner_a.id,
                "kind": "temporary",
                "date_from": date(2025, 1, 1),
                "date_to": date(2025, 12, 31),
            }
        )
        with self.assertRaises(UserError):
            loan.action_lend()
        with self.assertRaises(ValidationError):
            Permission.create(
                {"unit_id": self.unit_a1.id, "partner_id": self.owner_b.id, "kind": "permanent"}
            )
        Permission.create(
            {
                "unit_id": self.unit_a1.id,
                "partner_id": self.owner_a.id,
                "kind": "permanent",
                "instructions": "Two staff, take photos, call me after.",
            }
        )
        self.env.invalidate_all()  # a new request reads the new permission
        self.assertIn("call me after", loan.entry_instructions)
        self.assertIn("call me after", self.owner_key.entry_instructions)
        loan.action_lend()
        self.assertEqual(loan.state, "open")

        # without a permission, the owner's recorded consent also opens the door
        self.unit_b1.state = "occupied"
        key_b = self.env["property.key"].create(
            {
                "number": "O-B1",
                "name": "Entrance B",
                "kind": "owner",
                "unit_id": self.unit_b1.id,
                "estate_id": self.estate_b.id,
            }
        )
        loan_b = (
            self.env["property.key.loan"]
            .with_user(self.assistant_b)
            .create(
                {
                    "estate_id": self.estate_b.id,
                    "borrower_user_id": self.engineer_a.id,
                    "reason": "Meter reading",
                    "date_loan": T0,
                    "expected_return": T0 + timedelta(hours=1),
                    "line_ids": [(0, 0, {"key_id": key_b.id})],
                    "owner_consent": True,
                    "consent_partner_id": self.owner_b.id,
                    "consent_note": "By phone",
                    "borrower_signature": SIGNATURE,
                    "lender_signature": SIGNATURE,
                }
            )
        )
        loan_b.action_lend()
        self.assertEqual(loan_b.state, "open")

    def test_emergency_entry_flagged_until_the_owner_is_told(self):
        loan = self._loan(self.owner_key, reason="Smoke from the flat")
        with self.assertRaises(UserError):
            loan.with_user(self.supervisor_a).action_emergency_approve()
        loan.with_user(self.director_a).action_emergency_approve()
        self.assertTrue(loan.owner_notice_due)
        loan.action_lend()
        self.assertEqual(loan.state, "open")
        flagged = self.env["property.key.loan"].search([("owner_notice_due", "=", True)])
        self.assertIn(loan, flagged)
        loan.action_owner_notified()
        self.assertFalse(loan.owner_notice_due)
        self.assertTrue(loan.owner_notified_date)

    def test_the_register_names_the_borrowing_department(self):
        loan = self._loan(self.pump_key)
        self.assertEqual(loan.department_id, self.engineering)
        # a contractor has no department of their own: the desk records who brought them in
        contractor = self.env["res.partner"].create({"name": "Lift maintenance contractor"})
        visit = self._loan(
            self.pump_key,
            borrower_type="contractor",
            borrower_user_id=False,
            borrower_partner_id=contractor.id,
        )
        self.assertFalse(visit.department_id)
        with self.assertRaisesRegex(UserError, "Record the borrowing department"):
            visit.action_lend()
        self.assertEqual(visit.state, "draft")
        visit.department_id = self.engineering
        visit.action_lend()
        self.assertEqual(visit.state, "open")
        # signed and handed out, the register's who and why stay as signed, over JSON-RPC too
        security = self.env.ref("property_request.helpdesk_team_security")
        with self.assertRaisesRegex(UserError, "The register is signed: Borrowing Department"):
            visit.with_user(self.assistant_a).write({"department_id": security.id})
        with self.assertRaisesRegex(UserError, "The register is signed: Reason"):
            visit.with_user(self.assistant_a).write({"reason": "Something else"})
        self.assertEqual(visit.department_id, self.engineering)
        # the return date may still be agreed anew (tracked in the chatter)
        visit.with_user(self.assistant_a).write({"expected_return": T0 + timedelta(days=1)})

    def test_overdue_loans_are_chased_once_per_level(self):
        with freeze_time(T0):
            loan = self._loan(self.pump_key)
            loan.action_lend()
        cron = "property_keys.ir_cron_key_loan_overdue"
        engineering = self.env.ref("property_request.helpdesk_team_engineering")
        leader = new_test_user(
            self.env,
            login="psd_eng_lead",
            groups="property_service_desk.group_property_engineering",
        )
        engineering.user_id = leader
        self.assertEqual(loan.department_id, engineering)  # the borrower's department

        def activities():
            return self.env["mail.activity"].search(
                [("res_model", "=", "property.key.loan"), ("res_id", "=", loan.id)]
            )

        with freeze_time(T0 + timedelta(days=2)):
            self._run_cron(cron)
        self.assertFalse(activities())  # not yet more than 3 days late
        with freeze_time(T0 + timedelta(days=4)):
            self._run_cron(cron)
            self._run_cron(cron)
        self.assertEqual(activities().user_id, leader)
        self.assertEqual(loan.chase_level, 1)
        with freeze_time(T0 + timedelta(days=8)):
            self._run_cron(cron)
            self._run_cron(cron)
        self.assertEqual(activities().user_id, leader | self.supervisor_a)
        self.assertEqual(len(activities()), 2)
        # staff keys are not chased
        issued = self._loan(self.shop_key, loan_type="staff", expected_return=False)
        self.assertFalse(issued.is_overdue)

    # ------------------------------------------------------------------
    # Owner keys
    # ------------------------------------------------------------------
    def test_owner_keys_pass_to_the_service_centre_after_six_months(self):
        with freeze_time(date(2026, 3, 3)):
            recent, old = self.env["property.key"].create(
                [
                    {
                        "number": f"O-{n}",
                        "name": f"Entrance {n}",
                        "kind": "owner",
                        "origin": "developer",
                        "unit_id": self.unit_a1.id,
                        "estate_id": self.estate_a.id,
                        "handover_date": handover,
                    }
                    for n, handover in (("R", date(2026, 1, 10)), ("O", date(2025, 8, 1)))
                ]
            )
            self.assertEqual(recent.custodian, "engineering")
            self.assertEqual(old.custodian, "service_centre")
            old.custodian = "engineering"
            self._run_cron("property_keys.ir_cron_owner_key_custody")
            self.assertEqual(old.custodian, "service_centre")
            self.assertEqual(recent.custodian, "engineering")
            logged = old.message_ids.filtered(lambda m: "Six months" in (m.body or ""))
            self.assertEqual(len(logged), 1)
            messages = len(old.message_ids)
            self._run_cron("property_keys.ir_cron_owner_key_custody")
            self.assertEqual(len(old.message_ids), messages)
        with freeze_time(date(2026, 7, 11)):
            self._run_cron("property_keys.ir_cron_owner_key_custody")
        self.assertEqual(recent.custodian, "service_centre")

    def test_owner_entrusted_keys_need_approval_and_signature(self):
        entrustment = (
            self.env["property.key.entrustment"]
            .with_user(self.assistant_a)
            .create(
                {
                    "unit_id": self.unit_a1.id,
                    "partner_id": self.owner_a.id,
                    "key_description": "Entrance door A and B keys",
                }
            )
        )
        key_vals = {
            "number": "OE-1",
            "name": "Entrance A (owner)",
            "kind": "owner",
            "origin": "owner",
            "unit_id": self.unit_a1.id,
            "estate_id": self.estate_a.id,
            "entrustment_id": entrustment.id,
        }
        with self.assertRaises(ValidationError):
            self.env["property.key"].with_user(self.assistant_a).create(key_vals)
        with self.assertRaises(UserError):
            entrustment.action_sign()
        with self.assertRaises(UserError):
            entrustment.with_user(self.assistant_a).action_approve()
        entrustment.with_user(self.supervisor_a).action_approve()
        with self.assertRaises(UserError):
            entrustment.action_sign()  # no liability statement told, no signature
        entrustment.write({"liability_told": True, "owner_signature": SIGNATURE})
        entrustment.action_sign()
        self.assertEqual(entrustment.state, "signed")
        with self.assertRaisesRegex(UserError, "cannot change once signed"):
            entrustment.owner_signature = False
        # a signed entrustment of another unit does not cover this unit's key
        other = self.env["property.key.entrustment"].create(
            {
                "unit_id": self.unit_a2.id,
                "partner_id": self.owner_a.id,
                "state": "signed",  # (set-up as the superuser: another unit's signed record)
            }
        )
        with self.assertRaisesRegex(ValidationError, "can be kept only after"):
            self.env["property.key"].with_user(self.assistant_a).create(
                {**key_vals, "number": "OE-X", "entrustment_id": other.id}
            )
        key = self.env["property.key"].with_user(self.assistant_a).create(key_vals)
        self.assertEqual(key.entrustment_id, entrustment)
        html = (
            self.env["ir.actions.report"]
            .with_user(self.assistant_a)
            ._render_qweb_html("property_keys.action_report_key_entrustment", entrustment.ids)[0]
            .decode()
        )
        self.assertIn("no liability for the household property", html)

    # ------------------------------------------------------------------
    # Staff keys
    # ------------------------------------------------------------------
    def test_staff_keep_their_keys_until_they_leave(self):
        issued = self._loan(self.pump_key, loan_type="staff", expected_return=False)
        issued.action_lend()
        self.assertEqual(self.engineer_a.property_key_loan_ids, issued)
        with self.assertRaises(UserError):
            self.engineer_a.action_archive()
        self.assertTrue(self.engineer_a.active)
        issued.line_ids.returned_quantity = 2
        issued.action_return()
        self.engineer_a.action_archive()
        self.assertFalse(self.engineer_a.active)

    # ------------------------------------------------------------------
    # Audits, incidents, hand-over, records
    # ------------------------------------------------------------------
    def _audits_opened_at(self, when):
        """The scheduled action opens the audits twice at ``when``; the front desk's view
        of estate A's audits."""
        with freeze_time(when):
            self._run_cron("property_keys.ir_cron_key_audit")
            self._run_cron("property_keys.ir_cron_key_audit")
        return (
            self.env["property.key.audit"]
            .with_user(self.assistant_a)
            .search([("estate_id", "=", self.estate_a.id)])
        )

    def test_monthly_audit_turns_missing_keys_into_incidents(self):
        self._loan(self.shop_key).action_cancel()
        # the front desk counts the cabinet
        audit = self._audits_opened_at(date(2026, 3, 2))
        self.assertEqual(len(audit), 1)
        self.assertEqual(audit.line_ids.key_id, self.pump_key | self.owner_key | self.shop_key)
        with self.assertRaises(UserError):
            audit.action_done()
        audit.line_ids.result = "present"
        audit.line_ids.filtered(lambda line: line.key_id == self.pump_key).result = "missing"
        audit.action_done()
        incident = audit.line_ids.incident_id
        self.assertEqual(incident.key_id, self.pump_key)
        self.assertEqual(incident.kind, "missing")
        self.assertEqual(self.pump_key.state, "lost")

    def test_monthly_audit_is_the_estates_month(self):
        """At 01:00 on 1 April in Shanghai (17:00 UTC on 31 March) the audit opened is
        April's, once."""
        audit = self._audits_opened_at(datetime(2026, 3, 31, 17, 0))
        self.assertEqual(audit.month, date(2026, 4, 1))

    def test_lost_key_decision_needs_consent_and_cost_is_invoiced(self):
        finance = new_test_user(
            self.env, login="psd_key_cashier", groups="property_service_desk.group_property_finance"
        )
        self.estate_a.user_ids = [(4, finance.id)]
        # the front desk records the loss and reports it to the supervisor (SOP §2)
        incident = (
            self.env["property.key.incident"]
            .with_user(self.assistant_a)
            .create(
                {
                    "key_id": self.owner_key.id,
                    "kind": "lost",
                    "description": "Dropped in the lift shaft",
                }
            )
        )
        self.assertEqual(self.owner_key.state, "lost")
        # a lost key is not put back in the cabinet by writing it, to lend it again
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            self.owner_key.with_user(self.assistant_a).state = "in_cabinet"
        supervisor = incident.with_user(self.supervisor_a)
        supervisor.decision = "change_lock"
        with self.assertRaisesRegex(UserError, "consent"):
            supervisor.action_decide()
        incident.write({"consent_partner_id": self.owner_a.id, "consent_date": date(2026, 3, 4)})
        # reported to the supervisor, who decides; the front desk neither decides nor
        # writes the decision's state
        with self.assertRaisesRegex(UserError, "The supervisor decides"):
            incident.with_user(self.assistant_a).action_decide()
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            incident.with_user(self.assistant_a).state = "decided"
        supervisor.action_decide()
        supervisor.responsible_partner_id = self.tenant_a
        with self.assertRaises(AccessError):
            supervisor.action_create_invoice()  # finance invoices the cost
        incident.with_user(finance).action_create_invoice()
        invoice = incident.with_user(finance).invoice_id
        self.assertEqual(invoice.partner_id, self.tenant_a)
        self.assertEqual(invoice.move_type, "out_invoice")
        with self.assertRaises(UserError):
            incident.action_close()  # no outcome
        incident.outcome = "Lock changed, new keys in the cabinet"
        incident.action_close()
        self.assertEqual(self.owner_key.state, "in_cabinet")
        # records are kept: a key with history cannot be deleted, even by the superuser
        with self.assertRaises(UserError):
            self.owner_key.unlink()

    def test_hand_over_only_against_id_and_signature(self):
        handover = (
            self.env["property.key.handover"]
            .with_user(self.assistant_a)
            .create(
                {
                    "unit_id": self.unit_a1.id,
                    "receiver_id": self.tenant_a.id,
                    "key_ids": [(6, 0, self.owner_key.ids)],
                }
            )
        )
        with self.assertRaises(UserError):
            handover.action_confirm()  # no ID checked
        handover.write({"id_checked": True, "id_number": "1234", "signature": SIGNATURE})
        with self.assertRaises(UserError):
            handover.action_confirm()  # the tenant is not an owner, nor a designee
        handover.receiver_id = self.owner_a
        handover.action_confirm()
        self.assertEqual(self.owner_key.state, "with_owner")
        self.assertEqual(handover.user_id, self.assistant_a)

    def test_key_list_and_cabinet_map(self):
        html = (
            self.env["ir.actions.report"]
            .with_user(self.assistant_a)
            ._render_qweb_html(
                "property_keys.action_report_key_list",
                (self.pump_key | self.owner_key).ids,
            )[0]
            .decode()
        )
        self.assertIn("Pump room", html)
        self.assertIn("Entrance 1-1-101", html)
        loan = self._loan(self.pump_key)
        loan.action_lend()
        html = (
            self.env["ir.actions.report"]
            .with_user(self.assistant_a)
            ._render_qweb_html("property_keys.action_report_cabinet_map", self.cabinet.ids)[0]
            .decode()
        )
        self.assertIn("A1", html)
        self.assertIn(self.engineer_a.name, html)

    def test_staff_see_the_keys_of_their_estates(self):
        key_b = self.env["property.key"].create(
            {"number": "F-B", "name": "Boiler", "estate_id": self.estate_b.id}
        )
        visible = self.env["property.key"].with_user(self.assistant_a).search([])
        self.assertIn(self.pump_key, visible)
        self.assertNotIn(key_b, visible)

    # ------------------------------------------------------------------
    # Approvals and signatures only through their actions, as the roles
    # ------------------------------------------------------------------
    def test_front_desk_cannot_forge_approvals(self):
        loan = self._loan(self.owner_key, reason="Smoke from the flat")
        # the director's emergency approval, written by the front desk over JSON-RPC
        with self.assertRaisesRegex(AccessError, "Emergency Approved By"):
            loan.write({"is_emergency": True, "emergency_approved_by_id": self.director_a.id})
        # the supervisor's approval of shop-front keys
        shop = self._loan(self.shop_key, reason="Shutter repair")
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            shop.write({"supervisor_approved_by_id": self.supervisor_a.id})
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            shop.write({"state": "open"})
        # nor at creation
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            self._loan(self.pump_key, state="open")
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            self.env["property.key.loan"].with_user(self.assistant_a).with_context(
                default_state="open"
            ).create(
                {
                    "estate_id": self.estate_a.id,
                    "borrower_user_id": self.engineer_a.id,
                    "reason": "x",
                    "line_ids": [(0, 0, {"key_id": self.pump_key.id})],
                }
            )
        self.assertEqual(self.shop_key.state, "in_cabinet")
        # a signed entrustment, written by the front desk
        entrustment = (
            self.env["property.key.entrustment"]
            .with_user(self.assistant_a)
            .create({"unit_id": self.unit_a1.id, "partner_id": self.owner_a.id})
        )
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            entrustment.write({"state": "signed", "approved_by_id": self.supervisor_a.id})
        self.assertEqual(entrustment.state, "draft")
        # the director of another estate does not approve an emergency entry here
        other_director = new_test_user(
            self.env,
            login="psd_key_director_b",
            groups="property_service_desk.group_property_director",
        )
        self.estate_a.user_ids = [(4, other_director.id)]
        self.estate_b.director_id = other_director
        with self.assertRaisesRegex(UserError, "Only the director of Estate A"):
            loan.with_user(other_director).action_emergency_approve()
        loan.with_user(self.director_a).action_emergency_approve()
        self.assertEqual(loan.emergency_approved_by_id, self.director_a)

    def test_loans_need_both_signatures_and_sane_dates(self):
        loan = self._loan(self.pump_key, borrower_signature=False)
        with self.assertRaisesRegex(UserError, "both sign"):
            loan.action_lend()
        self.assertEqual(loan.state, "draft")
        loan.borrower_signature = SIGNATURE
        loan.action_lend()
        loan.line_ids.returned_quantity = 2
        loan.receiver_signature = False
        with self.assertRaisesRegex(UserError, "signs for them"):
            loan.action_return()
        loan.receiver_signature = SIGNATURE
        loan.action_return()
        self.assertEqual(loan.state, "returned")
        with self.assertRaisesRegex(ValidationError, "due back before"):
            self._loan(self.shop_key, expected_return=T0 - timedelta(hours=1))

    def test_consent_names_an_owner_of_the_unit(self):
        with self.assertRaisesRegex(ValidationError, "which owner consented"):
            self._loan(self.owner_key, owner_consent=True)
        with self.assertRaisesRegex(ValidationError, "only an owner consents"):
            self._loan(
                self.owner_key,
                owner_consent=True,
                consent_partner_id=self.tenant_a.id,
                consent_note="By phone",
            )
        loan = self._loan(
            self.owner_key,
            owner_consent=True,
            consent_partner_id=self.owner_a.id,
            consent_note="By phone",
        )
        loan.action_lend()
        self.assertEqual(loan.state, "open")

    def test_a_loan_lends_keys_of_its_own_estate(self):
        with self.assertRaisesRegex(ValidationError, "belongs to Estate A"):
            self.env["property.key.loan"].with_user(self.assistant_a).create(
                {
                    "estate_id": self.estate_b.id,
                    "borrower_user_id": self.engineer_a.id,
                    "reason": "x",
                    "line_ids": [(0, 0, {"key_id": self.pump_key.id})],
                }
            )
        loan = self._loan(self.pump_key)
        with self.assertRaisesRegex(ValidationError, "belongs to Estate A"):
            loan.estate_id = self.estate_b

    def test_handover_closed_only_by_its_action(self):
        handover = (
            self.env["property.key.handover"]
            .with_user(self.assistant_a)
            .create(
                {
                    "unit_id": self.unit_a1.id,
                    "receiver_id": self.owner_a.id,
                    "key_ids": [(6, 0, self.owner_key.ids)],
                }
            )
        )
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            handover.write({"state": "done"})
        self.assertEqual(self.owner_key.state, "in_cabinet")

    def test_the_supervisor_retires_a_key(self):
        with self.assertRaisesRegex(UserError, "The supervisor retires a key"):
            self.pump_key.with_user(self.assistant_a).action_retire()
        self.pump_key.with_user(self.supervisor_a).action_retire()
        self.assertEqual(self.pump_key.state, "retired")
        loan = self._loan(self.pump_key)
        with self.assertRaisesRegex(UserError, "not in the cabinet"):
            loan.action_lend()
