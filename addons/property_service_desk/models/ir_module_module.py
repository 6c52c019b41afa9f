# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, models

from ..translations import SUITE_PREFIX


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(self, modules, langs, overwrite=False):
        """Read the suite's addons last: the terms their ``i18n_extra`` ship for a
        dependency (see ``translations.py``) then replace the dependency's own before the
        one save, whatever order the modules come in (loading a language passes every
        installed module at once, in no dependency order)."""
        modules = sorted(modules, key=lambda name: name.startswith(SUITE_PREFIX))
        result = super()._load_module_terms(modules, langs, overwrite=overwrite)
        if "zh_CN" in (langs or ()):
            # Odoo's own Chinese leaves a country name half in English
            self.env["res.country"]._property_fix_chinese_names()
        return result

    @api.model
    def _property_demo_load_terms(self, module):
        """Demo: load ``module``'s translations before its demo writes documents in the
        residents' language (invoice lines with the fee's name): Odoo loads them after
        the module's demo. Called from demo data only (superuser)."""
        langs = [code for code, _name in self.env["res.lang"].get_installed() if code != "en_US"]
        if langs:
            self._load_module_terms([module], langs)
        return True
