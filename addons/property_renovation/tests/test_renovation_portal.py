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

    def _apply(self, unit, files=True, **values):
        return self.url_open(
            "/my/renovations/submit",
            data={
                "unit": unit.id,
                "scope": "Repaint and new floor",
                "self_renovation": "on",
                "csrf_token": http.Request.csrf_token(self),
                **values,
            },
            files={"drawings": ("layout.pdf", b"%PDF-1.4 layout", "application/pdf")}
            if files
            else None,
        )

    def test_owner_applies_online_neighbour_sees_nothing(self):
        self.authenticate("re_owner", "re_owner_pw")
        form = self.url_open("/my/renovations/new").text
        self.assertIn("RE-101", form)
        self.assertRegex(form, r'<textarea[^>]*name="scope"')
        self.assertEqual(self._apply(self.unit).status_code, 200)
        renovation = self.env["property.renovation"].search([("unit_id", "=", self.unit.id)])
        self.assertEqual(renovation.state, "submitted")
        self.assertEqual(renovation.applicant_id, self.owner)
        self.assertEqual(renovation.drawing_ids.mapped("name"), ["layout.pdf"])
        self.assertTrue(renovation.review_deadline)
        page = self.url_open(f"/my/renovations/{renovation.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn(renovation.name, page.text)
        # not for another unit: the form says so
        response = self._apply(self.other_unit)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Choose one of your units.", response.text)
        self.assertFalse(
            self.env["property.renovation"].search([("unit_id", "=", self.other_unit.id)])
        )
        self.authenticate("re_neighbour", "re_neighbour_pw")
        self.assertEqual(self.url_open(f"/my/renovations/{renovation.id}").status_code, 404)
        self.assertNotIn(renovation.name, self.url_open("/my/renovations").text)

    def test_refused_applications_leave_nothing_behind(self):
        self.authenticate("re_owner", "re_owner_pw")
        Renovation = self.env["property.renovation"]
        Partner = self.env["res.partner"]
        renovations, partners = Renovation.search_count([]), Partner.search_count([])
        for values, files, message in (
            ({"date_start": "05/12/2026"}, True, "date picker"),
            ({"date_start": "2026-06-10", "date_end": "2026-06-01"}, True, "end before"),
            ({"scope": "\x00 "}, True, "Describe the works"),
            ({"unit": "abc"}, True, "Choose one of your units."),
            # a contractor named, but none of its papers, and no drawings
            (
                {"self_renovation": "", "contractor_name": "Fly-by-night Decor"},
                False,
                "cannot be submitted",
            ),
        ):
            with self.subTest(values=values):
                data = dict(values)
                unit = self.unit
                if data.get("unit") == "abc":
                    data.pop("unit")
                    response = self.url_open(
                        "/my/renovations/submit",
                        data={
                            "unit": "abc",
                            "scope": "Repaint",
                            "csrf_token": http.Request.csrf_token(self),
                        },
                    )
                else:
                    response = self._apply(unit, files=files, **data)
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, response.text)
                # what was typed is kept
                if "scope" not in values and "unit" not in values:
                    self.assertIn("Repaint and new floor", response.text)
                self.assertEqual(Renovation.search_count([]), renovations)
                self.assertEqual(Partner.search_count([]), partners)
