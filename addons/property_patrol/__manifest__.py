# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Property Patrols",
    "summary": "Patrols (巡查): plans, scheduled rounds, QR checkpoints, findings to requests",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "website": "https://github.com/property-service-desk/property-suite",
    "author": "Property Service Desk contributors",
    "maintainers": ["property-service-desk"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["property_violation"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_patrol_rules.xml",
        "data/ir_cron_data.xml",
        "views/property_patrol_views.xml",
        "views/property_patrol_search_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/property_patrol_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "property_patrol/static/tests/tours/**/*",
        ],
    },
}
