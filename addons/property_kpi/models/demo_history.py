# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, models

# (day of the month, what the resident asked) of a month's everyday help
EVERYDAY_HELP = [
    (2, "借用梯子"),
    (3, "代收快递"),
    (5, "咨询停车月卡办理"),
    (7, "借用手推车"),
    (9, "咨询垃圾分类投放时间"),
    (11, "开具物业费收据"),
    (13, "代叫出租车"),
    (16, "咨询水电过户"),
    (18, "借用雨伞"),
    (20, "登记访客车辆"),
    (23, "咨询装修申报材料"),
    (26, "寄存行李"),
]
REPAIRS = [(4, "3 栋电梯按钮失灵"), (12, "地下车库照明灯不亮"), (19, "2 栋门禁读卡器故障")]
COMPLAINTS = [
    (
        6,
        "property_request.category_service_centre_complaint_valid_complaint",
        "management",
        "物业费账单金额有误",
    ),
    (
        15,
        "property_request.category_service_centre_complaint_help_seeking",
        "neighbour",
        "邻居在楼道堆放杂物",
    ),
    (
        22,
        "property_request.category_cleaning_complaint_valid_complaint",
        "management",
        "垃圾房未及时清运，异味严重",
    ),
]


class PropertyKpiValue(models.Model):
    _inherit = "property.kpi.value"

    @api.model
    def _demo_history(self, estate_xmlid, desk_xmlid, engineer_xmlid, months=6):
        """Demo: the estate's last ``months`` months of service-centre work, as it was
        done: everyday help and repairs completed and visited (20 % and all), complaints
        answered and solved (one a quarter late), weekly spot checks of the work orders.
        The KPIs of those months are then computed from it. Called from demo data only
        (superuser); the documents are written with the dates they had."""
        estate = self.env.ref(estate_xmlid)
        desk = self.env.ref(desk_xmlid)
        engineer = self.env.ref(engineer_xmlid)
        context = {"tracking_disable": True, "mail_create_nolog": True, "mail_notrack": True}
        # as the front desk (the complaints' closing checks its role), past the rules:
        # the history is written as it happened
        Ticket = self.env["helpdesk.ticket"].with_user(desk).sudo().with_context(**context)
        Followup = self.env["property.followup"].sudo().with_context(**context)
        units = self.env["property.unit"].search(
            [("estate_id", "=", estate.id), ("fee_payer_id", "!=", False)]
        )
        done = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        engineering = self.env.ref("property_request.helpdesk_team_engineering")
        repair_category = self.env.ref("property_request.category_engineering_common_area_overhaul")
        rules = {rule.source_kind: rule for rule in self.env["property.followup.rule"].search([])}
        this_month = estate._local_today().replace(day=1)
        tickets = Ticket.browse()
        followups = []
        for back in range(months, 0, -1):
            month = this_month - relativedelta(months=back)

            def at(day, hour, month=month):
                # the estate's local time, stored in UTC
                return estate._local_date_start(month.replace(day=day)) + timedelta(hours=hour)

            for index, (day, name) in enumerate(EVERYDAY_HELP):
                unit = units[(index + back) % len(units)]
                ticket = Ticket.create(
                    {
                        "name": name,
                        "description": name,
                        "unit_id": unit.id,
                        "partner_id": unit.fee_payer_id.id,
                        "request_kind": "other",
                        "is_simple": True,
                        "date_received": at(day, 9),
                    }
                )
                ticket.write({"stage_id": done.id})
                ticket.write({"closed_date": at(day, 10)})
                tickets |= ticket
                # 20 % visited; one month in three a visit short
                if index < (2 if back % 3 == 0 else 3):
                    followups.append((ticket, "everyday_help", at(day + 2, 15)))
            for day, name in REPAIRS:
                ticket = Ticket.create(
                    {
                        "name": name,
                        "description": name,
                        "estate_id": estate.id,
                        "location": name.split(" ")[0],
                        "category_id": repair_category.id,
                        "department_id": engineering.id,
                        "date_received": at(day, 8),
                    }
                )
                ticket.action_dispatch()
                ticket.write({"user_id": engineer.id})
                ticket.write({"stage_id": done.id})
                ticket.write(
                    {
                        "date_dispatched": at(day, 8) + timedelta(minutes=4),
                        "date_arrived": at(day, 8) + timedelta(minutes=25),
                        "closed_date": at(day, 11),
                    }
                )
                tickets |= ticket
                followups.append((ticket, "repair", at(day + 1, 16)))
            for index, (day, category, kind, name) in enumerate(COMPLAINTS):
                if "cleaning" in category and back % 3 != 1:
                    continue  # cleanliness complaints: two months in six
                unit = units[(index + 2 * back) % len(units)]
                late = back % 3 == 0 and index == 1
                ticket = Ticket.create(
                    {
                        "name": name,
                        "description": name,
                        "unit_id": unit.id,
                        "partner_id": unit.fee_payer_id.id,
                        "category_id": self.env.ref(category).id,
                        "complaint_category": kind,
                        "complaint_severity": "minor",
                        "date_received": at(day, 10),
                    }
                )
                answered = at(day + (3 if late else 1), 11)
                ticket.write(
                    {
                        "date_replied": answered if ticket.complaint_reply_deadline else False,
                        "complaint_handling": "<p>已联系相关部门现场处理。</p>",
                        "date_handled": answered,
                        "handled_by_id": desk.id,
                        "complaint_result": "已处理完毕，业主表示认可。",
                    }
                )
                ticket.write({"stage_id": done.id})
                ticket.write({"closed_date": at(day + (4 if late else 1), 17)})
                tickets |= ticket
                if ticket.followup_kind == "complaint":
                    followups.append((ticket, "complaint", at(day + 2, 10)))
        Followup.create(
            [
                {
                    "res_model": "helpdesk.ticket",
                    "res_id": ticket.id,
                    "source_kind": kind,
                    "rule_id": rules[kind].id if kind in rules else False,
                    "visit_number": 1,
                    "estate_id": estate.id,
                    "unit_id": ticket.unit_id.id,
                    "partner_id": ticket.partner_id.id,
                    "visitor_id": desk.id,
                    "due_date": when.date(),
                    "state": "done",
                    "date_done": when,
                    "outcome": "satisfied",
                    "satisfaction": "5",
                }
                for ticket, kind, when in followups
            ]
        )
        # the Monday spot checks of those months, checked by the supervisor
        SpotCheck = self.env["property.spot.check"].sudo().with_context(**context)
        monday = this_month - relativedelta(months=months)
        monday += timedelta(days=-monday.weekday() % 7)
        while monday + timedelta(days=7) <= this_month:
            for check in SpotCheck._draw_for(estate, monday):
                check.line_ids.write({"result": "pass"})
            monday += timedelta(days=7)
        # the requests were made when they were received (the portal lists them by it)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE helpdesk_ticket SET create_date = date_received WHERE id = ANY(%s)",
            [tickets.ids],
        )
        tickets.invalidate_recordset(["create_date"])
        # what the scheduled actions asked of people then is long done
        self.env["mail.activity"].sudo().search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "in", tickets.ids)]
        ).unlink()
        self.env["mail.mail"].sudo().search(
            [("model", "=", "helpdesk.ticket"), ("res_id", "in", tickets.ids)]
        ).unlink()
        return tickets
