from . import test_counter_receipt
from . import test_online_payment
