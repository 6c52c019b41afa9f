# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    property_ticket_id = fields.Many2one(
        "helpdesk.ticket",
        string="Paid-Service Request",
        index="btree_not_null",
        readonly=True,
        copy=False,
        help="The paid service (特约服务) this invoice charges for.",
    )

    _property_ticket_invoice_uniq = models.UniqueIndex(
        "(property_ticket_id) WHERE property_ticket_id IS NOT NULL "
        "AND move_type = 'out_invoice' AND state != 'cancel'",
        "A paid service is invoiced once.",
    )
