# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Property Duty",
    "summary": "Duty management (值班管理): rosters, shift swaps, handovers and the shift log",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "website": "https://github.com/property-service-desk/property-suite",
    "author": "Property Service Desk contributors",
    "maintainers": ["property-service-desk"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["property_request"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_duty_rules.xml",
        "data/ir_cron_data.xml",
        "views/property_duty_views.xml",
        "data/property_duty_roster_data.xml",
        "views/property_duty_search_views.xml",
        "views/property_estate_home_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/property_duty_demo.xml",
    ],
}
