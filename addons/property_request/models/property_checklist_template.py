# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

from .helpdesk_ticket_category import REQUEST_KINDS


class PropertyChecklistTemplate(models.Model):
    """Steps of an SOP that a request of a given kind must go through (emergencies)."""

    _name = "property.checklist.template"
    _description = "Request Checklist Step"
    _order = "request_kind, sequence, id"

    name = fields.Char(string="Step", required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    request_kind = fields.Selection(REQUEST_KINDS, required=True, index=True)
