from . import test_dunning
