# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every PDF report of the suite's installed addons prints for one record and for two,
with the company header, on the wkhtmltopdf installed (Debian's has an unpatched Qt)."""

import io

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, new_test_user, tagged
from odoo.tools.pdf import PdfFileReader

from .test_zh_cn_screens import suite_groups


@tagged("post_install", "-at_install")
class TestSuiteReports(HttpCase):
    # wkhtmltopdf fetches the report's styles and images from this server
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = new_test_user(
            cls.env,
            login="report_staff",
            groups=",".join(suite_groups(cls.env).get_external_id().values()),
            tz="Asia/Shanghai",
        )
        data = cls.env["ir.model.data"].search(
            [("module", "=like", "property\\_%"), ("model", "=", "ir.actions.report")]
        )
        cls.reports = (
            cls.env["ir.actions.report"]
            .browse(data.mapped("res_id"))
            .filtered(lambda report: report.report_type == "qweb-pdf")
        )

    def _pages(self, report, records):
        pdf, kind = (
            self.env["ir.actions.report"]
            .with_user(self.staff)
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(report.report_name, records.ids)
        )
        self.assertEqual(kind, "pdf", report.name)
        return PdfFileReader(io.BytesIO(pdf)).pages

    def test_every_report_prints_one_and_two_records(self):
        if not self.reports:
            # this addon alone has no report: Odoo's module reference (internal layout)
            # shows the same printing of several documents (superuser: an administrator's
            # report on modules)
            reference = self.env.ref("base.ir_module_reference_print")
            modules = self.env["ir.module.module"].search(
                [("name", "in", ("portal", "property_service_desk"))]
            )
            pdf, _kind = reference.with_context(force_report_rendering=True)._render_qweb_pdf(
                reference.report_name, modules.ids
            )
            pages = PdfFileReader(io.BytesIO(pdf)).pages
            self.assertGreaterEqual(len(pages), 2)
            return
        for report in self.reports:
            Model = self.env[report.model].with_user(self.staff)
            if Model._transient:
                # a report of a wizard (the monthly complaint report): two months
                estate = self.env["property.estate"].with_user(self.staff).search([], limit=1)
                month = fields.Date.today().replace(day=1)
                records = Model.create(
                    [
                        {"estate_id": estate.id, "month": month},
                        {"estate_id": estate.id, "month": month - relativedelta(months=1)},
                    ]
                )
            else:
                records = Model.search([], limit=2, order="id")
            with self.subTest(report=report.report_name):
                self.assertEqual(
                    len(records), 2, f"the demo has no two {report.model} to print {report.name}"
                )
                one = self._pages(report, records[:1])
                two = self._pages(report, records)
                self.assertGreaterEqual(len(one), 1)
                self.assertGreaterEqual(len(two), max(2, len(one)))
                text = "".join(page.extract_text() or "" for page in two)
                company = records[0].company_id if "company_id" in records else self.env.company
                self.assertIn(
                    company.name.replace(" ", ""),
                    text.replace(" ", "").replace("\n", ""),
                    f"{report.name}: no company header",
                )
