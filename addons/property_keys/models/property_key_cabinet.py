# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import fields, models

CUSTODIANS = [
    ("engineering", "Engineering"),
    ("security", "Security"),
    ("service_centre", "Service Centre"),
    ("monitoring", "Monitoring Centre"),
]


class PropertyKeyCabinet(models.Model):
    _name = "property.key.cabinet"
    _description = "Key Cabinet"
    _order = "estate_id, name"

    name = fields.Char(required=True)
    estate_id = fields.Many2one("property.estate", required=True, index=True)
    company_id = fields.Many2one(related="estate_id.company_id", store=True)
    custodian = fields.Selection(CUSTODIANS, required=True, default="service_centre")
    location = fields.Char(help="Where the cabinet stands.")
    key_ids = fields.One2many("property.key", "cabinet_id", string="Keys")
    active = fields.Boolean(default=True)
