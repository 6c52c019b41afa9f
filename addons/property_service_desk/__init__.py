from . import controllers
from . import models
from .translations import patch_code_translations

# at import, like the models: Odoo imports an addon once, and its post_load hook is
# skipped when something (a test runner) imported it first
patch_code_translations()
