from . import helpdesk_ticket_category
from . import property_estate
from . import helpdesk_ticket
from . import property_estate_home
