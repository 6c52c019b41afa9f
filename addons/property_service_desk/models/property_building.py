# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections.abc import Iterable

from odoo import api, fields, models
from odoo.fields import Domain


class PropertyBuilding(models.Model):
    """A building (楼栋) of an estate."""

    _name = "property.building"
    _description = "Building"
    _order = "estate_id, sequence, name, id"
    _check_company_auto = True

    name = fields.Char(required=True)
    code = fields.Char(help="Building number used as the first part of unit codes, e.g. 3.")
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    estate_id = fields.Many2one(
        "property.estate",
        required=True,
        index=True,
        ondelete="restrict",
        check_company=True,
    )
    company_id = fields.Many2one(related="estate_id.company_id", store=True, index=True)
    floor_count = fields.Integer(string="Floors")
    manager_id = fields.Many2one(
        "res.users",
        string="Building Manager",
        help="Answers for the building's fee collection rate (target 95%).",
    )
    unit_ids = fields.One2many("property.unit", "building_id", string="Units")
    unit_count = fields.Integer(compute="_compute_unit_count")
    note = fields.Text()

    _name_estate_uniq = models.Constraint(
        "unique(estate_id, name)",
        "A building name must be unique within its estate.",
    )
    _floor_count_check = models.Constraint(
        "CHECK(floor_count >= 0)",
        "The number of floors cannot be negative.",
    )

    def _compute_unit_count(self):
        counts = dict(
            self.env["property.unit"]._read_group(
                [("building_id", "in", self.ids)], ["building_id"], ["__count"]
            )
        )
        for building in self:
            building.unit_count = counts.get(building, 0)

    @api.depends("name", "estate_id.name")
    @api.depends_context("property_building_short_name")
    def _compute_display_name(self):
        for building in self:
            if building.estate_id and not self.env.context.get("property_building_short_name"):
                building.display_name = f"{building.estate_id.name} / {building.name}"
            else:
                building.display_name = building.name

    _rec_names_search = ["name", "code", "estate_id.name"]

    @api.model
    def _search_display_name(self, operator, value):
        """Also find "Estate / Building", the name shown to users (and typed in imports
        where several estates have a building of the same name)."""
        if isinstance(value, str):
            values = [value]
        else:
            values = list(value) if isinstance(value, Iterable) else []
        if (
            operator in ("=", "in", "ilike", "=ilike")
            and values
            and all(isinstance(v, str) and " / " in v for v in values)
        ):
            op = "=" if operator in ("=", "in") else operator
            pairs = [[part.strip() for part in v.split(" / ", 1)] for v in values]
            return Domain.OR(
                Domain("estate_id.name", op, estate) & Domain("name", op, name)
                for estate, name in pairs
            )
        return super()._search_display_name(operator, value)

    def action_view_units(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_service_desk.property_unit_action"
        )
        action["domain"] = [("building_id", "=", self.id)]
        action["context"] = {
            "default_building_id": self.id,
            "default_estate_id": self.estate_id.id,
        }
        return action
