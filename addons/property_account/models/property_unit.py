# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models


class PropertyUnit(models.Model):
    _inherit = "property.unit"

    currency_id = fields.Many2one(related="company_id.currency_id")
    property_amount_due = fields.Monetary(
        string="Amount Due",
        compute="_compute_property_amount_due",
        currency_field="currency_id",
        groups="account.group_account_invoice",
        help="What the unit's residents still owe on the posted invoices of the unit: "
        "fees, paid services, move-in fees, penalties, lost keys, renovation fees.",
    )

    def _property_amounts_due(self):
        """{unit: amount still due} in one query over the units' posted invoices."""
        rows = self.env["account.move"]._read_group(
            [
                ("property_unit_id", "in", self.ids),
                ("state", "=", "posted"),
                ("move_type", "in", ("out_invoice", "out_refund")),
            ],
            ["property_unit_id"],
            ["amount_residual_signed:sum"],
        )
        return dict(rows)

    def _compute_property_amount_due(self):
        due = self._property_amounts_due()
        for unit in self:
            unit.property_amount_due = due.get(unit, 0.0)

    def action_view_property_invoices(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "account.action_move_out_invoice_type"
        )
        action["domain"] = [("property_unit_id", "=", self.id)]
        action["context"] = {"default_move_type": "out_invoice", "search_default_open": 1}
        return action
