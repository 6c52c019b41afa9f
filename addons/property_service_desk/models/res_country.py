# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

# countries whose Chinese name in Odoo's own translation is left half in English
CHINESE_NAMES = {"base.cg": "刚果共和国"}


class ResCountry(models.Model):
    _inherit = "res.country"

    @api.model
    def _property_fix_chinese_names(self):
        """Give the countries whose Chinese name Odoo ships half in English
        (``刚果共和国（Republic）``) their Chinese name, when Chinese is active. Called
        after each load of translations (superuser: installing a module or a language)."""
        if not self.env["res.lang"]._lang_get("zh_CN"):
            return True
        countries = self.with_context(lang="zh_CN")
        for xmlid, name in CHINESE_NAMES.items():
            country = countries.env.ref(xmlid, raise_if_not_found=False)
            if country and country.name != name:
                country.name = name
        return True
