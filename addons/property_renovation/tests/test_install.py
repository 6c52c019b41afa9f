# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    def test_menu_under_suite_root_in_chinese(self):
        menu = self.env.ref("property_renovation.property_renovation_menu")
        self.assertEqual(menu.parent_id, self.env.ref("property_service_desk.property_root_menu"))
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["property_renovation"], ["zh_CN"], overwrite=True
        )
        self.assertEqual(menu.with_context(lang="zh_CN").name, "装修管理")
