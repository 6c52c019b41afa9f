# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    property_renovation_id = fields.Many2one(
        "property.renovation",
        string="Renovation",
        index="btree_not_null",
        readonly=True,
        copy=False,
    )
    property_renovation_role = fields.Selection(
        [
            ("fees", "Fees and Deposits"),
            ("deduction", "Deduction"),
            ("refund", "Deposit Refund"),
            ("excess", "Damage Beyond the Deposits"),
        ],
        string="Renovation Document",
        readonly=True,
        copy=False,
    )

    # the remaining deposit of an application is paid back once: a second refund entry
    # cannot exist, even when two refunds are attempted at the same time
    _property_renovation_one_refund = models.UniqueIndex(
        "(property_renovation_id) WHERE property_renovation_role = 'refund' AND state != 'cancel'",
        "The deposit of this renovation was already refunded.",
    )
