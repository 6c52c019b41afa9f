# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Property Service Desk",
    "summary": "Master data of a property-management company's service centre: estates, "
    "buildings, units, occupants, owner archive, roles and the residents' portal",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "website": "https://github.com/property-service-desk/property-suite",
    "author": "Property Service Desk contributors",
    "maintainers": ["property-service-desk"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "application": True,
    "external_dependencies": {"python": ["xlsxwriter"]},
    "depends": [
        "base_import",
        "base_install_request",
        "mail",
        "portal",
    ],
    "data": [
        "security/property_security.xml",
        "security/ir.model.access.csv",
        "security/property_rules.xml",
        "data/property_document_category_data.xml",
        "data/ir_cron_data.xml",
        "data/mail_data.xml",
        "views/property_estate_views.xml",
        "views/property_estate_home_views.xml",
        "views/property_building_views.xml",
        "views/property_unit_views.xml",
        "views/property_occupancy_views.xml",
        "views/property_document_views.xml",
        "views/res_partner_views.xml",
        "views/res_users_views.xml",
        "views/portal_templates.xml",
        "views/property_service_desk_search_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/property_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "property_service_desk/static/src/scss/property_home.scss",
        ],
        "web.assets_frontend": [
            "property_service_desk/static/src/scss/portal.scss",
        ],
        "web.assets_tests": [
            "property_service_desk/static/tests/tours/**/*",
        ],
    },
}
