# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyMoveinStep(models.Model):
    _inherit = "property.movein.step"

    # the keys are handed over after the handouts, before the archive is completed
    code = fields.Selection(
        selection_add=[("keys", "Keys Handed Over"), ("archive",)],
        ondelete={"keys": "cascade"},
    )
