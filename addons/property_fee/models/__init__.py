from . import account_move
from . import account_move_line
from . import property_collection_report
from . import property_estate
from . import property_fee_rate
from . import property_fee_type
