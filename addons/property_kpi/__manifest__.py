# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Property KPIs",
    "summary": "The SOP's targets per estate and month (收费率, 回访率, 抽检率, 投诉及时率), "
    "frozen at month end, with a dashboard and the weekly digest",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "website": "https://github.com/property-service-desk/property-suite",
    "author": "Property Service Desk contributors",
    "maintainers": ["property-service-desk"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["property_fee", "property_complaints", "spreadsheet_dashboard", "digest"],
    "data": [
        "security/ir.model.access.csv",
        "security/property_kpi_rules.xml",
        "data/property_kpi_data.xml",
        "data/ir_cron_data.xml",
        "data/digest_data.xml",
        "data/spreadsheet_dashboard_data.xml",
        "views/property_kpi_views.xml",
        "views/menus.xml",
    ],
    "demo": ["demo/property_kpi_demo.xml"],
}
