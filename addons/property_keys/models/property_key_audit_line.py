# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyKeyAuditLine(models.Model):
    _name = "property.key.audit.line"
    _description = "Key Audit Line"
    _order = "audit_id, id"

    audit_id = fields.Many2one("property.key.audit", required=True, index=True, ondelete="cascade")
    key_id = fields.Many2one("property.key", required=True, ondelete="restrict")
    cabinet_id = fields.Many2one(related="key_id.cabinet_id")
    hook = fields.Char(related="key_id.hook")
    result = fields.Selection([("present", "Present"), ("missing", "Missing")])
    incident_id = fields.Many2one("property.key.incident", readonly=True)
