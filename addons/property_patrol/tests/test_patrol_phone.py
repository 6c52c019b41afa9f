# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.property_service_desk.tests.common import PhoneCommon


@tagged("post_install", "-at_install")
class TestPatrolPhone(PhoneCommon):
    """A patrol round answered on a phone-sized screen."""

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
            "/odoo/action-property_patrol.property_patrol_round_action",
            "property_patrol_phone",
            login="phone_staff",
        )
        self.assertEqual(round_.line_ids.result, "failed")
        self.assertEqual(round_.line_ids.note, "Door wedged open")
        self.assertEqual(round_.line_ids.ticket_id.name, "Fire doors closed")
