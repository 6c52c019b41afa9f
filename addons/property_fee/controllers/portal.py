# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import http

from odoo.addons.account.controllers.portal import PortalAccount
from odoo.addons.property_service_desk.controllers.portal import document_or_404


class PropertyInvoicePortal(PortalAccount):
    """An owner's fee invoices and notices are theirs only: another resident asking for
    one by its address is told it does not exist (Odoo would redirect to /my)."""

    @http.route()
    def portal_my_invoice_detail(
        self, invoice_id, access_token=None, report_type=None, download=False, **kw
    ):
        document_or_404(self, "account.move", invoice_id, access_token)
        return super().portal_my_invoice_detail(
            invoice_id, access_token=access_token, report_type=report_type, download=download, **kw
        )
