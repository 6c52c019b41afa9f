# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Property Complaints",
    "summary": "Complaints (投诉管理): classification, escalation deadlines, "
    "handling, follow-up and monthly analysis",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "website": "https://github.com/property-service-desk/property-suite",
    "author": "Property Service Desk contributors",
    "maintainers": ["property-service-desk"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["property_request"],
    "external_dependencies": {"python": ["xlsxwriter"]},
    "data": [
        "security/property_complaints_security.xml",
        "security/ir.model.access.csv",
        "data/complaint_data.xml",
        "report/complaint_monthly_report.xml",
        "views/helpdesk_ticket_views.xml",
        "views/property_estate_views.xml",
        "views/wizard_views.xml",
        "views/portal_templates.xml",
        "views/property_estate_home_views.xml",
        "views/portal_quick_action_templates.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/complaint_demo.xml",
    ],
}
