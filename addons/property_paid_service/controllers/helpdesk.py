# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request

from odoo.addons.property_request.controllers.helpdesk import PropertyCustomerPortalHelpdesk
from odoo.addons.property_service_desk.controllers.portal import document_or_404


class PaidServiceCustomerPortal(PropertyCustomerPortalHelpdesk):
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
