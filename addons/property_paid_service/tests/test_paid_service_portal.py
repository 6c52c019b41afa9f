# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.exceptions import UserError
from odoo.tests import tagged

from odoo.addons.property_request.tests.common import PortalRequestCase


@tagged("post_install", "-at_install")
class TestPaidServicePortal(PortalRequestCase):
    # ------------------------------------------------------------------
    # Paid services: the resident answers the price
    # ------------------------------------------------------------------
    def _quoted_request(self):
        paid = self.env.ref("property_request.category_engineering_paid_unblocking")
        self.authenticate("rq_owner", "rq_owner_pw")
        self._submit(unit=self.unit.id, category=paid.id)
        ticket = self._ticket()
        product = self.env["product.product"].create(
            {
                "name": "Drain unblocking (portal test)",
                "type": "service",
                "categ_id": self.env.ref("property_paid_service.product_category_paid_service").id,
                "list_price": 95.0,
                "taxes_id": [(5, 0, 0)],
            }
        )
        ticket.with_user(self.desk).action_dispatch()
        # engineering's team leader assesses the work and prices it (SOP §5)
        leader = ticket.with_user(self.team_leader)
        leader.charge_ids = [(0, 0, {"product_id": product.id})]
        leader.action_send_quote()
        return ticket

    def _answer(self, ticket, answer):
        return self.url_open(
            f"/my/ticket/{ticket.id}/quote/{answer}",
            data={"csrf_token": http.Request.csrf_token(self)},
        )

    def test_resident_accepts_the_price_on_the_portal(self):
        ticket = self._quoted_request()
        page = self.url_open(f"/my/ticket/{ticket.id}").text
        self.assertIn("Drain unblocking (portal test)", page)
        self.assertIn("property_quote_accept", page)
        # another unit's resident cannot see nor answer it
        self.authenticate("rq_neighbour", "rq_neighbour_pw")
        self.assertEqual(self._answer(ticket, "accept").status_code, 404)
        # a household member sees the price but the owner or tenant answers it
        self.authenticate("rq_member", "rq_member_pw")
        self.assertIn(
            "Drain unblocking (portal test)", self.url_open(f"/my/ticket/{ticket.id}").text
        )
        self.assertGreaterEqual(self._answer(ticket, "accept").status_code, 400)
        self.assertEqual(ticket.quote_state, "quoted")
        self.authenticate("rq_owner", "rq_owner_pw")
        self.assertEqual(self._answer(ticket, "accept").status_code, 200)
        self.assertEqual(ticket.quote_state, "accepted")
        self.assertEqual(ticket.quote_answer_channel, "portal")
        self.assertEqual(ticket.quote_answer_partner_id, self.owner)
        self.assertFalse(ticket.quote_answer_user_id)
        # answered once: a second answer changes nothing
        self.assertGreaterEqual(self._answer(ticket, "refuse").status_code, 400)
        self.assertEqual(ticket.quote_state, "accepted")
        ticket.with_user(self.team_leader).action_arrive()
        self.assertTrue(ticket.date_arrived)

    def test_resident_refuses_the_price_on_the_portal(self):
        ticket = self._quoted_request()
        self.assertEqual(self._answer(ticket, "refuse").status_code, 200)
        self.assertEqual(ticket.quote_state, "refused")
        self.assertEqual(ticket.quote_answer_partner_id, self.owner)
        with self.assertRaises(UserError):
            ticket.with_user(self.team_leader).action_arrive()
