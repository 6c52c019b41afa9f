# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import uuid
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

PATROL_AREAS = [
    ("meters", "Meters"),
    ("stairwells", "Stairwells"),
    ("fire", "Fire Corridors and Roofs"),
    ("lifts", "Lifts"),
    ("lobbies", "Lobbies"),
    ("utilities", "Utilities"),
    ("recreation", "Recreation"),
    ("green", "Green Areas"),
    ("roads", "Roads and Car Parks"),
    ("surroundings", "Surroundings"),
    ("renovation", "Renovation Violations"),
    ("vacant", "Vacant Units"),
]
# findings are rectified within a week; longer needs the manager
FINDING_DAYS = 7


class PropertyPatrolCheckpoint(models.Model):
    """A place a patrol must pass; its printed QR code opens the scan page."""

    _name = "property.patrol.checkpoint"
    _description = "Patrol Checkpoint"
    _order = "estate_id, name"

    name = fields.Char(required=True)
    estate_id = fields.Many2one("property.estate", required=True, index=True)
    company_id = fields.Many2one(related="estate_id.company_id", store=True)
    area = fields.Selection(PATROL_AREAS, required=True)
    token = fields.Char(
        required=True, readonly=True, copy=False, default=lambda self: uuid.uuid4().hex
    )
    scan_url = fields.Char(compute="_compute_scan_url")
    active = fields.Boolean(default=True)

    _token_uniq = models.Constraint("unique(token)", "Checkpoint codes are unique.")

    def _compute_scan_url(self):
        for checkpoint in self:
            checkpoint.scan_url = f"{checkpoint.get_base_url()}/patrol/scan/{checkpoint.token}"

    def _register_scan(self):
        """The patrolling user scanned this checkpoint: record the time on their round
        of the day that includes it."""
        self.ensure_one()
        now = fields.Datetime.now()
        round_ = self.env["property.patrol.round"].search(
            [
                ("user_id", "=", self.env.uid),
                ("state", "=", "planned"),
                ("plan_id.checkpoint_ids", "in", self.ids),
                ("window_start", "<=", now + timedelta(hours=1)),
                ("window_end", ">=", now - timedelta(hours=1)),
            ],
            limit=1,
        )
        if not round_:
            raise UserError(self.env._("No patrol round of yours passes this checkpoint now."))
        visit = round_.visit_ids.filtered(lambda v: v.checkpoint_id == self)
        if not visit:
            visit = self.env["property.patrol.visit"].create(
                {"round_id": round_.id, "checkpoint_id": self.id, "date": now}
            )
        return visit


class PropertyPatrolPlan(models.Model):
    _name = "property.patrol.plan"
    _description = "Patrol Plan"

    name = fields.Char(required=True)
    estate_id = fields.Many2one("property.estate", required=True, index=True)
    company_id = fields.Many2one(related="estate_id.company_id", store=True)
    area = fields.Selection(PATROL_AREAS, required=True)
    checkpoint_ids = fields.Many2many("property.patrol.checkpoint", string="Checkpoints")
    item_ids = fields.One2many("property.patrol.plan.item", "plan_id", string="Checklist")
    interval_days = fields.Integer(string="Every (days)", default=1, required=True)
    start_hour = fields.Float(string="Starts At", default=9.0, required=True)
    window_hours = fields.Float(string="Window (hours)", default=2.0, required=True)
    user_id = fields.Many2one("res.users", string="Patrolled By", required=True)
    active = fields.Boolean(default=True)

    _positive = models.Constraint(
        "CHECK(interval_days > 0 AND window_hours > 0)", "A patrol needs a frequency and a window."
    )


class PropertyPatrolPlanItem(models.Model):
    _name = "property.patrol.plan.item"
    _description = "Patrol Checklist Item"
    _order = "sequence, id"

    plan_id = fields.Many2one("property.patrol.plan", required=True, ondelete="cascade")
    sequence = fields.Integer(default=10)
    name = fields.Char(required=True)


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


class PropertyPatrolVisit(models.Model):
    _name = "property.patrol.visit"
    _description = "Checkpoint Scan"

    round_id = fields.Many2one("property.patrol.round", required=True, ondelete="cascade")
    checkpoint_id = fields.Many2one("property.patrol.checkpoint", required=True)
    date = fields.Datetime(string="Scanned", required=True)
    in_window = fields.Boolean(compute="_compute_in_window")

    _once = models.Constraint(
        "unique(round_id, checkpoint_id)", "This checkpoint was already scanned."
    )

    def _compute_in_window(self):
        for visit in self:
            visit.in_window = visit.round_id.window_start <= visit.date <= visit.round_id.window_end


class PropertyPatrolLine(models.Model):
    """One check of a round; a failed one is a finding, rectified within a week and
    verified on site."""

    _name = "property.patrol.line"
    _description = "Patrol Check"
    _inherit = ["property.guarded.mixin"]
    _guarded_fields = {"verified_on_site": _lt("Verified on Site")}
    _order = "round_id, id"

    round_id = fields.Many2one(
        "property.patrol.round", required=True, ondelete="cascade", index=True
    )
    estate_id = fields.Many2one(related="round_id.estate_id", store=True)
    name = fields.Char(required=True)
    result = fields.Selection([("ok", "OK"), ("failed", "Failed")])
    note = fields.Char()
    gas_smell = fields.Boolean(string="Gas or Burning Smell")
    due_date = fields.Date(string="Rectify By")
    ticket_id = fields.Many2one("helpdesk.ticket", string="Request", readonly=True)
    unit_id = fields.Many2one("property.unit", string="Unit Concerned")
    violation_id = fields.Many2one("property.violation", readonly=True)
    note_team_id = fields.Many2one(
        "helpdesk.ticket.team", string="Department to Tell", help="Told by a to-do."
    )
    verified_on_site = fields.Boolean(readonly=True)
    finding_state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")], compute="_compute_finding_state", store=True
    )

    @api.depends("result", "verified_on_site")
    def _compute_finding_state(self):
        for line in self:
            line.finding_state = (
                "open"
                if line.result == "failed" and not line.verified_on_site
                else ("closed" if line.result == "failed" else False)
            )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        due = [vals.get("due_date") for vals in vals_list]
        for line, due_date in zip(lines, due, strict=True):
            if due_date:
                line._check_due_date(due_date)
        lines._after_update()
        return lines

    def _check_due_date(self, due_date):
        """Findings are usually resolved within a week (SOP §9): more needs the manager."""
        if self.env.su or self.env.user.has_group("property_service_desk.group_property_manager"):
            return
        for line in self:
            limit = line.round_id.date + timedelta(days=FINDING_DAYS)
            if fields.Date.to_date(due_date) > limit:
                raise UserError(
                    self.env._("More than a week to rectify needs the manager's approval.")
                )

    def write(self, vals):
        if vals.get("due_date"):
            self._check_due_date(vals["due_date"])
        result = super().write(vals)
        if {"result", "gas_smell"} & set(vals):
            self._after_update()
        return result

    def _after_update(self):
        for line in self.filtered(lambda line: line.result == "failed" and not line.due_date):
            line.due_date = line.round_id.date + timedelta(days=FINDING_DAYS)
        team = self.env.ref(
            "property_service_desk.helpdesk_team_security", raise_if_not_found=False
        )
        for line in self.filtered("gas_smell"):
            users = (team.user_id if team else self.env["res.users"]) | (
                line.round_id.estate_id.supervisor_id
            )
            for user in users:
                line.round_id.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Gas or burning smell: %(where)s", where=line.name),
                    user_id=user.id,
                )

    def action_make_request(self):
        """A failed check becomes a repair request in one click."""
        for line in self.filtered(lambda line: line.result == "failed" and not line.ticket_id):
            line.ticket_id = self.env["helpdesk.ticket"].create(
                {
                    "name": line.name,
                    "description": line.note or line.name,
                    "estate_id": line.round_id.estate_id.id,
                    "location": line.round_id.plan_id.name,
                    "request_kind": "repair_common",
                    "channel_id": self.env.ref(
                        "property_service_desk.helpdesk_ticket_channel_staff"
                    ).id,
                }
            )
        return True

    def action_make_violation(self):
        """A failed check becomes a resident violation of the unit concerned."""
        category = self.env.ref("property_service_desk.violation_category_other")
        for line in self.filtered(lambda line: line.result == "failed" and not line.violation_id):
            if not line.unit_id:
                raise UserError(self.env._("Choose the unit the violation concerns."))
            line.violation_id = self.env["property.violation"].create(
                {
                    "unit_id": line.unit_id.id,
                    "partner_id": line.unit_id.fee_payer_id.id,
                    "category_id": category.id,
                    "description": f"{line.name}: {line.note or ''}",
                }
            )
        return True

    def action_note_department(self):
        """A failed check for another department: a to-do for its team leader."""
        for line in self.filtered(lambda line: line.result == "failed"):
            leader = line.note_team_id.user_id
            if not leader:
                raise UserError(self.env._("Choose a department with a team leader."))
            line.round_id.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Patrol finding: %(what)s", what=line.name),
                note=line.note or "",
                user_id=leader.id,
            )
        return True

    def action_verify(self):
        """Checked on site: the finding is rectified."""
        self.filtered(lambda line: line.result == "failed")._guarded_write(
            {"verified_on_site": True}
        )
        return True
