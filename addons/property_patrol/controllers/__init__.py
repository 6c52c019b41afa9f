from . import patrol
