# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import freeze_time, new_test_user, tagged

from odoo.addons.property_service_desk.tests.common import PropertyCommon


@tagged("post_install", "-at_install")
class TestDunning(PropertyCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance = new_test_user(
            cls.env, login="psd_dun_finance", groups="property_service_desk.group_property_finance"
        )
        cls.director = new_test_user(
            cls.env,
            login="psd_dun_director",
            groups="property_service_desk.group_property_director",
        )
        cls.estate_a.write(
            {
                "user_ids": [(4, cls.finance.id), (4, cls.director.id)],
                "director_id": cls.director.id,
            }
        )
        cls.policy = cls.env.ref("property_dunning.credit_policy_property_fees")
        cls.env["property.fee.rate"].create(
            {
                "estate_id": cls.estate_a.id,
                "fee_type_id": cls.env.ref("property_fee.fee_type_management").id,
                "usage": "residential",
                "price": 2.0,
                "date_from": date(2025, 1, 1),
            }
        )
        Rate = cls.env["property.fee.rate"]
        cls.invoices = cls.env["account.move"]
        for month in (1, 2, 3):
            cls.invoices |= Rate._bill(cls.estate_a, date(2026, month, 1))
        cls.unit_a1.state = "occupied"

    def _run(self, day):
        with freeze_time(day):
            run = (
                self.env["credit.control.run"]
                .with_user(self.finance)
                .create({"date": day, "policy_ids": [(6, 0, self.policy.ids)]})
            )
            run.generate_credit_lines()
        return run

    def test_one_reminder_for_all_overdue_invoices_logged_with_the_amount(self):
        self.assertEqual(self.env.company.credit_policy_id, self.policy)
        run = self._run(date(2026, 4, 10))
        lines = run.line_ids.filtered(lambda line: line.commercial_partner_id == self.owner_a)
        self.assertEqual(len(lines), 3)
        self.assertEqual(set(lines.mapped("level")), {1})
        # the preview says why
        self.assertIn("days late", lines[0].property_reason)
        self.assertEqual(set(lines.mapped("state")), {"draft"})
        run.set_to_ready_lines()
        run.run_channel_action()
        communications = lines.communication_id
        self.assertEqual(len(communications), 1)
        self.assertEqual(communications.credit_control_line_ids, lines)
        logged = self.owner_a.message_ids.filtered(lambda m: "Dunning Reminder" in (m.body or ""))
        self.assertEqual(len(logged), 1)
        self.assertIn(f"{sum(self.invoices.mapped('amount_total')):.1f}", logged.body)

    def test_an_unsent_run_can_be_rolled_back(self):
        run = self._run(date(2026, 4, 10))
        self.assertTrue(run.line_ids)
        run.action_property_rollback()
        self.assertFalse(run.line_ids)
        self.assertFalse(
            self.env["credit.control.line"].search([("partner_id", "=", self.owner_a.id)])
        )
        run.generate_credit_lines()
        run.set_to_ready_lines()
        run.run_channel_action()
        with self.assertRaises(UserError):
            run.action_property_rollback()

    def test_settled_owner_leaves_the_ladder(self):
        run = self._run(date(2026, 4, 10))
        run.set_to_ready_lines()
        run.run_channel_action()
        self.env["account.payment.register"].with_user(self.finance).with_context(
            active_model="account.move", active_ids=self.invoices.ids
        ).create({"group_payment": True})._create_payments()
        later = self._run(date(2026, 4, 25))
        self.assertFalse(
            later.line_ids.filtered(lambda line: line.commercial_partner_id == self.owner_a)
        )

    def test_phone_calls_become_activities_for_the_front_desk(self):
        first = self._run(date(2026, 4, 10))
        first.set_to_ready_lines()
        first.run_channel_action()
        second = self._run(date(2026, 4, 20))
        lines = second.line_ids.filtered(lambda line: line.commercial_partner_id == self.owner_a)
        self.assertTrue(lines)
        self.assertEqual(set(lines.mapped("level")), {2})
        second.set_to_ready_lines()
        second.run_channel_action()
        self.assertEqual(set(lines.mapped("state")), {"sent"})
        calls = self.owner_a.activity_ids.filtered(
            lambda a: a.activity_type_id == self.env.ref("mail.mail_activity_data_call")
        )
        self.assertEqual(len(calls), 1)  # one call for the three invoices
        self.assertEqual(calls.user_id, self.assistant_a)

    def test_letter_tracking_number(self):
        run = self._run(date(2026, 4, 10))
        run.set_to_ready_lines()
        run.run_channel_action()
        communication = run.line_ids.communication_id
        with self.assertRaises(UserError):
            communication.action_record_dispatch("  ")
        communication.action_record_dispatch("SF1234567890")
        self.assertEqual(communication.tracking_number, "SF1234567890")

    def test_legal_referral_after_mediation_and_cut_after_notice(self):
        Action = self.env["property.dunning.action"].with_user(self.finance)
        legal = Action.create(
            {
                "partner_id": self.owner_a.id,
                "unit_id": self.unit_a1.id,
                "kind": "legal",
                "action_date": date(2026, 6, 1),
            }
        )
        with self.assertRaises(UserError):
            legal.with_user(self.director).action_approve()  # no mediation recorded
        legal.write(
            {"mediation_date": date(2026, 5, 20), "mediation_note": "Owner refuses to pay."}
        )
        with self.assertRaises(UserError):
            legal.with_user(self.finance).action_approve()  # not the director
        legal.with_user(self.director).action_approve()
        legal.with_user(self.finance).action_done()
        self.assertTrue(
            self.owner_a.message_ids.filtered(lambda m: "Legal Referral" in (m.body or ""))
        )

        with self.assertRaises(ValidationError):
            Action.create(
                {
                    "partner_id": self.owner_a.id,
                    "unit_id": self.unit_a1.id,
                    "kind": "cut",
                    "notice_date": date(2026, 6, 1),
                    "action_date": date(2026, 6, 3),
                }
            )
        cut = Action.create(
            {
                "partner_id": self.owner_a.id,
                "unit_id": self.unit_a1.id,
                "kind": "cut",
                "action_date": date(2026, 6, 5),
            }
        )
        with self.assertRaisesRegex(UserError, "committee mediated"):
            cut.with_user(self.director).action_approve()  # no mediation
        cut.write({"mediation_date": date(2026, 5, 20), "mediation_note": "Refused."})
        with self.assertRaisesRegex(UserError, "written notice"):
            cut.with_user(self.director).action_approve()  # no written notice
        cut.notice_date = date(2026, 6, 1)
        cut.with_user(self.director).action_approve()
        with freeze_time(date(2026, 6, 2)), self.assertRaises(UserError):
            cut.with_user(self.finance).action_done()
        with freeze_time(date(2026, 6, 5)):
            cut.with_user(self.finance).action_done()
        self.assertEqual(cut.state, "done")

    def test_cuts_are_approved_only_by_the_estates_director(self):
        Action = self.env["property.dunning.action"].with_user(self.finance)
        vals = {
            "partner_id": self.owner_a.id,
            "unit_id": self.unit_a1.id,
            "kind": "cut",
            "action_date": date(2026, 6, 5),
            "notice_date": date(2026, 6, 1),
            "mediation_date": date(2026, 5, 20),
            "mediation_note": "Refused.",
        }
        # finance approves the cut itself over JSON-RPC, at creation or later
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            Action.create({**vals, "state": "approved", "approved_by_id": self.director.id})
        cut = Action.create(vals)
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            cut.write({"state": "approved"})
        with self.assertRaisesRegex(UserError, "director approves this step first"):
            cut.with_user(self.finance).action_done()
        # the director of another estate neither sees nor approves it
        director_b = new_test_user(
            self.env,
            login="psd_dun_director_b",
            groups="property_service_desk.group_property_director",
        )
        self.estate_b.director_id = director_b
        self.assertFalse(
            self.env["property.dunning.action"].with_user(director_b).search([("id", "=", cut.id)])
        )
        with self.assertRaises(AccessError):
            cut.with_user(director_b).action_approve()
        # a director assigned to estate A as staff is not its director
        self.estate_a.user_ids = [(4, director_b.id)]
        with self.assertRaisesRegex(UserError, "Only the director of Estate A"):
            cut.with_user(director_b).action_approve()
        cut.with_user(self.director).action_approve()
        self.assertEqual(cut.approved_by_id, self.director)
        # fee rates are behind the estate wall too
        self.assertFalse(
            self.env["property.fee.rate"]
            .with_user(self.assistant_b)
            .search([("estate_id", "=", self.estate_a.id)])
        )

    def test_policies_read_in_chinese(self):
        """The dunning policies, the suite's and OCA's samples, in the finance staff's
        language (their names were not translatable)."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["account_credit_control", "property_dunning"], ["zh_CN"]
        )
        reader = new_test_user(
            self.env,
            login="dunning_zh_reader",
            groups="property_service_desk.group_property_finance",
            lang="zh_CN",
        )
        for xmlid, chinese in (
            ("property_dunning.credit_policy_property_fees", "物业费催缴"),
            ("account_credit_control.credit_control_no_follow", "不跟进"),
        ):
            policy = self.env.ref(xmlid).with_user(reader).with_context(lang=reader.lang)
            self.assertEqual(policy.name, chinese)
