# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import date

from odoo.tests import new_test_user

from odoo.addons.property_request.tests.common import RequestCommon
from odoo.addons.property_service_desk.tests.common import SCAN, SIGNATURE


class MoveinCommon(RequestCommon):
    """Estate A with a new building: a sold unit (the buyer on the developer's list)
    and an unsold one, a management-fee rate, a move-in fee and a cashier."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.finance = new_test_user(
            cls.env,
            login="psd_movein_cashier",
            groups="property_service_desk.group_property_finance",
        )
        cls.estate_a.user_ids = [
            (4, cls.finance.id),
            (4, cls.director_a.id),
            (4, cls.supervisor_a.id),
            (4, cls.assistant_a.id),
        ]
        cls.building_new = cls.env["property.building"].create(
            {"name": "A9", "code": "9", "estate_id": cls.estate_a.id}
        )
        cls.unit_new, cls.unit_unsold = cls.env["property.unit"].create(
            [
                {"code": "9-1-101", "building_id": cls.building_new.id, "area": 100.0},
                {"code": "9-1-102", "building_id": cls.building_new.id, "area": 80.0},
            ]
        )
        cls.buyer = cls.env["res.partner"].create(
            {"name": "Buyer 钱七", "email": "buyer@example.com"}
        )
        # the developer's sales list: the buyer owns the unit, not moved in
        cls.env["property.occupancy"].create(
            {
                "unit_id": cls.unit_new.id,
                "partner_id": cls.buyer.id,
                "role": "owner",
                "date_start": "2026-04-01",
                "is_fee_payer": True,
            }
        )
        management = cls.env.ref("property_fee.fee_type_management")
        cls.env["property.fee.rate"].create(
            {
                "estate_id": cls.estate_a.id,
                "fee_type_id": management.id,
                "usage": "residential",
                "price": 2.0,
                "date_from": date(2026, 1, 1),
            }
        )
        cls.clearance = cls.env["product.product"].create(
            {"name": "Renovation rubbish clearance", "type": "service", "lst_price": 500.0}
        )
        cls.estate_a.movein_charge_ids = [
            (0, 0, {"product_id": cls.clearance.id, "name": "Rubbish clearance", "amount": 500.0})
        ]
        cls.bank = cls.env["account.journal"].search(
            [("type", "=", "bank"), ("company_id", "=", cls.env.company.id)], limit=1
        )

    def _batch(self, handover=date(2026, 6, 15)):
        # the supervisor opens the batch; the director submits its plan (SOP §3)
        return (
            self.env["property.movein.batch"]
            .with_user(self.supervisor_a)
            .create(
                {
                    "estate_id": self.estate_a.id,
                    "building_ids": [(6, 0, self.building_new.ids)],
                    "date_handover": handover,
                }
            )
        )

    def _movein(self):
        movein = (
            self.env["property.movein"]
            .with_user(self.assistant_a)
            .create({"unit_id": self.unit_new.id, "partner_id": self.buyer.id})
        )
        return movein

    def _walk(self, movein, until):
        """Go through the route up to (not including) the step ``until``."""
        movein = movein.with_user(self.assistant_a)
        engineering = movein.with_user(self.engineer_a)
        steps = {
            "notice": lambda: movein.action_send_notice(),
            "eligibility": lambda: (
                movein.write({"sales_verifier": "Ms Sun (sales)"}),
                movein.action_confirm_eligibility(),
            ),
            "payment": lambda: (
                movein.write({"finance_verifier": "Mr Li (finance)"}),
                movein.action_confirm_payment(),
            ),
            "documents": lambda: (
                movein.document_ids.filtered(lambda d: d.stage == "bring").write(
                    {"checked": True, "file": SCAN, "file_name": "scan.pdf"}
                ),
                movein.action_confirm_documents(),
            ),
            # the joint inspection and the meter readings: engineering (SOP §3)
            "inspection": lambda: (
                engineering.inspection_line_ids.write({"result": "ok"}),
                engineering.write(
                    {"inspector_id": self.engineer_a.id, "inspection_signature": SIGNATURE}
                ),
                engineering.action_confirm_inspection(),
            ),
            "meters": lambda: (
                engineering.write({"water_reading": 3.5, "electricity_reading": 12.0}),
                engineering.action_confirm_meters(),
            ),
            "fees": lambda: self._pay(movein),
            "signing": lambda: (
                movein.document_ids.filtered(lambda d: d.stage == "sign").write(
                    {"checked": True, "file": SCAN, "file_name": "signed.pdf"}
                ),
                movein.action_confirm_signing(),
            ),
            "items": lambda: (
                movein.item_ids.write({"handed": True}),
                movein.action_confirm_items(),
            ),
        }
        for code, run in steps.items():
            if code == until:
                return
            run()

    def _pay(self, movein):
        cashier = movein.with_user(self.finance)
        cashier.action_invoice_fees()
        self.env["account.payment.register"].with_user(self.finance).with_context(
            active_model="account.move", active_ids=movein.invoice_id.ids
        ).create({})._create_payments()
        cashier.write({"prepayment_declined": "Pays monthly by bank transfer"})
        cashier.action_confirm_fees()
