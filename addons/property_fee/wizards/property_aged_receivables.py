# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io

import xlsxwriter

from odoo import fields, models


class PropertyAgedReceivables(models.TransientModel):
    """Aged receivables by unit (.xlsx): what each unit's payers owe, by how long it is
    past due."""

    _name = "property.aged.receivables"
    _inherit = ["property.download.mixin"]
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
            ("property_fee_period", "!=", False),
            ("move_type", "=", "out_invoice"),
            ("state", "=", "posted"),
            ("payment_state", "in", ("not_paid", "partial")),
            ("invoice_date", "<=", self.date),
        ]
        if self.estate_ids:
            domain.append(("property_estate_id", "in", self.estate_ids.ids))
        invoices = self.env["account.move"].search_fetch(
            domain,
            ["property_unit_id", "partner_id", "invoice_date_due", "amount_residual"],
        )
        rows = {}
        for invoice in invoices:
            key = (
                invoice.property_unit_id.estate_id,
                invoice.property_unit_id,
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
        return self._download_file(output.getvalue(), f"aged-receivables-{self.date}.xlsx")
