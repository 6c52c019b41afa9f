# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import PropertyCommon


@tagged("post_install", "-at_install")
class TestAccess(PropertyCommon):
    def test_staff_see_only_their_estates(self):
        for model, record_a, record_b in (
            ("property.estate", self.estate_a, self.estate_b),
            ("property.building", self.building_a, self.building_b),
            ("property.unit", self.unit_a1, self.unit_b1),
            ("property.occupancy", self.occupancy_a, self.occupancy_b),
        ):
            Model = self.env[model].with_user(self.assistant_a)
            visible = Model.search([("id", "in", (record_a | record_b).ids)])
            self.assertEqual(visible, record_a.with_user(self.assistant_a), model)
            with self.assertRaises(AccessError, msg=model):
                record_b.with_user(self.assistant_a).read(["display_name"])
            # and the other way round for estate B's assistant
            visible_b = (
                self.env[model]
                .with_user(self.assistant_b)
                .search([("id", "in", (record_a | record_b).ids)])
            )
            self.assertEqual(visible_b.ids, record_b.ids, model)

    def test_department_staff_follow_estate_assignment(self):
        units = self.env["property.unit"].with_user(self.engineer_a).search([])
        self.assertIn(self.unit_a1.id, units.ids)
        self.assertNotIn(self.unit_b1.id, units.ids)
        # moving the engineer to estate B moves what they see
        self.estate_a.user_ids = [(3, self.engineer_a.id)]
        self.estate_b.user_ids = [(4, self.engineer_a.id)]
        units = self.env["property.unit"].with_user(self.engineer_a).search([])
        self.assertNotIn(self.unit_a1.id, units.ids)
        self.assertIn(self.unit_b1.id, units.ids)

    def test_estates_assigned_from_the_user(self):
        self.assertFalse(
            self.env["property.unit"]
            .with_user(self.assistant_b)
            .search([("id", "=", self.unit_a1.id)])
        )
        self.assistant_b.property_estate_ids = [(4, self.estate_a.id)]
        self.assertIn(self.assistant_b, self.estate_a.user_ids)
        units = self.env["property.unit"].with_user(self.assistant_b).search([])
        self.assertIn(self.unit_a1.id, units.ids)
        self.assertIn(self.unit_b1.id, units.ids)

    def test_suite_administrator_sees_every_estate(self):
        estates = self.env["property.estate"].with_user(self.suite_admin).search([])
        self.assertIn(self.estate_a, estates)
        self.assertIn(self.estate_b, estates)

    def test_role_permissions(self):
        # assistants register occupants and file papers, but do not create units,
        # delete history or change estates
        occupancy = (
            self.env["property.occupancy"]
            .with_user(self.assistant_a)
            .create(
                {
                    "unit_id": self.unit_a2.id,
                    "partner_id": self.tenant_a.id,
                    "role": "tenant",
                    "date_start": "2025-01-01",
                }
            )
        )
        self.assertTrue(occupancy.is_current)
        with self.assertRaises(AccessError):
            occupancy.unlink()
        with self.assertRaises(AccessError):
            self.env["property.unit"].with_user(self.assistant_a).create(
                {"code": "Z-1", "estate_id": self.estate_a.id, "area": 10}
            )
        with self.assertRaises(AccessError):
            self.estate_a.with_user(self.assistant_a).write({"name": "Renamed"})
        # an assistant cannot register occupants in an estate they do not work for
        with self.assertRaises(AccessError):
            self.env["property.occupancy"].with_user(self.assistant_a).create(
                {
                    "unit_id": self.unit_b1.id,
                    "partner_id": self.tenant_a.id,
                    "role": "tenant",
                    "date_start": "2025-01-01",
                }
            )
        # the supervisor creates units in their estate; engineering only reads
        unit = (
            self.env["property.unit"]
            .with_user(self.supervisor_a)
            .create({"code": "Z-2", "estate_id": self.estate_a.id, "area": 10})
        )
        self.assertEqual(unit.estate_id, self.estate_a)
        with self.assertRaises(AccessError):
            self.unit_a1.with_user(self.engineer_a).write({"state": "occupied"})
        with self.assertRaises(AccessError):
            self.unit_a1.with_user(self.supervisor_a).unlink()

    def test_portal_user_sees_only_own_units(self):
        portal_a = new_test_user(
            self.env,
            login="psd_portal_a",
            groups="base.group_portal",
            partner_id=self.owner_a.id,
        )
        Unit = self.env["property.unit"].with_user(portal_a)
        self.assertEqual(Unit.search([]).ids, self.unit_a1.ids)
        with self.assertRaises(AccessError):
            self.unit_b1.with_user(portal_a).read(["code"])
        with self.assertRaises(AccessError):
            self.unit_a1.with_user(portal_a).write({"area": 1})
        # co-occupants of the own unit are visible, nobody else's relations
        Occupancy = self.env["property.occupancy"].with_user(portal_a)
        self.assertEqual(Occupancy.search([]).ids, self.occupancy_a.ids)
        # once the relation has ended, the unit is no longer theirs
        self.occupancy_a.with_user(self.assistant_a).write(
            {"date_start": "2020-01-01", "date_end": "2021-01-01"}
        )
        self.assertFalse(Unit.search([]))
