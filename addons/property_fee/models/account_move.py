# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from markupsafe import Markup

from odoo import fields, models


class AccountMove(models.Model):
    _inherit = "account.move"

    # with the unit (property_unit_id, from property_account), the month a fee invoice
    # bills: only fee invoices have one
    property_fee_period = fields.Date(string="Fee Month", index=True, readonly=True, copy=False)

    def action_send_fee_notice(self):
        """Send each payer the fee notice (缴费通知单) with its PDF, in their language (an
        e-mail template the company edits); it is also on their portal with the
        invoice."""
        notices = self.filtered(lambda m: m.property_fee_period and m.state == "posted")
        notices.message_post_with_source(
            self.env.ref("property_fee.mail_template_fee_notice"),
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
