from . import test_custody
