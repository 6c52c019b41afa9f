# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Property Fees",
    "summary": "Property fees (物业费): fee rates, monthly billing, fee notices, collection rates",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "website": "https://github.com/property-service-desk/property-suite",
    "author": "Property Service Desk contributors",
    "maintainers": ["property-service-desk"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "external_dependencies": {"python": ["xlsxwriter"]},
    "depends": ["property_account"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_fee_rules.xml",
        "data/property_fee_data.xml",
        "report/fee_notice_report.xml",
        "data/mail_template_data.xml",
        "views/property_fee_views.xml",
        "views/property_fee_search_views.xml",
        "views/portal_quick_action_templates.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/property_fee_demo.xml",
    ],
}
