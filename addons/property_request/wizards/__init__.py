from . import property_request_statistics
