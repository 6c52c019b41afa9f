# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import fields, models

from .credit_control_line import DUNNING_STEPS


class CreditControlPolicyLevel(models.Model):
    _inherit = "credit.control.policy.level"

    property_step = fields.Selection(
        DUNNING_STEPS,
        string="Dunning Step",
        help="What the service centre does at this level: phone calls and home visits "
        "become activities, letters need the express-mail tracking number.",
    )
