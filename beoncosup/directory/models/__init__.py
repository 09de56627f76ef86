from beoncosup.directory.models.capacity import ServiceCapacity
from beoncosup.directory.models.location import Accessibility, Address, Location
from beoncosup.directory.models.organization import Organization
from beoncosup.directory.models.service import (
    Contact,
    CostOption,
    Phone,
    RequiredDocument,
    Schedule,
    Service,
    ServiceArea,
    ServiceAtLocation,
    ServiceLanguage,
)

__all__ = [
    "Accessibility",
    "Address",
    "Contact",
    "CostOption",
    "Location",
    "Organization",
    "Phone",
    "RequiredDocument",
    "Schedule",
    "Service",
    "ServiceArea",
    "ServiceAtLocation",
    "ServiceCapacity",
    "ServiceLanguage",
]
