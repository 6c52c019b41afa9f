# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import freeze_time, tagged

from odoo.addons.property_service_desk.tests.common import SIGNATURE

from .common import MoveinKeysCommon


@tagged("post_install", "-at_install")
class TestMoveinKeys(MoveinKeysCommon):
    def test_keys_against_id_one_entrance_key_kept(self):
        movein = self._movein()
        self._walk(movein, "keys")
        movein = movein.with_user(self.assistant_a)
        with self.assertRaises(UserError):
            movein.action_complete()  # the keys come first
        with self.assertRaises(UserError):
            movein.action_prepare_key_handover()  # which entrance key is kept?
        movein.retained_key_id = self.mailbox
        with self.assertRaises(UserError):
            movein.action_prepare_key_handover()  # not an entrance key
        movein.retained_key_id = self.entrance_1
        movein.action_prepare_key_handover()
        handover = movein.key_handover_id
        self.assertEqual(handover.key_ids, self.entrance_2 | self.mailbox)
        self.assertEqual(handover.receiver_id, self.buyer)
        with self.assertRaises(UserError):
            handover.action_confirm()  # no ID checked, no signature
        self.assertFalse(movein._step("keys").done_date)
        handover.write({"id_checked": True, "id_number": "1234", "signature": SIGNATURE})
        with freeze_time("2026-06-16"):
            handover.action_confirm()
        self.assertEqual((self.entrance_2 | self.mailbox).mapped("state"), ["with_owner"] * 2)
        self.assertEqual(self.entrance_1.state, "in_cabinet")
        self.assertEqual(self.entrance_1.retained_movein_id, movein)
        self.assertEqual(self.entrance_1.custodian, "engineering")
        # engineering's 6 months of custody count from the hand-over
        self.assertEqual(self.entrance_1.handover_date, date(2026, 6, 16))
        step = movein._step("keys")
        self.assertEqual(step.done_user_id, self.assistant_a)
        self.assertIn("9101-M", step.note)
        movein.action_complete()
        self.assertEqual(movein.state, "done")

    def test_proxy_receives_the_keys_with_the_authorisation(self):
        movein = self._movein()
        movein.write({"by_proxy": True, "proxy_partner_id": self.tenant_a.id})
        self._walk(movein, "keys")
        movein.with_user(self.assistant_a).retained_key_id = self.entrance_1
        movein.with_user(self.assistant_a).action_prepare_key_handover()
        handover = movein.key_handover_id
        self.assertEqual(handover.receiver_id, self.tenant_a)
        self.assertTrue(handover.is_designee)
        self.assertTrue(handover.authorisation, "the authorisation letter checked at the desk")

    def test_kept_key_goes_back_with_the_renovation_permit(self):
        movein = self._movein()
        self._walk(movein, "keys")
        self._handover(movein)
        # before the permit, the kept key is not handed to the owner, nor marked a return
        early = (
            self.env["property.key.handover"]
            .with_user(self.assistant_a)
            .create(
                {
                    "unit_id": self.unit_new.id,
                    "receiver_id": self.buyer.id,
                    "key_ids": [(6, 0, self.entrance_1.ids)],
                    "id_checked": True,
                    "id_number": "1234",
                    "signature": SIGNATURE,
                }
            )
        )
        with self.assertRaisesRegex(UserError, "until the renovation permit is issued"):
            early.action_confirm()
        with self.assertRaisesRegex(AccessError, "cannot be written directly"):
            early.is_return = True
        self.assertEqual(self.entrance_1.state, "in_cabinet")
        early.with_user(self.assistant_a).unlink()
        # the renovation permit is issued (twice: property_renovation_keys calls this)
        self.unit_new._property_hand_back_kept_keys()
        self.unit_new._property_hand_back_kept_keys()
        returns = self.env["property.key.handover"].search(
            [("unit_id", "=", self.unit_new.id), ("is_return", "=", True)]
        )
        self.assertEqual(len(returns), 1, "one hand-over, however often the permit is issued")
        self.assertEqual(returns.key_ids, self.entrance_1)
        self.assertEqual(returns.receiver_id, self.buyer)
        todo = movein.activity_ids.filtered(lambda a: "entrance key" in (a.summary or ""))
        self.assertEqual(todo.user_id, self.assistant_a)
        returns.write({"id_checked": True, "id_number": "1234", "signature": SIGNATURE})
        returns.with_user(self.assistant_a).action_confirm()
        self.assertEqual(self.entrance_1.state, "with_owner")
        self.assertFalse(self.entrance_1.retained_movein_id)

    def test_supervisor_returns_the_kept_key_when_no_renovation_is_awaited(self):
        movein = self._movein()
        self._walk(movein, "keys")
        self._handover(movein)
        with self.assertRaisesRegex(UserError, "supervisor decides"):
            movein.with_user(self.assistant_a).action_return_kept_key()
        returns = self.env["property.key.handover"].search(
            [("unit_id", "=", self.unit_new.id), ("is_return", "=", True)]
        )
        self.assertFalse(returns)
        renovation_glue = self.env["ir.module.module"].search_count(
            [("name", "=", "property_renovation_keys"), ("state", "=", "installed")]
        )
        if renovation_glue:
            # with renovation management, the permit hands the key back (tested there)
            with self.assertRaisesRegex(UserError, "renovation permit is issued"):
                movein.with_user(self.supervisor_a).action_return_kept_key()
            return
        movein.with_user(self.supervisor_a).action_return_kept_key()
        movein.with_user(self.supervisor_a).action_return_kept_key()
        returns = self.env["property.key.handover"].search(
            [("unit_id", "=", self.unit_new.id), ("is_return", "=", True)]
        )
        self.assertEqual(len(returns), 1, "one hand-back, however often it is asked for")
        self.assertEqual(returns.key_ids, self.entrance_1)
        self.assertEqual(returns.receiver_id, self.buyer)
