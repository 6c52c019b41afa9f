from . import test_install
from . import test_renovation
from . import test_renovation_portal
