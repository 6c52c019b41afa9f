# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

UNIT_STATES = [
    ("unsold", "Unsold"),
    ("vacant", "Vacant"),
    ("entrusted", "Entrusted"),
    ("occupied", "Occupied"),
    ("rented", "Rented"),
    ("renovating", "Renovating"),
]

UNIT_USAGES = [
    ("residential", "Residential"),
    ("shop", "Shop"),
    ("office", "Office"),
    ("parking", "Parking Space"),
    ("storage", "Storage Room"),
]

# a unit's water or power is cut (for unpaid fees or a violation) only after a written
# notice at least this many days before
CUT_NOTICE_DAYS = 3

UNIT_STATE_COLORS = {
    "unsold": 0,
    "vacant": 3,
    "entrusted": 4,
    "occupied": 10,
    "rented": 2,
    "renovating": 9,
}


class PropertyUnit(models.Model):
    """A unit (房屋/单元): flat, shop, office, parking space or storage room."""

    _name = "property.unit"
    _description = "Unit"
    _inherit = ["portal.mixin", "mail.thread", "mail.activity.mixin"]
    _order = "estate_id, building_id, code, id"
    _check_company_auto = True
    _rec_names_search = ["name", "code"]

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    name = fields.Char(compute="_compute_name", store=True, index="trigram")
    code = fields.Char(
        required=True,
        tracking=True,
        help="Unit code, unique within the estate: building-entrance-room, e.g. 3-2-1502.",
    )
    active = fields.Boolean(default=True)
    estate_id = fields.Many2one(
        "property.estate",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
    )
    company_id = fields.Many2one(related="estate_id.company_id", store=True, index=True)
    building_id = fields.Many2one(
        "property.building",
        index=True,
        ondelete="restrict",
        tracking=True,
        check_company=True,
        domain="[('estate_id', '=', estate_id)]",
    )
    floor = fields.Integer()
    area = fields.Float(
        string="Gross Area (m²)",
        required=True,
        digits="Product Unit",
        tracking=True,
        aggregator="sum",
    )
    usage = fields.Selection(
        UNIT_USAGES,
        required=True,
        default="residential",
        tracking=True,
    )
    state = fields.Selection(
        UNIT_STATES,
        string="Status",
        required=True,
        default="unsold",
        tracking=True,
        index=True,
    )
    color = fields.Integer(compute="_compute_color")
    occupancy_ids = fields.One2many("property.occupancy", "unit_id", string="Occupancy History")
    current_occupancy_ids = fields.One2many(
        "property.occupancy",
        "unit_id",
        string="Current Occupants",
        domain=[("is_current", "=", True)],
    )
    owner_ids = fields.Many2many(
        "res.partner",
        "property_unit_owner_rel",
        "unit_id",
        "partner_id",
        string="Owners",
        compute="_compute_occupants",
        store=True,
    )
    occupant_ids = fields.Many2many(
        "res.partner",
        "property_unit_occupant_rel",
        "unit_id",
        "partner_id",
        string="Occupants",
        compute="_compute_occupants",
        store=True,
        help="Everybody currently related to the unit: owners, tenants, household members "
        "and authorised agents.",
    )
    fee_payer_id = fields.Many2one(
        "res.partner",
        compute="_compute_occupants",
        store=True,
        index=True,
        help="The current occupant who pays the fees of the unit.",
    )
    meter_ids = fields.One2many("property.meter", "unit_id", string="Meters")
    document_ids = fields.One2many("property.document", "unit_id", string="Owner Archive")
    document_count = fields.Integer(compute="_compute_document_count")
    note = fields.Html()

    _code_estate_uniq = models.Constraint(
        "unique(estate_id, code)",
        "A unit code must be unique within its estate.",
    )
    _area_positive = models.Constraint(
        "CHECK(area > 0)",
        "The gross area of a unit must be greater than zero.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("code", "estate_id.name")
    def _compute_name(self):
        for unit in self:
            unit.name = " ".join(filter(None, [unit.estate_id.name, unit.code]))

    @api.depends("state")
    def _compute_color(self):
        for unit in self:
            unit.color = UNIT_STATE_COLORS.get(unit.state, 0)

    @api.depends(
        "occupancy_ids.is_current",
        "occupancy_ids.partner_id",
        "occupancy_ids.role",
        "occupancy_ids.is_fee_payer",
    )
    def _compute_occupants(self):
        for unit in self:
            current = unit.occupancy_ids.filtered("is_current")
            unit.owner_ids = current.filtered(lambda o: o.role in ("owner", "co_owner")).partner_id
            unit.occupant_ids = current.partner_id
            unit.fee_payer_id = current.filtered("is_fee_payer")[:1].partner_id

    def _compute_document_count(self):
        counts = dict(
            self.env["property.document"]._read_group(
                [("unit_id", "in", self.ids)], ["unit_id"], ["__count"]
            )
        )
        for unit in self:
            unit.document_count = counts.get(unit, 0)

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for unit in self:
            unit.access_url = f"/my/units/{unit.id}"
        return result

    # ------------------------------------------------------------------
    # Constraints and onchanges
    # ------------------------------------------------------------------
    @api.constrains("building_id", "estate_id")
    def _check_building_estate(self):
        for unit in self:
            if unit.building_id and unit.building_id.estate_id != unit.estate_id:
                raise ValidationError(
                    self.env._(
                        "Unit %(unit)s: building %(building)s belongs to estate "
                        "%(building_estate)s, not to %(estate)s.",
                        unit=unit.code,
                        building=unit.building_id.name,
                        building_estate=unit.building_id.estate_id.name,
                        estate=unit.estate_id.name,
                    )
                )

    @api.onchange("building_id")
    def _onchange_building_id(self):
        if self.building_id:
            self.estate_id = self.building_id.estate_id

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        buildings = self.env["property.building"].browse(
            {vals["building_id"] for vals in vals_list if vals.get("building_id")}
        )
        estate_by_building = {building.id: building.estate_id.id for building in buildings}
        for vals in vals_list:
            if vals.get("code"):
                vals["code"] = vals["code"].strip()
            # Imports and quick creation often give only the building.
            if not vals.get("estate_id") and vals.get("building_id"):
                vals["estate_id"] = estate_by_building.get(vals["building_id"])
        return super().create(vals_list)

    def write(self, vals):
        if vals.get("code"):
            vals["code"] = vals["code"].strip()
        self._check_status_change(vals)
        return super().write(vals)

    def _check_status_change(self, vals):
        """The status and usage of a unit decide who may enter it, how it is billed and
        which keys are shop fronts: the occupancies, move-ins and custodies set the status
        (as the superuser, after their own checks); by hand only the supervisor corrects
        them, as the maintainer of the master data."""
        if self.env.su or self.env.user.has_group(
            "property_service_desk.group_property_supervisor"
        ):
            return
        changed = [
            name
            for name in ("state", "usage")
            if name in vals and any(unit[name] != vals[name] for unit in self)
        ]
        if changed:
            self.check_access("write")  # no right to write at all: the access error
            raise UserError(
                self.env._(
                    "Only the supervisor corrects the status or usage of a unit; moving in, "
                    "letting and custody set the status themselves."
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_view_documents(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_service_desk.property_document_action"
        )
        action["domain"] = [("unit_id", "=", self.id)]
        action["context"] = {"default_unit_id": self.id}
        return action

    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Units"),
                "template": "/property_service_desk/static/xls/property_units_import_template.xlsx",
            }
        ]

    def _get_portal_occupancies(self):
        """Current occupancies shown to the residents on the portal."""
        self.ensure_one()
        return self.current_occupancy_ids.sorted(lambda o: (o._role_rank(), o.partner_id.name))
