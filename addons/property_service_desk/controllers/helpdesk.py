# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.exceptions import Forbidden, NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk

from .portal import document_or_404


class PropertyHelpdeskTicketController(HelpdeskTicketController):
    """Residents report requests for their own units, with photos."""

    def _get_portal_units(self):
        # record rules limit a resident to the units they currently live in
        return request.env["property.unit"].search([], order="estate_id, code")

    def _get_create_new_ticket_values(self, **kw):
        values = super()._get_create_new_ticket_values(**kw)
        values["property_units"] = self._get_portal_units()
        return values

    def _prepare_submit_ticket_vals(self, **kw):
        vals = super()._prepare_submit_ticket_vals(**kw)
        if kw.get("unit"):
            try:
                unit_id = int(kw["unit"])
            except ValueError as error:
                raise Forbidden() from error
            unit = self._get_portal_units().filtered(lambda u: u.id == unit_id)
            if not unit:
                raise Forbidden()
            vals.update({"unit_id": unit.id, "estate_id": unit.estate_id.id})
            # the request goes to the estate's receiving team, not helpdesk's default
            if not kw.get("team"):
                vals.pop("team_id", None)
        return vals

    @http.route()
    def support_ticket_close(self, **kw):
        """helpdesk_mgmt closes any ticket id it is given, with sudo and no check: only
        let through the residents who may read the ticket."""
        try:
            ticket_id = int(kw.get("ticket_id") or 0)
            request.env["helpdesk.ticket"].browse(ticket_id).check_access("read")
        except (AccessError, MissingError, ValueError) as error:
            raise NotFound() from error
        return super().support_ticket_close(**kw)


class PropertyCustomerPortalHelpdesk(CustomerPortalHelpdesk):
    @http.route()
    def portal_my_ticket(self, ticket_id, access_token=None, **kw):
        """Same page as helpdesk_mgmt's, but a ticket that is not the resident's is not
        found, and only the files meant for the resident get an access token (files
        posted with internal notes stay internal)."""
        ticket_sudo = document_or_404(self, "helpdesk.ticket", ticket_id, access_token)
        for attachment in ticket_sudo._get_portal_attachments():
            attachment.generate_access_token()
        values = self._ticket_get_page_view_values(ticket_sudo, access_token, **kw)
        return request.render("helpdesk_mgmt.portal_helpdesk_ticket_page", values)

    @http.route(
        ["/my/ticket/<int:ticket_id>/signoff"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_ticket_signoff(self, ticket_id, rating=None, comment=None, **kw):
        """The resident signs the completed work off and rates it (1-5)."""
        ticket_sudo = document_or_404(self, "helpdesk.ticket", ticket_id)
        ticket_sudo.with_user(request.env.user)._portal_sign_off(rating, comment)
        return request.redirect(f"/my/ticket/{ticket_id}")

    @http.route(
        ["/my/ticket/<int:ticket_id>/quote/<any(accept,refuse):answer>"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_ticket_quote_answer(self, ticket_id, answer, **kw):
        """The resident accepts or refuses the price of a paid service."""
        ticket_sudo = document_or_404(self, "helpdesk.ticket", ticket_id)
        ticket_sudo.with_user(request.env.user)._portal_quote_answer(answer == "accept")
        return request.redirect(f"/my/ticket/{ticket_id}")

    @http.route(["/my/followups/<int:followup_id>"], type="http", auth="user", website=True)
    def portal_my_followup(self, followup_id, **kw):
        followup_sudo = document_or_404(self, "property.followup", followup_id)
        values = self._get_page_view_values(
            followup_sudo,
            None,
            {"followup": followup_sudo, "page_name": "followup"},
            "my_followups_history",
            False,
            **kw,
        )
        return request.render("property_service_desk.portal_my_followup", values)

    @http.route(
        ["/my/followups/<int:followup_id>/answer"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_followup_answer(self, followup_id, satisfaction=None, comment=None, **kw):
        followup_sudo = document_or_404(self, "property.followup", followup_id)
        followup_sudo._portal_answer(satisfaction, comment)
        return request.redirect(f"/my/followups/{followup_id}")
