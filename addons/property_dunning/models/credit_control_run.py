# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

from .property_dunning_action import partner_outstanding


class CreditControlRun(models.Model):
    _inherit = "credit.control.run"

    def action_property_rollback(self):
        """Undo a run whose reminders were not sent: its lines go away and the owners
        stay where they were."""
        for run in self:
            sent = run.line_ids.filtered(lambda line: line.state not in ("draft", "to_be_sent"))
            if sent:
                raise UserError(
                    self.env._("Reminders of this run were already sent: it cannot be undone.")
                )
        self.line_ids.write({"state": "draft"})
        self.line_ids.unlink()
        self.write({"state": "draft", "report": False, "hide_change_state_button": False})
        return True

    def run_channel_action(self):
        """Send e-mails and print letters (OCA); phone calls and home visits become
        activities for the service centre. Every step is logged on the owner."""
        self.ensure_one()
        lines = self.line_ids.filtered(lambda line: line.state == "to_be_sent")
        in_person = lines.filtered(
            lambda line: line.policy_level_id.property_step in ("phone", "visit")
        )
        result = super().run_channel_action()
        if in_person:
            in_person._property_schedule_contacts()
        sent = lines.filtered(lambda line: line.state in ("sent", "queued") or line in in_person)
        self._property_log_steps(sent)
        return result

    @api.model
    def _property_log_steps(self, lines):
        outstanding = partner_outstanding(self.env, lines.partner_id)
        for (partner, level), partner_lines in lines.grouped(
            lambda line: (line.commercial_partner_id, line.policy_level_id)
        ).items():
            # the dunning log belongs on the owner; finance may not edit contacts
            partner.sudo().message_post(
                author_id=self.env.user.partner_id.id,
                body=Markup("<p>%s</p>")
                % self.env._(
                    "Dunning %(level)s on %(date)s for %(count)s overdue invoice(s); "
                    "outstanding %(amount)s.",
                    level=level.name,
                    date=fields.Date.context_today(self),
                    count=len(partner_lines),
                    amount=outstanding.get(partner, 0.0),
                ),
                subtype_xmlid="mail.mt_note",
            )
