# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyEstate(models.Model):
    _inherit = "property.estate"

    movein_plan_id = fields.Many2one(
        "mail.activity.plan",
        string="Move-in Preparation Plan",
        domain="[('res_model', '=', 'property.movein.batch')]",
        default=lambda self: self.env.ref(
            "property_movein.activity_plan_movein", raise_if_not_found=False
        ),
        help="The dated preparation activities of a move-in batch, counted back from its "
        "handover date.",
    )
    movein_plan_months = fields.Integer(
        string="Handover Plan Lead (months)",
        default=1,
        required=True,
        help="The director submits the handover plan at least this long before the handover.",
    )
    movein_notice_days = fields.Integer(
        string="Move-in Notice Lead (days)",
        default=15,
        required=True,
        help="Move-in notices go out at least this many days before the handover.",
    )
    movein_renotify_months = fields.Integer(
        string="Re-notify Owners Every (months)",
        default=6,
        required=True,
        help="Owners who have not come for their move-in get the notice again this often.",
    )
    movein_prepay_months = fields.Integer(
        string="Recommended Prepayment (months)",
        default=3,
        required=True,
        help="Months of fees the cashier recommends paying in advance at move-in.",
    )
    movein_charge_ids = fields.One2many(
        "property.movein.charge", "estate_id", string="Move-in Fees", copy=True
    )

    _movein_leads_positive = models.Constraint(
        "CHECK(movein_plan_months >= 0 AND movein_notice_days >= 0 "
        "AND movein_renotify_months > 0 AND movein_prepay_months >= 0)",
        "Move-in lead times cannot be negative and owners are re-notified at least monthly.",
    )
