# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.tools import format_date


class PropertyDutyRosterDay(models.Model):
    """One day of a roster's month grid: who has the day shift and who the night duty.
    The shifts themselves are the roster's lines, which swaps and handovers use; the
    grid reads and writes them."""

    _name = "property.duty.roster.day"
    _description = "Duty Roster Day"
    _order = "date"

    roster_id = fields.Many2one(
        "property.duty.roster", required=True, ondelete="cascade", index=True, readonly=True
    )
    estate_id = fields.Many2one(related="roster_id.estate_id", store=True)
    state = fields.Selection(related="roster_id.state")
    date = fields.Date(required=True, readonly=True)
    weekday = fields.Char(compute="_compute_weekday")
    is_weekend = fields.Boolean(compute="_compute_weekday")
    day_user_ids = fields.Many2many(
        "res.users",
        string="Day Shift (Service Centre)",
        domain=[("share", "=", False)],
        compute="_compute_user_ids",
        inverse="_inverse_day_user_ids",
    )
    night_user_ids = fields.Many2many(
        "res.users",
        string="Night Duty (Monitoring Centre)",
        domain=[("share", "=", False)],
        compute="_compute_user_ids",
        inverse="_inverse_night_user_ids",
    )

    _roster_date_uniq = models.Constraint(
        "unique(roster_id, date)", "A roster has one row per day."
    )

    @api.depends("date")
    @api.depends_context("lang")
    def _compute_weekday(self):
        for day in self:
            day.weekday = format_date(self.env, day.date, date_format="EEE") if day.date else ""
            day.is_weekend = bool(day.date) and day.date.weekday() >= 5

    @api.depends("roster_id.line_ids.user_id", "roster_id.line_ids.date", "date")
    def _compute_user_ids(self):
        for day in self:
            lines = day.roster_id.line_ids.filtered(lambda line, d=day.date: line.date == d)
            day.day_user_ids = lines.filtered(lambda line: line.shift == "day").user_id
            day.night_user_ids = lines.filtered(lambda line: line.shift == "night").user_id

    def _inverse_day_user_ids(self):
        self._set_shift("day", "day_user_ids")

    def _inverse_night_user_ids(self):
        self._set_shift("night", "night_user_ids")

    def _set_shift(self, shift, fname):
        """Add the lines of the people put on the shift, remove those taken off it. The
        lines' own rules apply (a published roster changes only through a swap)."""
        Line = self.env["property.duty.roster.line"]
        to_create = []
        to_remove = Line
        for day in self:
            lines = day.roster_id.line_ids.filtered(
                lambda line, d=day.date: line.date == d and line.shift == shift
            )
            wanted = day[fname]
            to_remove |= lines.filtered(lambda line, w=wanted: line.user_id not in w)
            to_create += [
                {"roster_id": day.roster_id.id, "date": day.date, "shift": shift, "user_id": u.id}
                for u in wanted - lines.user_id
            ]
        to_remove.unlink()
        Line.create(to_create)
