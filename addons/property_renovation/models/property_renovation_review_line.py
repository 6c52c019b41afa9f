# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import fields, models
from odoo.exceptions import UserError


class PropertyRenovationReviewLine(models.Model):
    _name = "property.renovation.review.line"
    _description = "Renovation Review Line"
    _order = "renovation_id, sequence, id"

    renovation_id = fields.Many2one(
        "property.renovation", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer()
    name = fields.Char(required=True)
    result = fields.Selection([("ok", "Acceptable"), ("not_ok", "Not Acceptable")])
    comment = fields.Char()

    def write(self, vals):
        # the review is engineering's decision (SOP §4), while it is under review
        if {"result", "comment"} & set(vals) and not self.env.su:
            if not self.env.user.has_group("property_service_desk.group_property_engineering"):
                raise UserError(self.env._("Engineering reviews the application."))
            if self.renovation_id.filtered(lambda r: r.state != "review"):
                raise UserError(self.env._("The review is recorded while it is under review."))
        return super().write(vals)
