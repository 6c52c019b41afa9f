# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Every PDF report of the suite's installed addons prints for one record and for two,
with the company header, on the wkhtmltopdf installed (Debian's has an unpatched Qt)."""

import io
import unicodedata
import unittest

from dateutil.relativedelta import relativedelta

from odoo import fields
from odoo.tests import HttpCase, tagged
from odoo.tools import html2plaintext
from odoo.tools.pdf import PdfFileReader

from .common import new_suite_staff, suite_records


@tagged("post_install", "-at_install")
class TestSuiteReports(HttpCase):
    # wkhtmltopdf fetches the report's styles and images from this server
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.staff = new_suite_staff(cls.env, "report_staff", tz="Asia/Shanghai")
        cls.reports = suite_records(cls.env, "ir.actions.report").filtered(
            lambda report: report.report_type == "qweb-pdf"
        )

    def _pages(self, report, records):
        try:
            pdf, kind = (
                self.env["ir.actions.report"]
                .with_user(self.staff)
                .with_context(force_report_rendering=True)
                ._render_qweb_pdf(report.report_name, records.ids)
            )
        except unittest.SkipTest as refusal:
            # Odoo skips, in a test, what it refuses to a user ("unpatched QT")
            self.fail(f"{report.name} does not print {len(records)} records: {refusal}")
        self.assertEqual(kind, "pdf", report.name)
        return PdfFileReader(io.BytesIO(pdf)).pages

    @classmethod
    def _text(cls, pages):
        """The Chinese characters of the pages (the PDF's text layer gives some as their
        compatibility forms, and its digits not at all)."""
        text = "".join(page.extract_text() or "" for page in pages)
        return cls._chinese(unicodedata.normalize("NFKC", text))

    @staticmethod
    def _chinese(text):
        return "".join(char for char in text if "\u4e00" <= char <= "\u9fff")

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
                # one document per record, or several records on one sheet (passes, QR
                # cards): two records print more than one
                self.assertGreaterEqual(len(two), len(one))
                self.assertGreater(len(self._text(two)), len(self._text(one)))
                text = self._text(two)
                company = records[0].company_id if "company_id" in records else self.env.company
                self.assertIn(self._chinese(company.name), text, f"{report.name}: no company")
                # the header's tagline is printed in the header only (the footer also names
                # the company)
                tagline = self._chinese(html2plaintext(company.report_header or ""))
                self.assertIn(tagline, text, f"{report.name}: no company header")
                if company.vat and company.country_id.code == "CN":
                    self.assertIn(
                        "统一社会信用代码", text, f"{report.name}: the tax number's label"
                    )
