# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from markupsafe import Markup

from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    property_fee_unit_id = fields.Many2one(
        "property.unit", string="Billed Unit", index="btree_not_null", readonly=True, copy=False
    )
    property_fee_period = fields.Date(string="Fee Month", index=True, readonly=True, copy=False)
    property_fee_estate_id = fields.Many2one(
        related="property_fee_unit_id.estate_id", string="Fee Estate", store=True
    )
    property_fee_building_id = fields.Many2one(
        related="property_fee_unit_id.building_id", string="Fee Building", store=True
    )

    def action_send_fee_notice(self):
        """Send each owner the fee notice (缴费通知单) by e-mail; it is also on their
        portal with the invoice."""
        report = self.env.ref("property_fee.action_report_fee_notice")
        for invoice in self.filtered(lambda m: m.property_fee_unit_id and m.state == "posted"):
            pdf, _type = self.env["ir.actions.report"]._render_qweb_pdf(report, invoice.ids)
            attachment = self.env["ir.attachment"].create(
                {
                    "name": f"{invoice.name}.pdf".replace("/", "-"),
                    "raw": pdf,
                    "res_model": invoice._name,
                    "res_id": invoice.id,
                    "mimetype": "application/pdf",
                }
            )
            invoice.message_post(
                body=self.env._(
                    "Fee notice for %(unit)s, %(month)s: %(amount)s due by %(due)s.",
                    unit=invoice.property_fee_unit_id.display_name,
                    month=invoice.property_fee_period.strftime("%Y-%m"),
                    amount=invoice.amount_residual,
                    due=invoice.invoice_date_due,
                ),
                partner_ids=invoice.partner_id.ids,
                attachment_ids=attachment.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
        return True

    def _apply_prepayments(self):
        """Money paid in advance (a customer payment not matched to any invoice yet)
        settles the new invoices, oldest first."""
        invoices = self.filtered(lambda m: m.state == "posted" and m.move_type == "out_invoice")
        if not invoices:
            return
        partners = invoices.commercial_partner_id
        credits = self.env["account.move.line"].search(
            [
                ("partner_id", "in", partners.ids),
                ("account_id.account_type", "=", "asset_receivable"),
                ("reconciled", "=", False),
                ("parent_state", "=", "posted"),
                ("balance", "<", 0),
            ],
            order="date, id",
        )
        if not credits:
            return
        by_partner = credits.grouped("partner_id")
        for partner, partner_invoices in invoices.grouped("commercial_partner_id").items():
            partner_credits = by_partner.get(partner)
            if not partner_credits:
                continue
            for invoice in partner_invoices.sorted(lambda m: (m.invoice_date, m.id)):
                open_credits = partner_credits.filtered(lambda line: not line.reconciled)
                if not open_credits:
                    break
                receivable = invoice.line_ids.filtered(
                    lambda line: line.account_id.account_type == "asset_receivable"
                    and not line.reconciled
                )
                (receivable | open_credits).reconcile()
                invoice.message_post(
                    body=Markup("<p>%s</p>")
                    % self.env._("Settled with the prepayment on account."),
                    subtype_xmlid="mail.mt_note",
                )
