# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyUnit(models.Model):
    _inherit = "property.unit"

    def _property_hand_back_kept_keys(self):
        """The rectification works are over (the renovation permit is issued, or the
        supervisor says so): the entrance key kept since the move-in goes back to the
        owner, through a hand-over against ID. One hand-over per unit, however often this
        is called."""
        keys = self.env["property.key"].search(
            [
                ("unit_id", "in", self.ids),
                ("retained_movein_id", "!=", False),
                ("state", "=", "in_cabinet"),
            ]
        )
        pending = self.env["property.key.handover"].search(
            [("unit_id", "in", self.ids), ("is_return", "=", True), ("state", "=", "draft")]
        )
        # the caller checked that the key may go back: its hand-back is prepared for the
        # front desk, who may not mark a hand-over as a return themselves
        Handover = self.env["property.key.handover"].sudo()
        for unit, unit_keys in keys.grouped("unit_id").items():
            owner = unit.owner_ids[:1]
            if not owner or unit in pending.unit_id:
                continue
            movein = unit_keys.retained_movein_id[:1]
            Handover.create(
                {
                    "unit_id": unit.id,
                    "key_ids": [fields.Command.set(unit_keys.ids)],
                    "receiver_id": owner.id,
                    "is_return": True,
                    "movein_id": movein.id,
                }
            )
            user = unit.estate_id.front_desk_user_ids[:1] or unit.estate_id.supervisor_id
            movein.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._(
                    "Renovation permit issued: hand back the entrance key kept since the move-in"
                ),
                user_id=(user or self.env.user).id,
            )
        return True
