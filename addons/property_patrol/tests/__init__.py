from . import test_patrol_phone
from . import test_patrols
