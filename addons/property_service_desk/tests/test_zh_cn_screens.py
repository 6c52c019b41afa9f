# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""A zh_CN user of the suite sees no English: every menu the suite's roles reach, the
views of their actions (labels, buttons, selections, help texts, search facets), the
stages of their records and the resident's portal pages are crawled for words of
Latin letters that are not language-neutral."""

import re

from lxml import etree, html

from odoo.tests import HttpCase, new_test_user, tagged

from .common import new_suite_staff

# words that read the same on a Chinese screen: codes, units, formats, brands
NEUTRAL_WORDS = {
    "ID",
    "PDF",
    "QR",
    "CSV",
    "XLSX",
    "URL",
    "SMS",
    "API",
    "IBAN",
    "BIC",
    "VAT",
    "Odoo",
    "OCA",
    "CNY",
    "km",
    "kWh",
    "mm",
    "cm",
    "kg",
    "AM",
    "PM",
    "OK",
    "UTC",
    "Wi",
    "Fi",
    "WeChat",
}
# view attributes whose value the user reads
READ_ATTRIBUTES = ("string", "placeholder", "help", "title", "confirm", "sum", "data-tooltip")
# elements whose text is not read as words (code, formats, icons)
SKIPPED_ELEMENTS = {"script", "style", "code", "pre", "t"}


def english_words(text):
    """The words of Latin letters of ``text`` that a Chinese reader would see as English;
    markup, format placeholders, e-mail/web addresses, file extensions, technical names
    (``payment_type``) and acronyms (HTML, GPL) are not words."""
    text = re.sub(r"<[^>]*>", " ", text or "")
    text = re.sub(r"%\(\w+\)[sd]|%[sd]|\{\{.*?\}\}|\{\w*\}", " ", text)
    text = re.sub(r"\S+@\S+|https?://\S+|www\.\S+|\.[a-z]{2,4}\b|\w*_\w*", " ", text)
    return [
        word
        for word in re.findall(r"[A-Za-z]{2,}", text)
        if word not in NEUTRAL_WORDS and not word.isupper()
    ]


@tagged("post_install", "-at_install")
class TestChineseScreens(HttpCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("zh_CN")
        # superuser: loading the translations of every installed module is set-up
        installed = cls.env["ir.module.module"].search([("state", "=", "installed")])
        cls.env["ir.module.module"]._load_module_terms(installed.mapped("name"), ["zh_CN"])
        cls.staff = new_suite_staff(cls.env, "zh_cn_staff", lang="zh_CN", tz="Asia/Shanghai")

    def _staff_env(self):
        return self.env(user=self.staff, context={"lang": "zh_CN", "tz": "Asia/Shanghai"})

    def _menus(self, env):
        """The menus of the suite's apps that the staff user sees, with their actions."""
        menus = env["ir.ui.menu"].load_menus(debug=False)
        apps = {
            key
            for key, menu in menus.items()
            if key != "root" and menu["xmlid"].startswith("property_") and menu["app_id"] == key
        }
        return [
            menu
            for key, menu in menus.items()
            if key != "root" and (menu["app_id"] in apps or menu["xmlid"].startswith("property_"))
        ]

    def _arch_findings(self, arch, fields):
        findings = []
        root = etree.fromstring(arch)
        for node in root.iter():
            if not isinstance(node.tag, str) or node.tag in SKIPPED_ELEMENTS:
                continue
            if node is root:
                # the string of a view's root is not shown by the web client
                continue
            if node.get("invisible") in ("1", "True") or node.get("column_invisible") in (
                "1",
                "True",
            ):
                continue
            for attribute in READ_ATTRIBUTES:
                if attribute == "sum" and node.get(attribute) in ("1", "True"):
                    continue
                findings += [(attribute, node.get(attribute))] * bool(
                    english_words(node.get(attribute))
                )
            for text in (node.text, node.tail):
                findings += [("text", text.strip() if text else text)] * bool(english_words(text))
            if node.tag == "field" and node.get("name") in fields:
                field = fields[node.get("name")]
                if not node.get("string") and node.get("nolabel") not in ("1", "True"):
                    findings += [("label", field.get("string"))] * bool(
                        english_words(field.get("string"))
                    )
                # time zones are identifiers (Asia/Shanghai), shown as they are
                selection = [] if node.get("name") == "tz" else field.get("selection")
                for _value, label in selection or ():
                    findings += [("selection", label)] * bool(english_words(label))
                findings += [("field help", field.get("help"))] * bool(
                    english_words(field.get("help"))
                )
        return [(kind, value) for kind, value in findings if value]

    def test_backend_screens_are_chinese(self):
        """Menus, the views of their actions and the stages they show."""
        env = self._staff_env()
        problems = []
        models_seen = set()
        for menu in self._menus(env):
            if english_words(menu["name"]):
                problems.append(f"menu {menu['xmlid']}: {menu['name']}")
            if menu["action_model"] != "ir.actions.act_window":
                continue
            action = env["ir.actions.act_window"].sudo().browse(menu["action_id"])
            if english_words(action.name):
                problems.append(f"action {menu['xmlid']}: {action.name}")
            model = action.res_model
            if model in models_seen or model not in env:
                continue
            models_seen.add(model)
            modes = [mode.strip() for mode in action.view_mode.split(",")]
            views = [(False, mode) for mode in modes if mode in ("list", "form", "kanban")]
            try:
                result = env[model].get_views([*views, (False, "search")])
            except Exception as error:
                problems.append(f"{model}: views cannot be opened ({error})")
                continue
            fields = result["models"][model]["fields"]
            for view_type, view in result["views"].items():
                for kind, value in self._arch_findings(view["arch"], fields):
                    problems.append(f"{model} {view_type} {kind}: {value!r}")
            if "stage_id" in env[model]._fields:
                stages = env[env[model]._fields["stage_id"].comodel_name].search([])
                problems += [
                    f"{model} stage: {stage.display_name}"
                    for stage in stages
                    if english_words(stage.display_name)
                ]
        self.assertTrue(models_seen, "the staff user reaches no screen")
        problems = sorted(set(problems))
        self.assertFalse(
            problems, "English on the screens of a zh_CN user:\n" + "\n".join(problems)
        )

    def test_portal_pages_are_chinese(self):
        """The resident's portal pages: the home, the requests and a request, the form of
        a new request, the units and the invoices."""
        resident = self.env["res.partner"].create(
            {"name": "张三", "email": "zhangsan@example.com", "lang": "zh_CN"}
        )
        portal = new_test_user(
            self.env,
            login="zh_cn_resident",
            password="zh_cn_resident",
            groups="base.group_portal",
            partner_id=resident.id,
            name="张三",
            lang="zh_CN",
        )
        # the pages of the addons installed with this one (others answer 404)
        pages = [
            "/my",
            "/my/account",
            "/my/units",
            "/my/tickets",
            "/new/ticket",
            "/my/invoices",
            "/my/keys",
            "/my/renovations",
        ]
        self.authenticate(portal.login, "zh_cn_resident")
        problems = []
        for page in pages:
            response = self.url_open(page)
            if response.status_code == 404:
                continue
            self.assertEqual(response.status_code, 200, page)
            document = html.fromstring(response.content)
            # the language selector names each language in that language
            for selector in document.xpath("//*[contains(@class, 'js_language_selector')]"):
                selector.getparent().remove(selector)
            for node in document.iter():
                if not isinstance(node.tag, str) or node.tag in SKIPPED_ELEMENTS:
                    continue
                if "o_not_editable" in (node.get("class") or "") and node.tag == "span":
                    continue
                for text in (node.text, node.tail):
                    # the company's name is its own, whatever its language
                    text = (text or "").replace(self.env.company.name, "")
                    if english_words(text):
                        problems.append(f"{page} <{node.tag}>: {text.strip()!r}")
                for attribute in ("placeholder", "title", "value"):
                    # an option's value is sent, not read
                    if node.tag == "option" and attribute == "value":
                        continue
                    if (
                        node.tag == "input"
                        and attribute == "value"
                        and node.get("type")
                        in (
                            "hidden",
                            "text",
                        )
                    ):
                        continue
                    value = (node.get(attribute) or "").replace(self.env.company.name, "")
                    if english_words(value):
                        problems.append(f"{page} <{node.tag} {attribute}>: {node.get(attribute)!r}")
        problems = sorted(set(problems))
        self.assertFalse(
            problems, "English on the portal of a zh_CN resident:\n" + "\n".join(problems)
        )
        # the browser tab reads the company's name, not the software's
        home = html.fromstring(self.url_open("/my").content)
        self.assertEqual(home.findtext(".//title").strip(), self.env.company.name)
