# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Property Payments and Receipts",
    "summary": "Residents pay fees and paid services online; the counter prints receipts (收据)",
    "version": "19.0.1.0.0",
    "category": "Services/Property",
    "website": "https://github.com/property-service-desk/property-suite",
    "author": "Property Service Desk contributors",
    "maintainers": ["property-service-desk"],
    "license": "AGPL-3",
    "development_status": "Alpha",
    "depends": ["property_fee", "property_paid_service", "account_payment"],
    "data": [
        "data/ir_sequence_data.xml",
        "report/counter_receipt_report.xml",
        "views/account_payment_views.xml",
    ],
}
