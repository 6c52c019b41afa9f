from . import account_move
from . import credit_control_communication
from . import credit_control_line
from . import credit_control_policy_level
from . import credit_control_run
from . import property_dunning_action
from . import property_fee_rate
from . import res_company
