# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)


class PropertyRenovationDeduction(models.Model):
    """Damage assessed by engineering, approved by the director and posted by finance:
    taken from the owner's deposit first, then the contractor's; what the deposits do
    not cover is invoiced to the resident."""

    _name = "property.renovation.deduction"
    _description = "Deposit Deduction"
    _inherit = ["mail.thread", "property.guarded.mixin"]
    _order = "id desc"
    _guarded_fields = {
        "state": _lt("Approve, Post or Cancel"),
        "approved_by_id": _lt("the director's Approve"),
        "assessed_by_id": _lt("engineering's assessment"),
        "move_id": _lt("finance's Post"),
        "invoice_id": _lt("finance's Post"),
    }

    renovation_id = fields.Many2one(
        "property.renovation", required=True, index=True, ondelete="cascade"
    )
    estate_id = fields.Many2one(related="renovation_id.estate_id", store=True)
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    currency_id = fields.Many2one(related="renovation_id.currency_id")
    description = fields.Text(string="Damage", required=True)
    amount = fields.Monetary(
        string="Assessed Amount", required=True, help="Engineering's assessment of the damage."
    )
    assessed_by_id = fields.Many2one("res.users", readonly=True, default=lambda self: self.env.user)
    state = fields.Selection(
        [
            ("draft", "Assessed"),
            ("approved", "Approved"),
            ("posted", "Posted"),
            ("cancelled", "Cancelled"),
        ],
        default="draft",
        required=True,
        tracking=True,
    )
    approved_by_id = fields.Many2one("res.users", readonly=True)
    move_id = fields.Many2one("account.move", string="Journal Entry", readonly=True)
    invoice_id = fields.Many2one(
        "account.move", string="Invoice for the Rest", readonly=True, index="btree_not_null"
    )

    _amount_positive = models.Constraint(
        "CHECK(amount > 0)", "A deduction must be a positive amount."
    )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.user.has_group("property_service_desk.group_property_engineering"):
            raise UserError(self.env._("Engineering assesses the damage."))
        deductions = super().create(vals_list)
        deductions.renovation_id.check_access("read")
        if deductions.renovation_id.filtered(
            lambda r: r.state not in ("completion", "accepted", "reinspection")
        ):
            raise UserError(self.env._("Damage is assessed at the acceptance inspections."))
        return deductions

    def action_approve(self):
        if not self.env.user.has_group("property_service_desk.group_property_director"):
            raise UserError(self.env._("Only the director approves a deposit deduction."))
        if self.filtered(lambda d: d.state != "draft"):
            raise UserError(self.env._("Only an assessed deduction can be approved."))
        for deduction in self:
            deduction.estate_id._check_director(self.env.user)
        self._guarded_write({"state": "approved", "approved_by_id": self.env.uid})
        return True

    def write(self, vals):
        # what the director approved is what finance posts
        locked = {"amount", "description", "renovation_id"} & set(vals)
        if locked and not self.env.su and self.filtered(lambda d: d.state != "draft"):
            raise UserError(
                self.env._("An approved deduction cannot change: cancel it and assess again.")
            )
        return super().write(vals)

    def action_cancel(self):
        if self.filtered(lambda d: d.state == "posted"):
            raise UserError(self.env._("A posted deduction is reversed in accounting."))
        user = self.env.user
        if not (
            user.has_group("property_service_desk.group_property_engineering")
            or user.has_group("property_service_desk.group_property_director")
            or user.has_group("property_service_desk.group_property_finance")
        ):
            raise UserError(self.env._("Engineering, the director or finance cancel a deduction."))
        self._guarded_write({"state": "cancelled"})
        return True

    def action_post(self):
        """Finance moves the amount from the deposit liability to compensation income."""
        if not self.env.user.has_group("property_service_desk.group_property_finance"):
            raise UserError(self.env._("Only finance posts a deposit deduction."))
        for deduction in self:
            if deduction.state != "approved" or not deduction.approved_by_id.has_group(
                "property_service_desk.group_property_director"
            ):
                raise UserError(self.env._("The director approves the deduction first."))
            deduction._post()
        return True

    def _post(self):
        self.ensure_one()
        renovation = self.renovation_id
        estate = renovation.estate_id._renovation_accounting()
        currency = renovation.currency_id
        available = renovation._deposit_by_partner()
        order = [renovation.applicant_id]
        if renovation.contractor_id:
            order.append(renovation.contractor_id)
        remaining = self.amount
        taken = []
        for partner in order:
            share = min(remaining, max(available.get(partner, 0.0), 0.0))
            if currency.compare_amounts(share, 0) > 0:
                taken.append((partner, share))
                remaining = currency.round(remaining - share)
        label = self.env._(
            "Deduction %(name)s: %(damage)s", name=renovation.name, damage=self.description
        )
        vals = {}
        if taken:
            move = self.env["account.move"].create(
                {
                    "move_type": "entry",
                    "journal_id": estate.renovation_misc_journal_id.id,
                    "ref": label,
                    "property_renovation_id": renovation.id,
                    "property_renovation_role": "deduction",
                    "line_ids": [
                        fields.Command.create(
                            {
                                "name": label,
                                "partner_id": partner.id,
                                "account_id": estate.renovation_deposit_account_id.id,
                                "debit": share,
                            }
                        )
                        for partner, share in taken
                    ]
                    + [
                        fields.Command.create(
                            {
                                "name": label,
                                "account_id": estate.renovation_compensation_account_id.id,
                                "credit": sum(share for _partner, share in taken),
                            }
                        )
                    ],
                }
            )
            move.action_post()
            vals["move_id"] = move.id
        if currency.compare_amounts(remaining, 0) > 0:
            invoice = self.env["account.move"].create(
                renovation._invoice_vals(
                    renovation.applicant_id,
                    [
                        fields.Command.create(
                            {
                                "name": label,
                                "quantity": 1,
                                "price_unit": remaining,
                                "account_id": estate.renovation_compensation_account_id.id,
                                "tax_ids": [fields.Command.clear()],
                            }
                        )
                    ],
                    role="excess",
                )
            )
            invoice.action_post()
            vals["invoice_id"] = invoice.id
        vals["state"] = "posted"
        self._guarded_write(vals)
