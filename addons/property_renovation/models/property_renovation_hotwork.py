# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class PropertyRenovationHotwork(models.Model):
    """Hot-work permit (动火许可证), issued by security for a time window."""

    _name = "property.renovation.hotwork"
    _description = "Hot-Work Permit"
    _order = "date_from desc"

    renovation_id = fields.Many2one(
        "property.renovation", required=True, index=True, ondelete="cascade"
    )
    estate_id = fields.Many2one(related="renovation_id.estate_id", store=True)
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    work = fields.Char(required=True, help="Welding, cutting…")
    date_from = fields.Datetime(string="From", required=True)
    date_to = fields.Datetime(string="To", required=True)
    fire_measures = fields.Text(string="Fire Precautions", required=True)
    issued_by_id = fields.Many2one("res.users", readonly=True, default=lambda self: self.env.user)

    @api.constrains("date_from", "date_to")
    def _check_window(self):
        for permit in self:
            if permit.date_to <= permit.date_from:
                raise ValidationError(self.env._("The hot-work window must end after it starts."))

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.user.has_group("property_service_desk.group_property_security"):
            raise UserError(self.env._("Hot-work permits are issued by security."))
        permits = super().create(vals_list)
        if permits.renovation_id.filtered(lambda r: r.state not in ("permit", "in_progress")):
            raise UserError(self.env._("Hot work is allowed only during permitted works."))
        return permits
