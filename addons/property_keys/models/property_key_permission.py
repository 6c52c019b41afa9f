# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.fields import Domain


class PropertyKeyPermission(models.Model):
    """An owner's advance permission to enter their unit with the key the management
    office holds: temporary (until a date) or permanent, with instructions."""

    _name = "property.key.permission"
    _description = "Entry Permission"
    _inherit = ["mail.thread"]
    _order = "unit_id, id desc"

    unit_id = fields.Many2one("property.unit", required=True, index=True, tracking=True)
    estate_id = fields.Many2one(related="unit_id.estate_id", store=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True)
    partner_id = fields.Many2one(
        "res.partner", string="Owner", required=True, index=True, tracking=True
    )
    kind = fields.Selection(
        [("temporary", "Temporary"), ("permanent", "Permanent")],
        required=True,
        default="temporary",
        tracking=True,
    )
    date_from = fields.Date(
        string="Valid From", help="Left empty: from today, the estate's day, at saving."
    )
    date_to = fields.Date(string="Valid Until", tracking=True)
    instructions = fields.Text(help="Shown to whoever takes the unit's key out.")
    is_valid = fields.Boolean(compute="_compute_is_valid", search="_search_is_valid")
    active = fields.Boolean(default=True, tracking=True)

    _temporary_has_end = models.Constraint(
        "CHECK(kind = 'permanent' OR date_to IS NOT NULL)",
        "A temporary permission needs an end date.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        units = self.env["property.unit"].browse(
            [vals["unit_id"] for vals in vals_list if vals.get("unit_id")]
        )
        units.fetch(["estate_id"])
        for vals in vals_list:
            if not vals.get("date_from"):
                unit = self.env["property.unit"].browse(vals.get("unit_id"))
                vals["date_from"] = unit.estate_id._local_date()
        return super().create(vals_list)

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for permission in self:
            if (
                permission.date_to
                and permission.date_from
                and permission.date_to < permission.date_from
            ):
                raise ValidationError(self.env._("The permission must end after it starts."))

    @api.constrains("unit_id", "partner_id")
    def _check_owner(self):
        for permission in self:
            if permission.partner_id not in permission.unit_id.owner_ids:
                raise ValidationError(
                    self.env._(
                        "%(partner)s is not an owner of %(unit)s.",
                        partner=permission.partner_id.name,
                        unit=permission.unit_id.display_name,
                    )
                )

    @api.depends("kind", "date_from", "date_to", "active", "unit_id.estate_id.tz")
    def _compute_is_valid(self):
        # valid on the estate's days, whoever looks and from whichever time zone
        for permission in self:
            today = permission.unit_id.estate_id._local_date()
            permission.is_valid = (
                permission.active
                and (permission.date_from or today) <= today
                and (permission.kind == "permanent" or (permission.date_to or today) >= today)
            )

    def _search_is_valid(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        # sudo: each estate's own day, whichever estates the user may read (the domain
        # still goes through the user's rules)
        estates = self.env["property.estate"].sudo().search([])
        domain = Domain.OR(
            Domain("unit_id.estate_id", "in", group.ids)
            & Domain("date_from", "<=", today)
            & (Domain("kind", "=", "permanent") | Domain("date_to", ">=", today))
            for today, group in estates.grouped(lambda e: e._local_date()).items()
        )
        return domain if (operator == "=") == value else ~domain
