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

    @api.constrains("date", "roster_id")
    def _check_in_month(self):
        for line in self:
            month = line.roster_id.month
            if (line.date.year, line.date.month) != (month.year, month.month):
                raise ValidationError(self.env._("A shift belongs to its roster's month."))

    def write(self, vals):
        if (
            "user_id" in vals
            and not self.env.context.get("property_duty_swap")
            and self.filtered(lambda line: line.roster_id.state == "published")
        ):
            raise UserError(
                self.env._("The roster is published: a swap needs the supervisor's approval.")
            )
        return super().write(vals)
