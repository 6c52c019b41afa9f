from . import test_duty
