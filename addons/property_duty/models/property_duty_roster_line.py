# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .property_duty_roster import SHIFTS


class PropertyDutyRosterLine(models.Model):
    _name = "property.duty.roster.line"
    _description = "Duty Shift"
    _order = "date, shift, id"

    roster_id = fields.Many2one(
        "property.duty.roster", required=True, ondelete="cascade", index=True
    )
    estate_id = fields.Many2one(related="roster_id.estate_id", store=True)
    date = fields.Date(required=True)
    shift = fields.Selection(SHIFTS, required=True, default="day")
    user_id = fields.Many2one("res.users", string="On Duty", required=True)

    _shift_uniq = models.Constraint(
        "unique(roster_id, date, shift, user_id)", "This person is already on this shift."
    )

    @api.depends("shift", "user_id")
    @api.depends_context("lang")
    def _compute_display_name(self):
        labels = {"day": self.env._("Day Shift"), "night": self.env._("Night Duty")}
        for line in self:
            line.display_name = self.env._(
                "%(shift)s: %(user)s",
                shift=labels.get(line.shift, ""),
                user=line.user_id.name or "",
            )

    @api.constrains("date", "roster_id")
    def _check_in_month(self):
        for line in self:
            month = line.roster_id.month
            if (line.date.year, line.date.month) != (month.year, month.month):
                raise ValidationError(self.env._("A shift belongs to its roster's month."))

    def _check_roster_open(self, rosters):
        if not self.env.context.get("property_duty_swap") and rosters.filtered(
            lambda roster: roster.state == "published"
        ):
            raise UserError(
                self.env._("The roster is published: a swap needs the supervisor's approval.")
            )

    @api.model_create_multi
    def create(self, vals_list):
        self._check_roster_open(
            self.env["property.duty.roster"].browse({vals.get("roster_id") for vals in vals_list})
        )
        return super().create(vals_list)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_published(self):
        self._check_roster_open(self.roster_id)

    def write(self, vals):
        if {"user_id", "date", "shift", "roster_id"} & set(vals):
            self._check_roster_open(self.roster_id)
        return super().write(vals)
