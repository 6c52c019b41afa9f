# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain


class PropertyRenovationPass(models.Model):
    """Worker pass (装修人员出入证)."""

    _name = "property.renovation.pass"
    _description = "Worker Pass"
    _order = "renovation_id, id"

    name = fields.Char(string="Pass Number", required=True, readonly=True, default="/")
    renovation_id = fields.Many2one(
        "property.renovation", required=True, index=True, ondelete="cascade"
    )
    estate_id = fields.Many2one(related="renovation_id.estate_id", store=True)
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    unit_id = fields.Many2one(related="renovation_id.unit_id", string="Location")
    worker_name = fields.Char(required=True)
    id_number = fields.Char(string="ID Number", required=True)
    id_copies = fields.Integer(string="ID Copies Received", default=2)
    photo = fields.Image(max_width=256, max_height=256)
    date_from = fields.Date(required=True, default=fields.Date.context_today)
    date_to = fields.Date(string="Valid Until", required=True)
    state = fields.Selection(
        [("active", "Active"), ("returned", "Returned")], default="active", required=True
    )
    is_expired = fields.Boolean(compute="_compute_is_expired", search="_search_is_expired")

    _id_copies = models.Constraint(
        "CHECK(id_copies >= 2)", "Two copies of the worker's ID are kept."
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("property.renovation.pass")
        passes = super().create(vals_list)
        for renovation in passes.renovation_id:
            if renovation.state not in ("permit", "in_progress"):
                raise UserError(self.env._("Worker passes are issued with the permit."))
        return passes

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for worker_pass in self:
            if worker_pass.date_to < worker_pass.date_from:
                raise ValidationError(self.env._("A pass must end after it starts."))

    def _compute_is_expired(self):
        for estate, passes in self.grouped("estate_id").items():
            today = estate._local_date()
            for worker_pass in passes:
                worker_pass.is_expired = (
                    worker_pass.state == "active" and worker_pass.date_to < today
                )

    def _search_is_expired(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            return NotImplemented
        # each estate's day
        domain = Domain.OR(
            Domain("estate_id", "in", estates.ids) & Domain("date_to", "<", today)
            for today, estates in self.env["property.estate"]._by_local_date().items()
        ) & Domain("state", "=", "active")
        return domain if (operator == "=") == value else ~domain

    def action_return(self):
        self.write({"state": "returned"})
        return True
