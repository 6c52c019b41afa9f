# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.property_movein.tests.common import MoveinCommon
from odoo.addons.property_service_desk.tests.common import SIGNATURE


class MoveinKeysCommon(MoveinCommon):
    """A new unit with two entrance keys and a mailbox key in the engineering cabinet."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cabinet = cls.env["property.key.cabinet"].create(
            {"name": "Engineering", "estate_id": cls.estate_a.id, "custodian": "engineering"}
        )
        cls.entrance_1, cls.entrance_2, cls.mailbox = cls.env["property.key"].create(
            [
                {
                    "number": number,
                    "name": name,
                    "kind": "owner",
                    "origin": "developer",
                    "is_entrance": entrance,
                    "unit_id": cls.unit_new.id,
                    "estate_id": cls.estate_a.id,
                    "cabinet_id": cabinet.id,
                    "custodian": "engineering",
                }
                for number, name, entrance in (
                    ("9101-1", "Entrance 9-1-101", True),
                    ("9101-2", "Entrance 9-1-101", True),
                    ("9101-M", "Mailbox 9-1-101", False),
                )
            ]
        )

    def _handover(self, movein):
        movein = movein.with_user(self.assistant_a)
        movein.retained_key_id = self.entrance_1
        movein.action_prepare_key_handover()
        handover = movein.key_handover_id
        handover.write({"id_checked": True, "id_number": "1234", "signature": SIGNATURE})
        handover.action_confirm()
        return handover
