# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64

from odoo import api, models
from odoo.tools import file_open

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

# the charts of l10n_cn: 小企业会计准则 and 企业会计准则
CHINESE_CHARTS = ("cn", "cn_large_bis")


class ResCompany(models.Model):
    _inherit = "res.company"

    @api.model
    def _property_demo_chinese_company(self, values):
        """Demo: make the main company the Chinese property company of the demo, on the
        Chinese chart of accounts (小企业会计准则) in CNY, A4 paper, with its logo.

        Odoo's accounting demo has put the generic chart and its entries on the main
        company before the suite is installed; they are removed the way Odoo removes them
        when a first localisation is loaded with demo data, the currency is set while no
        journal item exists, and the chart is loaded without Odoo's accounting demo. The
        companies of the localisations' demos are archived: the demo has one company.
        Called from demo data only (superuser)."""
        company = self.env.ref("base.main_company")
        with file_open("property_account/static/img/company_logo_demo.png", "rb") as logo:
            values = dict(values, logo=base64.b64encode(logo.read()))
        cny = self.env.ref("base.CNY")
        if company.currency_id != cny:
            # the generic chart's demo entries, removed as Odoo's chart loader does
            moves = (
                self.env["account.move"]
                .with_context(active_test=False)
                .search([("company_id", "child_of", company.id)])
            )
            moves.with_context(**{MODULE_UNINSTALL_FLAG: True}).unlink()
            cny.active = True
            values["currency_id"] = cny.id
        company.write(values)
        if company.chart_template not in CHINESE_CHARTS:
            # without Odoo's accounting demo (furniture sold to Azure Interior): the suite's
            # demo bills the residents itself
            self.env["account.chart.template"].try_loading("cn", company, install_demo=False)
        # the demo companies of the localisations (l10n_cn's, and l10n_us's when base's
        # demo made the company American before the suite was installed)
        others = self.env["res.company"].search([("id", "!=", company.id)])
        xmlids = others.get_external_id()
        others = others.filtered(
            lambda other: xmlids[other.id].partition(".")[2].startswith("demo_")
        )
        if others:
            users = (
                self.env["res.users"]
                .with_context(active_test=False)
                .search([("company_ids", "in", others.ids)])
            )
            # the main company among the users' companies first, then the others out
            users.write({"company_ids": [(4, company.id)]})
            users.filtered(lambda user: user.company_id in others).company_id = company
            users.write({"company_ids": [(3, other.id) for other in others]})
            others.write({"active": False})
        return True

    @api.model
    def _property_demo_foreign_partners_out(self, user_names):
        """Demo: the contacts of the dependencies' demos (American furniture customers,
        the localisations' companies) are archived, the users they made get Chinese
        names (``user_names``: user xmlid -> name) and their English Discuss channels
        go, so that the estate's contacts are its residents and suppliers; the product
        demo's furniture shop is archived, so that the products offered are the estate's
        fees and services. Called from demo data only (superuser)."""
        for xmlid, name in user_names.items():
            user = self.env.ref(xmlid, raise_if_not_found=False)
            if user:
                user.partner_id.name = name
        data = self.env["ir.model.data"].search(
            [("model", "=", "res.partner"), ("module", "not like", "property_%")]
        )
        partners = self.env["res.partner"].browse(data.mapped("res_id")).exists()
        users = self.env["res.users"].with_context(active_test=False).search([])
        active_companies = self.env["res.company"].search([])
        keep = (
            users.partner_id
            | active_companies.partner_id
            | self.env.ref("base.partner_root")
            | self.env.ref("base.public_partner", raise_if_not_found=False)
        )
        archived_companies = (
            self.env["res.company"].with_context(active_test=False).search([("active", "=", False)])
        )
        out = (partners | archived_companies.partner_id) - keep
        # the people of the companies archived go with them
        out |= self.env["res.partner"].search([("parent_id", "in", out.ids)]) - keep
        out.write({"active": False})
        product_data = self.env["ir.model.data"].search(
            [("model", "=", "product.template"), ("module", "=", "product")]
        )
        self.env["product.template"].browse(product_data.mapped("res_id")).exists().write(
            {"active": False}
        )
        # Discuss: the mail demo's English channels go, the two channels of Odoo's own
        # data get Chinese names
        channel_data = self.env["ir.model.data"].search(
            [("model", "=", "discuss.channel"), ("module", "=", "mail")]
        )
        channels = self.env["discuss.channel"].browse(channel_data.mapped("res_id")).exists()
        names = {"mail.channel_all_employees": "全体员工", "mail.channel_admin": "系统管理员"}
        xmlids = channels.get_external_id()
        for channel in channels:
            if xmlids[channel.id] in names:
                channel.name = names[xmlids[channel.id]]
            else:
                channel.unlink()
        # the mail demo's English conversation in the kept channels goes too (Odoo's own
        # welcome message, made Chinese by the suite's data, stays)
        message_data = self.env["ir.model.data"].search(
            [
                ("model", "=", "mail.message"),
                ("module", "=", "mail"),
                ("name", "!=", "module_install_notification"),
            ]
        )
        self.env["mail.message"].browse(message_data.mapped("res_id")).exists().filtered(
            lambda message: message.model == "discuss.channel"
        ).unlink()
        return True
