from . import property_duty_handover
from . import property_duty_handover_item
from . import property_duty_log
from . import property_duty_roster
from . import property_duty_roster_line
from . import property_duty_swap
from . import property_estate_home
from . import property_duty_roster_day
