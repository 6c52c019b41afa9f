from . import property_estate
from . import account_move
from . import property_renovation
from . import property_renovation_works
