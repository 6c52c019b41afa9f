# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import models


class MailActivityMixin(models.AbstractModel):
    _inherit = "mail.activity.mixin"

    def activity_schedule(
        self, act_type_xmlid="", date_deadline=None, summary="", note="", **act_values
    ):
        """An activity planned without a date is due today in the estate's local time, not
        in the time zone of whoever runs the code (a scheduled action runs as OdooBot,
        whose day is UTC's)."""
        field = self._fields.get("estate_id")
        if date_deadline or field is None or field.comodel_name != "property.estate":
            return super().activity_schedule(
                act_type_xmlid, date_deadline, summary, note, **act_values
            )
        activities = self.env["mail.activity"]
        for estate, records in self.grouped("estate_id").items():
            scheduled = super(MailActivityMixin, records).activity_schedule(
                act_type_xmlid,
                estate._local_date() if estate else None,
                summary,
                note,
                **act_values,
            )
            if scheduled:
                activities |= scheduled
        return activities
