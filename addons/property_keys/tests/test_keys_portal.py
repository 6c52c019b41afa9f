# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, tagged

from odoo.addons.property_service_desk.tests.common import two_neighbours


@tagged("post_install", "-at_install")
class TestKeysPortal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit, cls.other_unit, cls.owner, cls.neighbour = two_neighbours(cls.env, "ke")
        estate = cls.unit.estate_id
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
