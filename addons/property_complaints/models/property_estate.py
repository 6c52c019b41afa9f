# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.fields import Domain


class PropertyEstate(models.Model):
    _inherit = "property.estate"

    # Complaint deadlines (SOP §6), per estate
    complaint_department_minutes = fields.Integer(
        string="Complaint to Department Within (min)",
        default=20,
        required=True,
        help="The complaint record is sent to the responsible department within this time.",
    )
    complaint_supervisor_minutes = fields.Integer(
        string="Valid Complaint to Supervisor Within (min)", default=60, required=True
    )
    complaint_reply_days = fields.Integer(
        string="Communicative Complaint Reply (days)",
        default=2,
        required=True,
        help="Unless the resident asked for an earlier date.",
    )
    complaint_valid_days = fields.Integer(
        string="Valid Complaint Resolved Within (days)", default=2, required=True
    )
    complaint_communicative_days = fields.Integer(
        string="Communicative Complaint Resolved Within (days)", default=3, required=True
    )
    complaint_major_answer_days = fields.Integer(
        string="Major Complaint Answered Within (days)", default=2, required=True
    )
    complaint_major_days = fields.Integer(
        string="Major Complaint Solved Within (days)", default=10, required=True
    )
    complaint_repeat_days = fields.Integer(
        string="Secondary Complaint Window (days)",
        default=30,
        required=True,
        help="A complaint about the same unit and category within this many days of the "
        "previous one (or reopened within them) is a secondary complaint.",
    )
    complaint_hr_user_id = fields.Many2one(
        "res.users",
        string="HR Handling",
        help="Receives the complaints about staff (attitude, ethics, etiquette).",
    )
    complaint_quality_user_id = fields.Many2one(
        "res.users",
        string="Quality Review",
        help="Receives the complaints about management procedures for review.",
    )
    complaint_report_month = fields.Date(
        string="Complaint Analysis Sent For",
        readonly=True,
        copy=False,
        help="The last month whose complaint analysis was sent to the site director.",
    )
    # Dashboard tile
    complaint_open_count = fields.Integer(compute="_compute_complaint_tile")
    complaint_late_count = fields.Integer(compute="_compute_complaint_tile")
    complaint_month_count = fields.Integer(compute="_compute_complaint_tile")
    complaint_month_on_time_rate = fields.Float(
        string="On-Time Rate This Month (%)", compute="_compute_complaint_tile"
    )

    _complaint_settings_positive = models.Constraint(
        "CHECK(complaint_department_minutes > 0 AND complaint_supervisor_minutes > 0 "
        "AND complaint_reply_days > 0 AND complaint_valid_days > 0 "
        "AND complaint_communicative_days > 0 AND complaint_major_answer_days > 0 "
        "AND complaint_major_days > 0 AND complaint_repeat_days > 0)",
        "Complaint time limits must be positive.",
    )

    @api.depends_context("uid")
    def _compute_complaint_tile(self):
        Ticket = self.env["helpdesk.ticket"]
        now = fields.Datetime.now()
        month_start = fields.Date.context_today(self).replace(day=1)
        base = [("estate_id", "in", self.ids), ("request_kind", "=", "complaint")]
        open_counts = dict(
            Ticket._read_group(base + [("closed", "=", False)], ["estate_id"], ["__count"])
        )
        # late: any of its deadlines passed without the step done, flagged by the
        # scheduled action yet or not
        late = Domain.OR(
            Domain(deadline, "<", now) & Domain(done, "=", False)
            for deadline, done, _flag in Ticket._property_timers().values()
        )
        late_counts = dict(
            Ticket._read_group(
                Domain.AND([base, [("closed", "=", False)], late]), ["estate_id"], ["__count"]
            )
        )
        month = Ticket._read_group(
            base + [("date_received", ">=", month_start), ("closed", "=", True)],
            ["estate_id", "resolved_on_time"],
            ["__count"],
        )
        month_total = dict(
            Ticket._read_group(
                base + [("date_received", ">=", month_start)], ["estate_id"], ["__count"]
            )
        )
        closed = {}
        on_time = {}
        for estate, state, count in month:
            closed[estate] = closed.get(estate, 0) + count
            if state == "on_time":
                on_time[estate] = on_time.get(estate, 0) + count
        for estate in self:
            estate.complaint_open_count = open_counts.get(estate, 0)
            estate.complaint_late_count = late_counts.get(estate, 0)
            estate.complaint_month_count = month_total.get(estate, 0)
            estate.complaint_month_on_time_rate = (
                100.0 * on_time.get(estate, 0) / closed[estate] if closed.get(estate) else 0.0
            )

    def action_open_complaints(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "property_complaints.property_complaint_action"
        )
        action["domain"] = [("estate_id", "=", self.id)]
        action["context"] = {"default_estate_id": self.id, "search_default_filter_open": 1}
        return action

    @api.model
    def _cron_send_complaint_analysis(self):
        """Month end (SOP §6): once the estate's month is over (by its own calendar), the
        month's complaint analysis against the two before goes to the site director, as a
        PDF in the estate's chatter with a to-do. Each estate's month is sent once: the
        month sent is written in the same transaction, so a second run, or a run after one
        killed half-way, sends nothing twice."""
        estates = self.search([("director_id", "!=", False)])
        todo = self.env.ref("mail.mail_activity_data_todo")
        report = self.env.ref("property_complaints.action_report_complaint_monthly")
        for estate in estates:
            month = estate._local_today().replace(day=1) - relativedelta(months=1)
            if estate.complaint_report_month and estate.complaint_report_month >= month:
                continue
            director = estate.director_id
            lang = director.lang or self.env.lang
            analysis = (
                self.env["property.complaint.report"]
                .with_context(lang=lang)
                .create({"estate_id": estate.id, "month": month})
            )
            content, kind = report.with_context(lang=lang)._render(report.report_name, analysis.ids)
            label = month.strftime("%Y-%m")
            estate_lang = estate.with_context(lang=lang)
            name = estate_lang.env._(
                "Complaint analysis %(estate)s %(month)s", estate=estate.name, month=label
            )
            attachment = self.env["ir.attachment"].create(
                {
                    "name": f"{name}.{kind}",
                    "raw": content,
                    "res_model": estate._name,
                    "res_id": estate.id,
                }
            )
            estate.message_post(
                body=estate_lang.env._(
                    "The complaint analysis of %(month)s is attached for the site director.",
                    month=label,
                ),
                attachment_ids=attachment.ids,
                partner_ids=director.partner_id.ids,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
            estate.activity_schedule(
                activity_type_id=todo.id,
                summary=estate_lang.env._(
                    "Review the complaint analysis of %(month)s", month=label
                ),
                user_id=director.id,
                date_deadline=estate._local_today(),
            )
            estate.complaint_report_month = month
        return True
