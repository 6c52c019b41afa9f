# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).


from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import UserError

from odoo.addons.base.models.ir_model import MODULE_UNINSTALL_FLAG

from .helpdesk_ticket_category import REQUEST_KINDS

# request records are kept this long after they are closed (SOP §5)
RETENTION_YEARS = 1

# Kinds that get a work order: dispatched to a department within minutes.
DISPATCH_KINDS = {
    "repair_unit",
    "repair_common",
    "rectification",
    "medical",
    "security",
    "disaster",
}
# Kinds where somebody must be on site within minutes of the dispatch.
ARRIVAL_KINDS = {"repair_unit", "repair_common", "medical", "security", "disaster"}
EMERGENCY_KINDS = {"medical", "security", "disaster"}
# The three timers of a request: (deadline field, "done" field, overdue flag)
TIMERS = {
    "dispatch": ("dispatch_deadline", "date_dispatched", "dispatch_overdue"),
    "arrival": ("arrival_deadline", "date_arrived", "arrival_overdue"),
    "resolution": ("resolution_deadline", "closed_date", "resolution_overdue"),
}
# Occupants who act for their unit (sign off a request, answer a paid service's price);
# the other household members follow the requests only.
UNIT_ACTOR_ROLES = ("owner", "co_owner", "tenant", "agent")
# Escalation ladder (assistant -> supervisor -> director); major cases start higher.
LADDER = ("assistant", "supervisor", "director")
# the demo records of OCA helpdesk_mgmt, in the order they can be removed
HELPDESK_MGMT_DEMO = {
    "helpdesk.ticket": [f"helpdesk_ticket_{i}" for i in range(1, 9)],
    "helpdesk.ticket.team": [f"helpdesk_team_{i}" for i in range(1, 4)],
    "helpdesk.ticket.category": [f"helpdesk_category_{i}" for i in range(1, 6)],
    "helpdesk.ticket.tag": [f"helpdesk_tag_{i}" for i in range(1, 4)],
}
MAJOR_LADDER = ("supervisor", "director")


class HelpdeskTicket(models.Model):
    """Every request the service centre receives (报事报修), whatever the channel."""

    _name = "helpdesk.ticket"
    _inherit = ["helpdesk.ticket", "property.guarded.mixin"]

    # ------------------------------------------------------------------
    # Fields
    # ------------------------------------------------------------------
    estate_id = fields.Many2one(
        "property.estate",
        index=True,
        tracking=True,
        compute="_compute_estate_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    unit_id = fields.Many2one(
        "property.unit",
        index=True,
        tracking=True,
        domain="[('estate_id', '=?', estate_id)]",
    )
    location = fields.Char(
        string="Common-Area Location",
        help="Where in the common areas, when the request is not about a unit.",
    )
    request_kind = fields.Selection(
        REQUEST_KINDS,
        index=True,
        tracking=True,
        compute="_compute_request_kind",
        store=True,
        readonly=False,
        precompute=True,
    )
    is_simple = fields.Boolean(
        string="Simple Request",
        help="Handled on the spot (turning water or power on): closed without a work order.",
    )
    is_major = fields.Boolean(
        string="Major Case",
        tracking=True,
        help="Escalates straight to the supervisor and the director.",
    )
    department_id = fields.Many2one(
        "helpdesk.ticket.team",
        index=True,
        tracking=True,
        help="Department performing the work order, set at dispatch.",
    )
    appointment_date = fields.Datetime(
        string="Appointment",
        help="Time the resident chose for the visit; replaces the arrival time limit.",
    )
    entry_when_absent = fields.Boolean(
        string="May Enter When Nobody Is Home",
        help="The resident allows staff to enter the unit when nobody is home.",
    )
    entry_contact = fields.Char(
        string="Contact for Entry", help="Whom to call to get into the unit."
    )
    date_received = fields.Datetime(
        string="Received", default=fields.Datetime.now, required=True, index=True
    )
    date_dispatched = fields.Datetime(string="Dispatched", copy=False, tracking=True)
    date_arrived = fields.Datetime(string="Arrived", copy=False, tracking=True)
    # Paid services (特约服务)
    is_paid_service = fields.Boolean(
        related="category_id.property_is_paid", store=True, string="Paid Service"
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("unit_id")
    def _compute_estate_id(self):
        for ticket in self:
            if ticket.unit_id:
                ticket.estate_id = ticket.unit_id.estate_id

    @api.depends("category_id")
    def _compute_request_kind(self):
        for ticket in self:
            if ticket.category_id.property_request_kind:
                ticket.request_kind = ticket.category_id.property_request_kind
            elif not ticket.request_kind:
                ticket.request_kind = "other"

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        # A request recorded and completed in one go (the form's stage clicked before it
        # was ever saved) is created in the first stage and then moved, so that the rules
        # of the move (work order, checklist, completion time, follow-ups) hold as they do
        # for a saved request. Data files and scheduled actions (the superuser) write
        # their history as it was.
        for vals in vals_list:
            self._prepare_property_vals(vals)
        moves = [None] * len(vals_list)
        if not self.env.su:
            Team = self.env["helpdesk.ticket.team"]
            first_stages = {}
            for index, vals in enumerate(vals_list):
                team_id = vals.get("team_id") or False
                if team_id not in first_stages:
                    first_stages[team_id] = Team.browse(team_id)._get_applicable_stages()[:1].id
                if vals.get("stage_id") and vals["stage_id"] != first_stages[team_id]:
                    moves[index] = vals.pop("stage_id")
        tickets = super().create(vals_list)
        tickets._notify_category_users()
        tickets._start_emergency_checklists()
        tickets._schedule_written_reply()
        for ticket, stage_id in zip(tickets, moves, strict=True):
            if stage_id:
                ticket.write({"stage_id": stage_id})
        return tickets

    @api.model
    def _prepare_property_vals(self, vals):
        """Route a new request: the estate comes from the unit, and the receiving team
        is the estate's day team during service-centre hours, its night team outside."""
        if vals.get("unit_id") and not vals.get("estate_id"):
            vals["estate_id"] = self.env["property.unit"].browse(vals["unit_id"]).estate_id.id
        if vals.get("estate_id") and not vals.get("team_id"):
            estate = self.env["property.estate"].browse(vals["estate_id"])
            received = fields.Datetime.to_datetime(vals.get("date_received")) or (
                fields.Datetime.now()
            )
            team = (
                estate.service_team_id
                if estate._is_service_hours(received)
                else (estate.night_team_id)
            )
            if team:
                vals["team_id"] = team.id
        return vals

    def write(self, vals):
        if "stage_id" in vals:
            self._check_can_close(vals["stage_id"])
            self._track_pause(vals["stage_id"])
            stage = self.env["helpdesk.ticket.stage"].browse(vals["stage_id"])
            if stage.property_is_deferred:
                self._set_reopen_date()
            elif "reopen_date" not in vals:
                vals = {**vals, "reopen_date": False}
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_kept(self):
        """Request records are kept for a year (SOP §5): a request is deleted, by whoever
        may delete requests, only a year after it was closed."""
        limit = fields.Datetime.now() - relativedelta(years=RETENTION_YEARS)
        kept = self.filtered(lambda ticket: (ticket.closed_date or ticket.create_date) > limit)
        if kept:
            raise UserError(
                self.env._(
                    "Request records are kept for a year after they are closed: %(requests)s "
                    "cannot be deleted yet.",
                    requests=", ".join(kept[:5].mapped(lambda t: t.number or t.name)),
                )
            )

    @api.model
    def _cancel_stage(self):
        return (
            self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_cancelled", raise_if_not_found=False)
            or self.env["helpdesk.ticket.stage"]
        )

    def _check_can_close(self, stage_id):
        stage = self.env["helpdesk.ticket.stage"].browse(stage_id)
        if not stage.closed or stage == self._cancel_stage():
            return
        unchecked = self.filtered(lambda t: not all(t.checklist_line_ids.mapped("is_done")))
        if unchecked:
            raise UserError(
                self.env._(
                    "Complete the checklist of %(tickets)s before closing it.",
                    tickets=", ".join(unchecked.mapped("display_name")),
                )
            )
        no_order = self.filtered(
            lambda t: t.request_kind in DISPATCH_KINDS and not t.is_simple and not t.date_dispatched
        )
        if no_order:
            raise UserError(
                self.env._(
                    "Dispatch a work order before closing %(tickets)s, or mark the request "
                    "as simple if it was handled on the spot.",
                    tickets=", ".join(no_order.mapped("display_name")),
                )
            )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_dispatch(self):
        """Issue the work order (派工单) to the department."""
        for ticket in self:
            if ticket.date_dispatched:
                continue
            department = ticket.department_id or ticket.category_id.property_department_id
            if not department:
                raise UserError(
                    self.env._(
                        "Choose the department that performs the work of %(ticket)s.",
                        ticket=ticket.display_name,
                    )
                )
            vals = {"department_id": department.id, "date_dispatched": fields.Datetime.now()}
            mode = ticket.category_id.property_dispatch_mode or "supervisor"
            # helpdesk may have auto-assigned whoever logged the request: round-robin
            # picks among the department's technicians unless one is already chosen
            if mode == "round_robin" and ticket.user_id not in department.user_ids:
                vals["user_id"] = ticket._next_round_robin_user(department).id
            elif mode == "pool" and ticket.user_id not in department.user_ids:
                vals["user_id"] = False  # back to the pool, technicians claim it
            in_progress = self.env.ref(
                "helpdesk_mgmt.helpdesk_ticket_stage_in_progress", raise_if_not_found=False
            )
            if in_progress and ticket.stage_id.unattended:
                vals["stage_id"] = in_progress.id
            ticket.write(vals)
        return True

    def action_arrive(self):
        for ticket in self:
            if not ticket.date_dispatched:
                raise UserError(
                    self.env._("%(ticket)s has no work order yet.", ticket=ticket.display_name)
                )
        self.filtered(lambda t: not t.date_arrived).date_arrived = fields.Datetime.now()
        return True

    def action_claim(self):
        """A technician takes a work order from the pool, within the category's cap."""
        user = self.env.user
        for ticket in self:
            if ticket.user_id:
                raise UserError(
                    self.env._(
                        "%(ticket)s is already assigned to %(user)s.",
                        ticket=ticket.display_name,
                        user=ticket.user_id.name,
                    )
                )
            cap = ticket.category_id.property_pool_cap or 0
            if cap:
                open_count = self.search_count([("user_id", "=", user.id), ("closed", "=", False)])
                if open_count >= cap:
                    raise UserError(
                        self.env._(
                            "You already hold %(count)s open work orders; the limit for "
                            "%(category)s is %(cap)s.",
                            count=open_count,
                            category=ticket.category_id.display_name,
                            cap=cap,
                        )
                    )
            ticket.user_id = user
        return True

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.model
    def default_get(self, fields):
        """The front desk logs every request and dispatches it to a department: who logs
        it (the desk, a scheduled action, a resident on the portal) is not its assignee,
        as OCA's auto-assignment of the creator would make them. A department's member
        logging a request still takes it (the own-requests rule of the departments)."""
        defaults = super().default_get(fields)
        user = self.env.user
        logging_for_others = (
            self.env.su
            or user.share
            or user.has_group("property_service_desk.group_property_assistant")
        )
        if logging_for_others and "default_user_id" not in self.env.context:
            defaults.pop("user_id", None)
        return defaults

    def _next_round_robin_user(self, department):
        """The department member whose last assignment is the oldest."""
        users = department.user_ids
        if not users:
            return self.env["res.users"]
        last = dict(
            self._read_group(
                [("user_id", "in", users.ids), ("assigned_date", "!=", False)],
                ["user_id"],
                ["assigned_date:max"],
            )
        )
        return min(
            users, key=lambda u: (last.get(u) or fields.Datetime.from_string("1970-01-01"), u.id)
        )

    def _notify_category_users(self):
        tickets = self.filtered("category_id.property_notify_user_ids")
        for category, category_tickets in tickets.grouped("category_id").items():
            category_tickets.message_subscribe(category.property_notify_user_ids.partner_id.ids)

    @api.model
    def _property_remove_helpdesk_demo(self):
        """Demo: remove OCA helpdesk_mgmt's own demo (English software tickets, teams,
        categories and tags), which is not the service centre's; called once, at the
        demo's install (superuser)."""
        for model, names in HELPDESK_MGMT_DEMO.items():
            data = self.env["ir.model.data"].search(
                [("module", "=", "helpdesk_mgmt"), ("model", "=", model), ("name", "in", names)]
            )
            # removed as at an uninstallation: these are not the service centre's records
            # and their retention does not apply
            self.env[model].browse(data.mapped("res_id")).exists().with_context(
                **{MODULE_UNINSTALL_FLAG: True}
            ).unlink()
        return True
