# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""Translations the suite ships for the modules it depends on.

Some dependencies (OCA helpdesk_mgmt, account_credit_control) have no or an incomplete
Chinese translation, yet their screens are the ones the service centre uses all day.
An addon of the suite ships them in its ``i18n_extra/<lang>.po``, each entry marked with
the dependency's module (``#. module: helpdesk_mgmt``) like any exported term:

- terms of records (fields, views, menus, stages, selections) carry the dependency's
  XML ids, so Odoo loads them with the addon's own translations;
- terms of code (Python ``_()``, JavaScript ``_t``) are looked up by Odoo in the
  module's own files only; the lookup below adds those shipped by the suite's addons.
"""

import logging
import os
from contextlib import suppress

from odoo.tools import translate

_logger = logging.getLogger(__name__)

SUITE_PREFIX = "property_"


def _suite_extra_files(lang):
    """The ``i18n_extra`` files of the suite's addons for ``lang`` (and its base)."""
    import odoo.addons

    names = [f"{base}.po" for base in translate.get_base_langs(lang)]
    for root in odoo.addons.__path__:
        with suppress(OSError):
            for addon in sorted(os.listdir(root)):
                if not addon.startswith(SUITE_PREFIX):
                    continue
                for name in names:
                    path = os.path.join(root, addon, "i18n_extra", name)
                    if os.path.isfile(path):
                        yield path


def _dependency_code_translations(module_name, lang, filter_func):
    translations = {}
    for path in _suite_extra_files(lang):
        try:
            with open(path, "rb") as fileobj:
                rows = list(translate.translation_file_reader(fileobj, fileformat="po"))
        except (OSError, ValueError, UnicodeDecodeError):
            # a broken file of the suite costs its terms, not every message of Odoo
            _logger.exception("cannot read the translation file %s", path)
            continue
        for row in rows:
            if (
                row.get("type") == "code"
                and row.get("module") == module_name
                and row.get("src")
                and filter_func(row)
            ):
                translations[row["src"]] = row["value"]
    return translations


def patch_code_translations():
    """Make Odoo's code-translation lookup read the suite's files too (at the addon's
    import)."""
    code_translations = translate.CodeTranslations
    if getattr(code_translations, "_property_suite_patched", False):
        return
    original = code_translations._get_code_translations

    def _get_code_translations(module_name, lang, filter_func):
        translations = original(module_name, lang, filter_func)
        if module_name.startswith(SUITE_PREFIX):
            return translations
        extra = _dependency_code_translations(module_name, lang, filter_func)
        # the suite's wording wins over a dependency's partial translation
        return {**translations, **extra} if extra else translations

    code_translations._get_code_translations = staticmethod(_get_code_translations)
    code_translations._property_suite_patched = True
    # what was read before the patch is read again
    translate.code_translations.python_translations.clear()
    translate.code_translations.web_translations.clear()
    _logger.debug("code translations of the suite's dependencies enabled")
