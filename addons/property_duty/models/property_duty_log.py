# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)


class PropertyDutyLog(models.Model):
    """Shift-log entry (值班记录): what happened during a shift."""

    _name = "property.duty.log"
    _description = "Shift Log Entry"
    _inherit = ["property.guarded.mixin"]
    _order = "date desc, id desc"
    _guarded_fields = {"date_read": _lt("the reviewer's Mark as Read")}

    estate_id = fields.Many2one("property.estate", required=True, index=True)
    company_id = fields.Many2one(related="estate_id.company_id", store=True)
    date = fields.Datetime(required=True, default=fields.Datetime.now, index=True)
    user_id = fields.Many2one("res.users", default=lambda self: self.env.user, readonly=True)
    priority = fields.Selection(
        [("normal", "Normal"), ("important", "Important"), ("urgent", "Urgent")],
        default="normal",
        required=True,
    )
    description = fields.Text(required=True)
    unit_ids = fields.Many2many("property.unit", string="Units")
    reviewer_id = fields.Many2one("res.users", string="To Be Read By")
    date_read = fields.Datetime(string="Read On", readonly=True)
    digest_sent = fields.Boolean(readonly=True, index=True)

    def action_mark_read(self):
        for entry in self:
            if entry.reviewer_id != self.env.user:
                raise UserError(
                    self.env._(
                        "Only %(user)s can confirm reading this entry.",
                        user=entry.reviewer_id.name or "-",
                    )
                )
        self.filtered(lambda e: not e.date_read)._guarded_write(
            {"date_read": fields.Datetime.now()}
        )
        return True

    @api.model
    def _cron_nightly_digest(self):
        """E-mail each estate's supervisor and director the entries not yet sent
        (idempotent: an entry is sent once)."""
        entries = self.search([("digest_sent", "=", False)], order="estate_id, date")
        for estate, estate_entries in entries.grouped("estate_id").items():
            recipients = (estate.supervisor_id | estate.director_id).partner_id
            if recipients:
                rows = Markup("").join(
                    Markup("<li>%s — %s: %s</li>")
                    % (
                        fields.Datetime.to_string(entry.date),
                        dict(self._fields["priority"]._description_selection(self.env))[
                            entry.priority
                        ],
                        entry.description,
                    )
                    for entry in estate_entries
                )
                estate.message_notify(
                    partner_ids=recipients.ids,
                    subject=self.env._("Shift log of %(estate)s", estate=estate.name),
                    body=Markup("<ul>%s</ul>") % rows,
                )
        entries.write({"digest_sent": True})
        return entries
