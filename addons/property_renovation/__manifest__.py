# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Property Renovation",
    "summary": "Renovation management (装修管理) with deposits, deductions and "
    "refunds in Odoo accounting",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "website": "https://github.com/property-service-desk/property-suite",
    "author": "Property Service Desk contributors",
    "maintainers": ["property-service-desk"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["property_account", "property_request", "resource"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_renovation_rules.xml",
        "data/property_renovation_data.xml",
        "report/property_renovation_reports.xml",
        "views/property_renovation_views.xml",
        "views/portal_templates.xml",
        "views/property_renovation_search_views.xml",
        "views/property_estate_home_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/property_renovation_demo.xml",
    ],
}
