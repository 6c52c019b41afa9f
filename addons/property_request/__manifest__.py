# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Property Requests and Repairs",
    "summary": "Service requests and repairs (报事报修) on OCA helpdesk: timers, escalation, "
    "follow-ups, spot checks",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "website": "https://github.com/property-service-desk/property-suite",
    "author": "Property Service Desk contributors",
    "maintainers": ["property-service-desk"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "external_dependencies": {"python": ["xlsxwriter"]},
    "depends": ["property_service_desk", "helpdesk_mgmt"],
    "data": [
        "security/property_request_security.xml",
        "security/ir.model.access.csv",
        "security/property_request_rules.xml",
        "data/helpdesk_data.xml",
        "data/property_time_limit_data.xml",
        "data/property_followup_data.xml",
        "report/work_order_report.xml",
        "views/helpdesk_ticket_views.xml",
        "views/property_followup_views.xml",
        "views/property_spot_check_views.xml",
        "views/helpdesk_portal_templates.xml",
        "views/property_request_search_views.xml",
        "views/property_estate_home_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/helpdesk_mgmt_demo_removal.xml",
        "demo/property_service_demo.xml",
    ],
}
