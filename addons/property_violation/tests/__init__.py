from . import test_violations
