from . import helpdesk
from . import portal
