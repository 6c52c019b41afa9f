# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import http
from odoo.tests import tagged

from odoo.addons.property_service_desk.tests.common import SIGNATURE

from .common import PortalRequestCase


@tagged("post_install", "-at_install")
class TestPortalRequests(PortalRequestCase):
    def test_resident_reports_for_own_unit_household_follows(self):
        self.authenticate("rq_owner", "rq_owner_pw")
        form = self.url_open("/new/ticket")
        self.assertIn("RQ-1-101", form.text)
        self.assertNotIn("RQ-1-102", form.text)
        self._submit(unit=self.unit.id)
        ticket = self._ticket()
        self.assertEqual(ticket.unit_id, self.unit)
        self.assertEqual(ticket.partner_id, self.owner)
        self.assertEqual(ticket.request_kind, "repair_unit")
        self.assertTrue(ticket.dispatch_deadline)
        self.assertEqual(ticket.attachment_ids.mapped("name"), ["drain.png"])

        # another person of the household sees it too, the neighbour does not
        self.authenticate("rq_member", "rq_member_pw")
        self.assertIn("Kitchen drain blocked", self.url_open("/my/tickets").text)
        page = self.url_open(f"/my/ticket/{ticket.id}")
        self.assertEqual(page.status_code, 200)
        self.assertIn("RQ-1-101", page.text)
        self.authenticate("rq_neighbour", "rq_neighbour_pw")
        self.assertNotIn("Kitchen drain blocked", self.url_open("/my/tickets").text)
        self.assertEqual(self.url_open(f"/my/ticket/{ticket.id}").status_code, 404)

    def test_cannot_report_for_another_unit(self):
        self.authenticate("rq_owner", "rq_owner_pw")
        response = self._submit(unit=self.other_unit.id)
        self.assertEqual(response.status_code, 200)
        self.assertIn("Choose one of your units.", response.text)
        self.assertFalse(self._ticket())

    def test_internal_notes_never_reach_the_resident(self):
        self.authenticate("rq_owner", "rq_owner_pw")
        self._submit(unit=self.unit.id)
        ticket = self._ticket().with_user(self.desk)
        note_file = (
            self.env["ir.attachment"]
            .with_user(self.desk)
            .create(
                {
                    "name": "supplier-quote-internal.pdf",
                    "raw": b"%PDF internal",
                    "res_model": "helpdesk.ticket",
                    "res_id": ticket.id,
                }
            )
        )
        ticket.message_post(
            body="Internal: the owner refused the last two technicians",
            subtype_xmlid="mail.mt_note",
            message_type="comment",
            attachment_ids=note_file.ids,
        )
        ticket.message_post(
            body="We will come at 3 pm", subtype_xmlid="mail.mt_comment", message_type="comment"
        )
        page = self.url_open(f"/my/ticket/{ticket.id}").text
        self.assertIn("drain.png", page)
        self.assertNotIn("supplier-quote-internal.pdf", page)
        self.assertNotIn("refused the last two technicians", page)
        # nor through the portal chatter's message feed
        messages = self.make_jsonrpc_request(
            "/mail/thread/messages",
            {
                "thread_model": "helpdesk.ticket",
                "thread_id": ticket.id,
                "fetch_params": {"limit": 30},
            },
        )
        bodies = str(messages)
        self.assertIn("We will come at 3 pm", bodies)
        self.assertNotIn("refused the last two technicians", bodies)
        self.assertNotIn("supplier-quote-internal.pdf", bodies)
        self.assertEqual(
            self.url_open(f"/web/content/{note_file.id}?download=true").status_code, 404
        )

    def test_only_own_requests_can_be_closed(self):
        self.authenticate("rq_owner", "rq_owner_pw")
        self._submit(unit=self.unit.id)
        ticket = self._ticket()
        stage = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled")
        stage.close_from_portal = True
        self.authenticate("rq_neighbour", "rq_neighbour_pw")
        response = self._close(ticket.id, stage.id)
        self.assertEqual(response.status_code, 404)
        self.assertFalse(ticket.closed)

    def _completed_request(self):
        self.authenticate("rq_owner", "rq_owner_pw")
        self._submit(unit=self.unit.id)
        desk = self._ticket().with_user(self.desk)
        desk.action_dispatch()
        desk.stage_id = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        return desk.with_env(self.env)  # read back as the superuser for the assertions

    def test_resident_signs_off_and_rates(self):
        ticket = self._completed_request()
        self.assertIn("property_ticket_signoff", self.url_open(f"/my/ticket/{ticket.id}").text)
        # the neighbour cannot rate it
        self.authenticate("rq_neighbour", "rq_neighbour_pw")
        response = self.url_open(
            f"/my/ticket/{ticket.id}/signoff",
            data={"rating": "1", "csrf_token": http.Request.csrf_token(self)},
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(ticket.resident_rating)
        # a household member reads it, but the reporter (or owner, tenant) signs off
        self.authenticate("rq_member", "rq_member_pw")
        self.assertNotIn("property_ticket_signoff", self.url_open(f"/my/ticket/{ticket.id}").text)
        response = self.url_open(
            f"/my/ticket/{ticket.id}/signoff",
            data={"rating": "1", "csrf_token": http.Request.csrf_token(self)},
        )
        self.assertEqual(response.status_code, 404)
        self.assertFalse(ticket.resident_rating)
        self.authenticate("rq_owner", "rq_owner_pw")
        response = self.url_open(
            f"/my/ticket/{ticket.id}/signoff",
            data={"rating": "9", "csrf_token": http.Request.csrf_token(self)},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Choose a rating from 1 to 5.", response.text)
        self.url_open(
            f"/my/ticket/{ticket.id}/signoff",
            data={
                "rating": "4",
                "comment": "Quick and clean",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(ticket.resident_rating, "4")
        self.assertTrue(ticket.resident_signed_off)
        self.assertTrue(ticket.message_ids.filtered(lambda m: "Quick and clean" in (m.body or "")))

    def test_resident_answers_followup_survey(self):
        ticket = self._completed_request()
        followup = (
            self.env["property.followup"]
            .with_user(self.desk)
            .create(
                {
                    "res_model": "helpdesk.ticket",
                    "res_id": ticket.id,
                    "source_kind": "repair",
                    "partner_id": self.owner.id,
                    "due_date": "2026-12-01",
                    "estate_id": self.unit.estate_id.id,
                    "unit_id": self.unit.id,
                }
            )
        )
        self.authenticate("rq_neighbour", "rq_neighbour_pw")
        self.assertEqual(self.url_open(f"/my/followups/{followup.id}").status_code, 404)
        self.authenticate("rq_owner", "rq_owner_pw")
        self.assertIn(
            "property_followup_answer", self.url_open(f"/my/followups/{followup.id}").text
        )
        # a satisfaction that is not one comes back on the page
        response = self.url_open(
            f"/my/followups/{followup.id}/answer",
            data={"satisfaction": "9", "csrf_token": http.Request.csrf_token(self)},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("Choose a satisfaction from 1 to 5.", response.text)
        self.assertEqual(followup.state, "planned")
        self.url_open(
            f"/my/followups/{followup.id}/answer",
            data={
                "satisfaction": "2",
                "comment": "Still smells",
                "csrf_token": http.Request.csrf_token(self),
            },
        )
        self.assertEqual(followup.state, "done")
        self.assertEqual(followup.outcome, "unsatisfied")
        self.assertEqual(followup.notes, "Still smells")
        # an unsatisfied answer sends the request back to work
        self.assertEqual(
            ticket.stage_id, self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        )

    # ------------------------------------------------------------------
    # Probes: bad input comes back on the form, state changes only by POST
    # ------------------------------------------------------------------
    def test_bad_posts_come_back_on_the_form_and_create_nothing(self):
        self.authenticate("rq_owner", "rq_owner_pw")
        for values, message in (
            ({"description": ""}, "Describe what happened."),
            ({"description": "\x00\x00"}, "Describe what happened."),
            ({"category": "abc"}, "Choose what happened from the list"),
            ({"category": ""}, "Choose what happened from the list"),
            ({"unit": "abc"}, "Choose one of your units."),
        ):
            with self.subTest(values=values):
                response = self._submit(**{"unit": self.unit.id, **values})
                self.assertEqual(response.status_code, 200)
                self.assertIn(message, response.text)
                # what the resident typed is still there
                self.assertIn("Kitchen drain blocked", response.text)
                self.assertFalse(self._ticket())
        corrupt = base64.b64decode(SIGNATURE)[:40] + b"broken idat" * 4
        response = self.url_open(
            "/submitted/ticket",
            data={
                "category": self.category.id,
                "subject": "Kitchen drain blocked",
                "description": "Water comes back up the sink.",
                "unit": self.unit.id,
                "csrf_token": http.Request.csrf_token(self),
            },
            files={"attachment": ("drain.png", corrupt, "image/png")},
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("is not a readable image", response.text)
        self.assertFalse(self._ticket())
        # NUL bytes are dropped, the request is made
        self._submit(unit=self.unit.id, description="Water\x00 comes back up the sink.")
        self.assertEqual(len(self._ticket()), 1)
        # the same post again is the same request
        self._submit(unit=self.unit.id, description="Water comes back up the sink.")
        self.assertEqual(len(self._ticket()), 1)
        for url in ("/my/tickets?sortby=bogus", "/my/tickets?groupby=x&search_in=y&date_begin=z"):
            with self.subTest(url=url):
                self.assertEqual(self.url_open(url).status_code, 200)

    def test_state_changes_only_by_post_with_token_by_who_may(self):
        self.authenticate("rq_owner", "rq_owner_pw")
        # a GET (a link, an image) creates nothing
        response = self.url_open(
            f"/submitted/ticket?subject=Kitchen+drain+blocked&description=x"
            f"&category={self.category.id}"
        )
        self.assertEqual(response.status_code, 405)
        self.assertFalse(self._ticket())
        response = self.url_open(
            "/submitted/ticket",
            data={"category": self.category.id, "subject": "Kitchen drain blocked"},
        )
        self.assertEqual(response.status_code, 400)  # no CSRF token
        self._submit(unit=self.unit.id)
        ticket = self._ticket()
        cancelled = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled")
        response = self.url_open(f"/ticket/close?ticket_id={ticket.id}&stage_id={cancelled.id}")
        self.assertEqual(response.status_code, 405)
        self.assertFalse(ticket.closed)
        # a household member reads the request but does not cancel it
        self.authenticate("rq_member", "rq_member_pw")
        response = self._close(ticket.id, cancelled.id)
        self.assertEqual(response.status_code, 404)
        self.authenticate("rq_owner", "rq_owner_pw")
        for stage_id in ("abc", ""):
            response = self._close(ticket.id, stage_id)
            self.assertEqual(response.status_code, 404)
        self._close(ticket.id, cancelled.id)
        ticket.invalidate_recordset()
        self.assertEqual(ticket.stage_id, cancelled)

    def test_the_form_asks_what_happened(self):
        self.authenticate("rq_owner", "rq_owner_pw")
        form = self.url_open("/new/ticket").text
        self.assertRegex(form, r'<textarea[^>]*name="description"')
        self.assertIn(self.category.name, form)
        # categories with no time limit (headings, other apps' samples) and internal
        # tasks are not for residents
        internal = self.env.ref("property_request.category_engineering_internal_internal_task")
        heading = self.env.ref("property_request.category_engineering_internal")
        offered = form.split('name="category"')[1].split("</select>")[0]
        self.assertIn(f'value="{self.category.id}"', offered)
        for category in (internal, heading):
            self.assertNotIn(f'value="{category.id}"', offered)

    def test_home_opens_the_request_form_in_one_tap(self):
        """报修 is the first thing on the resident's home; it opens the form on the
        repair categories only."""
        self.authenticate("rq_owner", "rq_owner_pw")
        home = self.url_open("/my").text
        actions = home.split('id="property_quick_actions"')[1].split("</nav>")[0]
        self.assertIn('href="/new/ticket?kind=repair"', actions)
        self.assertLess(home.index("property_quick_actions"), home.index("o_portal_docs"))
        form = self.url_open("/new/ticket?kind=repair").text
        offered = form.split('name="category"')[1].split("</select>")[0]
        self.assertIn(f'value="{self.category.id}"', offered)
        categories = self.env["helpdesk.ticket.category"].search(
            [("show_in_portal", "=", True), ("property_request_kind", "!=", False)]
        )
        others = categories.filtered(
            lambda c: c.property_request_kind not in ("repair_unit", "repair_common")
        )
        self.assertTrue(others)
        for category in others:
            self.assertNotIn(f'value="{category.id}"', offered)
        # without a kind, the whole list
        everything = self.url_open("/new/ticket").text.split('name="category"')[1]
        self.assertGreater(everything.count("<option"), offered.count("<option"))
