# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..models.helpdesk_ticket import COMPLAINT_CATEGORIES

# The suggestion box is opened every Monday and Thursday (SOP §6).
OPENING_WEEKDAYS = (0, 3)


class PropertyComplaintBox(models.TransientModel):
    """Register everything found in one opening of the suggestion box (意见箱) at once."""

    _name = "property.complaint.box"
    _description = "Suggestion-Box Opening"

    estate_id = fields.Many2one("property.estate", required=True)
    opening_date = fields.Date(required=True, default=fields.Date.context_today)
    line_ids = fields.One2many("property.complaint.box.line", "box_id", string="Letters")

    @api.constrains("opening_date")
    def _check_opening_day(self):
        for box in self:
            if box.opening_date.weekday() not in OPENING_WEEKDAYS:
                raise ValidationError(
                    self.env._("The suggestion box is opened on Mondays and Thursdays.")
                )

    def action_register(self):
        self.ensure_one()
        if not self.line_ids:
            raise UserError(self.env._("Add what was found in the box."))
        channel = self.env.ref("property_complaints.helpdesk_ticket_channel_suggestion_box")
        # the letters are received when the box is opened: now, or that day if the
        # opening is registered afterwards
        received = (
            fields.Datetime.now()
            if self.opening_date == fields.Date.context_today(self)
            else self.estate_id._local_date_start(self.opening_date)
        )
        tickets = self.env["helpdesk.ticket"].create(
            [
                {
                    "name": line.name,
                    "description": line.description or line.name,
                    "estate_id": self.estate_id.id,
                    "unit_id": line.unit_id.id,
                    "partner_id": line.partner_id.id,
                    "category_id": line.category_id.id,
                    "request_kind": "complaint",
                    "complaint_category": line.complaint_category,
                    "channel_id": channel.id,
                    "date_received": received,
                }
                for line in self.line_ids
            ]
        )
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_complaints.property_complaint_action"
        )
        action["domain"] = [("id", "in", tickets.ids)]
        return action


class PropertyComplaintBoxLine(models.TransientModel):
    _name = "property.complaint.box.line"
    _description = "Suggestion-Box Letter"

    box_id = fields.Many2one("property.complaint.box", required=True, ondelete="cascade")
    name = fields.Char(string="Subject", required=True)
    description = fields.Text()
    unit_id = fields.Many2one("property.unit", domain="[('estate_id', '=', parent.estate_id)]")
    partner_id = fields.Many2one("res.partner", string="Resident")
    category_id = fields.Many2one(
        "helpdesk.ticket.category",
        domain="[('property_request_kind', '=', 'complaint')]",
    )
    complaint_category = fields.Selection(COMPLAINT_CATEGORIES)
