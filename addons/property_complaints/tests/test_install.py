# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestInstall(TransactionCase):
    def test_menu_under_suite_root_in_chinese(self):
        menu = self.env.ref("property_complaints.property_complaints_menu")
        self.assertEqual(menu.parent_id, self.env.ref("property_service_desk.property_root_menu"))
        self.env["res.lang"]._activate_lang("zh_CN")
        self.env["ir.module.module"]._load_module_terms(
            ["property_complaints"], ["zh_CN"], overwrite=True
        )
        self.assertEqual(menu.with_context(lang="zh_CN").name, "投诉管理")

    def test_the_complaint_views_stay_on_the_complaints(self):
        """The requests' list, pivot and graph are not the complaints' (their columns
        and measures are for complaints only): an action without views gets the
        requests' ones."""
        Ticket = self.env["helpdesk.ticket"]
        for view_type, own in (
            ("list", "property_complaints.helpdesk_ticket_view_list_complaint"),
            ("pivot", "property_complaints.helpdesk_ticket_view_pivot_complaint"),
            ("graph", "property_complaints.helpdesk_ticket_view_graph_complaint"),
        ):
            with self.subTest(view_type=view_type):
                default = Ticket.get_views([(False, view_type)])["views"][view_type]
                self.assertNotEqual(default["id"], self.env.ref(own).id)
                self.assertNotIn("complaint_type", default["arch"])
        complaints = self.env.ref("property_complaints.property_complaint_action")
        self.assertIn(
            self.env.ref("property_complaints.helpdesk_ticket_view_list_complaint"),
            complaints.view_ids.view_id,
        )
