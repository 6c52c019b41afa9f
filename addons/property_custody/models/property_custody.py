# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

# During custody the unit is empty: more than this is someone using it, or a leak.
WATER_LIMIT = 5.0
ELECTRICITY_LIMIT = 20.0


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

    @api.depends("unit_id", "partner_id")
    def _compute_display_name(self):
        for custody in self:
            custody.display_name = " · ".join(
                filter(None, [custody.unit_id.display_name, custody.partner_id.name])
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
