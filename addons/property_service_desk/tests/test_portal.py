# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestPortalUnits(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        estate = cls.env["property.estate"].create({"name": "Portal Estate", "code": "PE"})
        cls.unit_mine, cls.unit_other, cls.unit_former = cls.env["property.unit"].create(
            [
                {"code": "PT-MINE-801", "estate_id": estate.id, "area": 88.8, "state": "occupied"},
                {"code": "PT-OTHER-802", "estate_id": estate.id, "area": 99.9, "state": "occupied"},
                {"code": "PT-FORMER-803", "estate_id": estate.id, "area": 77.7, "state": "vacant"},
            ]
        )
        cls.owner, cls.spouse, cls.neighbour = cls.env["res.partner"].create(
            [{"name": "Portal Owner 业主"}, {"name": "Portal Spouse"}, {"name": "Portal Neighbour"}]
        )
        cls.env["property.occupancy"].create(
            [
                {
                    "unit_id": cls.unit_mine.id,
                    "partner_id": cls.owner.id,
                    "role": "owner",
                    "date_start": "2022-01-01",
                    "is_fee_payer": True,
                },
                {
                    "unit_id": cls.unit_mine.id,
                    "partner_id": cls.spouse.id,
                    "role": "co_owner",
                    "date_start": "2022-01-01",
                },
                {
                    "unit_id": cls.unit_other.id,
                    "partner_id": cls.neighbour.id,
                    "role": "owner",
                    "date_start": "2022-01-01",
                },
                {
                    "unit_id": cls.unit_former.id,
                    "partner_id": cls.owner.id,
                    "role": "owner",
                    "date_start": "2015-01-01",
                    "date_end": "2021-12-31",
                },
            ]
        )
        cls.portal_owner = new_test_user(
            cls.env,
            login="pt_owner",
            password="pt_owner_pw",
            groups="base.group_portal",
            partner_id=cls.owner.id,
            name=cls.owner.name,
        )
        cls.portal_neighbour = new_test_user(
            cls.env,
            login="pt_neighbour",
            password="pt_neighbour_pw",
            groups="base.group_portal",
            partner_id=cls.neighbour.id,
            name=cls.neighbour.name,
        )

    def test_my_units_lists_current_units_with_occupants(self):
        self.authenticate("pt_owner", "pt_owner_pw")
        response = self.url_open("/my/units")
        self.assertEqual(response.status_code, 200)
        self.assertIn("PT-MINE-801", response.text)
        self.assertIn("Portal Spouse", response.text)
        self.assertNotIn("PT-OTHER-802", response.text)
        self.assertNotIn("PT-FORMER-803", response.text, "a sold unit is no longer theirs")

        response = self.url_open(f"/my/units/{self.unit_mine.id}")
        self.assertEqual(response.status_code, 200)
        self.assertIn("Portal Spouse", response.text)
        self.assertIn("Portal Owner 业主", response.text)

    def test_other_units_are_not_found(self):
        self.authenticate("pt_owner", "pt_owner_pw")
        for unit in (self.unit_other, self.unit_former):
            response = self.url_open(f"/my/units/{unit.id}")
            self.assertEqual(response.status_code, 404, unit.code)
            self.assertNotIn(unit.code, response.text)
        missing_id = self.env["property.unit"].search([], order="id desc", limit=1).id + 1000
        self.assertEqual(self.url_open(f"/my/units/{missing_id}").status_code, 404)
        # and the neighbour cannot open the owner's unit
        self.authenticate("pt_neighbour", "pt_neighbour_pw")
        response = self.url_open(f"/my/units/{self.unit_mine.id}")
        self.assertEqual(response.status_code, 404)
        self.assertNotIn("Portal Spouse", response.text)

    def test_home_counter_and_login_required(self):
        response = self.url_open("/my/units", allow_redirects=False)
        self.assertIn(response.status_code, (302, 303))
        self.assertIn("/web/login", response.headers["Location"])
        self.authenticate("pt_owner", "pt_owner_pw")
        counters = self.make_jsonrpc_request("/my/counters", {"counters": ["property_unit_count"]})
        self.assertEqual(counters["property_unit_count"], 1)
        home = self.url_open("/my/home")
        self.assertIn("/my/units", home.text)
