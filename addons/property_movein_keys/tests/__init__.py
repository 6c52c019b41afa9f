from . import test_movein_keys
