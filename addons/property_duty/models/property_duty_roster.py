# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import calendar
from datetime import timedelta

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

SHIFTS = [("day", "Day Shift (Service Centre)"), ("night", "Night Duty (Monitoring Centre)")]


class PropertyDutyRoster(models.Model):
    """Monthly duty roster (排班表) of an estate, published by the supervisor before the
    month starts."""

    _name = "property.duty.roster"
    _description = "Duty Roster"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "month desc, estate_id"

    name = fields.Char(compute="_compute_name", store=True)
    estate_id = fields.Many2one("property.estate", required=True, index=True)
    company_id = fields.Many2one(related="estate_id.company_id", store=True)
    month = fields.Date(required=True, help="First day of the month.")
    line_ids = fields.One2many("property.duty.roster.line", "roster_id", string="Shifts")
    day_ids = fields.One2many("property.duty.roster.day", "roster_id", string="Month Grid")
    state = fields.Selection(
        [("draft", "Draft"), ("published", "Published")],
        default="draft",
        required=True,
        tracking=True,
    )
    published_by_id = fields.Many2one("res.users", readonly=True)
    date_published = fields.Datetime(readonly=True)

    _estate_month_uniq = models.Constraint(
        "unique(estate_id, month)", "There is already a roster of this estate for this month."
    )

    @api.model_create_multi
    def create(self, vals_list):
        rosters = super().create(vals_list)
        rosters._ensure_days()
        return rosters

    @api.model
    def _ensure_all_days(self):
        self.search([])._ensure_days()

    def write(self, vals):
        result = super().write(vals)
        if "month" in vals:
            self._ensure_days()
        return result

    def _ensure_days(self):
        """One row of the month grid per day of the roster's month (idempotent)."""
        if not self:
            return
        Day = self.env["property.duty.roster.day"]
        rosters = self
        existing = Day.search_fetch([("roster_id", "in", rosters.ids)], ["roster_id", "date"])
        have = {(day.roster_id.id, day.date) for day in existing}
        stale = existing.filtered(
            lambda day: (day.date.year, day.date.month)
            != (day.roster_id.month.year, day.roster_id.month.month)
        )
        vals_list = []
        for roster in rosters:
            days = calendar.monthrange(roster.month.year, roster.month.month)[1]
            vals_list += [
                {"roster_id": roster.id, "date": roster.month.replace(day=number)}
                for number in range(1, days + 1)
                if (roster.id, roster.month.replace(day=number)) not in have
            ]
        # sudo: the rows are the grid of a roster the user just created or moved; they
        # hold no data of their own (the shifts are the roster's lines)
        stale.sudo().unlink()
        Day.sudo().create(vals_list)

    def action_fill_rotation(self):
        """Open the rotation that fills the month's empty shifts in one go."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Fill by Rotation"),
            "res_model": "property.duty.roster.fill",
            "view_mode": "form",
            "target": "new",
            "context": {"default_roster_id": self.id},
        }

    def _fill_rotation(self, plans, replace=False):
        """Fill the month's shifts: ``plans`` lists (shift, users, count), the users taken
        ``count`` at a time in turn, one day after the other, in the order of their
        names. Shifts already filled stay unless ``replace``."""
        self.ensure_one()
        Line = self.env["property.duty.roster.line"]
        lines = self.line_ids.grouped(lambda line: (line.date, line.shift))
        to_remove = Line
        to_create = []
        for index, day in enumerate(self.day_ids.sorted("date")):
            for shift, users, count in plans:
                ordered = users.sorted(lambda u: (u.name or "", u.id))
                current = lines.get((day.date, shift), Line)
                if current and not replace:
                    continue
                to_remove |= current
                to_create += [
                    {
                        "roster_id": self.id,
                        "date": day.date,
                        "shift": shift,
                        "user_id": ordered.ids[(index * count + k) % len(ordered)],
                    }
                    for k in range(count)
                ]
        to_remove.unlink()
        return Line.create(to_create)

    @api.model
    def _demo_fill_rotation(self, roster_ids, day_user_ids, night_user_ids):
        """Demo data: the rosters filled by rotation, the last one only for its first ten
        days (next month's roster is still being drawn up)."""
        users = self.env["res.users"]
        plans = [("day", users.browse(day_user_ids), 1), ("night", users.browse(night_user_ids), 1)]
        rosters = self.browse(roster_ids).sorted("month")
        for roster in rosters[:-1]:
            roster._fill_rotation(plans)
        last = rosters[-1:]
        if last:
            last._fill_rotation(plans)
            last.line_ids.filtered(lambda line: line.date.day > 10).unlink()

    def action_open_calendar(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_duty.property_duty_shift_action"
        )
        action["domain"] = [("roster_id", "=", self.id)]
        action["context"] = {"initial_date": fields.Date.to_string(self.month)}
        return action

    @api.depends("estate_id", "month")
    def _compute_name(self):
        for roster in self:
            month = roster.month.strftime("%Y-%m") if roster.month else ""
            roster.name = f"{roster.estate_id.name or ''} {month}".strip()

    @api.constrains("month")
    def _check_month(self):
        for roster in self:
            if roster.month.day != 1:
                raise ValidationError(self.env._("A roster starts on the first of a month."))

    def action_publish(self):
        """The supervisor publishes the roster once every day has a day shift and a
        night duty."""
        if not self.env.user.has_group("property_service_desk.group_property_supervisor"):
            raise UserError(self.env._("Only a supervisor publishes the duty roster."))
        for roster in self:
            days = calendar.monthrange(roster.month.year, roster.month.month)[1]
            covered = {(line.date, line.shift) for line in roster.line_ids}
            missing = [
                f"{roster.month.replace(day=day):%m-%d} {dict(SHIFTS)[shift]}"
                for day in range(1, days + 1)
                for shift, _label in SHIFTS
                if (roster.month.replace(day=day), shift) not in covered
            ]
            if missing:
                raise UserError(
                    self.env._(
                        "Nobody is on duty for: %(missing)s.", missing=", ".join(missing[:10])
                    )
                )
        self.write(
            {
                "state": "published",
                "published_by_id": self.env.uid,
                "date_published": fields.Datetime.now(),
            }
        )
        return True

    @api.model
    def _cron_remind_next_month(self):
        """In the last days of a month, remind each estate's supervisor once if next
        month's roster is not published. The month is the estate's."""
        Estate = self.env["property.estate"]
        reminded = Estate
        supervised = Estate.search([("supervisor_id", "!=", False)])
        for today, group in Estate._by_local_date(supervised).items():
            last_day = calendar.monthrange(today.year, today.month)[1]
            if last_day - today.day > 3:
                continue
            next_month = today.replace(day=1) + relativedelta(months=1)
            published = self.search(
                [
                    ("month", "=", next_month),
                    ("state", "=", "published"),
                    ("estate_id", "in", group.ids),
                ]
            ).estate_id
            summary = self.env._(
                "Publish the duty roster of %(month)s", month=f"{next_month:%Y-%m}"
            )
            for estate in group - published:
                if estate.activity_ids.filtered(lambda a, s=summary: a.summary == s):
                    continue
                estate.activity_schedule(
                    "mail.mail_activity_data_todo",
                    date_deadline=next_month - timedelta(days=1),
                    summary=summary,
                    user_id=estate.supervisor_id.id,
                )
                reminded |= estate
        return reminded
