from . import account_move
from . import property_estate
from . import property_unit
from . import res_company
