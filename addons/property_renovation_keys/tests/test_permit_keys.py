# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.property_movein_keys.tests.common import MoveinKeysCommon
from odoo.addons.property_service_desk.tests.common import SIGNATURE

DOC = base64.b64encode(b"signed page")


@tagged("post_install", "-at_install")
class TestPermitHandsBackKey(MoveinKeysCommon):
    """The whole path: the move-in keeps an entrance key with engineering, the owner
    applies for the renovation, and the permit hands the kept key back."""

    def _permit(self):
        self.estate_a.action_setup_renovation_accounting()
        contractor = self.env["res.partner"].create({"name": "Anju Decoration Ltd"})
        renovation = (
            self.env["property.renovation"]
            .with_user(self.assistant_a)
            .create(
                {
                    "unit_id": self.unit_new.id,
                    "applicant_id": self.buyer.id,
                    "contractor_id": contractor.id,
                    "contractor_licence": DOC,
                    "contractor_qualification": DOC,
                    "scope": "Kitchen",
                    "worker_count": 2,
                }
            )
        )
        renovation.drawing_ids = (
            self.env["ir.attachment"]
            .with_user(self.assistant_a)
            .create(
                {
                    "name": "layout.pdf",
                    "raw": b"%PDF-1.4",
                    "res_model": "property.renovation",
                    "res_id": renovation.id,
                }
            )
        )
        renovation.with_user(self.assistant_a).action_submit()
        engineering = renovation.with_user(self.engineer_a)
        engineering.action_start_review()
        engineering.review_line_ids.result = "ok"
        engineering.action_approve()
        # the cashier takes the fees and deposits (which invoices: read for the set-up)
        for invoice in renovation.with_env(self.env).invoice_ids:
            self.env["account.payment.register"].with_user(self.finance).with_context(
                active_model="account.move", active_ids=invoice.ids
            ).create({})._create_payments()
        desk = renovation.with_user(self.assistant_a)
        desk.write({"rules_owner_signature": DOC, "rules_contractor_signature": DOC})
        desk.action_issue_permit()
        return renovation

    def test_the_permit_hands_back_the_kept_entrance_key(self):
        movein = self._movein()
        self._walk(movein, "keys")
        self._handover(movein)
        self.assertEqual(self.entrance_1.state, "in_cabinet")
        self.assertFalse(
            self.env["property.key.handover"].search(
                [("unit_id", "=", self.unit_new.id), ("is_return", "=", True)]
            )
        )
        renovation = self._permit()
        self.assertEqual(renovation.state, "permit")
        back = self.env["property.key.handover"].search(
            [("unit_id", "=", self.unit_new.id), ("is_return", "=", True)]
        )
        self.assertEqual(back.key_ids, self.entrance_1)
        self.assertEqual(back.receiver_id, self.buyer)
        self.assertEqual(back.state, "draft")
        # the front desk hands it over against the owner's ID and signature
        desk = back.with_user(self.assistant_a)
        with self.assertRaisesRegex(UserError, "ID"):
            desk.action_confirm()
        desk.write({"id_checked": True, "id_number": "1234", "signature": SIGNATURE})
        desk.action_confirm()
        self.assertEqual(self.entrance_1.state, "with_owner")
        self.assertFalse(self.entrance_1.retained_movein_id)

    def test_the_kept_key_does_not_go_back_by_hand(self):
        movein = self._movein()
        self._walk(movein, "keys")
        self._handover(movein)
        with self.assertRaisesRegex(UserError, "renovation permit is issued"):
            movein.with_user(self.supervisor_a).action_return_kept_key()
        self.assertFalse(
            self.env["property.key.handover"].search(
                [("unit_id", "=", self.unit_new.id), ("is_return", "=", True)]
            )
        )
