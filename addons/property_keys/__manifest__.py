# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Property Keys",
    "summary": "Key management (钥匙管理): key register, loans, overdue chasing, "
    "audits and lost keys",
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
        "security/property_keys_rules.xml",
        "data/property_keys_data.xml",
        "report/property_key_reports.xml",
        "views/property_key_views.xml",
        "views/portal_templates.xml",
        "views/property_keys_search_views.xml",
        "views/property_estate_home_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/property_keys_demo.xml",
    ],
}
