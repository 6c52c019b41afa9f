from . import test_install
from . import test_keys
from . import test_keys_portal
from . import test_movein_keys
