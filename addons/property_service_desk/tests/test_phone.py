# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPhone(HttpCase):
    """The forms staff fill away from the desk, on a phone-sized screen."""

    browser_size = "375x667"
    touch_enabled = True

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.estate = cls.env["property.estate"].create(
            {"name": "Phone Estate", "code": "PHONE", "tz": "Asia/Shanghai"}
        )
        cls.staff = new_test_user(
            cls.env,
            login="phone_staff",
            password="phone_staff_pw",
            groups="property_service_desk.group_property_assistant",
        )
        cls.estate.write(
            {"user_ids": [(4, cls.staff.id)], "front_desk_user_ids": [(4, cls.staff.id)]}
        )

    def test_move_in_on_a_phone(self):
        self.env["property.movein.inspection.item"].create(
            {
                "name": "Front door",
                "sequence": 1,
                "category_id": self.env.ref(
                    "property_service_desk.category_engineering_rectification_security_door"
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
            "/odoo/action-property_service_desk.property_movein_action",
            "property_movein_phone",
            login="phone_staff",
        )
        step = movein._step("eligibility")
        self.assertEqual(step.done_user_id, self.staff)
        self.assertEqual(movein.sales_verifier, "Ms Sun")
        door = movein.inspection_line_ids.filtered(lambda line: line.name == "Front door")
        self.assertEqual((door.result, door.defect), ("defect", "Lock sticks"))

    def test_patrol_round_on_a_phone(self):
        plan = self.env["property.patrol.plan"].create(
            {
                "name": "Roof patrol",
                "estate_id": self.estate.id,
                "area": "fire",
                "item_ids": [(0, 0, {"name": "Fire doors closed"})],
                "interval_days": 1,
                "start_hour": 9.0,
                "window_hours": 2.0,
                "user_id": self.staff.id,
            }
        )
        now = fields.Datetime.now()
        round_ = self.env["property.patrol.round"].create(
            {
                "plan_id": plan.id,
                "user_id": self.staff.id,
                "date": now.date(),
                "window_start": now - timedelta(hours=1),
                "window_end": now + timedelta(hours=1),
                "line_ids": [(0, 0, {"name": "Fire doors closed"})],
            }
        )
        self.start_tour(
            "/odoo/action-property_service_desk.property_patrol_round_action",
            "property_patrol_phone",
            login="phone_staff",
        )
        self.assertEqual(round_.line_ids.result, "failed")
        self.assertEqual(round_.line_ids.note, "Door wedged open")
