# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import fields, models


class AccountMoveLine(models.Model):
    _inherit = "account.move.line"

    property_unit_id = fields.Many2one("property.unit", index="btree_not_null", readonly=True)
    property_period = fields.Date(string="Fee Month", readonly=True)
    property_fee_type_id = fields.Many2one("property.fee.type", readonly=True)

    # one fee line per unit, month, fee and payer, ever (cancelled invoices excepted):
    # re-running the billing, or two runs at once, can never bill twice
    _property_fee_once = models.UniqueIndex(
        "(property_unit_id, property_period, property_fee_type_id, partner_id) "
        "WHERE property_fee_type_id IS NOT NULL AND parent_state != 'cancel'",
        "This fee is already billed for this unit and month.",
    )
