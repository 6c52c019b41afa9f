from . import account_move
from . import account_payment_method_line
from . import property_estate
from . import property_unit
from . import res_company
