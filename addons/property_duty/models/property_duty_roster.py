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
        month's roster is not published."""
        today = fields.Date.context_today(self)
        last_day = calendar.monthrange(today.year, today.month)[1]
        if last_day - today.day > 3:
            return self.env["property.estate"]
        next_month = today.replace(day=1) + relativedelta(months=1)
        published = self.search([("month", "=", next_month), ("state", "=", "published")]).estate_id
        estates = self.env["property.estate"].search(
            [("id", "not in", published.ids), ("supervisor_id", "!=", False)]
        )
        summary = self.env._("Publish the duty roster of %(month)s", month=f"{next_month:%Y-%m}")
        reminded = self.env["property.estate"]
        for estate in estates:
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
