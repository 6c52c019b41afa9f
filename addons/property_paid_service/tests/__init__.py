from . import test_paid_service_portal
from . import test_paid_services
