# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.tests import HttpCase, new_test_user, tagged

from odoo.addons.property_service_desk.tests.common import two_neighbours


@tagged("post_install", "-at_install")
class TestComplaintPortal(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.unit, cls.other_unit, cls.owner, cls.neighbour = two_neighbours(cls.env, "ce")
        cls.desk = new_test_user(
            cls.env, login="ce_desk", groups="property_service_desk.group_property_assistant"
        )
        cls.unit.estate_id.user_ids = [(4, cls.desk.id)]
        cls.category = cls.env.ref(
            "property_request.category_service_centre_complaint_valid_complaint"
        )

    def test_owner_complains_on_the_portal_neighbour_cannot_see_it(self):
        self.authenticate("ce_owner", "ce_owner_pw")
        self.url_open(
            "/submitted/ticket",
            data={
                "category": self.category.id,
                "subject": "Rubbish left in the corridor for a week",
                "description": "Nobody cleans the 1st floor corridor.",
                "unit": self.unit.id,
                "incident_place": "1st floor corridor",
                "resident_request": "Clean it and tell me who is responsible",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        complaint = self.env["helpdesk.ticket"].search(
            [("name", "=", "Rubbish left in the corridor for a week")]
        )
        self.assertEqual(complaint.request_kind, "complaint")
        self.assertEqual(complaint.complaint_type, "valid")
        self.assertEqual(complaint.partner_id, self.owner)
        self.assertEqual(complaint.incident_place, "1st floor corridor")
        self.assertEqual(complaint.resident_request, "Clean it and tell me who is responsible")
        self.assertTrue(complaint.complaint_department_deadline)
        # an internal note stays off the owner's page
        complaint.with_user(self.desk).message_post(
            body="Cleaner on sick leave, not to be told to the owner",
            subtype_xmlid="mail.mt_note",
            message_type="comment",
        )
        page = self.url_open(f"/my/ticket/{complaint.id}")
        self.assertEqual(page.status_code, 200)
        self.assertNotIn("not to be told to the owner", page.text)
        self.authenticate("ce_neighbour", "ce_neighbour_pw")
        self.assertEqual(self.url_open(f"/my/ticket/{complaint.id}").status_code, 404)
        self.assertNotIn("Rubbish left in the corridor", self.url_open("/my/tickets").text)

    def test_a_complaint_is_its_reporters_alone(self):
        # the neighbour moves in as the owner's tenant: living in the unit is not enough
        self.env["property.occupancy"].with_user(self.desk).create(
            {
                "unit_id": self.unit.id,
                "partner_id": self.neighbour.id,
                "role": "tenant",
                "date_start": "2023-01-01",
            }
        )
        self.authenticate("ce_owner", "ce_owner_pw")
        self.url_open(
            "/submitted/ticket",
            data={
                "category": self.category.id,
                "subject": "My tenant plays music at night",
                "description": "Every night after midnight.",
                "unit": self.unit.id,
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        complaint = self.env["helpdesk.ticket"].search(
            [("name", "=", "My tenant plays music at night")]
        )
        self.assertEqual(complaint.request_kind, "complaint")
        self.assertEqual(self.url_open(f"/my/ticket/{complaint.id}").status_code, 200)
        self.authenticate("ce_neighbour", "ce_neighbour_pw")
        self.assertEqual(self.url_open(f"/my/ticket/{complaint.id}").status_code, 404)
        self.assertNotIn("plays music", self.url_open("/my/tickets").text)
        # a repair of the unit stays visible to the household
        repair = (
            self.env["helpdesk.ticket"]
            .with_user(self.desk)
            .create(
                {
                    "name": "Dripping tap",
                    "description": "<p>Kitchen</p>",
                    "unit_id": self.unit.id,
                    "partner_id": self.owner.id,
                    "category_id": self.env.ref(
                        "property_request.category_engineering_paid_replacement"
                    ).id,
                }
            )
        )
        self.assertEqual(self.url_open(f"/my/ticket/{repair.id}").status_code, 200)

    def test_residents_do_not_see_the_desks_classification(self):
        """The resident says which department the complaint is about; valid or
        communicative (help-seeking, venting…) is the desk's classification."""
        self.authenticate("ce_owner", "ce_owner_pw")
        form = self.url_open("/new/ticket?kind=complaint").text
        offered = form.split('name="category"')[1].split("</select>")[0]
        self.assertIn(f'value="{self.category.id}"', offered)
        # names as the resident reads them, in the resident's language
        categories = self.env["helpdesk.ticket.category"].with_context(
            lang=self.owner.user_ids[:1].lang
        )
        heading = categories.browse(self.category.parent_id.id)
        self.assertIn(heading.complete_name, offered)
        types = dict(
            categories._fields["property_complaint_type"]._description_selection(categories.env)
        )
        communicative = categories.search(
            [("property_complaint_type", "in", ("help", "inquiry", "venting"))]
        )
        self.assertTrue(communicative)
        for category in communicative:
            self.assertNotIn(f'value="{category.id}"', offered)
        for label in types.values():
            self.assertNotIn(label, offered)
        self.assertNotIn(categories.browse(self.category.id).complete_name, offered)
        self.url_open(
            "/submitted/ticket",
            data={
                "category": self.category.id,
                "subject": "The lift smells of smoke",
                "description": "Every evening.",
                "unit": self.unit.id,
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        complaint = self.env["helpdesk.ticket"].search([("name", "=", "The lift smells of smoke")])
        self.assertEqual(complaint.complaint_type, "valid")
        for page in (f"/my/ticket/{complaint.id}", "/my/tickets"):
            text = self.url_open(page).text
            self.assertIn(heading.complete_name, text)
            self.assertNotIn(categories.browse(self.category.id).complete_name, text)
        # a posted communicative category is refused like any category not offered
        venting = self.env.ref("property_request.category_service_centre_complaint_venting")
        response = self.url_open(
            "/submitted/ticket",
            data={
                "category": venting.id,
                "subject": "Venting on the portal",
                "description": "Angry.",
                "unit": self.unit.id,
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertIn("Choose what happened from the list", response.text)
        self.assertFalse(
            self.env["helpdesk.ticket"].search([("name", "=", "Venting on the portal")])
        )
