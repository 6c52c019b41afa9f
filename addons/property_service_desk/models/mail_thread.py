# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class MailThread(models.AbstractModel):
    _inherit = "mail.thread"

    def _creation_message(self):
        """A record made while no language is set (data files at installation) logs its
        creation in the company's language rather than in English."""
        lang = self.env.company.partner_id.lang
        if (
            not self.env.lang
            and lang
            and lang != "en_US"
            and lang in dict(self.env["res.lang"].get_installed())
        ):
            self = self.with_context(lang=lang)
        return super()._creation_message()
