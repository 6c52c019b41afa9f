# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

CHECKS = ("doors_closed", "taps_off", "power_off", "nothing_missing", "nobody_staying")


class PropertyVacancyRound(models.Model):
    """Outside inspection of vacant and entrusted units: weekly, and before and after
    heavy rain."""

    _name = "property.vacancy.round"
    _description = "Vacant-Unit Inspection Round"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.guarded.mixin"]
    _guarded_fields = {"state": _lt("Done"), "user_id": _lt("Done")}
    _order = "date desc, id desc"

    estate_id = fields.Many2one("property.estate", required=True, index=True)
    company_id = fields.Many2one(related="estate_id.company_id", store=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    kind = fields.Selection(
        [
            ("weekly", "Weekly"),
            ("storm_before", "Before Heavy Rain"),
            ("storm_after", "After Heavy Rain"),
        ],
        required=True,
        default="weekly",
    )
    line_ids = fields.One2many("property.vacancy.round.line", "round_id", string="Units")
    state = fields.Selection([("open", "Open"), ("done", "Done")], default="open", required=True)
    user_id = fields.Many2one("res.users", string="Done By", readonly=True)

    @api.depends("kind", "date")
    def _compute_display_name(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for round_ in self:
            round_.display_name = f"{kinds.get(round_.kind, '')} {round_.date or ''}".strip()

    @api.model
    def _create_round(self, estates, kind, day):
        units = (
            self.env["property.unit"]
            .search([("estate_id", "in", estates.ids), ("state", "in", ("vacant", "entrusted"))])
            .grouped("estate_id")
        )
        return self.create(
            [
                {
                    "estate_id": estate.id,
                    "kind": kind,
                    "date": day,
                    "line_ids": [
                        fields.Command.create({"unit_id": unit.id})
                        for unit in units.get(estate, self.env["property.unit"])
                    ],
                }
                for estate in estates
            ]
        )

    @api.model
    def _cron_weekly_rounds(self):
        """One weekly round per estate and week, the estate's week (idempotent)."""
        with_units = (
            self.env["property.unit"].search([("state", "in", ("vacant", "entrusted"))]).estate_id
        )
        rounds = self.browse()
        for today, estates in self.env["property.estate"]._by_local_date(with_units).items():
            monday = today - timedelta(days=today.weekday())
            done = self.search(
                [("kind", "=", "weekly"), ("date", ">=", monday), ("estate_id", "in", estates.ids)]
            ).estate_id
            if estates - done:
                rounds |= self._create_round(estates - done, "weekly", today)
        return rounds

    def action_done(self):
        for round_ in self:
            unchecked = round_.line_ids.filtered(lambda line: not line.checked)
            if unchecked:
                raise UserError(
                    self.env._(
                        "Check every unit first: %(units)s.",
                        units=", ".join(unchecked.unit_id.mapped("display_name")),
                    )
                )
            failed = round_.line_ids.filtered(lambda line: not all(line[check] for check in CHECKS))
            if failed and round_.estate_id.supervisor_id:
                round_.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._(
                        "Vacant units with findings: %(units)s",
                        units=", ".join(failed.unit_id.mapped("code")),
                    ),
                    user_id=round_.estate_id.supervisor_id.id,
                )
        self._guarded_write({"state": "done", "user_id": self.env.uid})
        return True
