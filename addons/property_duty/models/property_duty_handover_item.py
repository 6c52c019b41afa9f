# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import fields, models


class PropertyDutyHandoverItem(models.Model):
    _name = "property.duty.handover.item"
    _description = "Handover Item"

    handover_id = fields.Many2one("property.duty.handover", required=True, ondelete="cascade")
    name = fields.Char(string="Work", required=True)
    ticket_id = fields.Many2one("helpdesk.ticket", string="Request")
    important = fields.Boolean()
    finished = fields.Boolean()
    handed_over = fields.Boolean(
        string="Explicitly Handed Over",
        help="The incoming person accepted to take over this important unfinished work.",
    )
