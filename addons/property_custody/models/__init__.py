from . import property_custody
from . import property_custody_reading
from . import property_vacancy_round
from . import property_vacancy_round_line
from . import property_estate
