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

    def test_demo_shows_works_under_way(self):
        """The demo application went through review, fees, permit and water test by the
        applications' own actions, as the engineering role is told to see it."""
        works = self.env.ref("property_renovation.renovation_works_demo")
        engineer = self.env.ref("property_service_desk.user_engineer_demo")
        works = works.with_user(engineer)
        self.assertEqual(works.state, "in_progress")
        self.assertTrue(works.fees_paid)
        self.assertTrue(works.permit_number)
        self.assertTrue(works.inspection_ids)
        self.assertEqual(works.reviewed_by_id, engineer)
