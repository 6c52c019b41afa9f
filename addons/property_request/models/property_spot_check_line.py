# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models


class PropertySpotCheckLine(models.Model):
    _name = "property.spot.check.line"
    _description = "Spot-Checked Work Order"
    _order = "check_id, ticket_id"

    check_id = fields.Many2one("property.spot.check", required=True, ondelete="cascade", index=True)
    ticket_id = fields.Many2one("helpdesk.ticket", required=True, ondelete="cascade", index=True)
    unit_id = fields.Many2one(related="ticket_id.unit_id")
    department_id = fields.Many2one(related="ticket_id.department_id")
    technician_id = fields.Many2one(related="ticket_id.user_id", string="Technician")
    result = fields.Selection([("pass", "Pass"), ("fail", "Fail")])
    qc_score = fields.Selection(
        [("1", "1"), ("2", "2"), ("3", "3"), ("4", "4"), ("5", "5")],
        string="Quality Score",
        help="The supervisor's quality-control score, kept apart from the resident's rating.",
    )
    notes = fields.Char()

    _ticket_uniq = models.Constraint(
        "unique(check_id, ticket_id)", "A work order is drawn once per spot check."
    )
