# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models
from odoo.exceptions import UserError


class PropertyMovein(models.Model):
    _inherit = "property.movein"

    def _check_kept_key_return(self):
        """With renovation management, the kept key goes back with the renovation permit
        (SOP), not by hand."""
        raise UserError(
            self.env._(
                "The entrance key kept since the move-in goes back to the owner when the "
                "renovation permit is issued."
            )
        )
