# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from collections import defaultdict
from datetime import timedelta

import xlsxwriter

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.fields import Domain


class PropertyRequestStatistics(models.TransientModel):
    """Monthly request statistics (报事报修统计表) as a spreadsheet, one sheet per estate:
    per request kind and per department, requests received, resolved on time, late and
    still open."""

    _name = "property.request.statistics"
    _inherit = ["property.download.mixin"]
    _description = "Request Statistics Export"

    date_from = fields.Date(
        required=True, default=lambda self: fields.Date.context_today(self).replace(day=1)
    )
    date_to = fields.Date(required=True, default=fields.Date.context_today)
    estate_ids = fields.Many2many(
        "property.estate", string="Estates", help="Empty: every estate you can see."
    )
    file = fields.Binary(readonly=True, attachment=False)
    file_name = fields.Char(readonly=True)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for wizard in self:
            if wizard.date_to < wizard.date_from:
                raise UserError(self.env._("The period must end after it starts."))

    def _get_rows(self):
        """{estate: {"kind": {kind: counts}, "department": {dept: counts}}} from two
        grouped queries, whatever the number of requests."""
        self.ensure_one()
        estates = self.estate_ids or self.env["property.estate"].search([])
        # the month (or period) is each estate's local days, not UTC's
        domain = Domain.OR(
            Domain("estate_id", "in", group.ids)
            & Domain("date_received", ">=", group[0]._local_date_start(self.date_from))
            & Domain(
                "date_received", "<", group[0]._local_date_start(self.date_to + timedelta(days=1))
            )
            for _tz, group in estates.grouped(lambda e: e.tz or "UTC").items()
        )
        Ticket = self.env["helpdesk.ticket"]
        result = {
            estate: {
                "kind": defaultdict(lambda: defaultdict(int)),
                "department": defaultdict(lambda: defaultdict(int)),
            }
            for estate in estates
        }
        for axis, group in (("kind", "request_kind"), ("department", "department_id")):
            for estate, key, on_time, closed, count in Ticket._read_group(
                domain, ["estate_id", group, "resolved_on_time", "stage_id.closed"], ["__count"]
            ):
                counts = result[estate][axis][key]
                counts["received"] += count
                if closed:
                    counts["resolved"] += count
                else:
                    counts["open"] += count
                if on_time:
                    counts[on_time] += count
        return result

    def action_export_xlsx(self):
        self.ensure_one()
        data = self._get_rows()
        kinds = dict(
            self.env["helpdesk.ticket"]._fields["request_kind"]._description_selection(self.env)
        )
        buffer = io.BytesIO()
        book = xlsxwriter.Workbook(buffer, {"in_memory": True})
        bold = book.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        cell = book.add_format({"border": 1})
        percent = book.add_format({"border": 1, "num_format": "0.0%"})
        title = book.add_format({"bold": True, "font_size": 14})
        headers = [
            self.env._("Received"),
            self.env._("Resolved"),
            self.env._("On Time"),
            self.env._("Late"),
            self.env._("Open"),
            self.env._("On-Time Rate"),
        ]
        used_names = set()
        for estate, axes in data.items():
            name = (estate.code or estate.name)[:31]
            while name in used_names:
                name = f"{name[:28]}-{len(used_names)}"
            used_names.add(name)
            sheet = book.add_worksheet(name)
            sheet.set_column(0, 0, 34)
            sheet.set_column(1, 6, 12)
            sheet.write(
                0,
                0,
                self.env._(
                    "Request statistics %(estate)s, %(start)s - %(end)s",
                    estate=estate.name,
                    start=self.date_from,
                    end=self.date_to,
                ),
                title,
            )
            row = 2
            for axis, label in (
                ("kind", self.env._("Request Kind")),
                ("department", self.env._("Department")),
            ):
                sheet.write_row(row, 0, [label, *headers], bold)
                row += 1
                for key, counts in sorted(axes[axis].items(), key=lambda kv: str(kv[0])):
                    if axis == "kind":
                        key_label = kinds.get(key, self.env._("Other"))
                    else:
                        key_label = key.name if key else self.env._("Not dispatched")
                    judged = counts["on_time"] + counts["late"]
                    sheet.write(row, 0, key_label, cell)
                    sheet.write_row(
                        row,
                        1,
                        [
                            counts["received"],
                            counts["resolved"],
                            counts["on_time"],
                            counts["late"],
                            counts["open"],
                        ],
                        cell,
                    )
                    sheet.write(row, 6, counts["on_time"] / judged if judged else 0, percent)
                    row += 1
                row += 1
        book.close()
        return self._download_file(
            buffer.getvalue(), f"request_statistics_{self.date_from}_{self.date_to}.xlsx"
        )
