from . import test_install
from . import test_keys
from . import test_keys_portal
