# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class HelpdeskTicket(models.Model):
    """Rectification requests raised by a move-in's joint inspection."""

    _inherit = "helpdesk.ticket"

    property_movein_id = fields.Many2one(
        "property.movein", string="Move-in", index="btree_not_null", readonly=True
    )

    def write(self, vals):
        result = super().write(vals)
        if "stage_id" in vals:
            self.filtered(lambda t: t.closed).property_movein_id._rectifications_done()
        return result
