# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.property_service_desk.controllers.portal import document_or_404


class PropertyKeysPortal(CustomerPortal):
    """Owners see which of their keys the service centre holds and their entrustment
    records; record rules decide what they can read."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_key_count" in counters:
            Key = request.env["property.key"]
            values["property_key_count"] = (
                Key.search_count([("kind", "=", "owner")]) if Key.has_access("read") else 0
            )
        return values

    @http.route(["/my/keys"], type="http", auth="user", website=True)
    def portal_my_keys(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "keys": request.env["property.key"].search(
                    [("kind", "=", "owner")], order="unit_id, number"
                ),
                "entrustments": request.env["property.key.entrustment"].search([]),
                "permissions": request.env["property.key.permission"].search([]),
                "page_name": "property_keys",
            }
        )
        return request.render("property_keys.portal_my_keys", values)

    @http.route(
        ["/my/keys/entrustment/<int:entrustment_id>"], type="http", auth="user", website=True
    )
    def portal_my_key_entrustment(self, entrustment_id, access_token=None, **kw):
        entrustment_sudo = document_or_404(
            self, "property.key.entrustment", entrustment_id, access_token
        )
        values = self._prepare_portal_layout_values()
        values.update({"entrustment": entrustment_sudo, "page_name": "property_keys"})
        return request.render("property_keys.portal_my_key_entrustment", values)
