# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import http
from odoo.tests import HttpCase, new_test_user

from odoo.addons.property_service_desk.tests.common import SIGNATURE, PropertyCommon


class RequestCommon(PropertyCommon):
    """Estate A with a director, the SOP's request categories and helpdesk stages."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.director_a = new_test_user(
            cls.env, login="psd_director_a", groups="property_service_desk.group_property_director"
        )
        cls.estate_a.director_id = cls.director_a
        ref = cls.env.ref
        cls.cat_unblock = ref("property_request.category_engineering_paid_unblocking")
        # the same work done free of charge (under warranty): the timers of a repair
        # without the paid-service steps
        cls.cat_repair = cls.cat_unblock.copy(
            {"name": "Unblocking under warranty", "property_is_paid": False}
        )
        cls.cat_common = ref("property_request.category_engineering_common_area_overhaul")
        cls.cat_lift = ref("property_request.category_engineering_equipment_lifts")
        cls.engineering = ref("property_request.helpdesk_team_engineering")
        cls.stage_awaiting = ref("helpdesk_mgmt.helpdesk_ticket_stage_awaiting")
        cls.stage_done = ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.stage_in_progress = ref("helpdesk_mgmt.helpdesk_ticket_stage_in_progress")
        cls.stage_deferred = ref("property_request.helpdesk_ticket_stage_deferred")

    def _request(self, received, **vals):
        """A request of estate A's unit 1-1-101, logged by the front desk (whatever the
        channel, the front desk logs every request)."""
        return (
            self.env["helpdesk.ticket"]
            .with_user(self.assistant_a)
            .create(
                {
                    "name": "Blocked drain",
                    "description": "<p>Kitchen drain blocked</p>",
                    "unit_id": self.unit_a1.id,
                    "category_id": self.cat_repair.id,
                    "date_received": received,
                    **vals,
                }
            )
        )

    def _activities(self, ticket):
        return self.env["mail.activity"].search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "=", ticket.id)]
        )


class PortalRequestCase(HttpCase):
    """Residents of two units on the portal, the front desk and engineering's leader."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        estate = cls.env["property.estate"].create({"name": "Request Estate", "code": "RQ"})
        # the staff who answer the residents: the front desk and engineering's team leader
        cls.desk = new_test_user(
            cls.env, login="rq_desk", groups="property_service_desk.group_property_assistant"
        )
        cls.team_leader = new_test_user(
            cls.env, login="rq_engineer", groups="property_service_desk.group_property_engineering"
        )
        cls.env.ref("property_request.helpdesk_team_engineering").user_id = cls.team_leader
        estate.user_ids = [(4, cls.desk.id), (4, cls.team_leader.id)]
        cls.unit, cls.other_unit = cls.env["property.unit"].create(
            [
                {"code": "RQ-1-101", "estate_id": estate.id, "area": 80, "state": "occupied"},
                {"code": "RQ-1-102", "estate_id": estate.id, "area": 80, "state": "occupied"},
            ]
        )
        cls.owner, cls.member, cls.neighbour = cls.env["res.partner"].create(
            [{"name": "RQ Owner"}, {"name": "RQ Member"}, {"name": "RQ Neighbour"}]
        )
        cls.env["property.occupancy"].create(
            [
                {
                    "unit_id": cls.unit.id,
                    "partner_id": cls.owner.id,
                    "role": "owner",
                    "date_start": "2022-01-01",
                    "is_fee_payer": True,
                },
                {
                    "unit_id": cls.unit.id,
                    "partner_id": cls.member.id,
                    "role": "member",
                    "date_start": "2022-01-01",
                },
                {
                    "unit_id": cls.other_unit.id,
                    "partner_id": cls.neighbour.id,
                    "role": "owner",
                    "date_start": "2022-01-01",
                },
            ]
        )
        for login, partner in (
            ("rq_owner", cls.owner),
            ("rq_member", cls.member),
            ("rq_neighbour", cls.neighbour),
        ):
            new_test_user(
                cls.env,
                login=login,
                password=f"{login}_pw",
                groups="base.group_portal",
                partner_id=partner.id,
                name=partner.name,
            )
        # free of charge: the paid-service steps are tested in test_paid_services
        cls.category = cls.env.ref("property_request.category_engineering_paid_unblocking").copy(
            {"name": "Unblocking under warranty", "property_is_paid": False}
        )

    def _submit(self, **values):
        data = {
            "category": self.category.id,
            "subject": "Kitchen drain blocked",
            "description": "Water comes back up the sink.",
            "csrf_token": http.Request.csrf_token(self),
            **values,
        }
        return self.url_open(
            "/submitted/ticket",
            data=data,
            files={"attachment": ("drain.png", base64.b64decode(SIGNATURE), "image/png")},
        )

    def _close(self, ticket_id, stage_id):
        return self.url_open(
            "/ticket/close",
            data={
                "ticket_id": ticket_id,
                "stage_id": stage_id,
                "csrf_token": http.Request.csrf_token(self),
            },
        )

    def _ticket(self):
        return self.env["helpdesk.ticket"].search([("name", "=", "Kitchen drain blocked")])
