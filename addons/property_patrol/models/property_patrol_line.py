# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import base64
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

_lt = LazyTranslate(__name__)

# findings are rectified within a week; longer needs the manager
FINDING_DAYS = 7


class PropertyPatrolLine(models.Model):
    """One check of a round; a failed one is a finding, rectified within a week and
    verified on site."""

    _name = "property.patrol.line"
    _description = "Patrol Check"
    _inherit = ["property.guarded.mixin"]
    _guarded_fields = {"verified_on_site": _lt("Verified on Site")}
    _order = "round_id, id"

    round_id = fields.Many2one(
        "property.patrol.round", required=True, ondelete="cascade", index=True
    )
    estate_id = fields.Many2one(related="round_id.estate_id", store=True)
    name = fields.Char(required=True)
    result = fields.Selection([("ok", "OK"), ("failed", "Failed")])
    note = fields.Char()
    photo = fields.Image(
        max_width=1920,
        max_height=1920,
        help="Taken on the phone at the check; goes with the request, the violation or the "
        "department's to-do.",
    )
    gas_smell = fields.Boolean(string="Gas or Burning Smell")
    due_date = fields.Date(string="Rectify By")
    ticket_id = fields.Many2one("helpdesk.ticket", string="Request", readonly=True)
    unit_id = fields.Many2one("property.unit", string="Unit Concerned")
    violation_id = fields.Many2one("property.violation", readonly=True)
    note_team_id = fields.Many2one(
        "helpdesk.ticket.team", string="Department to Tell", help="Told by a to-do."
    )
    verified_on_site = fields.Boolean(readonly=True)
    finding_state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")], compute="_compute_finding_state", store=True
    )

    @api.depends("result", "verified_on_site")
    def _compute_finding_state(self):
        for line in self:
            line.finding_state = (
                "open"
                if line.result == "failed" and not line.verified_on_site
                else ("closed" if line.result == "failed" else False)
            )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        due = [vals.get("due_date") for vals in vals_list]
        for line, due_date in zip(lines, due, strict=True):
            if due_date:
                line._check_due_date(due_date)
        lines._after_update()
        return lines

    def _check_due_date(self, due_date):
        """Findings are usually resolved within a week (SOP §9): more needs the manager."""
        if self.env.su or self.env.user.has_group("property_service_desk.group_property_manager"):
            return
        for line in self:
            limit = line.round_id.date + timedelta(days=FINDING_DAYS)
            if fields.Date.to_date(due_date) > limit:
                raise UserError(
                    self.env._("More than a week to rectify needs the manager's approval.")
                )

    def write(self, vals):
        if vals.get("due_date"):
            self._check_due_date(vals["due_date"])
        result = super().write(vals)
        if {"result", "gas_smell"} & set(vals):
            self._after_update()
        return result

    def _after_update(self):
        for line in self.filtered(lambda line: line.result == "failed" and not line.due_date):
            line.due_date = line.round_id.date + timedelta(days=FINDING_DAYS)
        team = self.env.ref("property_request.helpdesk_team_security", raise_if_not_found=False)
        for line in self.filtered("gas_smell"):
            users = (team.user_id if team else self.env["res.users"]) | (
                line.round_id.estate_id.supervisor_id
            )
            for user in users:
                line.round_id.activity_schedule(
                    "mail.mail_activity_data_todo",
                    summary=self.env._("Gas or burning smell: %(where)s", where=line.name),
                    user_id=user.id,
                )

    def action_make_request(self):
        """A failed check becomes a repair request in one click."""
        for line in self.filtered(lambda line: line.result == "failed" and not line.ticket_id):
            line.ticket_id = self.env["helpdesk.ticket"].create(
                {
                    "name": line.name,
                    "description": line.note or line.name,
                    "estate_id": line.round_id.estate_id.id,
                    "location": line.round_id.plan_id.name,
                    "request_kind": "repair_common",
                    "channel_id": self.env.ref("property_request.helpdesk_ticket_channel_staff").id,
                }
            )
            line._post_photo(line.ticket_id)
        return True

    def _post_photo(self, record):
        """The check's photo goes on ``record``'s chatter as an internal note."""
        self.ensure_one()
        if not self.photo:
            return
        record.message_post(
            body=self.env._("Photo taken at the patrol check: %(what)s", what=self.name),
            attachments=[(f"{self.name}.jpg", base64.b64decode(self.photo))],
            message_type="comment",
            subtype_xmlid="mail.mt_note",
        )

    def action_make_violation(self):
        """A failed check becomes a resident violation of the unit concerned."""
        category = self.env.ref("property_violation.violation_category_other")
        for line in self.filtered(lambda line: line.result == "failed" and not line.violation_id):
            if not line.unit_id:
                raise UserError(self.env._("Choose the unit the violation concerns."))
            line.violation_id = self.env["property.violation"].create(
                {
                    "unit_id": line.unit_id.id,
                    "partner_id": line.unit_id.fee_payer_id.id,
                    "category_id": category.id,
                    "description": f"{line.name}: {line.note or ''}",
                }
            )
            line._post_photo(line.violation_id)
        return True

    def action_note_department(self):
        """A failed check for another department: a to-do for its team leader."""
        for line in self.filtered(lambda line: line.result == "failed"):
            leader = line.note_team_id.user_id
            if not leader:
                raise UserError(self.env._("Choose a department with a team leader."))
            line.round_id.activity_schedule(
                "mail.mail_activity_data_todo",
                summary=self.env._("Patrol finding: %(what)s", what=line.name),
                note=line.note or "",
                user_id=leader.id,
            )
            line._post_photo(line.round_id)
        return True

    def action_verify(self):
        """Checked on site: the finding is rectified."""
        self.filtered(lambda line: line.result == "failed")._guarded_write(
            {"verified_on_site": True}
        )
        return True
