# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.property_request.controllers.helpdesk import (
    PropertyHelpdeskTicketController,
)


class PropertyComplaintTicketController(PropertyHelpdeskTicketController):
    """A resident's complaint on the portal also says where and when it happened and
    what they ask for."""

    def _get_categories(self, **kw):
        """One complaint per department on the portal: a resident's complaint comes in as
        valid (the shorter time limits) until the desk classifies it (SOP §6)."""
        categories = super()._get_categories(**kw)
        return categories.filtered(lambda c: c.property_complaint_type in (False, "valid"))

    def _prepare_submit_ticket_vals(self, **kw):
        vals = super()._prepare_submit_ticket_vals(**kw)
        for field_name in ("incident_place", "resident_request"):
            value = (kw.get(field_name) or "").strip()
            if value:
                vals[field_name] = value[:2000]
        return vals
