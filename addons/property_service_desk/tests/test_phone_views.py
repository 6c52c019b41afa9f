# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Staff work on the phone too: every list of daily work the suite's menus open has a
card (kanban) view that the web client shows on a small screen, instead of a table
cut off at 375 px."""

from odoo.tests import TransactionCase, tagged

# daily-work lists kept for the desktop: short rate and permission tables edited in place,
# and the cabinets, which are printed as a map
# (models, so that this base addon names no record of the addons above it)
DESKTOP_ONLY = {"property.fee.rate", "property.key.cabinet", "property.key.permission"}


@tagged("post_install", "-at_install")
class TestPhoneViews(TransactionCase):
    def _daily_work_actions(self):
        """The suite's window actions that open on a list, reached from a menu outside
        Configuration, as (xml id, action)."""
        config = self.env.ref("property_service_desk.property_config_menu")
        data = self.env["ir.model.data"].search(
            [("model", "=", "ir.actions.act_window"), ("module", "=like", "property%")]
        )
        actions = self.env["ir.actions.act_window"].browse(data.mapped("res_id"))
        xmlids = {d.res_id: d.complete_name for d in data}
        menus = (
            self.env["ir.ui.menu"]
            .with_context(active_test=False)
            .search([("action", "in", [f"ir.actions.act_window,{a.id}" for a in actions])])
        )
        daily = {menu.action.id for menu in menus if f"/{config.id}/" not in f"/{menu.parent_path}"}
        return [
            (xmlids[action.id], action)
            for action in actions
            if action.id in daily and action.view_mode.split(",")[0] == "list"
        ]

    def test_every_daily_list_has_a_phone_card(self):
        actions = self._daily_work_actions()
        self.assertTrue(actions)
        missing = []
        for xmlid, action in actions:
            if action.res_model in DESKTOP_ONLY:
                continue
            if "kanban" not in action.view_mode.split(","):
                missing.append(xmlid)
        self.assertFalse(missing, f"Daily lists without a phone card: {', '.join(missing)}")

    def test_desktop_only_lists_are_still_daily_lists(self):
        """The exception list names actions that exist and still open on a list."""
        listed = {action.res_model for _xmlid, action in self._daily_work_actions()}
        self.assertLessEqual({model for model in DESKTOP_ONLY if model in self.env}, listed)
