from . import test_finance
