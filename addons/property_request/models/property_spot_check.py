# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hashlib
import math
import random
from datetime import timedelta

from odoo import api, fields, models


class PropertySpotCheck(models.Model):
    """The supervisor's weekly spot check of work orders (SOP §5: 30 % a week). The
    sample is stored and drawn from a seed kept with it, so it can be drawn again."""

    _name = "property.spot.check"
    _description = "Work Order Spot Check"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "week_start desc, estate_id"

    estate_id = fields.Many2one("property.estate", required=True, index=True, readonly=True)
    company_id = fields.Many2one(related="estate_id.company_id", store=True)
    week_start = fields.Date(required=True, readonly=True, help="Monday of the week checked.")
    rate = fields.Float(string="Rate (%)", readonly=True)
    seed = fields.Char(readonly=True, help="Seed of the draw: the same seed draws the same sample.")
    population_count = fields.Integer(string="Work Orders of the Week", readonly=True)
    supervisor_id = fields.Many2one("res.users")
    line_ids = fields.One2many("property.spot.check.line", "check_id", string="Sample")
    sample_count = fields.Integer(compute="_compute_progress")
    checked_count = fields.Integer(compute="_compute_progress")

    _estate_week_uniq = models.Constraint(
        "unique(estate_id, week_start)", "This week's spot check is already drawn."
    )

    @api.depends("estate_id", "week_start")
    def _compute_display_name(self):
        for check in self:
            check.display_name = self.env._(
                "%(estate)s, week of %(week)s", estate=check.estate_id.name, week=check.week_start
            )

    @api.depends("line_ids.result")
    def _compute_progress(self):
        for check in self:
            check.sample_count = len(check.line_ids)
            check.checked_count = len(check.line_ids.filtered("result"))

    @api.model
    def _week_work_orders(self, estate, week_start):
        # Monday to Sunday of the estate's local days
        return self.env["helpdesk.ticket"].search(
            [
                ("estate_id", "=", estate.id),
                ("date_dispatched", ">=", estate._local_date_start(week_start)),
                ("date_dispatched", "<", estate._local_date_start(week_start + timedelta(days=7))),
            ],
            order="id",
        )

    @api.model
    def _draw(self, population, rate, seed):
        size = math.ceil(len(population) * rate / 100.0)
        rng = random.Random(int(hashlib.sha256(seed.encode()).hexdigest(), 16))
        return population.browse(sorted(rng.sample(population.ids, size)))

    @api.model
    def _draw_for(self, estates, week_start):
        """Draw the week's sample of every estate that has none yet (idempotent)."""
        done = self.search(
            [("estate_id", "in", estates.ids), ("week_start", "=", week_start)]
        ).estate_id
        vals_list = []
        for estate in estates - done:
            population = self._week_work_orders(estate, week_start)
            rate = estate.spot_check_rate
            seed = f"{estate.code}/{week_start.isoformat()}"
            sample = self._draw(population, rate, seed)
            vals_list.append(
                {
                    "estate_id": estate.id,
                    "week_start": week_start,
                    "rate": rate,
                    "seed": seed,
                    "population_count": len(population),
                    "supervisor_id": estate.supervisor_id.id,
                    "line_ids": [fields.Command.create({"ticket_id": t.id}) for t in sample],
                }
            )
        return self.create(vals_list)

    @api.model
    def _cron_draw_spot_checks(self):
        """Every Monday: last week's sample for every estate."""
        checks = self.browse()
        estates = self.env["property.estate"].search([])
        for today, group in estates.grouped(lambda e: e._local_today()).items():
            last_monday = today - timedelta(days=today.weekday() + 7)
            checks |= self._draw_for(group, last_monday)
        for check in checks.filtered("supervisor_id"):
            check.activity_schedule(
                "property_request.mail_activity_type_spot_check",
                user_id=check.supervisor_id.id,
                summary=self.env._("Spot-check %(count)s work orders", count=len(check.line_ids)),
            )

    def action_redraw_check(self):
        """Draw again from the seed: shows the stored sample is the reproducible one."""
        self.ensure_one()
        population = self._week_work_orders(self.estate_id, self.week_start)
        return self._draw(population, self.rate, self.seed)
