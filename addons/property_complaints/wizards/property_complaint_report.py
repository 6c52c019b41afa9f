# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import io
from collections import defaultdict

import xlsxwriter
from dateutil.relativedelta import relativedelta

from odoo import fields, models

# The axes of the monthly analysis: (label, grouped field)
AXES = (
    ("type", "complaint_type"),
    ("category", "complaint_analysis_category"),
    ("severity", "complaint_severity"),
    ("department", "department_id"),
    ("channel", "channel_id"),
)


class PropertyComplaintReport(models.TransientModel):
    """Monthly complaint analysis for the director (住户投诉记录表 summary): the month
    against the previous ones, as a PDF or a spreadsheet."""

    _name = "property.complaint.report"
    _inherit = ["property.download.mixin"]
    _description = "Monthly Complaint Analysis"

    estate_id = fields.Many2one("property.estate", required=True)
    month = fields.Date(
        required=True,
        default=lambda self: fields.Date.context_today(self).replace(day=1),
        help="Any day of the month to analyse.",
    )
    months_compared = fields.Integer(
        string="Previous Months", default=2, help="How many earlier months to compare with."
    )
    file = fields.Binary(readonly=True, attachment=False)
    file_name = fields.Char(readonly=True)

    def _months(self):
        self.ensure_one()
        first = self.month.replace(day=1)
        count = max(self.months_compared, 0)
        return [first - relativedelta(months=back) for back in range(count, -1, -1)]

    def _labels(self, field_name, key):
        if not key:
            return self.env._("Not set")
        if isinstance(key, models.BaseModel):
            return key.display_name
        field = self.env["helpdesk.ticket"]._fields[field_name]
        return dict(field._description_selection(self.env)).get(key, key)

    def _get_data(self):
        """{"months": [date...], "totals": {month: {...}}, "axes": {axis: {label:
        {month: count}}}, "complaints": records of the month} in a few grouped queries,
        whatever the number of complaints."""
        self.ensure_one()
        months = self._months()
        estate = self.estate_id
        start = estate._local_date_start(months[0])
        end = estate._local_date_start(months[-1] + relativedelta(months=1))
        Ticket = self.env["helpdesk.ticket"]
        domain = [
            ("estate_id", "=", estate.id),
            ("request_kind", "=", "complaint"),
            ("date_received", ">=", start),
            ("date_received", "<", end),
        ]
        totals = {
            month: {
                "count": 0,
                "closed": 0,
                "on_time": 0,
                "on_time_rate": 0.0,
                "secondary": 0,
                "satisfaction": 0.0,
            }
            for month in months
        }

        def month_of(key):
            return (key.date() if hasattr(key, "date") else key).replace(day=1)

        for key, count, on_time in Ticket._read_group(
            domain, ["date_received:month"], ["__count", "complaint_on_time:sum"]
        ):
            totals.get(month_of(key), {}).update(count=count, on_time=on_time)
        for name, extra in (
            ("closed", [("closed", "=", True)]),
            ("secondary", [("is_secondary_complaint", "=", True)]),
        ):
            for key, count in Ticket._read_group(
                domain + extra, ["date_received:month"], ["__count"]
            ):
                totals.get(month_of(key), {})[name] = count
        for key, average in Ticket._read_group(
            domain + [("complaint_satisfaction", ">", 0)],
            ["date_received:month"],
            ["complaint_satisfaction:avg"],
        ):
            totals.get(month_of(key), {})["satisfaction"] = average or 0.0
        for values in totals.values():
            if values["closed"]:
                values["on_time_rate"] = 100.0 * values["on_time"] / values["closed"]
        axes = {}
        for axis, field_name in AXES:
            rows = defaultdict(lambda: dict.fromkeys(months, 0))
            for key, month_key, count in Ticket._read_group(
                domain, [field_name, "date_received:month"], ["__count"]
            ):
                month = month_of(month_key)
                if month in totals:
                    rows[self._labels(field_name, key)][month] = count
            axes[axis] = dict(sorted(rows.items()))
        month_start = estate._local_date_start(months[-1])
        complaints = Ticket.search(
            [*domain[:2], ("date_received", ">=", month_start), ("date_received", "<", end)],
            order="date_received",
        )
        return {"months": months, "totals": totals, "axes": axes, "complaints": complaints}

    def _axis_titles(self):
        return {
            "type": self.env._("By type"),
            "category": self.env._("By category"),
            "severity": self.env._("By severity"),
            "department": self.env._("By department"),
            "channel": self.env._("By channel"),
        }

    def action_print(self):
        self.ensure_one()
        return self.env.ref("property_complaints.action_report_complaint_monthly").report_action(
            self
        )

    def action_export_xlsx(self):
        self.ensure_one()
        data = self._get_data()
        months = data["months"]
        output = io.BytesIO()
        book = xlsxwriter.Workbook(output, {"in_memory": True})
        bold = book.add_format({"bold": True})
        percent = book.add_format({"num_format": "0.0"})
        sheet = book.add_worksheet(self.env._("Summary"))
        sheet.set_column(0, 0, 34)
        sheet.set_column(1, len(months), 12)
        sheet.write(0, 0, self.env._("Complaints of %(estate)s", estate=self.estate_id.name), bold)
        row = 2
        sheet.write(row, 0, "", bold)
        for col, month in enumerate(months, start=1):
            sheet.write(row, col, month.strftime("%Y-%m"), bold)
        total_rows = (
            ("count", self.env._("Complaints received")),
            ("closed", self.env._("Closed")),
            ("on_time_rate", self.env._("Closed on time (%)")),
            ("secondary", self.env._("Secondary complaints")),
            ("satisfaction", self.env._("Average satisfaction (1-5)")),
        )
        for key, label in total_rows:
            row += 1
            sheet.write(row, 0, label)
            for col, month in enumerate(months, start=1):
                value = data["totals"][month][key]
                sheet.write_number(row, col, value, percent if isinstance(value, float) else None)
        titles = self._axis_titles()
        for axis, _field in AXES:
            row += 2
            sheet.write(row, 0, titles[axis], bold)
            for label, per_month in data["axes"][axis].items():
                row += 1
                sheet.write(row, 0, label)
                for col, month in enumerate(months, start=1):
                    sheet.write_number(row, col, per_month[month])
        details = book.add_worksheet(self.env._("Complaints"))
        headers = [
            self.env._("Number"),
            self.env._("Received"),
            self.env._("Unit"),
            self.env._("Subject"),
            self.env._("Type"),
            self.env._("Category"),
            self.env._("Severity"),
            self.env._("Department"),
            self.env._("Result"),
            self.env._("On Time"),
        ]
        for col, header in enumerate(headers):
            details.write(0, col, header, bold)
        ticket_fields = self.env["helpdesk.ticket"]._fields
        for row, ticket in enumerate(data["complaints"], start=1):
            details.write_row(
                row,
                0,
                [
                    ticket.number or "",
                    fields.Datetime.to_string(ticket.date_received),
                    ticket.unit_id.display_name or ticket.location or "",
                    ticket.name,
                    dict(ticket_fields["complaint_type"]._description_selection(self.env)).get(
                        ticket.complaint_type, ""
                    ),
                    dict(
                        ticket_fields["complaint_analysis_category"]._description_selection(
                            self.env
                        )
                    ).get(ticket.complaint_analysis_category, ""),
                    dict(ticket_fields["complaint_severity"]._description_selection(self.env)).get(
                        ticket.complaint_severity, ""
                    ),
                    ticket.department_id.display_name or "",
                    ticket.complaint_result or "",
                    dict(ticket_fields["resolved_on_time"]._description_selection(self.env)).get(
                        ticket.resolved_on_time, ""
                    ),
                ],
            )
        book.close()
        return self._download_file(
            output.getvalue(), f"complaints-{self.estate_id.code}-{months[-1]:%Y-%m}.xlsx"
        )
