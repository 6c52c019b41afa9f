# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

# Engineering inspects daily for the first 20 days of the works, then every 3 days;
# security daily.
ENGINEERING_DAILY_DAYS = 20
ENGINEERING_LATER_INTERVAL = 3


class PropertyRenovationInspection(models.Model):
    _name = "property.renovation.inspection"
    _description = "Renovation Inspection"
    _inherit = ["mail.thread", "property.guarded.mixin"]
    _order = "scheduled_date desc, id desc"
    _guarded_fields = {
        "state": _lt("the inspecting department's Done"),
        "inspector_id": _lt("the inspecting department's Done"),
        "date_done": _lt("the inspecting department's Done"),
    }

    renovation_id = fields.Many2one(
        "property.renovation", required=True, index=True, ondelete="cascade"
    )
    estate_id = fields.Many2one(related="renovation_id.estate_id", store=True)
    company_id = fields.Many2one(related="renovation_id.company_id", store=True)
    unit_id = fields.Many2one(related="renovation_id.unit_id")
    department = fields.Selection(
        [("engineering", "Engineering"), ("security", "Security")], required=True
    )
    kind = fields.Selection(
        [("routine", "Routine"), ("completion", "Completion"), ("reinspection", "Re-inspection")],
        default="routine",
        required=True,
    )
    scheduled_date = fields.Date(required=True, index=True)
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("missed", "Missed")],
        default="planned",
        required=True,
        index=True,
    )
    result = fields.Selection([("ok", "No Problem"), ("violation", "Violation Found")])
    findings = fields.Text()
    photo_ids = fields.Many2many("ir.attachment", string="Photos")
    inspector_id = fields.Many2one("res.users", readonly=True)
    date_done = fields.Datetime(readonly=True)

    _one_per_day = models.UniqueIndex(
        "(renovation_id, department, kind, scheduled_date)",
        "This inspection is already planned.",
    )

    def action_done(self):
        group = {
            "engineering": "property_service_desk.group_property_engineering",
            "security": "property_service_desk.group_property_security",
        }
        for inspection in self:
            if not self.env.user.has_group(group[inspection.department]):
                raise UserError(self.env._("This inspection is done by its department's staff."))
            if not inspection.result:
                raise UserError(self.env._("Record the result of the inspection."))
            if inspection.result == "violation" and not (inspection.findings or "").strip():
                raise UserError(self.env._("Describe the violation found."))
        self._guarded_write(
            {"state": "done", "inspector_id": self.env.uid, "date_done": fields.Datetime.now()}
        )
        return True

    def write(self, vals):
        # what the inspector recorded stays as recorded
        if (
            {"result", "findings", "kind", "department"} & set(vals)
            and not self.env.su
            and (self.filtered(lambda i: i.state == "done"))
        ):
            raise UserError(self.env._("A done inspection cannot change."))
        return super().write(vals)

    @api.model
    def _due_departments(self, renovation, day):
        """Departments owing a routine inspection of ``renovation`` on ``day``."""
        start = renovation.date_works_started
        if not start or day < start:
            return []
        departments = ["security"]
        elapsed = (day - start).days
        if elapsed < ENGINEERING_DAILY_DAYS or (
            (elapsed - ENGINEERING_DAILY_DAYS) % ENGINEERING_LATER_INTERVAL == 0
        ):
            departments.append("engineering")
        return departments

    @api.model
    def _plan_due(self, renovations=None, day=None):
        """Create the routine inspections of ``day`` (default: the estate's today) of the
        works in progress, once."""
        renovations = renovations or self.env["property.renovation"].search(
            [("state", "=", "in_progress")]
        )
        if day is None:
            return self.browse().union(
                *(
                    self._plan_due(group, estate._local_date())
                    for estate, group in renovations.grouped("estate_id").items()
                )
            )
        existing = {
            (i.renovation_id.id, i.department)
            for i in self.search(
                [
                    ("renovation_id", "in", renovations.ids),
                    ("kind", "=", "routine"),
                    ("scheduled_date", "=", day),
                ]
            )
        }
        vals_list = [
            {
                "renovation_id": renovation.id,
                "department": department,
                "scheduled_date": day,
            }
            for renovation in renovations
            for department in self._due_departments(renovation, day)
            if (renovation.id, department) not in existing
        ]
        return self.create(vals_list)

    @api.model
    def _cron_inspections(self):
        """Mark the earlier days' undone inspections missed and plan today's, each estate
        on its own day."""
        missed = self.browse()
        planned = self.browse()
        Renovation = self.env["property.renovation"]
        for today, estates in self.env["property.estate"]._by_local_date().items():
            missed |= self.search(
                [
                    ("state", "=", "planned"),
                    ("scheduled_date", "<", today),
                    ("estate_id", "in", estates.ids),
                ]
            )
            works = Renovation.search(
                [("state", "=", "in_progress"), ("estate_id", "in", estates.ids)]
            )
            if works:
                planned |= self._plan_due(works, day=today)
        if missed:
            # sudo: the scheduled action marks them, whoever it runs as
            missed.sudo().write({"state": "missed"})
            for renovation in missed.renovation_id:
                supervisor = renovation.estate_id.supervisor_id
                if supervisor:
                    renovation.activity_schedule(
                        "mail.mail_activity_data_todo",
                        summary=self.env._("Renovation inspection missed"),
                        user_id=supervisor.id,
                    )
        return planned
