# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import UserError


class ResUsers(models.Model):
    _inherit = "res.users"

    property_key_loan_ids = fields.One2many(
        "property.key.loan",
        "borrower_user_id",
        string="Keys Held",
        domain=[("state", "=", "open")],
    )

    def write(self, vals):
        if vals.get("active") is False:
            self._check_no_keys_held()
        return super().write(vals)

    def action_archive(self):
        self._check_no_keys_held()
        return super().action_archive()

    def _check_no_keys_held(self):
        # staff keys are collected when someone leaves: read the loans whatever the
        # administrator's own estates, so that no key is forgotten
        loans = (
            self.env["property.key.loan"]
            .sudo()
            .search([("borrower_user_id", "in", self.ids), ("state", "=", "open")])
        )
        if loans:
            raise UserError(
                self.env._(
                    "Collect the keys first: %(keys)s.",
                    keys=", ".join(loans.line_ids.key_id.mapped("display_name")),
                )
            )
