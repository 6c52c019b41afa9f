# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged


@tagged("post_install", "-at_install")
class TestRenovationPortal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        estate = cls.env["property.estate"].create({"name": "Reno Estate", "code": "RE"})
        cls.unit, cls.other_unit = cls.env["property.unit"].create(
            [
                {"code": "RE-101", "estate_id": estate.id, "area": 90},
                {"code": "RE-102", "estate_id": estate.id, "area": 90},
            ]
        )
        cls.owner, cls.neighbour = cls.env["res.partner"].create(
            [{"name": "RE Owner"}, {"name": "RE Neighbour"}]
        )
        cls.env["property.occupancy"].create(
            [
                {"unit_id": u.id, "partner_id": p.id, "role": "owner", "date_start": "2022-01-01"}
                for u, p in ((cls.unit, cls.owner), (cls.other_unit, cls.neighbour))
            ]
        )
        for login, partner in (("re_owner", cls.owner), ("re_neighbour", cls.neighbour)):
            new_test_user(
                cls.env,
                login=login,
                password=f"{login}_pw",
                groups="base.group_portal",
                partner_id=partner.id,
                name=partner.name,
            )

    def _apply(self, unit):
        return self.url_open(
            "/my/renovations/submit",
            data={
                "unit": unit.id,
                "scope": "Repaint and new floor",
                "self_renovation": "on",
                "csrf_token": http.Request.csrf_token(self),
            },
            files={"drawings": ("layout.pdf", b"%PDF-1.4 layout", "application/pdf")},
        )

    def test_owner_applies_online_neighbour_sees_nothing(self):
        self.authenticate("re_owner", "re_owner_pw")
        self.assertIn("RE-101", self.url_open("/my/renovations/new").text)
        self.assertEqual(self._apply(self.unit).status_code, 200)
        renovation = self.env["property.renovation"].search([("unit_id", "=", self.unit.id)])
        self.assertEqual(renovation.state, "submitted")
        self.assertEqual(renovation.applicant_id, self.owner)
        self.assertEqual(renovation.drawing_ids.mapped("name"), ["layout.pdf"])
        self.assertTrue(renovation.review_deadline)
        page = self.url_open(f"/my/renovations/{renovation.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(renovation.name, page.text)
        # not for another unit
        self.assertEqual(self._apply(self.other_unit).status_code, 403)
        self.assertFalse(
            self.env["property.renovation"].search([("unit_id", "=", self.other_unit.id)])
        )
        self.authenticate("re_neighbour", "re_neighbour_pw")
        self.assertEqual(self.url_open(f"/my/renovations/{renovation.id}").status_code, 404)
        self.assertNotIn(renovation.name, self.url_open("/my/renovations").text)
