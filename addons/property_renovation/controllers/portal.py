# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http
from odoo.exceptions import UserError, ValidationError
from odoo.http import request

from odoo.addons.portal.controllers.portal import CustomerPortal
from odoo.addons.property_service_desk.controllers.portal import document_or_404


class PropertyRenovationPortal(CustomerPortal):
    """Residents apply for a renovation, follow the review and see fees, inspections,
    violations and their deposit. Record rules limit them to their own applications."""

    def _prepare_home_portal_values(self, counters):
        values = super()._prepare_home_portal_values(counters)
        if "property_renovation_count" in counters:
            Renovation = request.env["property.renovation"]
            values["property_renovation_count"] = (
                Renovation.search_count([]) if Renovation.has_access("read") else 0
            )
        return values

    @http.route(["/my/renovations"], type="http", auth="user", website=True)
    def portal_my_renovations(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "renovations": request.env["property.renovation"].search([]),
                "page_name": "property_renovations",
            }
        )
        return request.render("property_renovation.portal_my_renovations", values)

    @http.route(["/my/renovations/<int:renovation_id>"], type="http", auth="user", website=True)
    def portal_my_renovation(self, renovation_id, access_token=None, **kw):
        renovation_sudo = document_or_404(self, "property.renovation", renovation_id, access_token)
        values = self._prepare_portal_layout_values()
        values.update({"renovation": renovation_sudo, "page_name": "property_renovations"})
        return request.render("property_renovation.portal_my_renovation", values)

    def _render_new_renovation(self, error=None, form=None, had_files=False):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "units": request.env["property.unit"].search([]),
                "page_name": "property_renovations",
                "error": error,
                "form": form or {},
                "had_files": had_files,
            }
        )
        return request.render("property_renovation.portal_new_renovation", values)

    @http.route(["/my/renovations/new"], type="http", auth="user", website=True)
    def portal_new_renovation(self, **kw):
        return self._render_new_renovation()

    @http.route(
        ["/my/renovations/submit"], type="http", auth="user", methods=["POST"], website=True
    )
    def portal_submit_renovation(self, **kw):
        """The resident's application: the model checks and makes it; a refusal comes
        back on the form with what was typed, and nothing is left behind."""
        files = {
            name: [(upload.filename, upload.read()) for upload in uploads if upload.filename]
            for name, uploads in request.httprequest.files.lists()
        }
        texts = {key: value for key, value in kw.items() if isinstance(value, str)}
        try:
            renovation = request.env["property.renovation"]._portal_submit(texts, files)
        except (UserError, ValidationError) as error:
            return self._render_new_renovation(
                error=str(error), form=texts, had_files=any(files.values())
            )
        return request.redirect(f"/my/renovations/{renovation.id}")
