# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import ValidationError


class PropertyDocument(models.Model):
    """A paper of the owner archive: ID copy, purchase contract, handover letter,
    authorisation letter... filed on a unit and, where it concerns one person's
    relation to the unit, on that occupancy."""

    _name = "property.document"
    _description = "Owner Archive Document"
    _inherit = ["mail.thread"]
    _order = "date desc, id desc"
    _check_company_auto = True

    name = fields.Char(string="Title", required=True)
    category_id = fields.Many2one(
        "property.document.category", required=True, index=True, ondelete="restrict"
    )
    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        index=True,
        ondelete="cascade",
        check_company=True,
        compute="_compute_unit_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    occupancy_id = fields.Many2one(
        "property.occupancy",
        index=True,
        ondelete="set null",
        domain="[('unit_id', '=?', unit_id)]",
    )
    partner_id = fields.Many2one(related="occupancy_id.partner_id", store=True, string="Person")
    estate_id = fields.Many2one(related="unit_id.estate_id", store=True, index=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True, index=True)
    date = fields.Date(default=fields.Date.context_today, required=True)
    file = fields.Binary(attachment=True, required=True)
    file_name = fields.Char()
    note = fields.Text()

    @api.depends("occupancy_id")
    def _compute_unit_id(self):
        for document in self:
            if document.occupancy_id:
                document.unit_id = document.occupancy_id.unit_id

    @api.constrains("unit_id", "occupancy_id")
    def _check_occupancy_unit(self):
        for document in self:
            if document.occupancy_id and document.occupancy_id.unit_id != document.unit_id:
                raise ValidationError(
                    self.env._(
                        "Document %(document)s: %(occupancy)s does not concern unit %(unit)s.",
                        document=document.name,
                        occupancy=document.occupancy_id.display_name,
                        unit=document.unit_id.name,
                    )
                )
