# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Property Renovation Keys",
    "summary": "The renovation permit hands back the entrance key kept since the move-in",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "website": "https://github.com/property-service-desk/property-suite",
    "author": "Property Service Desk contributors",
    "maintainers": ["property-service-desk"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["property_movein_keys", "property_renovation"],
    "data": [
        "security/ir.model.access.csv",
    ],
    "auto_install": True,
}
