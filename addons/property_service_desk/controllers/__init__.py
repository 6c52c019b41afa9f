from . import helpdesk
from . import portal
from . import patrol
