from . import property_movein
from . import property_renovation
