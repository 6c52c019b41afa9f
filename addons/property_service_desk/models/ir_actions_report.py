# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import lxml.html
from markupsafe import Markup

from odoo import models
from odoo.tools import pdf

from odoo.addons.base.models.ir_actions_report import _wkhtml


class IrActionsReport(models.Model):
    _inherit = "ir.actions.report"

    def _property_unpatched_wkhtmltopdf(self):
        """wkhtmltopdf built on an unpatched Qt (Debian's): it converts one document per
        call, and ignores the header and footer files of Odoo's layouts."""
        return not _wkhtml().is_patched_qt

    def _run_wkhtmltopdf(self, bodies, report_ref=False, header=None, footer=None, **kwargs):
        """On an unpatched wkhtmltopdf, each document of a batch is converted on its own
        and the PDFs are merged (it refuses several documents in one call)."""
        if len(bodies) > 1 and self._property_unpatched_wkhtmltopdf():
            return pdf.merge_pdf(
                [
                    super(IrActionsReport, self)._run_wkhtmltopdf(
                        [body], report_ref=report_ref, header=header, footer=footer, **kwargs
                    )
                    for body in bodies
                ]
            )
        return super()._run_wkhtmltopdf(
            bodies, report_ref=report_ref, header=header, footer=footer, **kwargs
        )

    def _prepare_html(self, html, report_model=False):
        """On an unpatched wkhtmltopdf, the company header and footer of each document
        go into its body, above and below it: that wkhtmltopdf prints no header file."""
        if not self._property_unpatched_wkhtmltopdf():
            return super()._prepare_html(html, report_model=report_model)
        layout = self._get_layout()
        if not layout:
            return super()._prepare_html(html, report_model=report_model)
        root = lxml.html.fromstring(html, parser=lxml.html.HTMLParser(encoding="utf-8"))

        def of_class(name):
            return root.xpath(
                f"//div[contains(concat(' ', normalize-space(@class), ' '), ' {name} ')]"
            )

        headers, articles, footers = of_class("header"), of_class("article"), of_class("footer")
        if not articles or len(headers) != len(articles) or len(footers) not in (0, len(articles)):
            return super()._prepare_html(html, report_model=report_model)
        footers = footers or [None] * len(articles)
        base_url = self._get_report_url(layout=layout)
        bodies, res_ids = [], []
        for header, article, footer in zip(headers, articles, footers, strict=True):
            IrQweb = self.env["ir.qweb"]
            if article.get("data-oe-lang"):
                IrQweb = IrQweb.with_context(lang=article.get("data-oe-lang"))
            # the page numbers ("Page: x / y") are filled in a header file only
            for number in [] if footer is None else footer.xpath(".//span[@class='page']"):
                line = number.getparent()
                line.getparent().remove(line)
            content = "".join(
                lxml.html.tostring(node, encoding="unicode")
                for node in (header, article, footer)
                if node is not None
            )
            bodies.append(
                IrQweb._render(
                    layout.id,
                    {
                        "subst": False,
                        "body": Markup(content),
                        "base_url": base_url,
                        "report_xml_id": self.xml_id,
                        "debug": self.env.context.get("debug"),
                    },
                    raise_if_not_found=False,
                )
            )
            res_ids.append(
                int(article.get("data-oe-id", 0))
                if article.get("data-oe-model") == report_model
                else None
            )
        # the margins kept for the header file are not needed
        specific_paperformat_args = {
            key: value for key, value in root.items() if key.startswith("data-report-")
        }
        specific_paperformat_args.setdefault("data-report-margin-top", 10)
        return bodies, res_ids, None, None, specific_paperformat_args
