from . import property_kpi
from . import property_kpi_value
from . import digest_digest
from . import demo_history
