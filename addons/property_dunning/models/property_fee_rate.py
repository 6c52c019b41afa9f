# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models


class PropertyFeeRate(models.Model):
    _inherit = "property.fee.rate"

    @api.model
    def _bill(self, estates, day, batch_size=2000, commit=False):
        """The dunning policy follows the receivable accounts the fees are billed on."""
        created = super()._bill(estates, day, batch_size=batch_size, commit=commit)
        if created:
            created._property_watch_receivables()
        return created
