# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)


class PropertyKeyIncident(models.Model):
    """A key lost, damaged or found missing: what happened, the decision (re-cut or a
    new lock) with the developer's or owner's consent, its cost invoiced to whoever is
    responsible, and the outcome."""

    _name = "property.key.incident"
    _description = "Key Incident"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.guarded.mixin"]
    _guarded_fields = {
        "state": _lt("the supervisor's Decide, or Close"),
    }
    _order = "id desc"

    name = fields.Char(required=True, readonly=True, default="/", copy=False)
    key_id = fields.Many2one("property.key", required=True, index=True, tracking=True)
    estate_id = fields.Many2one(related="key_id.estate_id", store=True)
    company_id = fields.Many2one(related="key_id.company_id", store=True)
    kind = fields.Selection(
        [("lost", "Lost"), ("damaged", "Damaged"), ("missing", "Missing at Audit")],
        required=True,
        default="lost",
        tracking=True,
    )
    date = fields.Datetime(default=fields.Datetime.now, required=True)
    description = fields.Text(string="What Happened", required=True)
    audit_id = fields.Many2one("property.key.audit", readonly=True)
    decision = fields.Selection(
        [("recut", "Re-cut the Key"), ("change_lock", "Change the Lock"), ("none", "Nothing")],
        tracking=True,
    )
    consent_partner_id = fields.Many2one(
        "res.partner",
        string="Consent Of",
        tracking=True,
        help="The developer or owner who agreed to the decision.",
    )
    consent_date = fields.Date(tracking=True)
    responsible_partner_id = fields.Many2one(
        "res.partner", string="Charged To", help="Who pays the cost, if anyone."
    )
    invoice_id = fields.Many2one(
        "account.move",
        readonly=True,
        copy=False,
        index="btree_not_null",
        groups="account.group_account_invoice",
    )
    outcome = fields.Text()
    state = fields.Selection(
        [("open", "Open"), ("decided", "Decided"), ("closed", "Closed")],
        default="open",
        required=True,
        tracking=True,
    )

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("property.key.incident")
        incidents = super().create(vals_list)
        # sudo: whoever reports a lost key (a guard, the audit) marks it lost, though
        # only the key desk edits keys
        incidents.filtered(lambda i: i.kind in ("lost", "missing")).key_id.filtered(
            lambda k: k.state != "retired"
        ).sudo().write({"state": "lost"})
        for incident in incidents:
            supervisor = incident.estate_id.supervisor_id
            if supervisor:
                incident.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Key incident: decide re-cut or lock change"),
                    user_id=supervisor.id,
                )
        return incidents

    def action_decide(self):
        """Lost or damaged keys are reported to the supervisor, who decides (SOP §2)."""
        if not self.env.user.has_group("property_service_desk.group_property_supervisor"):
            raise UserError(self.env._("The supervisor decides about a lost or damaged key."))
        for incident in self:
            if incident.state != "open":
                raise UserError(self.env._("This incident is already decided."))
            if not incident.decision:
                raise UserError(self.env._("Choose what is done about the key."))
            if incident.decision != "none" and not (
                incident.consent_partner_id and incident.consent_date
            ):
                raise UserError(
                    self.env._(
                        "Re-cutting a key or changing a lock needs the developer's or the "
                        "owner's consent: record who agreed and when."
                    )
                )
        self._guarded_write({"state": "decided"})
        return True

    def action_close(self):
        for incident in self:
            if incident.state != "decided" or not (incident.outcome or "").strip():
                raise UserError(self.env._("Record the decision and the outcome first."))
        self._guarded_write({"state": "closed"})
        # a re-cut key or a new lock's key goes back in the cabinet
        self.filtered(lambda i: i.decision in ("recut", "change_lock")).key_id._guarded_write(
            {"state": "in_cabinet"}
        )
        return True

    def action_create_invoice(self):
        """A draft customer invoice for the cost, to the party responsible; finance sets
        the amount and posts it."""
        self.ensure_one()
        if not self.responsible_partner_id:
            raise UserError(self.env._("Choose who is charged."))
        if self.invoice_id:
            raise UserError(self.env._("This incident is already invoiced."))
        product = self.env.ref("property_keys.product_key_replacement")
        Move = self.env["account.move"]
        # a draft: finance sets the amount and posts it
        invoice = Move._property_create_invoices(
            Move._property_invoice_vals(
                self.responsible_partner_id,
                [
                    {
                        "product_id": product.id,
                        "name": f"{product.name}: {self.key_id.display_name} ({self.name})",
                        "quantity": 1,
                        "price_unit": product.lst_price,
                    }
                ],
                unit=self.key_id.unit_id,
                origin=self.name,
                company=self.company_id,
            ),
            post=False,
        )
        # sudo: finance (who may invoice, as the create above checked) links its invoice
        self.sudo().invoice_id = invoice
        return {
            "type": "ir.actions.act_window",
            "res_model": "account.move",
            "view_mode": "form",
            "res_id": invoice.id,
        }
