# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models

from ..translations import SUITE_PREFIX


class IrModuleModule(models.Model):
    _inherit = "ir.module.module"

    def _load_module_terms(self, modules, langs, overwrite=False):
        """Load the suite's addons after the others: the terms their ``i18n_extra`` ship
        for a dependency (see ``translations.py``) then replace the ones the dependency
        leaves in English, whatever order the modules come in (loading a language
        passes every installed module at once)."""
        modules = list(modules)
        suite = [name for name in modules if name.startswith(SUITE_PREFIX)]
        others = [name for name in modules if not name.startswith(SUITE_PREFIX)]
        if suite and others:
            super()._load_module_terms(others, langs, overwrite=overwrite)
            modules = suite
        return super()._load_module_terms(modules, langs, overwrite=overwrite)
