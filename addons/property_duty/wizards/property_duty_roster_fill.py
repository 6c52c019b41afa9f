# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class PropertyDutyRosterFill(models.TransientModel):
    """Fill a draft roster's empty shifts by rotating the chosen people day by day."""

    _name = "property.duty.roster.fill"
    _description = "Fill a Duty Roster by Rotation"

    roster_id = fields.Many2one("property.duty.roster", required=True, readonly=True)
    day_user_ids = fields.Many2many(
        "res.users",
        "property_duty_roster_fill_day_rel",
        string="Day Shift Rotation",
        domain=[("share", "=", False)],
        help="Taken in turn, one day after the other, in the order of their names.",
    )
    day_count = fields.Integer(string="People per Day Shift", default=1)
    night_user_ids = fields.Many2many(
        "res.users",
        "property_duty_roster_fill_night_rel",
        string="Night Duty Rotation",
        domain=[("share", "=", False)],
    )
    night_count = fields.Integer(string="People per Night Duty", default=1)
    replace = fields.Boolean(
        string="Replace Shifts Already Filled",
        help="Otherwise only the days without anyone on the shift are filled.",
    )

    def action_fill(self):
        self.ensure_one()
        roster = self.roster_id
        if not self.env.user.has_group("property_service_desk.group_property_supervisor"):
            raise UserError(self.env._("Only a supervisor draws up the duty roster."))
        if roster.state != "draft":
            raise UserError(
                self.env._("The roster is published: a swap needs the supervisor's approval.")
            )
        plans = [
            (shift, users, count)
            for shift, users, count in (
                ("day", self.day_user_ids, self.day_count),
                ("night", self.night_user_ids, self.night_count),
            )
            if users
        ]
        if not plans:
            raise UserError(self.env._("Choose who takes turns on the day shift or night duty."))
        for _shift, users, count in plans:
            if count < 1 or count > len(users):
                raise UserError(
                    self.env._(
                        "%(count)s people per shift cannot be drawn from the %(total)s chosen.",
                        count=count,
                        total=len(users),
                    )
                )
        roster._fill_rotation(plans, self.replace)
        return {"type": "ir.actions.act_window_close"}
