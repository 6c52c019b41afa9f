from . import property_duty_roster_fill
