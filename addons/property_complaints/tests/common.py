# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime

from odoo.addons.property_request.tests.common import RequestCommon

# 2026-03-03 10:00 in Asia/Shanghai (a Tuesday)
T0 = datetime(2026, 3, 3, 2, 0)


class ComplaintCommon(RequestCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.cat_valid = ref("property_request.category_service_centre_complaint_valid_complaint")
        cls.cat_help = ref("property_request.category_service_centre_complaint_help_seeking")
        cls.cat_venting = ref("property_request.category_service_centre_complaint_venting")

    def _complaint(self, **vals):
        # the front desk records the complaint, whatever the channel
        return (
            self.env["helpdesk.ticket"]
            .with_user(self.assistant_a)
            .create(
                {
                    "name": "Guard was rude at the east gate",
                    "description": "<p>The guard shouted at me.</p>",
                    "unit_id": self.unit_a1.id,
                    "partner_id": self.owner_a.id,
                    "category_id": self.cat_valid.id,
                    "complaint_category": "staff",
                    "complaint_severity": "minor",
                    "date_received": T0,
                    **vals,
                }
            )
        )
