from . import test_permit_keys
