# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models

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
