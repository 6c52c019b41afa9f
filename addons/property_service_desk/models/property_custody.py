# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

# During custody the unit is empty: more than this is someone using it, or a leak.
WATER_LIMIT = 5.0
ELECTRICITY_LIMIT = 20.0
CHECKS = ("doors_closed", "taps_off", "power_off", "nothing_missing", "nobody_staying")


class PropertyCustody(models.Model):
    """Custody agreement (托管) of a vacant unit: the office looks after it, the owner
    pays the custody share of the fees, and the meters must not move."""

    _name = "property.custody"
    _description = "Custody Agreement"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.guarded.mixin"]
    _order = "date_start desc"
    _guarded_fields = {
        "state": _lt("End Custody"),
        "alert_sent": _lt("the meter reading's alert to the supervisor"),
    }

    unit_id = fields.Many2one("property.unit", required=True, index=True, tracking=True)
    estate_id = fields.Many2one(related="unit_id.estate_id", store=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True)
    partner_id = fields.Many2one("res.partner", string="Owner", required=True, tracking=True)
    date_start = fields.Date(required=True, default=fields.Date.context_today, tracking=True)
    date_end = fields.Date(tracking=True)
    water_start = fields.Float(string="Water Meter at Start", required=True, digits=(12, 2))
    electricity_start = fields.Float(
        string="Electricity Meter at Start", required=True, digits=(12, 2)
    )
    reading_ids = fields.One2many("property.custody.reading", "custody_id", string="Readings")
    water_used = fields.Float(compute="_compute_used", store=True, digits=(12, 2))
    electricity_used = fields.Float(compute="_compute_used", store=True, digits=(12, 2))
    over_limit = fields.Boolean(compute="_compute_used", store=True, index=True)
    alert_sent = fields.Boolean(readonly=True, copy=False)
    state = fields.Selection(
        [("active", "In Custody"), ("ended", "Ended")],
        default="active",
        required=True,
        tracking=True,
    )
    document_id = fields.Many2one("property.document", string="Signed Agreement")

    _one_active_per_unit = models.UniqueIndex(
        "(unit_id) WHERE state = 'active'", "This unit is already in custody."
    )
    _readings_positive = models.Constraint(
        "CHECK(water_start >= 0 AND electricity_start >= 0)", "Meter readings cannot be negative."
    )

    @api.depends("reading_ids.water", "reading_ids.electricity", "water_start", "electricity_start")
    def _compute_used(self):
        for custody in self:
            last = custody.reading_ids.sorted(lambda r: (r.date, r.id))[-1:]
            custody.water_used = (last.water - custody.water_start) if last else 0.0
            custody.electricity_used = (
                (last.electricity - custody.electricity_start) if last else 0.0
            )
            custody.over_limit = (
                custody.water_used > WATER_LIMIT or custody.electricity_used > ELECTRICITY_LIMIT
            )

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for custody in self:
            if custody.date_end and custody.date_end < custody.date_start:
                raise ValidationError(self.env._("A custody cannot end before it starts."))

    @api.constrains("unit_id", "partner_id", "state")
    def _check_unoccupied(self):
        """Custody is for a unit nobody lives in, at its owner's request: a rented unit is
        not entrusted (nor billed the custody share)."""
        for custody in self.filtered(lambda c: c.state == "active"):
            unit = custody.unit_id
            tenants = unit.occupancy_ids.filtered(lambda o: o.is_current and o.role == "tenant")
            if unit.state == "rented" or tenants:
                raise ValidationError(
                    self.env._(
                        "%(unit)s is let: only a unit nobody lives in is taken into custody.",
                        unit=unit.display_name,
                    )
                )
            if custody.partner_id.commercial_partner_id not in (
                unit.owner_ids.commercial_partner_id
            ):
                raise ValidationError(
                    self.env._(
                        "%(partner)s is not an owner of %(unit)s.",
                        partner=custody.partner_id.display_name,
                        unit=unit.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        custodies = super().create(vals_list)
        # sudo: the unit's status follows the agreement just made by this user
        custodies.unit_id.sudo().write({"state": "entrusted"})
        return custodies

    def action_end(self):
        for custody in self.filtered(lambda c: c.state == "active"):
            custody._guarded_write({"state": "ended", "date_end": custody.estate_id._local_date()})
            if custody.unit_id.state == "entrusted":
                # sudo: the unit's status follows the agreement the user may end
                custody.unit_id.sudo().state = "vacant"
        return True

    def _alert_over_limit(self):
        """Tell the supervisor once when the meters of a unit in custody moved."""
        for custody in self.filtered(lambda c: c.over_limit and not c.alert_sent):
            supervisor = custody.estate_id.supervisor_id
            body = self.env._(
                "Meters moved during custody: water %(water)s (limit %(wl)s), electricity "
                "%(power)s (limit %(el)s).",
                water=custody.water_used,
                wl=WATER_LIMIT,
                power=custody.electricity_used,
                el=ELECTRICITY_LIMIT,
            )
            custody.message_post(body=body, subtype_xmlid="mail.mt_note")
            if supervisor:
                custody.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Check the unit in custody: meters moved"),
                    user_id=supervisor.id,
                )
            # sudo: the alert is sent once, whoever entered the reading
            custody.sudo().alert_sent = True


class PropertyCustodyReading(models.Model):
    _name = "property.custody.reading"
    _description = "Custody Meter Reading"
    _order = "date, id"

    custody_id = fields.Many2one("property.custody", required=True, ondelete="cascade", index=True)
    date = fields.Date(required=True, default=fields.Date.context_today)
    water = fields.Float(required=True, digits=(12, 2))
    electricity = fields.Float(required=True, digits=(12, 2))

    @api.constrains("water", "electricity", "custody_id")
    def _check_not_backwards(self):
        for reading in self:
            custody = reading.custody_id
            if (
                reading.water < custody.water_start
                or reading.electricity < custody.electricity_start
            ):
                raise ValidationError(
                    self.env._("A meter cannot go below its reading at the start.")
                )

    @api.model_create_multi
    def create(self, vals_list):
        readings = super().create(vals_list)
        readings.custody_id._alert_over_limit()
        return readings

    def write(self, vals):
        # a corrected reading over the limit alerts as a new one does
        result = super().write(vals)
        if {"water", "electricity", "date"} & set(vals):
            self.custody_id._alert_over_limit()
        return result


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
        """One weekly round per estate and week (idempotent)."""
        today = fields.Date.context_today(self)
        monday = today - timedelta(days=today.weekday())
        done = self.search([("kind", "=", "weekly"), ("date", ">=", monday)]).estate_id
        estates = (
            self.env["property.unit"].search([("state", "in", ("vacant", "entrusted"))]).estate_id
            - done
        )
        return self._create_round(estates, "weekly", today) if estates else self.browse()

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


class PropertyVacancyRoundLine(models.Model):
    _name = "property.vacancy.round.line"
    _description = "Vacant-Unit Check"

    round_id = fields.Many2one(
        "property.vacancy.round", required=True, ondelete="cascade", index=True
    )
    unit_id = fields.Many2one("property.unit", required=True)
    checked = fields.Boolean()
    doors_closed = fields.Boolean(string="Doors and Windows Closed")
    taps_off = fields.Boolean()
    power_off = fields.Boolean()
    nothing_missing = fields.Boolean()
    nobody_staying = fields.Boolean(string="No Sign of Anyone Staying")
    note = fields.Char()


class PropertyEstate(models.Model):
    _inherit = "property.estate"

    def action_storm_round(self):
        """Create the before-/after-rain round of the estate's vacant units."""
        self.ensure_one()
        kind = self.env.context.get("storm_kind", "storm_before")
        rounds = self.env["property.vacancy.round"]._create_round(
            self, kind, fields.Date.context_today(self)
        )
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.vacancy.round",
            "view_mode": "form",
            "res_id": rounds.id,
        }
