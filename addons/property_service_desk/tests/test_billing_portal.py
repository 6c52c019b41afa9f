# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestBillingPortal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        estate = cls.env["property.estate"].create({"name": "Fee Estate", "code": "FE"})
        cls.unit, cls.other_unit = cls.env["property.unit"].create(
            [
                {"code": "FE-101", "estate_id": estate.id, "area": 100, "state": "occupied"},
                {"code": "FE-102", "estate_id": estate.id, "area": 80, "state": "occupied"},
            ]
        )
        cls.owner, cls.neighbour = cls.env["res.partner"].create(
            [{"name": "FE Owner"}, {"name": "FE Neighbour"}]
        )
        cls.env["property.occupancy"].create(
            [
                {
                    "unit_id": u.id,
                    "partner_id": p.id,
                    "role": "owner",
                    "date_start": "2022-01-01",
                    "is_fee_payer": True,
                }
                for u, p in ((cls.unit, cls.owner), (cls.other_unit, cls.neighbour))
            ]
        )
        for login, partner in (("fe_owner", cls.owner), ("fe_neighbour", cls.neighbour)):
            new_test_user(
                cls.env,
                login=login,
                password=f"{login}_pw",
                groups="base.group_portal",
                partner_id=partner.id,
                name=partner.name,
            )
        cls.env["property.fee.rate"].create(
            {
                "estate_id": estate.id,
                "fee_type_id": cls.env.ref("property_service_desk.fee_type_management").id,
                "usage": "residential",
                "price": 3.0,
                "date_from": date(2026, 1, 1),
            }
        )
        cls.invoices = cls.env["property.fee.rate"]._bill(estate, date(2026, 3, 1))

    def test_owners_see_their_fee_invoices_only(self):
        mine = self.invoices.filtered(lambda m: m.partner_id == self.owner)
        theirs = self.invoices - mine
        self.authenticate("fe_owner", "fe_owner_pw")
        listing = self.url_open("/my/invoices").text
        self.assertIn(mine.name, listing)
        self.assertNotIn(theirs.name, listing)
        page = self.url_open(f"/my/invoices/{mine.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(mine.name, page.text)
        self.assertEqual(self.url_open(f"/my/invoices/{theirs.id}").status_code, 404)
        self.assertEqual(
            self.url_open(f"/my/invoices/{theirs.id}?report_type=pdf&download=true").status_code,
            404,
        )
