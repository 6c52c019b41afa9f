# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Property Move-in",
    "summary": "Move-in (入伙): batches, the route per unit, joint inspection, fees at the cashier",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "website": "https://github.com/property-service-desk/property-suite",
    "author": "Property Service Desk contributors",
    "maintainers": ["property-service-desk"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["property_fee", "property_request"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_movein_rules.xml",
        "report/movein_reports.xml",
        "data/property_movein_data.xml",
        "views/property_movein_views.xml",
        "views/property_movein_search_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/property_movein_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "property_movein/static/tests/tours/**/*",
        ],
    },
}
