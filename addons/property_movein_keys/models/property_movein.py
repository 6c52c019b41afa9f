# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class PropertyMovein(models.Model):
    _inherit = "property.movein"

    key_handover_id = fields.Many2one(
        "property.key.handover", string="Key Hand-over", readonly=True, copy=False
    )
    key_handover_state = fields.Selection(
        related="key_handover_id.state", string="Hand-over Status"
    )
    retained_key_id = fields.Many2one(
        "property.key",
        string="Entrance Key Kept",
        domain="[('unit_id', '=', unit_id), ('kind', '=', 'owner'), ('is_entrance', '=', True), "
        "('state', '=', 'in_cabinet')]",
        help="One entrance key stays with engineering for the rectification works and goes "
        "back to the owner when the renovation permit is issued.",
    )
    unit_key_ids = fields.One2many(related="unit_id.key_ids", string="Keys of the Unit")

    def action_prepare_key_handover(self):
        """The hand-over of the unit's keys, all but the entrance key kept: the receiver
        (the buyer, or the proxy with the authorisation letter) signs against their ID."""
        self.ensure_one()
        self._check_step_ready("keys")
        if self.key_handover_id.state == "draft":
            return self._open_handover()
        unit = self.unit_id
        retained = self.retained_key_id
        if (
            not retained.is_entrance
            or retained.unit_id != unit
            or retained.kind != "owner"
            or retained.state != "in_cabinet"
        ):
            raise UserError(
                self.env._(
                    "Keep one entrance key of %(unit)s in the cabinet for the rectification "
                    "works: choose it first.",
                    unit=unit.display_name,
                )
            )
        keys = (
            self.env["property.key"].search(
                [("unit_id", "=", unit.id), ("kind", "=", "owner"), ("state", "=", "in_cabinet")]
            )
            - retained
        )
        if not keys:
            raise UserError(
                self.env._("No other key of %(unit)s is in the cabinet.", unit=unit.display_name)
            )
        authorisation = self.document_ids.filtered(
            lambda d: d.type_id == self.env.ref("property_movein.movein_doc_authorisation")
        )[:1]
        self.check_access("write")
        # sudo: the hand-over is tied to this move-in, which only the move-in may do
        self.key_handover_id = (
            self.env["property.key.handover"]
            .sudo()
            .create(
                {
                    "unit_id": unit.id,
                    "key_ids": [fields.Command.set(keys.ids)],
                    "receiver_id": (self.proxy_partner_id if self.by_proxy else self.partner_id).id,
                    "is_designee": self.by_proxy,
                    "authorisation": authorisation.file if self.by_proxy else False,
                    "movein_id": self.id,
                }
            )
        )
        return self._open_handover()

    def _open_handover(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": "property.key.handover",
            "view_mode": "form",
            "res_id": self.key_handover_id.id,
        }

    def _keys_handed_over(self):
        """The buyer has the keys: the entrance key kept goes to engineering, and the
        6 months of engineering custody of the owner keys count from today."""
        for movein in self:
            today = movein.estate_id._local_date()
            movein.retained_key_id.write(
                {"retained_movein_id": movein.id, "custodian": "engineering"}
            )
            owner_keys = self.env["property.key"].search(
                [
                    ("unit_id", "=", movein.unit_id.id),
                    ("kind", "=", "owner"),
                    ("handover_date", "=", False),
                ]
            )
            owner_keys.write({"handover_date": today})
            movein._complete_step(
                "keys",
                note=", ".join(movein.key_handover_id.key_ids.mapped("number")),
            )

    def action_return_kept_key(self):
        """Without a renovation to wait for (no renovation management installed), the
        supervisor decides when the rectification works are over: the kept entrance key
        is then prepared for the hand-back to the owner, against ID at the front desk."""
        if not self.env.user.has_group("property_service_desk.group_property_supervisor"):
            raise UserError(
                self.env._("The service-centre supervisor decides when the kept key goes back.")
            )
        self._check_kept_key_return()
        kept = self.retained_key_id.filtered(
            lambda k: k.retained_movein_id and k.state == "in_cabinet"
        )
        if not kept:
            raise UserError(self.env._("No entrance key of this move-in is kept by engineering."))
        self.unit_id._property_hand_back_kept_keys()
        return True

    def _check_kept_key_return(self):
        """When the kept key may go back by hand (property_renovation_keys refuses it:
        the renovation permit hands it back)."""
        return True
