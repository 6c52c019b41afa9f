# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError


class PropertyPatrolRound(models.Model):
    _name = "property.patrol.round"
    _description = "Patrol Round"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "window_start desc"

    plan_id = fields.Many2one("property.patrol.plan", required=True, index=True)
    estate_id = fields.Many2one(related="plan_id.estate_id", store=True, index=True)
    company_id = fields.Many2one(related="plan_id.company_id", store=True)
    user_id = fields.Many2one("res.users", string="Patrolled By", required=True)
    date = fields.Date(required=True)
    window_start = fields.Datetime(required=True)
    window_end = fields.Datetime(required=True)
    visit_ids = fields.One2many("property.patrol.visit", "round_id", string="Checkpoints Passed")
    line_ids = fields.One2many("property.patrol.line", "round_id", string="Checks")
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("missed", "Missed")],
        default="planned",
        required=True,
        tracking=True,
        index=True,
    )
    incomplete = fields.Boolean(readonly=True, help="Checkpoints were not all scanned.")

    _plan_date_uniq = models.Constraint(
        "unique(plan_id, date)", "This plan already has a round that day."
    )

    @api.depends("plan_id.name", "date")
    def _compute_display_name(self):
        for round_ in self:
            round_.display_name = " · ".join(
                filter(None, [round_.plan_id.name, round_.date and str(round_.date)])
            )

    def _alert_supervisor(self, summary):
        for round_ in self:
            supervisor = round_.estate_id.supervisor_id
            if supervisor:
                round_.activity_schedule(
                    "mail.mail_activity_data_todo", summary=summary, user_id=supervisor.id
                )

    def action_done(self):
        for round_ in self:
            if round_.state != "planned":
                raise UserError(self.env._("This round is not open."))
            if round_.line_ids.filtered(lambda line: not line.result):
                raise UserError(self.env._("Answer every check of the round first."))
            scanned = round_.visit_ids.checkpoint_id
            if round_.plan_id.checkpoint_ids - scanned:
                round_.incomplete = True
                round_._alert_supervisor(self.env._("Incomplete patrol round"))
        self.write({"state": "done"})
        return True

    @api.model
    def _cron_patrol_rounds(self):
        """Mark the rounds past their window missed (the supervisor is told) and create
        today's rounds of the plans due (once per plan and day)."""
        now = fields.Datetime.now()
        missed = self.search([("state", "=", "planned"), ("window_end", "<", now)])
        if missed:
            missed.write({"state": "missed"})
            missed._alert_supervisor(self.env._("Patrol round missed"))
        plans = self.env["property.patrol.plan"].search([])
        last_dates = dict(
            self._read_group([("plan_id", "in", plans.ids)], ["plan_id"], ["date:max"])
        )
        vals_list = []
        for plan in plans:
            estate = plan.estate_id
            today = estate._local_datetime(now).date()
            last = last_dates.get(plan)
            if last and (today - last).days < plan.interval_days:
                continue
            start = estate._local_date_start(today, plan.start_hour)
            vals_list.append(
                {
                    "plan_id": plan.id,
                    "user_id": plan.user_id.id,
                    "date": today,
                    "window_start": start,
                    "window_end": start + timedelta(hours=plan.window_hours),
                    "line_ids": [
                        fields.Command.create({"name": item.name}) for item in plan.item_ids
                    ],
                }
            )
        return self.create(vals_list)
