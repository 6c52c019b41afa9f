from . import test_followups
from . import test_portal_requests
from . import test_requests
from . import test_statistics
from . import test_home
