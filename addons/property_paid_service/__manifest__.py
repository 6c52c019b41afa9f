# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Property Paid Services",
    "summary": "Paid services (特约服务): quotes, the resident's consent, work record, invoice",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "website": "https://github.com/property-service-desk/property-suite",
    "author": "Property Service Desk contributors",
    "maintainers": ["property-service-desk"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["property_request", "property_account", "product"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_paid_service_rules.xml",
        "data/product_data.xml",
        "data/mail_template_data.xml",
        "report/work_order_report.xml",
        "views/helpdesk_ticket_views.xml",
        "views/portal_templates.xml",
        "views/property_estate_home_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/property_paid_service_demo.xml",
    ],
}
