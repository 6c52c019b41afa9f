# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import hashlib
import math
from collections import defaultdict
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

from .property_followup_rule import FOLLOWUP_KINDS

_lt = LazyTranslate(__name__)


class PropertyFollowup(models.Model):
    """A follow-up visit or call after a service."""

    _name = "property.followup"
    _description = "Follow-up Visit"
    _inherit = ["mail.thread", "mail.activity.mixin", "portal.mixin", "property.guarded.mixin"]
    _order = "due_date, id"
    _check_company_auto = True
    _guarded_fields = {
        "state": _lt("Done, or the supervisor's Cancel"),
        "date_done": _lt("Done"),
    }

    name = fields.Char(string="Reference", required=True, readonly=True, default="/")
    res_model = fields.Char(string="Source Model", required=True, index=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Source", model_field="res_model", required=True, index=True, readonly=True
    )
    source_name = fields.Char(compute="_compute_source_name", string="Source Document")
    source_kind = fields.Selection(FOLLOWUP_KINDS, required=True, readonly=True)
    rule_id = fields.Many2one("property.followup.rule", readonly=True)
    visit_number = fields.Integer(default=1, readonly=True)
    estate_id = fields.Many2one("property.estate", index=True)
    unit_id = fields.Many2one("property.unit", index=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company, index=True
    )
    partner_id = fields.Many2one("res.partner", string="Resident", tracking=True)
    due_date = fields.Date(required=True, tracking=True)
    visitor_id = fields.Many2one("res.users", tracking=True, domain="[('share', '=', False)]")
    method = fields.Selection([("phone", "Phone"), ("visit", "Visit")], default="phone")
    state = fields.Selection(
        [("planned", "Planned"), ("done", "Done"), ("cancelled", "Cancelled")],
        default="planned",
        required=True,
        tracking=True,
    )
    date_done = fields.Datetime(readonly=True)
    outcome = fields.Selection(
        [
            ("satisfied", "Satisfied"),
            ("unsatisfied", "Unsatisfied"),
            ("unreachable", "Unreachable"),
        ],
        tracking=True,
    )
    satisfaction = fields.Selection(
        [
            ("1", "Very Dissatisfied"),
            ("2", "Dissatisfied"),
            ("3", "Neutral"),
            ("4", "Satisfied"),
            ("5", "Very Satisfied"),
        ],
        help="The resident's own rating (1-5).",
    )
    notes = fields.Text()
    followup_ticket_id = fields.Many2one(
        "helpdesk.ticket", string="New Request", readonly=True, copy=False
    )

    _source_visit_uniq = models.Constraint(
        "unique(res_model, res_id, visit_number)",
        "This service already has this follow-up visit.",
    )

    @api.depends("res_model", "res_id")
    def _compute_source_name(self):
        for followup in self:
            source = followup._get_source()
            followup.source_name = source.display_name if source else False

    def _compute_access_url(self):
        result = super()._compute_access_url()
        for followup in self:
            followup.access_url = f"/my/followups/{followup.id}"
        return result

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if vals.get("name", "/") == "/":
                vals["name"] = self.env["ir.sequence"].next_by_code("property.followup") or "/"
        return super().create(vals_list)

    def _get_source(self):
        self.ensure_one()
        if not self.res_model or not self.res_id or self.res_model not in self.env:
            return None
        return self.env[self.res_model].browse(self.res_id).exists()

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_done(self, outcome=None, satisfaction=None, notes=None):
        """Record the result. An unsatisfied resident gets their problem back: the
        source request reopens (or a new request is created from it)."""
        for followup in self:
            if followup.state != "planned":
                raise UserError(self.env._("%(followup)s is not planned.", followup=followup.name))
            if not (outcome or followup.outcome):
                raise UserError(
                    self.env._("Record the outcome of %(followup)s.", followup=followup.name)
                )
            vals = {"state": "done", "date_done": fields.Datetime.now()}
            if outcome:
                vals["outcome"] = outcome
            if satisfaction:
                vals["satisfaction"] = satisfaction
            if notes:
                vals["notes"] = notes
            followup._guarded_write(vals)
            if followup.outcome == "unsatisfied":
                source = followup._get_source()
                if source and hasattr(source, "_property_followup_unsatisfied"):
                    source._property_followup_unsatisfied(followup)
        return True

    def action_cancel(self):
        """The supervisor plans the visits, and alone drops one (the rates of valid
        complaints, paid services and rectifications are 100 %)."""
        if not self.env.user.has_group("property_service_desk.group_property_supervisor"):
            raise UserError(self.env._("Only the supervisor cancels a follow-up visit."))
        if self.filtered(lambda f: f.state == "done"):
            raise UserError(self.env._("A follow-up done is kept."))
        self._guarded_write({"state": "cancelled"})
        return True

    # ------------------------------------------------------------------
    # Planning
    # ------------------------------------------------------------------
    @api.model
    def _sample_key(self, res_model, res_id):
        """Stable pseudo-random order: the same services are drawn on every run."""
        return hashlib.sha256(f"{res_model}:{res_id}".encode()).hexdigest()

    @api.model
    def _plan_from_sources(self, candidates):
        """Create the visits owed for ``candidates``: dicts with res_model, res_id,
        kind, estate_id, unit_id, partner_id, company_id, visitor_id, done_date and
        month. Per (estate, kind, month) the number of visits is the rule's rate of all
        completed services of that month; already planned ones count. Idempotent."""
        rules = {rule.source_kind: rule for rule in self.env["property.followup.rule"].search([])}
        groups = defaultdict(list)
        for candidate in candidates:
            if candidate["kind"] in rules:
                groups[candidate["estate_id"], candidate["kind"], candidate["month"]].append(
                    candidate
                )
        if not groups:
            return self.browse()
        existing = defaultdict(set)
        for followup in self.search_fetch(
            [
                ("res_model", "in", list({c["res_model"] for c in candidates})),
                ("res_id", "in", list({c["res_id"] for c in candidates})),
            ],
            ["res_model", "res_id", "visit_number"],
        ):
            existing[followup.res_model, followup.res_id].add(followup.visit_number)
        vals_list = []
        for (_estate, kind, _month), members in groups.items():
            rule = rules[kind]
            required = math.ceil(len(members) * rule.rate / 100.0)
            chosen = [m for m in members if existing.get((m["res_model"], m["res_id"]))]
            pool = sorted(
                (m for m in members if not existing.get((m["res_model"], m["res_id"]))),
                key=lambda m: self._sample_key(m["res_model"], m["res_id"]),
            )
            for member in pool[: max(required - len(chosen), 0)]:
                vals_list.append(self._prepare_followup_vals(member, rule, 1))
                if rule.second_visit:
                    vals_list.append(self._prepare_followup_vals(member, rule, 2))
        return self.create(vals_list)

    @api.model
    def _prepare_followup_vals(self, member, rule, visit_number):
        days = rule.delay_days if visit_number == 1 else rule.second_visit_days
        return {
            "res_model": member["res_model"],
            "res_id": member["res_id"],
            "source_kind": rule.source_kind,
            "rule_id": rule.id,
            "visit_number": visit_number,
            "estate_id": member["estate_id"],
            "unit_id": member["unit_id"],
            "partner_id": member["partner_id"],
            "company_id": member["company_id"],
            "visitor_id": member["visitor_id"],
            "due_date": member["done_date"] + timedelta(days=days),
        }

    def _portal_answer(self, satisfaction, comment=None):
        """The resident answers the follow-up survey on the portal: 1-2 is unsatisfied
        (the request reopens), 3-5 satisfied."""
        self.ensure_one()
        if satisfaction not in dict(self._fields["satisfaction"].selection):
            raise UserError(self.env._("Choose a satisfaction from 1 to 5."))
        if self.state != "planned":
            raise UserError(self.env._("This survey is already answered."))
        outcome = "unsatisfied" if int(satisfaction) <= 2 else "satisfied"
        self.action_done(outcome=outcome, satisfaction=satisfaction, notes=comment)
