# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import HttpCase, tagged

from odoo.addons.property_service_desk.tests.common import two_neighbours


@tagged("post_install", "-at_install")
class TestBillingPortal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit, cls.other_unit, cls.owner, cls.neighbour = two_neighbours(cls.env, "fe")
        estate = cls.unit.estate_id
        cls.env["property.fee.rate"].create(
            {
                "estate_id": estate.id,
                "fee_type_id": cls.env.ref("property_fee.fee_type_management").id,
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
