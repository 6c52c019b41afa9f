# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import fields, models
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

DUNNING_STEPS = [
    ("reminder", "Reminder (e-mail/SMS)"),
    ("phone", "Phone Call"),
    ("letter", "Dunning Letter by Express Mail"),
    ("visit", "Home Visit"),
]


def partner_outstanding(env, partners):
    """{commercial partner: open receivable} from the posted journal items."""
    rows = env["account.move.line"]._read_group(
        [
            ("partner_id", "in", partners.commercial_partner_id.ids),
            ("account_id.account_type", "=", "asset_receivable"),
            ("parent_state", "=", "posted"),
            ("reconciled", "=", False),
        ],
        ["partner_id"],
        ["amount_residual:sum"],
    )
    return dict(rows)


class CreditControlPolicyLevel(models.Model):
    _inherit = "credit.control.policy.level"

    property_step = fields.Selection(
        DUNNING_STEPS,
        string="Dunning Step",
        help="What the service centre does at this level: phone calls and home visits "
        "become activities, letters need the express-mail tracking number.",
    )
