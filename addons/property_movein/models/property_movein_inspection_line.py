# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from markupsafe import Markup

from odoo import fields, models


class PropertyMoveinInspectionLine(models.Model):
    _name = "property.movein.inspection.line"
    _description = "Move-in Inspection Line"
    _order = "movein_id, id"

    movein_id = fields.Many2one("property.movein", required=True, ondelete="cascade", index=True)
    item_id = fields.Many2one(
        "property.movein.inspection.item", string="Form Item", ondelete="set null"
    )
    name = fields.Char(string="Item", required=True)
    result = fields.Selection([("ok", "Passed"), ("defect", "Defect")])
    defect = fields.Char(string="Defect Found")
    category_id = fields.Many2one(
        "helpdesk.ticket.category",
        string="Rectification",
        domain="[('property_request_kind', '=', 'rectification')]",
    )
    photo = fields.Image(max_width=1024, max_height=1024)
    ticket_id = fields.Many2one("helpdesk.ticket", string="Request", readonly=True)
    ticket_closed = fields.Boolean(related="ticket_id.closed")
    reinspection_ok = fields.Boolean(string="Fixed")

    def _create_rectifications(self):
        """A rectification request per defect (维修工作单), on the move-in's unit."""
        tickets = self.env["helpdesk.ticket"].create(
            [
                {
                    "name": f"{line.name}: {line.defect}",
                    "description": Markup("<p>%s</p>")
                    % self.env._(
                        "Found at the move-in inspection %(movein)s.", movein=line.movein_id.name
                    ),
                    "unit_id": line.movein_id.unit_id.id,
                    "partner_id": line.movein_id.partner_id.id,
                    "category_id": line.category_id.id,
                    "property_movein_id": line.movein_id.id,
                }
                for line in self
            ]
        )
        for line, ticket in zip(self, tickets, strict=True):
            line.write({"ticket_id": ticket.id, "reinspection_ok": False})
        return tickets
