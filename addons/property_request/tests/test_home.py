# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from odoo.exceptions import UserError
from odoo.tests import HttpCase, freeze_time, new_test_user, tagged

from .common import RequestCommon

# 01:00 on 11 March in Shanghai: the estate's today began at 16:00 UTC on the 10th
NOW = datetime(2026, 3, 10, 17, 0)


@tagged("post_install", "-at_install")
class TestServiceCentreHome(RequestCommon):
    def _home(self, user, estate):
        # the numbers are read afresh each time the home is shown
        estate.invalidate_recordset(["home_counts"])
        return estate.with_user(user).home_counts

    def _open(self, user, estate, key):
        action = estate.with_user(user).with_context(home_item=key).action_home_open()
        return self.env[action["res_model"]].with_user(user).search(action["domain"])

    def test_home_counts_what_waits_and_opens_it(self):
        with freeze_time(NOW - timedelta(minutes=3)):
            waiting = self._request(NOW - timedelta(minutes=3))
        with freeze_time(NOW - timedelta(hours=1)):
            late = self._request(NOW - timedelta(hours=1))
        # in the other estate: not on estate A's home, nor to estate A's desk
        other = (
            self.env["helpdesk.ticket"]
            .with_user(self.assistant_b)
            .create(
                {
                    "name": "Lift stuck",
                    "description": "<p>Lift stuck</p>",
                    "unit_id": self.unit_b1.id,
                    "category_id": self.cat_repair.id,
                    "date_received": NOW,
                }
            )
        )
        with freeze_time(NOW):
            self._run_cron("property_request.ir_cron_ticket_check_timers")
        self.assertTrue(late.dispatch_overdue)
        home = self._home(self.assistant_a, self.estate_a)
        self.assertEqual(home["to_dispatch"], 2)
        self.assertEqual(home["dispatch_overdue"], 1)
        self.assertEqual(self._open(self.assistant_a, self.estate_a, "to_dispatch"), waiting | late)
        self.assertEqual(self._open(self.assistant_a, self.estate_a, "dispatch_overdue"), late)
        self.assertEqual(self._home(self.assistant_b, self.estate_b)["to_dispatch"], 1)
        self.assertEqual(self._open(self.assistant_b, self.estate_b, "to_dispatch"), other)
        # the desk sees its own estates only
        Estate = self.env["property.estate"].with_user(self.assistant_a)
        self.assertNotIn(self.estate_b, Estate.search([]))
        # dispatched: no longer waiting, nor overdue on the home (the late dispatch stays
        # on the request for the statistics)
        with freeze_time(NOW):
            late.with_user(self.assistant_a).action_dispatch()
        home = self._home(self.assistant_a, self.estate_a)
        self.assertEqual(home["to_dispatch"], 1)
        self.assertEqual(home["dispatch_overdue"], 0)
        self.assertTrue(late.dispatch_overdue)
        with self.assertRaisesRegex(UserError, "has no list"):
            self.estate_a.with_user(self.assistant_a).with_context(
                home_item="nothing"
            ).action_home_open()

    def test_today_is_the_estates_day(self):
        """Completed today counts from midnight in the estate's timezone, not UTC's."""
        yesterday, today = (
            self._request(NOW - timedelta(hours=3)),
            self._request(NOW - timedelta(hours=3)),
        )
        for ticket in yesterday | today:
            ticket.with_user(self.assistant_a).action_dispatch()
        # 23:00 on the 10th in Shanghai (the same UTC day as now), then 00:30 on the 11th
        with freeze_time(datetime(2026, 3, 10, 15, 0)):
            yesterday.with_user(self.assistant_a).stage_id = self.stage_done
        with freeze_time(datetime(2026, 3, 10, 16, 30)):
            today.with_user(self.assistant_a).stage_id = self.stage_done
        with freeze_time(NOW):
            self.assertEqual(self._home(self.assistant_a, self.estate_a)["closed_today"], 1)
            self.assertEqual(self._open(self.assistant_a, self.estate_a, "closed_today"), today)


# waits for the home, opens its first number and waits for the list behind it
OPEN_FIRST_NUMBER = """
const wait = (selector) => new Promise((resolve, reject) => {
    let tries = 0;
    const timer = setInterval(() => {
        const element = document.querySelector(selector);
        if (element) {
            clearInterval(timer);
            resolve(element);
        } else if (++tries > 150) {
            clearInterval(timer);
            reject(new Error("nothing matches " + selector));
        }
    }, 100);
});
(async () => {
    const number = await wait(".o_property_home button[name=action_home_open]");
    number.click();
    await wait(".o_list_renderer .o_data_row");
    console.log("test successful");
})().catch((error) => console.error(error.message));
"""


@tagged("post_install", "-at_install")
class TestServiceCentreHomeInBrowser(HttpCase):
    def test_the_desk_lands_on_its_home_and_opens_a_number(self):
        estate = self.env["property.estate"].create({"name": "Home Estate", "code": "HM"})
        unit = self.env["property.unit"].create(
            {"code": "HM-101", "estate_id": estate.id, "area": 90}
        )
        desk = new_test_user(
            self.env,
            login="hm_desk",
            password="hm_desk_pw",
            groups="property_service_desk.group_property_assistant",
            tz="Asia/Shanghai",
        )
        estate.front_desk_user_ids = [(4, desk.id)]
        self.env["helpdesk.ticket"].with_user(desk).create(
            {
                "name": "No hot water",
                "description": "<p>No hot water</p>",
                "unit_id": unit.id,
                "category_id": self.env.ref(
                    "property_request.category_engineering_paid_unblocking"
                ).id,
            }
        )
        # the suite's app comes first: a user without a home action lands on its home
        menus = self.env["ir.ui.menu"].with_user(desk).load_menus(debug=False)
        first_app = self.env["ir.ui.menu"].browse(menus["root"]["children"][0])
        self.assertEqual(first_app, self.env.ref("property_service_desk.property_root_menu"))
        self.browser_js("/odoo/property-home", OPEN_FIRST_NUMBER, login="hm_desk")
