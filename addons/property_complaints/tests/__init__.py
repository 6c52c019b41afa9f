from . import test_install
from . import test_complaints
from . import test_complaint_analysis
from . import test_complaint_portal
