# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.tests import HttpCase, tagged

from odoo.addons.property_service_desk.tests.common import two_neighbours


@tagged("post_install", "-at_install")
class TestRenovationPortal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit, cls.other_unit, cls.owner, cls.neighbour = two_neighbours(cls.env, "re")

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
