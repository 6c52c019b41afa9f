from . import test_master_data
from . import test_access
from . import test_import
from . import test_portal
from . import test_i18n
from . import test_tour
from . import test_roles
