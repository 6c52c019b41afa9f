from . import property_movein
