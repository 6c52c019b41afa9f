# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
import io

import xlsxwriter

from odoo import api, fields, models, tools

COLLECTION_TARGET = 95.0


class PropertyCollectionReport(models.Model):
    """Fee collection per month, estate, building and building manager: what was
    invoiced for the month and how much of it is paid."""

    _name = "property.collection.report"
    _description = "Fee Collection"
    _auto = False
    _order = "month desc"

    month = fields.Date(readonly=True)
    estate_id = fields.Many2one("property.estate", readonly=True)
    building_id = fields.Many2one("property.building", readonly=True)
    manager_id = fields.Many2one("res.users", string="Building Manager", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_due = fields.Monetary(readonly=True)
    amount_collected = fields.Monetary(readonly=True)
    collection_rate = fields.Float(
        string="Collection Rate (%)",
        readonly=True,
        aggregator="avg",
        help="Collected ÷ due for the month, per building (target 95%).",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            f"""
            CREATE OR REPLACE VIEW {self._table} AS (
                SELECT
                    MIN(m.id) AS id,
                    m.property_fee_period AS month,
                    u.estate_id,
                    u.building_id,
                    b.manager_id,
                    m.company_id,
                    SUM(m.amount_total_signed) AS amount_due,
                    SUM(m.amount_total_signed - m.amount_residual_signed) AS amount_collected,
                    CASE WHEN SUM(m.amount_total_signed) = 0 THEN 100.0
                         ELSE 100.0 * SUM(m.amount_total_signed - m.amount_residual_signed)
                              / SUM(m.amount_total_signed) END AS collection_rate
                FROM account_move m
                JOIN property_unit u ON u.id = m.property_fee_unit_id
                LEFT JOIN property_building b ON b.id = u.building_id
                WHERE m.move_type = 'out_invoice' AND m.state = 'posted'
                GROUP BY m.property_fee_period, u.estate_id, u.building_id, b.manager_id,
                         m.company_id
            )
            """
        )


class PropertyEstate(models.Model):
    _inherit = "property.estate"

    currency_id = fields.Many2one(related="company_id.currency_id")
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
                    ("property_fee_estate_id", "in", self.ids),
                    ("property_fee_period", "=", month),
                    ("move_type", "=", "out_invoice"),
                    ("state", "=", "posted"),
                ],
                ["property_fee_estate_id"],
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


class PropertyAgedReceivables(models.TransientModel):
    """Aged receivables by unit (.xlsx): what each unit's payers owe, by how long it is
    past due."""

    _name = "property.aged.receivables"
    _description = "Aged Fee Receivables"

    estate_ids = fields.Many2many("property.estate", string="Estates")
    date = fields.Date(string="At", required=True, default=fields.Date.context_today)
    file = fields.Binary(readonly=True, attachment=False)
    file_name = fields.Char(readonly=True)

    # upper bound (days past due) of each column; the last one is open
    BUCKETS = ((0, "not_due"), (30, "1_30"), (60, "31_60"), (90, "61_90"), (None, "over_90"))

    def _get_rows(self):
        """{(estate, unit, partner): [amount per bucket]} from one search, whatever the
        number of invoices."""
        self.ensure_one()
        domain = [
            ("property_fee_unit_id", "!=", False),
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
            ("payment_state", "in", ("not_paid", "partial")),
            ("invoice_date", "<=", self.date),
        ]
        if self.estate_ids:
            domain.append(("property_fee_estate_id", "in", self.estate_ids.ids))
        invoices = self.env["account.move"].search_fetch(
            domain,
            ["property_fee_unit_id", "partner_id", "invoice_date_due", "amount_residual"],
        )
        rows = {}
        for invoice in invoices:
            key = (
                invoice.property_fee_unit_id.estate_id,
                invoice.property_fee_unit_id,
                invoice.partner_id,
            )
            buckets = rows.setdefault(key, [0.0] * len(self.BUCKETS))
            late = (self.date - invoice.invoice_date_due).days
            index = len(self.BUCKETS) - 1
            if late <= 0:
                index = 0
            else:
                for position, (limit, _label) in enumerate(self.BUCKETS[1:-1], start=1):
                    if late <= limit:
                        index = position
                        break
            buckets[index] += invoice.amount_residual
        return dict(sorted(rows.items(), key=lambda item: (item[0][0].name, item[0][1].code)))

    def action_export(self):
        self.ensure_one()
        rows = self._get_rows()
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = book.add_format({"bold": True})
        money = book.add_format({"num_format": "#,##0.00"})
        sheet = book.add_worksheet(self.env._("Aged Receivables"))
        headers = [self.env._("Estate"), self.env._("Unit"), self.env._("Payer")]
        headers += [
            self.env._("Not Due"),
            self.env._("1-30 Days"),
            self.env._("31-60 Days"),
            self.env._("61-90 Days"),
            self.env._("Over 90 Days"),
        ]
        headers.append(self.env._("Total"))
        sheet.write_row(0, 0, headers, bold)
        sheet.set_column(0, 2, 22)
        for row, ((estate, unit, partner), buckets) in enumerate(rows.items(), start=1):
            sheet.write_row(row, 0, [estate.name, unit.code, partner.name])
            for col, amount in enumerate([*buckets, sum(buckets)], start=3):
                sheet.write_number(row, col, amount, money)
        book.close()
        self.write(
            {
                "file": base64.b64encode(output.getvalue()),
                "file_name": f"aged-receivables-{self.date}.xlsx",
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{self._name}/{self.id}/file/{self.file_name}?download=true",
            "target": "self",
        }
