from . import test_movein
from . import test_movein_phone
