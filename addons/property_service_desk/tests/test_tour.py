# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged


@tagged("post_install", "-at_install")
class TestUnitTour(HttpCase):
    def test_register_owner_from_unit_form(self):
        estate = self.env["property.estate"].create(
            {"name": "Tour Estate", "code": "TOUR", "tz": "Asia/Shanghai"}
        )
        unit = self.env["property.unit"].create(
            {"code": "TOUR-1-101", "estate_id": estate.id, "area": 90.5}
        )
        owner = self.env["res.partner"].create({"name": "Tour Owner 赵六"})
        self.start_tour(
            "/odoo/action-property_service_desk.property_unit_action",
            "property_unit_register_owner",
            login="admin",
        )
        occupancy = unit.occupancy_ids
        self.assertEqual(occupancy.partner_id, owner)
        self.assertEqual(occupancy.role, "owner")
        self.assertTrue(occupancy.is_fee_payer)
        self.assertEqual(unit.state, "vacant")
        self.assertEqual(unit.fee_payer_id, owner)
