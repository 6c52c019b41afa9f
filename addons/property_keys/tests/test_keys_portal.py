# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestKeysPortal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        estate = cls.env["property.estate"].create({"name": "Key Estate", "code": "KE"})
        cls.unit, cls.other_unit = cls.env["property.unit"].create(
            [
                {"code": "KE-101", "estate_id": estate.id, "area": 90},
                {"code": "KE-102", "estate_id": estate.id, "area": 90},
            ]
        )
        cls.owner, cls.neighbour = cls.env["res.partner"].create(
            [{"name": "KE Owner"}, {"name": "KE Neighbour"}]
        )
        cls.env["property.occupancy"].create(
            [
                {"unit_id": u.id, "partner_id": p.id, "role": "owner", "date_start": "2022-01-01"}
                for u, p in ((cls.unit, cls.owner), (cls.other_unit, cls.neighbour))
            ]
        )
        for login, partner in (("ke_owner", cls.owner), ("ke_neighbour", cls.neighbour)):
            new_test_user(
                cls.env,
                login=login,
                password=f"{login}_pw",
                groups="base.group_portal",
                partner_id=partner.id,
                name=partner.name,
            )
        Key = cls.env["property.key"]
        Key.create(
            [
                {
                    "number": "KE-K1",
                    "name": "Front door KE-101",
                    "kind": "owner",
                    "unit_id": cls.unit.id,
                    "estate_id": estate.id,
                },
                {
                    "number": "KE-K2",
                    "name": "Front door KE-102",
                    "kind": "owner",
                    "unit_id": cls.other_unit.id,
                    "estate_id": estate.id,
                },
            ]
        )
        cls.entrustment = cls.env["property.key.entrustment"].create(
            {"unit_id": cls.unit.id, "partner_id": cls.owner.id, "key_description": "Door A"}
        )

    def test_owners_see_their_keys_and_entrustments_only(self):
        self.authenticate("ke_owner", "ke_owner_pw")
        page = self.url_open("/my/keys").text
        self.assertIn("Front door KE-101", page)
        self.assertNotIn("Front door KE-102", page)
        self.assertIn(self.entrustment.name, page)
        self.assertEqual(
            self.url_open(f"/my/keys/entrustment/{self.entrustment.id}").status_code, 200
        )
        self.authenticate("ke_neighbour", "ke_neighbour_pw")
        page = self.url_open("/my/keys").text
        self.assertIn("Front door KE-102", page)
        self.assertNotIn("Front door KE-101", page)
        self.assertEqual(
            self.url_open(f"/my/keys/entrustment/{self.entrustment.id}").status_code, 404
        )
