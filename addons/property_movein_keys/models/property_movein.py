# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)


class PropertyMoveinStep(models.Model):
    _inherit = "property.movein.step"

    # the keys are handed over after the handouts, before the archive is completed
    code = fields.Selection(
        selection_add=[("keys", "Keys Handed Over"), ("archive",)],
        ondelete={"keys": "cascade"},
    )


class PropertyKey(models.Model):
    _inherit = "property.key"

    is_entrance = fields.Boolean(
        string="Entrance Door", help="Owner keys: this key opens the unit's entrance door."
    )
    retained_movein_id = fields.Many2one(
        "property.movein",
        string="Kept Since Move-in",
        index="btree_not_null",
        readonly=True,
        copy=False,
        help="The entrance key kept for the rectification works at the move-in; it goes back "
        "to the owner when the renovation permit is issued.",
    )


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
        today = fields.Date.context_today(self)
        for movein in self:
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


class PropertyKeyHandover(models.Model):
    _inherit = "property.key.handover"

    movein_id = fields.Many2one(
        "property.movein", string="Move-in", index="btree_not_null", readonly=True
    )
    is_return = fields.Boolean(
        string="Kept Key Returned",
        readonly=True,
        help="The entrance key kept since the move-in, handed back with the renovation permit.",
    )

    _guarded_fields = {
        "state": _lt("Confirm"),
        "user_id": _lt("Confirm"),
        "date": _lt("Confirm"),
        "is_return": _lt("the renovation permit"),
        "movein_id": _lt("the move-in"),
    }

    def action_confirm(self):
        for handover in self:
            kept = handover.key_ids.filtered("retained_movein_id")
            if kept and not handover.is_return:
                raise UserError(
                    self.env._(
                        "%(keys)s stays with engineering for the rectification works until the "
                        "renovation permit is issued; the permit prepares its hand-back.",
                        keys=", ".join(kept.mapped("display_name")),
                    )
                )
        result = super().action_confirm()
        self.filtered(lambda h: h.movein_id and not h.is_return).movein_id._keys_handed_over()
        returned = self.filtered("is_return").key_ids
        returned.write({"retained_movein_id": False})
        return result


class PropertyUnit(models.Model):
    _inherit = "property.unit"

    def _property_hand_back_kept_keys(self):
        """The renovation permit is issued: the entrance key kept since the move-in goes
        back to the owner, through a hand-over against ID. One hand-over per unit, however
        often the permit is issued."""
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
        # the permit was issued (the caller's check): its hand-back is prepared for the
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
