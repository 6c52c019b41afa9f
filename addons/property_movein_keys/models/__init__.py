from . import property_movein_step
from . import property_key
from . import property_movein
from . import property_key_handover
from . import property_unit
