# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import api, fields, models

DUNNING_STEPS = [
    ("reminder", "Reminder (e-mail/SMS)"),
    ("phone", "Phone Call"),
    ("letter", "Dunning Letter by Express Mail"),
    ("visit", "Home Visit"),
]


class CreditControlLine(models.Model):
    _inherit = "credit.control.line"

    property_reason = fields.Char(
        string="Why", compute="_compute_property_reason", help="Why the owner is at this level."
    )

    @api.depends("date_due", "date", "policy_level_id", "balance_due")
    def _compute_property_reason(self):
        for line in self:
            days = (line.date - line.date_due).days if line.date and line.date_due else 0
            line.property_reason = self.env._(
                "%(invoice)s due %(due)s, %(days)s days late, %(amount)s open: %(level)s",
                invoice=line.invoice_id.name or line.move_line_id.move_id.name or "",
                due=line.date_due,
                days=days,
                amount=line.balance_due,
                level=line.policy_level_id.name,
            )

    def _property_schedule_contacts(self):
        """One phone call or home visit per owner and level, whatever the number of
        overdue invoices, for the front desk of the owner's estate."""
        activity_types = {
            "phone": self.env.ref("mail.mail_activity_data_call"),
            "visit": self.env.ref("property_dunning.mail_activity_type_home_visit"),
        }
        units = self.env["property.occupancy"].search(
            [("partner_id", "in", self.commercial_partner_id.ids), ("is_current", "=", True)]
        )
        estate_of = {o.partner_id: o.estate_id for o in units}
        for (partner, level), lines in self.grouped(
            lambda line: (line.commercial_partner_id, line.policy_level_id)
        ).items():
            step = level.property_step
            estate = estate_of.get(partner)
            user = (estate.front_desk_user_ids[:1] if estate else False) or self.env.user
            # the call or visit is planned on the owner, whom finance may not edit
            partner.sudo().activity_schedule(
                activity_type_id=activity_types[step].id,
                summary=self.env._(
                    "%(step)s: %(count)s overdue fee invoice(s)",
                    step=dict(DUNNING_STEPS)[step],
                    count=len(lines),
                ),
                user_id=user.id,
            )
        self.write({"state": "sent", "date_sent": fields.Date.context_today(self)})
