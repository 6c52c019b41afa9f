# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Property Fee Dunning",
    "summary": "Fee dunning (催费) on OCA credit control: the SOP's ladder, legal referral, "
    "utility cuts",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "website": "https://github.com/property-service-desk/property-suite",
    "author": "Property Service Desk contributors",
    "maintainers": ["property-service-desk"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["property_fee", "account_credit_control"],
    "data": [
        "security/property_dunning_security.xml",
        "security/ir.model.access.csv",
        "security/property_dunning_rules.xml",
        "data/property_dunning_data.xml",
        "views/property_dunning_views.xml",
        "views/property_dunning_search_views.xml",
        "views/menus.xml",
    ],
    "demo": [
        "demo/property_dunning_demo.xml",
    ],
}
