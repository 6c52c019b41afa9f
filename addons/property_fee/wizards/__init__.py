from . import property_billing_wizard
from . import property_aged_receivables
