# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.exceptions import NotFound

from odoo import http
from odoo.exceptions import AccessError, MissingError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.portal.controllers.portal import pager as portal_pager


def document_or_404(portal, model_name, record_id, access_token=None):
    """``portal._document_check_access``, answering "not found" whether the record does
    not exist or is not the visitor's: other residents' records cannot be probed."""
    try:
        return portal._document_check_access(model_name, record_id, access_token)
    except (AccessError, MissingError) as error:
        raise NotFound() from error


class PropertyCustomerPortal(CustomerPortal):
    """'My units' on the resident portal: the units a resident currently owns, rents or
    lives in, with their occupants. Access is decided by the record rules on
    property.unit; the controller only parses, checks and renders."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_unit_count" in counters:
            Unit = request.env["property.unit"]
            values["property_unit_count"] = (
                Unit.search_count(self._get_property_units_domain())
                if Unit.has_access("read")
                else 0
            )
        return values

    def _get_property_units_domain(self):
        # the record rules restrict residents to their own units; staff logged on the
        # portal see only the units where they are occupants themselves
        partner = request.env.user.commercial_partner_id
        return [
            (
                "occupancy_ids",
                "any",
                [("is_current", "=", True), ("partner_id", "child_of", partner.id)],
            )
        ]

    def _get_property_units_searchbar_sortings(self):
        return {
            "code": {"label": request.env._("Unit"), "order": "estate_id, code"},
            "state": {"label": request.env._("Status"), "order": "state, estate_id, code"},
        }

    @http.route(
        ["/my/units", "/my/units/page/<int:page>"],
        type="http",
        auth="user",
        website=True,
    )
    def portal_my_units(self, page=1, sortby=None, **kw):
        Unit = request.env["property.unit"]
        if not Unit.has_access("read"):
            return request.redirect("/my")
        values = self._prepare_portal_layout_values()
        sortings = self._get_property_units_searchbar_sortings()
        sortby = sortby if sortby in sortings else "code"
        domain = self._get_property_units_domain()
        pager = portal_pager(
            url="/my/units",
            url_args={"sortby": sortby},
            total=Unit.search_count(domain),
            page=page,
            step=self._items_per_page,
        )
        units = Unit.search(
            domain,
            order=sortings[sortby]["order"],
            limit=self._items_per_page,
            offset=pager["offset"],
        )
        request.session["my_property_units_history"] = units.ids[:100]
        values.update(
            {
                # the resident may read these units (record rules above); sudo only to
                # render the names of their estate, building and co-occupants
                "units": units.sudo(),
                "page_name": "property_unit",
                "default_url": "/my/units",
                "pager": pager,
                "searchbar_sortings": sortings,
                "sortby": sortby,
            }
        )
        return request.render("property_service_desk.portal_my_units", values)

    @http.route(["/my/units/<int:unit_id>"], type="http", auth="user", website=True)
    def portal_my_unit(self, unit_id, access_token=None, **kw):
        unit_sudo = document_or_404(self, "property.unit", unit_id, access_token)
        values = self._get_page_view_values(
            unit_sudo,
            access_token,
            {"unit": unit_sudo, "page_name": "property_unit"},
            "my_property_units_history",
            False,
            **kw,
        )
        return request.render("property_service_desk.portal_my_unit", values)
