# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from odoo.addons.base.models.res_partner import _tz_get


class PropertyEstate(models.Model):
    """A residential estate (小区) run by one management office (管理处)."""

    _name = "property.estate"
    _description = "Estate"
    _inherit = ["mail.thread", "mail.activity.mixin"]
    _order = "sequence, name, id"
    _check_company_auto = True

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    name = fields.Char(required=True, tracking=True)
    code = fields.Char(
        required=True,
        tracking=True,
        help="Short code of the estate, used in references and unit names.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    color = fields.Integer()
    company_id = fields.Many2one(
        "res.company",
        required=True,
        default=lambda self: self.env.company,
        index=True,
    )
    street = fields.Char()
    street2 = fields.Char()
    city = fields.Char()
    state_id = fields.Many2one("res.country.state", string="Province")
    zip = fields.Char()
    country_id = fields.Many2one(
        "res.country", default=lambda self: self.env.ref("base.cn", raise_if_not_found=False)
    )
    phone = fields.Char(string="Service Hotline")
    tz = fields.Selection(
        _tz_get,
        string="Timezone",
        required=True,
        default=lambda self: self.env.user.tz or "Asia/Shanghai",
        help="Service-centre hours are read in this timezone.",
    )
    director_id = fields.Many2one(
        "res.users",
        string="Site Director",
        tracking=True,
        domain="[('share', '=', False)]",
        help="Site director (管理处主任): approves penalties, deposit deductions and major cases.",
    )
    supervisor_id = fields.Many2one(
        "res.users",
        string="Service-Centre Supervisor",
        tracking=True,
        domain="[('share', '=', False)]",
        help="Service-centre supervisor (客户服务中心主管): plans duty, follow-ups and "
        "spot checks.",
    )
    front_desk_user_ids = fields.Many2many(
        "res.users",
        "property_estate_front_desk_rel",
        "estate_id",
        "user_id",
        string="Front-Desk Staff",
        domain="[('share', '=', False)]",
    )
    user_ids = fields.Many2many(
        "res.users",
        "property_estate_res_users_rel",
        "estate_id",
        "user_id",
        string="Assigned Staff",
        domain="[('share', '=', False)]",
        help="Staff who work for this estate. Staff only see the estates they are assigned "
        "to; the director, supervisor and front-desk staff are always assigned.",
    )
    service_hour_start = fields.Float(
        string="Service Centre Opens",
        default=8.0,
        required=True,
        help="During service-centre hours requests go to the service centre; outside them "
        "to the night monitoring centre.",
    )
    service_hour_end = fields.Float(string="Service Centre Closes", default=20.0, required=True)
    building_ids = fields.One2many("property.building", "estate_id", string="Buildings")
    unit_ids = fields.One2many("property.unit", "estate_id", string="Units")
    building_count = fields.Integer(compute="_compute_counts")
    unit_count = fields.Integer(compute="_compute_counts")
    total_area = fields.Float(
        string="Gross Area (m²)", compute="_compute_counts", digits="Product Unit"
    )
    note = fields.Html()

    _code_company_uniq = models.Constraint(
        "unique(code, company_id)",
        "The estate code must be unique within a company.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    def _compute_counts(self):
        buildings = dict(
            self.env["property.building"]._read_group(
                [("estate_id", "in", self.ids)], ["estate_id"], ["__count"]
            )
        )
        units = {
            estate: (count, area)
            for estate, count, area in self.env["property.unit"]._read_group(
                [("estate_id", "in", self.ids)], ["estate_id"], ["__count", "area:sum"]
            )
        }
        for estate in self:
            estate.building_count = buildings.get(estate, 0)
            estate.unit_count, estate.total_area = units.get(estate, (0, 0.0))

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("service_hour_start", "service_hour_end")
    def _check_service_hours(self):
        for estate in self:
            if not (0 <= estate.service_hour_start < estate.service_hour_end <= 24):
                raise ValidationError(
                    self.env._(
                        "Service-centre hours of %(estate)s must lie within one day "
                        "and open before they close.",
                        estate=estate.name,
                    )
                )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("code"):
                vals["code"] = vals["code"].strip()
        estates = super().create(vals_list)
        estates._sync_assigned_staff()
        return estates

    def write(self, vals):
        if vals.get("code"):
            vals["code"] = vals["code"].strip()
        res = super().write(vals)
        if {"director_id", "supervisor_id", "front_desk_user_ids", "user_ids"} & set(vals):
            self._sync_assigned_staff()
        return res

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_view_buildings(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_service_desk.property_building_action"
        )
        action["domain"] = [("estate_id", "=", self.id)]
        action["context"] = {"default_estate_id": self.id}
        return action

    def action_view_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_service_desk.property_unit_action"
        )
        action["domain"] = [("estate_id", "=", self.id)]
        action["context"] = {"default_estate_id": self.id}
        return action

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    def _sync_assigned_staff(self):
        """The director, the supervisor and the front-desk staff work for the estate, so
        they are always among its assigned staff (which drives the record rules)."""
        for estate in self:
            key_staff = estate.director_id | estate.supervisor_id | estate.front_desk_user_ids
            missing = key_staff - estate.user_ids
            if missing:
                estate.user_ids = [fields.Command.link(user.id) for user in missing]

    def _check_director(self, user):
        """Only the estate's own director (or a suite administrator) decides what the SOP
        reserves to the director: being a director somewhere else is not enough."""
        for estate in self:
            if user.has_group("property_service_desk.group_property_manager"):
                continue
            # an estate without a named director: a director assigned to it
            director = estate.director_id or (
                user if user in estate.user_ids else self.env["res.users"]
            )
            if not user.has_group("property_service_desk.group_property_director") or (
                director != user
            ):
                raise UserError(
                    self.env._(
                        "Only the director of %(estate)s may decide this.",
                        estate=estate.display_name,
                    )
                )

    @api.model
    def _by_local_date(self, estates=None):
        """``estates`` (default every estate, archived ones included) grouped by their
        local day, as {day: estates}. A scheduled action runs without the residents' time
        zone: its "today" is each estate's own."""
        if estates is None:
            estates = self.with_context(active_test=False).search([])
        return estates.grouped(lambda estate: estate._local_date())

    def _local_today(self):
        """Today in the estate's timezone."""
        self.ensure_one()
        return self._local_datetime().date()

    def _local_date(self, when=None):
        """The estate's local day of ``when`` (naive UTC, default now); without an estate
        the user's day. Activities planned by scheduled actions take it as their date."""
        if not self:
            return fields.Date.context_today(self, when)
        self.ensure_one()
        return self._local_datetime(when).date()

    # Local time of the estate: stored datetimes are naive UTC, the SOP's hours and days
    # are the estate's.
    def _local_datetime(self, when=None):
        """``when`` (naive UTC, default now) in the estate's timezone."""
        self.ensure_one()
        when = when or fields.Datetime.now()
        return pytz.utc.localize(when).astimezone(pytz.timezone(self.tz or "UTC"))

    def _local_date_start(self, day, hours=0.0):
        """``hours`` after the start of ``day`` in the estate's timezone, as naive UTC."""
        self.ensure_one()
        tz = pytz.timezone(self.tz or "UTC")
        local = tz.localize(datetime.combine(day, time.min) + timedelta(hours=hours))
        return local.astimezone(pytz.utc).replace(tzinfo=None)

    def _local_day_end(self, when):
        """End of the estate's local day of ``when`` (naive UTC), as naive UTC."""
        self.ensure_one()
        day = self._local_datetime(when).date()
        return self._local_date_start(day + timedelta(days=1)) - timedelta(seconds=1)

    def _is_service_hours(self, when=None):
        """Whether ``when`` (a naive UTC datetime, default now) falls within the
        service-centre day hours of the estate, read in the estate's timezone."""
        local = self._local_datetime(when)
        hour = local.hour + local.minute / 60.0 + local.second / 3600.0
        return self.service_hour_start <= hour < self.service_hour_end
