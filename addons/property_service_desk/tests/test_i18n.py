# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import re
from unittest.mock import patch

import polib

from odoo.tests import TransactionCase, tagged
from odoo.tools.misc import file_path
from odoo.tools.translate import TranslationModuleReader

SUITE_AUTHOR = "Property Service Desk contributors"
# words that read the same in Chinese screens
NEUTRAL_WORDS = {"ID", "id"}


def needs_translation(term):
    """A term with a word of Latin letters outside its markup: the OCA .po format leaves
    the translation of a language-neutral term (a code, a unit, Chinese demo text, bare
    markup) empty, since it would repeat the source."""
    text = re.sub(r"<[^>]*>", " ", term)
    return any(word not in NEUTRAL_WORDS for word in re.findall(r"[A-Za-z]{2,}", text))


@tagged("post_install", "-at_install")
class TestTranslations(TransactionCase):
    def test_zh_cn_translation_is_complete(self):
        """Every term the suite's installed addons show (fields, views, menus, messages in
        code) has a Chinese translation in its addon's i18n/zh_CN.po."""
        installed = self.env["ir.module.module"].search(
            [("author", "=", SUITE_AUTHOR), ("state", "=", "installed")]
        )
        self.assertIn("property_service_desk", installed.mapped("name"))
        for module in installed.mapped("name"):
            terms = {
                source
                for _module, _type, _name, _res_id, source, _value, _comments in (
                    TranslationModuleReader(self.env.cr, modules=[module])
                )
            }
            po = polib.pofile(file_path(f"{module}/i18n/zh_CN.po"))
            translated = {
                entry.msgid
                for entry in po
                if entry.msgstr and not entry.obsolete and "fuzzy" not in entry.flags
            }
            self.assertTrue(terms, module)
            self.assertFalse(
                sorted(term for term in terms - translated if needs_translation(term)),
                f"{module}: terms without a zh_CN translation",
            )

    def test_chinese_labels_reach_the_user(self):
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["property_service_desk"], ["zh_CN"], overwrite=True
        )
        Unit = self.env["property.unit"].with_context(lang="zh_CN")
        self.assertEqual(Unit._fields["area"]._description_string(Unit.env), "建筑面积（m²）")
        states = dict(Unit._fields["state"]._description_selection(Unit.env))
        self.assertEqual(states["entrusted"], "托管")
        menu = self.env.ref("property_service_desk.property_root_menu").with_context(lang="zh_CN")
        self.assertEqual(menu.name, "物业客服")


@tagged("post_install", "-at_install")
class TestScheduledActionsLanguage(TransactionCase):
    def test_suite_crons_write_in_the_company_language(self):
        """OdooBot's English is not the language of a Chinese service centre: the suite's
        scheduled actions write in the company's, else the administrator's language."""
        self.env["res.lang"]._activate_lang("zh_CN")
        cron = self.env.ref("property_service_desk.ir_cron_occupancy_refresh_current")
        root = self.env.ref("base.user_root")
        admin = self.env.ref("base.user_admin")
        admin.lang = "zh_CN"
        self.env.company.partner_id.lang = "en_US"
        as_bot = cron.with_user(root).with_context(lang="en_US")
        self.assertEqual(as_bot._property_cron_lang(), "zh_CN")
        # a user who chose a language keeps it; Odoo's own scheduled actions are left alone
        self.assertIsNone(cron.with_context(lang="zh_CN")._property_cron_lang())
        other = (
            self.env["ir.cron"]
            .search([("id", "!=", cron.id)])
            .filtered(lambda job: not job.get_external_id()[job.id].startswith("property_"))[:1]
        )
        self.assertTrue(other)
        self.assertIsNone(other.with_user(root).with_context(lang="en_US")._property_cron_lang())
        # the scheduled action runs in it
        seen = []

        def run(action):
            seen.append(action.env.lang)
            return False

        with (
            patch.object(type(self.env["ir.actions.server"]), "run", run),
            patch.object(self.env.cr, "commit", lambda: None),
        ):
            as_bot._callback(cron.name, cron.ir_actions_server_id.id)
        self.assertEqual(seen, ["zh_CN"])

    def test_records_made_without_a_language_log_in_the_companys(self):
        """Data files write with no language: the creation in the chatter reads in the
        company's language, not in English."""
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(["property_service_desk"], ["zh_CN"])
        self.env.company.partner_id.lang = "zh_CN"
        Estate = self.env["property.estate"].with_context(lang=None)
        estate = Estate.create({"name": "Lakeside", "code": "LKS"})
        self.assertIn("小区 创建", estate.message_ids[-1:].body)
        # a user's own language is left alone
        english = Estate.with_context(lang="en_US").create({"name": "Hillside", "code": "HLS"})
        self.assertIn("Estate created", english.message_ids[-1:].body)
