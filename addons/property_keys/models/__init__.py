from . import property_key
from . import property_key_permission
from . import property_key_entrustment
from . import property_key_loan
from . import property_key_audit
from . import property_key_incident
from . import property_key_handover
from . import res_users
