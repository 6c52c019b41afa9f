# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Property Accounting",
    "summary": "Accounting base of the property suite: the finance department in Odoo accounting",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "website": "https://github.com/property-service-desk/property-suite",
    "author": "Property Service Desk contributors",
    "maintainers": ["property-service-desk"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["property_service_desk", "account", "l10n_cn"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_account_security.xml",
        "data/res_country_data.xml",
        "views/property_unit_views.xml",
        "views/portal_templates.xml",
    ],
    "demo": ["demo/res_company_demo.xml"],
}
