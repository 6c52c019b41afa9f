# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from odoo import fields, models
from odoo.exceptions import UserError


class CreditControlCommunication(models.Model):
    _inherit = "credit.control.communication"

    tracking_number = fields.Char(
        string="Express Tracking Number", help="Of the dunning letter sent by express mail."
    )
    date_posted = fields.Date(string="Posted On")

    def action_record_dispatch(self, tracking_number, date_posted=None):
        """The dunning letter left by express mail: record its tracking number."""
        if not (tracking_number or "").strip():
            raise UserError(self.env._("Enter the express-mail tracking number."))
        self.write(
            {
                "tracking_number": tracking_number.strip(),
                "date_posted": date_posted or fields.Date.context_today(self),
            }
        )
        self.credit_control_line_ids.filtered(
            lambda line: line.state in ("to_be_sent", "queued")
        ).write({"state": "sent", "date_sent": fields.Date.context_today(self)})
        self.env["credit.control.run"]._property_log_steps(self.credit_control_line_ids)
        return True
