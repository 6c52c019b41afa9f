# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from ..translations import SUITE_PREFIX


class IrCron(models.Model):
    _inherit = "ir.cron"

    def _property_cron_lang(self):
        """The language the suite's scheduled actions write in (activity summaries,
        chatter notes): the one of the user they run as, unless that is OdooBot's English
        by default, then the company's, then the administrator's."""
        if not self.get_external_id().get(self.id, "").startswith(SUITE_PREFIX):
            return None
        lang = self.env.lang
        if lang and lang != "en_US":
            return None
        installed = dict(self.env["res.lang"].get_installed())
        admin = self.env.ref("base.user_admin", raise_if_not_found=False)
        # sudo: the administrator's language only, to write in it
        for candidate in (self.env.company.partner_id.lang, admin and admin.sudo().lang):
            if candidate and candidate != "en_US" and candidate in installed:
                return candidate
        return None

    def _callback(self, cron_name, server_action_id):
        lang = self._property_cron_lang()
        if lang:
            self = self.with_context(lang=lang)
        return super()._callback(cron_name, server_action_id)
