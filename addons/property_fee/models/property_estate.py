# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

from .property_collection_report import COLLECTION_TARGET


class PropertyEstate(models.Model):
    _inherit = "property.estate"

    custody_fee_rate = fields.Float(
        string="Custody Fee Share (%)",
        default=70.0,
        required=True,
        help="Units in custody (托管) pay this share of the fees marked for it.",
    )
    fee_due_days = fields.Integer(
        string="Fees Due After (days)",
        default=15,
        required=True,
        help="Days from the first of the month to the due date of the monthly fees.",
    )
    fee_month_due = fields.Monetary(
        string="Due This Month", compute="_compute_fee_collection", currency_field="currency_id"
    )
    fee_month_collected = fields.Monetary(
        string="Collected This Month",
        compute="_compute_fee_collection",
        currency_field="currency_id",
    )
    fee_month_rate = fields.Float(string="Collection Rate (%)", compute="_compute_fee_collection")
    fee_rate_below_target = fields.Boolean(compute="_compute_fee_collection")

    @api.depends_context("uid")
    def _compute_fee_collection(self):
        month = fields.Date.context_today(self).replace(day=1)
        # the rate is the supervisor's and the director's KPI, who have no accounting
        # rights: only the totals of the estates they can read (self) come back
        rows = (
            self.env["account.move"]
            .sudo()
            ._read_group(
                [
                    ("property_estate_id", "in", self.ids),
                    ("property_fee_period", "=", month),
                    ("move_type", "=", "out_invoice"),
                    ("state", "=", "posted"),
                ],
                ["property_estate_id"],
                ["amount_total_signed:sum", "amount_residual_signed:sum"],
            )
        )
        figures = {estate: (due, due - residual) for estate, due, residual in rows}
        for estate in self:
            due, collected = figures.get(estate, (0.0, 0.0))
            estate.fee_month_due = due
            estate.fee_month_collected = collected
            estate.fee_month_rate = 100.0 * collected / due if due else 0.0
            estate.fee_rate_below_target = bool(due) and estate.fee_month_rate < COLLECTION_TARGET

    _fee_settings_valid = models.Constraint(
        "CHECK(custody_fee_rate >= 0 AND custody_fee_rate <= 100 AND fee_due_days >= 0)",
        "The custody share is a percentage and the days to pay cannot be negative.",
    )

    def _bill_fees(self, day):
        """Bill these estates' fees of the month of ``day`` (a date or an ISO date) and
        return the invoices made; what is already invoiced is skipped."""
        return self.env["property.fee.rate"]._bill(self, fields.Date.to_date(day))
