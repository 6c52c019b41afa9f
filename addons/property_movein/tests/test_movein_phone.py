# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import tagged

from odoo.addons.property_service_desk.tests.common import PhoneCommon


@tagged("post_install", "-at_install")
class TestMoveinPhone(PhoneCommon):
    """The forms staff fill away from the desk, on a phone-sized screen."""

    def test_move_in_on_a_phone(self):
        self.env["property.movein.inspection.item"].create(
            {
                "name": "Front door",
                "sequence": 1,
                "category_id": self.env.ref(
                    "property_request.category_engineering_rectification_security_door"
                ).id,
            }
        )
        unit = self.env["property.unit"].create(
            {"code": "PHONE-101", "estate_id": self.estate.id, "area": 80}
        )
        buyer = self.env["res.partner"].create({"name": "Phone Buyer"})
        movein = self.env["property.movein"].create({"unit_id": unit.id, "partner_id": buyer.id})
        movein.action_send_notice()
        self.start_tour(
            "/odoo/action-property_movein.property_movein_action",
            "property_movein_phone",
            login="phone_staff",
        )
        step = movein._step("eligibility")
        self.assertEqual(step.done_user_id, self.staff)
        self.assertEqual(movein.sales_verifier, "Ms Sun")
        door = movein.inspection_line_ids.filtered(lambda line: line.name == "Front door")
        self.assertEqual((door.result, door.defect), ("defect", "Lock sticks"))
