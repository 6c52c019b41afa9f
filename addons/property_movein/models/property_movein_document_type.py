# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

BUYER_RULES = [
    ("all", "Every Buyer"),
    ("individual", "Individual Buyer"),
    ("company", "Company Buyer"),
    ("proxy", "Handled by Proxy"),
    ("mortgage", "Bought with a Mortgage"),
]


class PropertyMoveinDocumentType(models.Model):
    """A paper of the move-in (入伙资料): brought by the buyer and checked by the service
    centre, or signed at the counter. Which buyers bring it is the rule of the line."""

    _name = "property.movein.document.type"
    _description = "Move-in Document"
    _order = "stage, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    stage = fields.Selection(
        [("bring", "Brought by the Buyer"), ("sign", "Signed at Move-in")],
        required=True,
        default="bring",
    )
    applies_to = fields.Selection(BUYER_RULES, string="Required From", required=True, default="all")
    copy_required = fields.Boolean(
        string="Copy Filed",
        default=True,
        help="A scan or copy is attached and filed in the owner archive.",
    )
    category_id = fields.Many2one(
        "property.document.category",
        string="Archive Category",
        help="Where the copy is filed in the owner archive.",
    )
    description = fields.Char(translate=True, help="What exactly to bring or sign.")

    def _applies(self, buyer_type, by_proxy, has_mortgage):
        rules = {"all", buyer_type}
        if by_proxy:
            rules.add("proxy")
        if has_mortgage:
            rules.add("mortgage")
        return self.filtered(lambda t: t.applies_to in rules)
