# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    # one field for every addon that charges a unit's residents: "what does this unit
    # owe" is one query on it (property.unit._property_amounts_due)
    property_unit_id = fields.Many2one(
        "property.unit",
        string="Unit",
        index="btree_not_null",
        readonly=True,
        copy=False,
        help="The unit this invoice charges: its fees, paid services, move-in fees, "
        "penalties, lost keys or renovation fees.",
    )
    property_estate_id = fields.Many2one(
        related="property_unit_id.estate_id", string="Estate", store=True
    )
    property_building_id = fields.Many2one(
        related="property_unit_id.building_id", string="Building", store=True
    )

    @api.model
    def _property_invoice_vals(self, partner, lines, unit=None, origin=False, **values):
        """The suite's one builder of a customer invoice: to ``partner``, for ``unit``
        (a ``property.unit`` or None), with ``lines`` as invoice-line values (or
        ``Command`` tuples); other values (journal, links to the record invoiced) are
        added as given."""
        company = values.pop("company", None) or (unit and unit.company_id) or self.env.company
        # a scheduled billing run has no salesperson: OdooBot is no one the resident knows
        salesperson = self.env.user if self.env.user != self.env.ref("base.user_root") else None
        return {
            "move_type": "out_invoice",
            "invoice_user_id": salesperson.id if salesperson else False,
            "partner_id": partner.id,
            "company_id": company.id,
            "invoice_origin": origin,
            "property_unit_id": unit.id if unit else False,
            "invoice_line_ids": [
                fields.Command.create(line) if isinstance(line, dict) else line for line in lines
            ],
            **values,
        }

    @api.model
    def _property_create_invoices(self, vals_list, post=True):
        """Create (and post) the invoices built by ``_property_invoice_vals``."""
        invoices = self.with_context(default_move_type="out_invoice").create(vals_list)
        if post:
            invoices.action_post()
        return invoices
