from . import property_complaint_box
from . import property_complaint_report
