# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Property Resident Violations",
    "summary": "Resident violations (住户违章): register, rectification notices, "
    "penalties by the director",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "website": "https://github.com/property-service-desk/property-suite",
    "author": "Property Service Desk contributors",
    "maintainers": ["property-service-desk"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["property_account", "property_request"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_violation_rules.xml",
        "data/property_violation_data.xml",
        "report/violation_notice_report.xml",
        "views/property_violation_views.xml",
        "views/property_violation_search_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/property_violation_demo.xml",
    ],
}
