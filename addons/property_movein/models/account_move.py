# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    # the move-in fees at the cashier (入伙手续)
    property_movein_id = fields.Many2one(
        "property.movein", string="Move-in", index="btree_not_null", readonly=True, copy=False
    )

    _property_movein_invoice_uniq = models.UniqueIndex(
        "(property_movein_id) WHERE property_movein_id IS NOT NULL "
        "AND move_type = 'out_invoice' AND state != 'cancel'",
        "The move-in fees are invoiced once.",
    )
