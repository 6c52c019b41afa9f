# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models

BUYER_RULES = [
    ("all", "Every Buyer"),
    ("individual", "Individual Buyer"),
    ("company", "Company Buyer"),
    ("proxy", "Handled by Proxy"),
    ("mortgage", "Bought with a Mortgage"),
]


class PropertyMoveinDocumentType(models.Model):
    """A paper of the move-in (入伙资料): brought by the buyer and checked by the service
    centre, or signed at the counter. Which buyers bring it is the rule of the line."""

    _name = "property.movein.document.type"
    _description = "Move-in Document"
    _order = "stage, sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    stage = fields.Selection(
        [("bring", "Brought by the Buyer"), ("sign", "Signed at Move-in")],
        required=True,
        default="bring",
    )
    applies_to = fields.Selection(BUYER_RULES, string="Required From", required=True, default="all")
    copy_required = fields.Boolean(
        string="Copy Filed",
        default=True,
        help="A scan or copy is attached and filed in the owner archive.",
    )
    category_id = fields.Many2one(
        "property.document.category",
        string="Archive Category",
        help="Where the copy is filed in the owner archive.",
    )
    description = fields.Char(translate=True, help="What exactly to bring or sign.")

    def _applies(self, buyer_type, by_proxy, has_mortgage):
        rules = {"all", buyer_type}
        if by_proxy:
            rules.add("proxy")
        if has_mortgage:
            rules.add("mortgage")
        return self.filtered(lambda t: t.applies_to in rules)


class PropertyMoveinInspectionItem(models.Model):
    """A line of the joint inspection form (房屋验收交接表)."""

    _name = "property.movein.inspection.item"
    _description = "Move-in Inspection Item"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    category_id = fields.Many2one(
        "helpdesk.ticket.category",
        string="Rectification Category",
        domain="[('property_request_kind', '=', 'rectification')]",
        help="The category of the rectification request a defect of this item becomes.",
    )


class PropertyMoveinItemType(models.Model):
    """Something handed to the new owner: unit manual, quality warranty, owner handbook…"""

    _name = "property.movein.item.type"
    _description = "Move-in Handout"
    _order = "sequence, id"

    name = fields.Char(required=True, translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)
    quantity = fields.Integer(default=1, required=True)


class PropertyMoveinCharge(models.Model):
    """A move-in fee of an estate (入伙费用清单), invoiced at the cashier."""

    _name = "property.movein.charge"
    _description = "Move-in Fee"
    _order = "estate_id, sequence, id"

    estate_id = fields.Many2one("property.estate", required=True, index=True, ondelete="cascade")
    company_id = fields.Many2one(related="estate_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    sequence = fields.Integer(default=10)
    product_id = fields.Many2one(
        "product.product", string="Invoiced As", required=True, ondelete="restrict"
    )
    name = fields.Char(string="Description", required=True, translate=True)
    amount = fields.Monetary(required=True)

    _amount_positive = models.Constraint("CHECK(amount >= 0)", "A move-in fee cannot be negative.")

    @api.onchange("product_id")
    def _onchange_product_id(self):
        if self.product_id:
            self.name = self.name or self.product_id.name
            self.amount = self.amount or self.product_id.lst_price


class PropertyEstate(models.Model):
    _inherit = "property.estate"

    movein_plan_id = fields.Many2one(
        "mail.activity.plan",
        string="Move-in Preparation Plan",
        domain="[('res_model', '=', 'property.movein.batch')]",
        default=lambda self: self.env.ref(
            "property_service_desk.activity_plan_movein", raise_if_not_found=False
        ),
        help="The dated preparation activities of a move-in batch, counted back from its "
        "handover date.",
    )
    movein_plan_months = fields.Integer(
        string="Handover Plan Lead (months)",
        default=1,
        required=True,
        help="The director submits the handover plan at least this long before the handover.",
    )
    movein_notice_days = fields.Integer(
        string="Move-in Notice Lead (days)",
        default=15,
        required=True,
        help="Move-in notices go out at least this many days before the handover.",
    )
    movein_renotify_months = fields.Integer(
        string="Re-notify Owners Every (months)",
        default=6,
        required=True,
        help="Owners who have not come for their move-in get the notice again this often.",
    )
    movein_prepay_months = fields.Integer(
        string="Recommended Prepayment (months)",
        default=3,
        required=True,
        help="Months of fees the cashier recommends paying in advance at move-in.",
    )
    movein_charge_ids = fields.One2many(
        "property.movein.charge", "estate_id", string="Move-in Fees", copy=True
    )

    _movein_leads_positive = models.Constraint(
        "CHECK(movein_plan_months >= 0 AND movein_notice_days >= 0 "
        "AND movein_renotify_months > 0 AND movein_prepay_months >= 0)",
        "Move-in lead times cannot be negative and owners are re-notified at least monthly.",
    )


ESTATE_RESPONSIBLES = {
    "property_director": "director_id",
    "property_supervisor": "supervisor_id",
    "property_front_desk": "front_desk_user_ids",
}


class MailActivityPlanTemplate(models.Model):
    """Plans of estate records can assign their activities to the estate's director,
    supervisor or front desk."""

    _inherit = "mail.activity.plan.template"

    responsible_type = fields.Selection(
        selection_add=[
            ("property_director", "Estate Director"),
            ("property_supervisor", "Estate Supervisor"),
            ("property_front_desk", "Estate Front Desk"),
        ],
        ondelete={
            "property_director": "set default",
            "property_supervisor": "set default",
            "property_front_desk": "set default",
        },
    )

    def _determine_responsible(self, on_demand_responsible, applied_on_record):
        field = ESTATE_RESPONSIBLES.get(self.responsible_type)
        if not field:
            return super()._determine_responsible(on_demand_responsible, applied_on_record)
        estate = applied_on_record.estate_id if "estate_id" in applied_on_record else False
        responsible = estate[field][:1] if estate else self.env["res.users"]
        error = False
        if not responsible:
            error = self.env._(
                "%(estate)s has no %(role)s for the activity %(activity)s.",
                estate=estate.display_name if estate else "-",
                role=dict(self._fields["responsible_type"]._description_selection(self.env))[
                    self.responsible_type
                ],
                activity=self.summary or self.activity_type_id.name,
            )
        return {"responsible": responsible, "error": error, "warning": False}
