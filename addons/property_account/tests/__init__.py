from . import test_finance
from . import test_demo
