# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Property Service Desk",
    "summary": "Customer-service centre of a residential property-management company: "
    "estates, buildings, units, occupants, owner archive and resident portal",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "website": "https://github.com/property-service-desk/property-suite",
    "author": "Property Service Desk contributors",
    "maintainers": ["property-service-desk"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "application": True,
    "depends": ["account", "base_import", "helpdesk_mgmt", "mail", "portal"],
    "data": [
        "security/property_security.xml",
        "security/ir.model.access.csv",
        "security/property_rules.xml",
        "data/property_document_category_data.xml",
        "data/ir_cron_data.xml",
        "data/helpdesk_data.xml",
        "data/property_time_limit_data.xml",
        "data/property_followup_data.xml",
        "report/work_order_report.xml",
        "views/property_estate_views.xml",
        "views/property_building_views.xml",
        "views/property_unit_views.xml",
        "views/property_occupancy_views.xml",
        "views/property_document_views.xml",
        "views/helpdesk_ticket_views.xml",
        "views/property_followup_views.xml",
        "views/property_spot_check_views.xml",
        "views/res_partner_views.xml",
        "views/res_users_views.xml",
        "views/portal_templates.xml",
        "views/helpdesk_portal_templates.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/property_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "property_service_desk/static/tests/tours/**/*",
        ],
    },
    "installable": True,
}
