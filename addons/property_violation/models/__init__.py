from . import property_violation
from . import property_violation_category
from . import property_violation_notice
from . import property_violation_penalty
