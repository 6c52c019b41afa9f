# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class PropertyRequestMaterial(models.Model):
    """Materials the resident supplied for the work: the technician checks them before
    using them and warns the resident when they fail or are of poor quality."""

    _name = "property.request.material"
    _description = "Resident-Supplied Material"
    _order = "ticket_id, id"

    ticket_id = fields.Many2one(
        "helpdesk.ticket", string="Request", required=True, index=True, ondelete="cascade"
    )
    company_id = fields.Many2one(related="ticket_id.company_id", store=True)
    name = fields.Char(string="Material", required=True)
    quantity = fields.Float(default=1.0, digits="Product Unit")
    check_result = fields.Selection(
        [("pass", "Pass"), ("fail", "Fail"), ("poor", "Poor Quality")],
        string="Check",
        help="Result of the technician's check of the material before using it.",
    )
    resident_warned = fields.Boolean(
        help="The resident was told that the material failed the check or is of poor "
        "quality, and chose how to go on.",
    )
    checked_by_id = fields.Many2one("res.users", readonly=True)
    note = fields.Char()

    @api.constrains("check_result", "resident_warned")
    def _check_resident_warned(self):
        for material in self:
            if material.check_result in ("fail", "poor") and not material.resident_warned:
                raise ValidationError(
                    self.env._(
                        "%(material)s did not pass the check: warn the resident and tick "
                        "'Resident Warned'.",
                        material=material.name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("check_result"):
                vals["checked_by_id"] = self.env.uid
        materials = super().create(vals_list)
        materials.ticket_id._check_not_closed()
        return materials

    def write(self, vals):
        if vals.get("check_result"):
            vals = {**vals, "checked_by_id": self.env.uid}
        self.ticket_id._check_not_closed()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_closed_request(self):
        if self.filtered("ticket_id.closed"):
            raise UserError(self.env._("The materials of a completed request cannot change."))
