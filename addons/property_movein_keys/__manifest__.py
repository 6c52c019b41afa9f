# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Property Move-in Keys",
    "summary": "The key step of the move-in: keys handed over against ID, an entrance key kept",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "website": "https://github.com/property-service-desk/property-suite",
    "author": "Property Service Desk contributors",
    "maintainers": ["property-service-desk"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["property_movein", "property_keys"],
    "data": [
        "security/ir.model.access.csv",
        "views/property_movein_views.xml",
    ],
    "auto_install": True,
}
