from . import counter_receipt
