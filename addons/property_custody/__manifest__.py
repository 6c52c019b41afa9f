# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Property Vacant Units and Custody",
    "summary": "Vacant units and custody (空置房/托管): custody agreements, meter alerts, "
    "weekly and storm rounds",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "website": "https://github.com/property-service-desk/property-suite",
    "author": "Property Service Desk contributors",
    "maintainers": ["property-service-desk"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["property_service_desk"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_custody_rules.xml",
        "data/ir_cron_data.xml",
        "views/property_custody_views.xml",
        "views/property_custody_search_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/property_custody_demo.xml",
    ],
}
