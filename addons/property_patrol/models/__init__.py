from . import property_patrol_checkpoint
from . import property_patrol_line
from . import property_patrol_plan
from . import property_patrol_plan_item
from . import property_patrol_round
from . import property_patrol_visit
