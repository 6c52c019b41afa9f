# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from werkzeug.exceptions import Forbidden

from odoo import http
from odoo.exceptions import UserError
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

    @http.route(["/my/renovations/new"], type="http", auth="user", website=True)
    def portal_new_renovation(self, **kw):
        values = self._prepare_portal_layout_values()
        values.update(
            {
                "units": request.env["property.unit"].search([]),
                "page_name": "property_renovations",
                "error": kw.get("error"),
            }
        )
        return request.render("property_renovation.portal_new_renovation", values)

    @http.route(
        ["/my/renovations/submit"], type="http", auth="user", methods=["POST"], website=True
    )
    def portal_submit_renovation(self, unit=None, scope=None, **kw):
        try:
            unit_id = int(unit or 0)
        except ValueError as error:
            raise Forbidden() from error
        # record rules: a resident sees only the units they live in or own
        unit_record = request.env["property.unit"].search([("id", "=", unit_id)])
        if not unit_record:
            raise Forbidden()
        partner = request.env.user.partner_id
        files = request.httprequest.files
        drawings = [
            {
                "name": upload.filename,
                "datas": base64.b64encode(upload.read()),
                "res_model": "property.renovation",
            }
            for upload in files.getlist("drawings")
            if upload.filename
        ]

        def binary(name):
            upload = files.get(name)
            return base64.b64encode(upload.read()) if upload and upload.filename else False

        vals = {
            "unit_id": unit_record.id,
            "applicant_id": partner.id,
            "scope": (scope or "").strip() or "-",
            "self_renovation": bool(kw.get("self_renovation")),
            "structural_change": bool(kw.get("structural_change")),
            "date_start": kw.get("date_start") or False,
            "date_end": kw.get("date_end") or False,
            "owner_authorisation": binary("owner_authorisation"),
            "contractor_licence": binary("contractor_licence"),
            "contractor_qualification": binary("contractor_qualification"),
            "housing_approval": binary("housing_approval"),
        }
        if kw.get("contractor_name") and not vals["self_renovation"]:
            # the resident names the contractor; staff complete its record
            vals["contractor_id"] = (
                request.env["res.partner"]
                .sudo()
                .create({"name": kw["contractor_name"][:200], "is_company": True})
                .id
            )
        # residents cannot write renovations: the application is created for them once
        # the unit was checked above, then submitted with the same checks as at the desk
        renovation = request.env["property.renovation"].sudo().create(vals)
        attachments = (
            request.env["ir.attachment"]
            .sudo()
            .create([dict(d, res_id=renovation.id) for d in drawings])
        )
        renovation.drawing_ids = attachments
        try:
            renovation.action_submit()
        except UserError as error:
            return request.redirect(f"/my/renovations/{renovation.id}?error={error.args[0][:300]}")
        return request.redirect(f"/my/renovations/{renovation.id}")
