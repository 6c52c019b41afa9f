# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from werkzeug.exceptions import Forbidden, MethodNotAllowed, NotFound

from odoo import fields, http
from odoo.exceptions import AccessError, MissingError, UserError, ValidationError
from odoo.http import request
from odoo.tools.image import ImageProcess
from odoo.tools.mimetypes import guess_mimetype

from odoo.addons.helpdesk_mgmt.controllers.main import HelpdeskTicketController
from odoo.addons.helpdesk_mgmt.controllers.myaccount import CustomerPortalHelpdesk
from odoo.addons.property_service_desk.controllers.portal import document_or_404


def _parse_id(value):
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


# what the buttons of the resident's home ask for: /new/ticket?kind=…
PORTAL_KIND_FILTERS = {
    "repair": ("repair_unit", "repair_common"),
    "complaint": ("complaint",),
}


class PropertyHelpdeskTicketController(HelpdeskTicketController):
    """Residents report requests for their own units, with photos."""

    def _get_portal_units(self):
        # record rules limit a resident to the units they currently live in
        return request.env["property.unit"].search([], order="estate_id, code")

    def _get_categories(self, **kw):
        """Residents always say what happened (the kind and category, in their language):
        it gives the request its department, its time limits and the staff to notify.
        Internal tasks and planned maintenance are not for the portal."""
        categories = request.env["helpdesk.ticket.category"].search(
            [("active", "=", True), ("show_in_portal", "=", True)]
        )
        # sudo: residents do not read the time-limit table, only whether a category has
        # one (the SOP's categories do; group headings and other apps' demo ones do not)
        # and whether it is internal work
        offered = categories.sudo().filtered(
            lambda c: c.property_time_limit_id
            and c.property_request_kind != "planned_maintenance"
            and c.property_time_limit_id.limit_group != "internal"
        )
        # the home's 报修 and 投诉 buttons open the form on their kinds of request
        kinds = PORTAL_KIND_FILTERS.get(kw.get("kind"))
        if kinds:
            offered = offered.filtered(lambda c: c.property_request_kind in kinds) or offered
        return categories.browse(offered.ids).sorted("complete_name")

    def _get_create_new_ticket_values(self, **kw):
        values = super()._get_create_new_ticket_values(**kw)
        values["property_units"] = self._get_portal_units()
        values["ticket_category_id_required"] = True
        values.setdefault("property_form", {})
        values.setdefault("property_errors", [])
        return values

    def _prepare_submit_ticket_vals(self, **kw):
        vals = super()._prepare_submit_ticket_vals(**kw)
        if kw.get("unit"):
            unit = self._get_portal_units().filtered(lambda u: u.id == _parse_id(kw["unit"]))
            if not unit:
                raise Forbidden()
            vals.update({"unit_id": unit.id, "estate_id": unit.estate_id.id})
            # the request goes to the estate's receiving team, not helpdesk's default
            if not kw.get("team"):
                vals.pop("team_id", None)
        return vals

    def _property_check_submission(self, kw):
        """What is wrong with a posted request, as messages for the form (nothing is
        created then), and the cleaned input."""
        Ticket = request.env["helpdesk.ticket"]
        clean = {
            key: Ticket._portal_clean_text(value) if isinstance(value, str) else value
            for key, value in kw.items()
        }
        errors = []
        if not clean.get("subject"):
            errors.append(request.env._("Say in a few words what happened (subject)."))
        if not clean.get("description"):
            errors.append(request.env._("Describe what happened."))
        category_id = _parse_id(clean.get("category"))
        if not self._get_categories().filtered(lambda c: c.id == category_id):
            errors.append(
                request.env._("Choose what happened from the list (the kind of request).")
            )
            clean.pop("category", None)
        if clean.get("unit") and not self._get_portal_units().filtered(
            lambda u: u.id == _parse_id(clean["unit"])
        ):
            errors.append(request.env._("Choose one of your units."))
            clean.pop("unit", None)
        for upload in request.httprequest.files.getlist("attachment"):
            if not upload.filename:
                continue
            data = upload.read()
            upload.seek(0)
            if guess_mimetype(data).startswith("image/"):
                try:
                    image = ImageProcess(data)
                    if image.image:
                        image.image.load()
                except Exception:  # any decoder failure means an unreadable image
                    errors.append(
                        request.env._("%(file)s is not a readable image.", file=upload.filename)
                    )
        return errors, clean

    @http.route(methods=["POST"])
    def submit_ticket(self, **kw):
        """Only a POST with its CSRF token creates a request; bad input comes back on the
        form with what was typed, and the same request posted twice is created once."""
        if request.httprequest.method != "POST":
            raise MethodNotAllowed(["POST"])
        errors, clean = self._property_check_submission(kw)
        if errors:
            values = self._get_create_new_ticket_values(**clean)
            values.update(
                {
                    "property_errors": errors,
                    "property_form": clean,
                    "property_had_files": any(
                        upload.filename
                        for upload in request.httprequest.files.getlist("attachment")
                    ),
                }
            )
            return request.render("helpdesk_mgmt.portal_create_ticket", values)
        partner = request.env.user.partner_id
        duplicate = request.env["helpdesk.ticket"]._portal_find_duplicate(
            partner, clean["subject"], clean["description"]
        )
        if duplicate:
            return request.redirect(f"/my/ticket/{duplicate.id}")
        return super().submit_ticket(**clean)

    @http.route(methods=["POST"])
    def support_ticket_close(self, ticket_id=None, stage_id=None, **kw):
        """Cancel (or close) a request from the portal: a POST with its CSRF token, by the
        resident who may act on it, to a stage meant for the portal. helpdesk_mgmt's own
        version closes any ticket id it is given, with sudo and no check."""
        if request.httprequest.method != "POST":
            raise MethodNotAllowed(["POST"])
        ticket = request.env["helpdesk.ticket"].browse(_parse_id(ticket_id))
        try:
            ticket.check_access("read")
        except (AccessError, MissingError) as error:
            raise NotFound() from error
        # sudo: the resident may read the request (checked above) and acts on it
        ticket_sudo = ticket.sudo()
        if request.env.user.partner_id not in ticket_sudo._portal_actor_partners():
            raise NotFound()
        stage = (
            request.env["helpdesk.ticket.stage"]
            .sudo()
            .search([("id", "=", _parse_id(stage_id)), ("close_from_portal", "=", True)])
        )
        if not stage:
            raise NotFound()
        try:
            with request.env.cr.savepoint():
                ticket_sudo.stage_id = stage
        except (UserError, ValidationError) as error:
            values = PropertyCustomerPortalHelpdesk()._ticket_get_page_view_values(
                ticket_sudo, None
            )
            values["property_error"] = str(error)
            return request.render("helpdesk_mgmt.portal_helpdesk_ticket_page", values)
        return request.redirect(f"/my/ticket/{ticket.id}")


class PropertyCustomerPortalHelpdesk(CustomerPortalHelpdesk):
    @http.route()
    def portal_my_tickets(self, **kw):
        """helpdesk_mgmt looks the parameters up as they come: an unknown sort, grouping,
        filter or search field, or a date that is not one, falls back to the default."""
        allowed = {
            "sortby": self._ticket_get_searchbar_sortings(),
            "groupby": self._ticket_get_searchbar_groupby(),
            "search_in": self._ticket_get_searchbar_inputs(),
        }
        for key, values in allowed.items():
            if kw.get(key) not in values:
                kw.pop(key, None)
        try:
            fields.Datetime.to_datetime(kw.get("date_begin"))
            fields.Datetime.to_datetime(kw.get("date_end"))
        except ValueError:
            kw.pop("date_begin", None)
            kw.pop("date_end", None)
        filterby = kw.get("filterby")
        if filterby and filterby != "all" and not filterby.isdigit():
            kw.pop("filterby")
        kw["search"] = request.env["helpdesk.ticket"]._portal_clean_text(kw.get("search")) or None
        return super().portal_my_tickets(**kw)

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
        try:
            ticket_sudo.with_user(request.env.user)._portal_sign_off(
                rating, request.env["helpdesk.ticket"]._portal_clean_text(comment)
            )
        except AccessError as error:
            raise NotFound() from error
        except UserError as error:
            values = self._ticket_get_page_view_values(ticket_sudo, None)
            values["property_error"] = str(error)
            return request.render("helpdesk_mgmt.portal_helpdesk_ticket_page", values)
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
        return request.render("property_request.portal_my_followup", values)

    @http.route(
        ["/my/followups/<int:followup_id>/answer"],
        type="http",
        auth="user",
        methods=["POST"],
        website=True,
    )
    def portal_followup_answer(self, followup_id, satisfaction=None, comment=None, **kw):
        followup_sudo = document_or_404(self, "property.followup", followup_id)
        try:
            followup_sudo._portal_answer(
                satisfaction, request.env["helpdesk.ticket"]._portal_clean_text(comment)
            )
        except UserError as error:
            values = self._get_page_view_values(
                followup_sudo,
                None,
                {"followup": followup_sudo, "page_name": "followup", "error": str(error)},
                "my_followups_history",
                False,
            )
            return request.render("property_request.portal_my_followup", values)
        return request.redirect(f"/my/followups/{followup_id}")
