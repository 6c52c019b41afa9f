from . import account_move
from . import helpdesk_ticket
from . import helpdesk_ticket_category
from . import property_estate
from . import property_request_charge
from . import property_request_material
from . import property_estate_home
