# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)


class PropertyKeyAudit(models.Model):
    """Monthly key audit (盘点): every key expected in the cabinet is ticked present or
    missing; missing keys become incidents."""

    _name = "property.key.audit"
    _description = "Key Audit"
    _inherit = ["mail.thread", "mail.activity.mixin", "property.guarded.mixin"]
    _guarded_fields = {
        "state": _lt("Done"),
        "user_id": _lt("Done"),
        "date_done": _lt("Done"),
    }
    _order = "month desc, estate_id"

    name = fields.Char(compute="_compute_name", store=True)
    estate_id = fields.Many2one("property.estate", required=True, index=True)
    company_id = fields.Many2one(related="estate_id.company_id", store=True)
    month = fields.Date(required=True, help="First day of the audited month.")
    line_ids = fields.One2many("property.key.audit.line", "audit_id", string="Keys")
    state = fields.Selection(
        [("open", "Open"), ("done", "Done")], default="open", required=True, tracking=True
    )
    user_id = fields.Many2one("res.users", string="Audited By", readonly=True)
    date_done = fields.Datetime(readonly=True)
    missing_count = fields.Integer(compute="_compute_counts")
    unchecked_count = fields.Integer(compute="_compute_counts")

    _estate_month_uniq = models.Constraint(
        "unique(estate_id, month)", "There is already an audit of this estate for this month."
    )

    @api.depends("estate_id", "month")
    def _compute_name(self):
        for audit in self:
            month = audit.month.strftime("%Y-%m") if audit.month else ""
            audit.name = f"{audit.estate_id.code or ''} {month}".strip()

    @api.depends("line_ids.result")
    def _compute_counts(self):
        for audit in self:
            audit.missing_count = len(
                audit.line_ids.filtered(lambda line: line.result == "missing")
            )
            audit.unchecked_count = len(audit.line_ids.filtered(lambda line: not line.result))

    @api.model
    def _cron_open_audits(self):
        """Open this month's audit of every estate that has keys, listing the keys
        expected in the cabinet. Idempotent: one audit per estate and month, the
        estate's month."""
        Key = self.env["property.key"]
        estates = self.env["property.estate"].union(
            *(
                estate
                for (estate,) in Key._read_group([("state", "=", "in_cabinet")], ["estate_id"])
            )
        )
        months = {estate: estate._local_date().replace(day=1) for estate in estates}
        done = {
            (audit.estate_id, audit.month)
            for audit in self.search(
                [("estate_id", "in", estates.ids), ("month", "in", list(set(months.values())))]
            )
        }
        todo = [estate for estate in estates if (estate, months[estate]) not in done]
        if not todo:
            return self.browse()
        keys = Key.search(
            [("state", "=", "in_cabinet"), ("estate_id", "in", [e.id for e in todo])]
        ).grouped("estate_id")
        audits = self.create(
            [
                {
                    "estate_id": estate.id,
                    "month": months[estate],
                    "line_ids": [
                        fields.Command.create({"key_id": key.id}) for key in keys.get(estate, Key)
                    ],
                }
                for estate in todo
            ]
        )
        for audit in audits:
            user = audit.estate_id.supervisor_id
            if user:
                audit.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Monthly key audit"),
                    user_id=user.id,
                )
        return audits

    def action_done(self):
        for audit in self:
            if audit.unchecked_count:
                raise UserError(
                    self.env._("Tick every key present or missing before closing the audit.")
                )
        missing = self.line_ids.filtered(lambda line: line.result == "missing")
        if missing:
            incidents = self.env["property.key.incident"].create(
                [
                    {
                        "key_id": line.key_id.id,
                        "kind": "missing",
                        "audit_id": line.audit_id.id,
                        "description": self.env._(
                            "Missing at the audit of %(month)s.", month=line.audit_id.name
                        ),
                    }
                    for line in missing
                ]
            )
            missing.write({"incident_id": False})
            for line, incident in zip(missing, incidents, strict=True):
                line.incident_id = incident
        self._guarded_write(
            {"state": "done", "user_id": self.env.uid, "date_done": fields.Datetime.now()}
        )
        return True

    def action_print_cabinet_map(self):
        return self.env.ref("property_keys.action_report_cabinet_map").report_action(
            self.line_ids.key_id.cabinet_id
        )
