# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError
from odoo.tools import LazyTranslate

from .property_duty_roster import SHIFTS

_lt = LazyTranslate(__name__)

# the incoming shift arrives this many minutes before the handover
EARLY_MINUTES = 5


class PropertyDutyHandover(models.Model):
    """Shift handover record (值班记录表): who hands over to whom, what is carried over,
    and both signatures."""

    _name = "property.duty.handover"
    _description = "Shift Handover"
    _inherit = ["mail.thread", "property.guarded.mixin"]
    _order = "handover_time desc"
    _guarded_fields = {
        "outgoing_confirmed": _lt("the outgoing person's Confirm"),
        "incoming_confirmed": _lt("the incoming person's Confirm"),
        "state": _lt("Close"),
    }

    estate_id = fields.Many2one("property.estate", required=True, index=True)
    company_id = fields.Many2one(related="estate_id.company_id", store=True)
    shift = fields.Selection(SHIFTS, required=True, help="The shift that ends.")
    handover_time = fields.Datetime(required=True, default=fields.Datetime.now)
    outgoing_user_id = fields.Many2one(
        "res.users", required=True, default=lambda self: self.env.user
    )
    incoming_user_id = fields.Many2one("res.users", required=True)
    incoming_arrival = fields.Datetime(string="Incoming Arrived")
    arrived_late = fields.Boolean(compute="_compute_arrived_late")
    carried_request_ids = fields.Many2many(
        "helpdesk.ticket", compute="_compute_carried", string="Open Requests"
    )
    carried_followup_ids = fields.Many2many(
        "property.followup", compute="_compute_carried", string="Follow-ups Due"
    )
    night_request_ids = fields.Many2many(
        "helpdesk.ticket",
        compute="_compute_carried",
        string="Requests of the Night",
        help="Received during the night: the day shift takes them over.",
    )
    item_ids = fields.One2many(
        "property.duty.handover.item", "handover_id", string="Unfinished Work"
    )
    end_note = fields.Text(string="End-of-Shift Note")
    outgoing_confirmed = fields.Boolean(readonly=True)
    incoming_confirmed = fields.Boolean(readonly=True)
    state = fields.Selection(
        [("open", "Open"), ("closed", "Closed")], default="open", required=True, tracking=True
    )

    @api.depends("shift", "handover_time", "estate_id")
    def _compute_display_name(self):
        shifts = dict(self._fields["shift"]._description_selection(self.env))
        for handover in self:
            when = (
                handover.estate_id._local_datetime(handover.handover_time).strftime("%Y-%m-%d")
                if handover.handover_time and handover.estate_id
                else ""
            )
            handover.display_name = f"{when} {shifts.get(handover.shift, '')}".strip()

    @api.depends("incoming_arrival", "handover_time")
    def _compute_arrived_late(self):
        for handover in self:
            handover.arrived_late = bool(
                handover.incoming_arrival
                and handover.incoming_arrival
                > handover.handover_time - timedelta(minutes=EARLY_MINUTES)
            )

    def _night_window(self):
        """The night before the handover, in the estate's timezone, as naive UTC."""
        self.ensure_one()
        estate = self.estate_id
        day = estate._local_datetime(self.handover_time).date()
        return (
            estate._local_date_start(day - timedelta(days=1), estate.service_hour_end or 20.0),
            estate._local_date_start(day, estate.service_hour_start or 8.0),
        )

    @api.depends("estate_id", "handover_time", "shift")
    def _compute_carried(self):
        Ticket = self.env["helpdesk.ticket"]
        Followup = self.env["property.followup"]
        for handover in self:
            if not handover.estate_id:
                handover.carried_request_ids = handover.carried_followup_ids = False
                handover.night_request_ids = False
                continue
            handover.carried_request_ids = Ticket.search(
                [("estate_id", "=", handover.estate_id.id), ("closed", "=", False)]
            )
            handover.carried_followup_ids = Followup.search(
                [
                    ("estate_id", "=", handover.estate_id.id),
                    ("state", "=", "planned"),
                    ("due_date", "<=", fields.Date.to_date(handover.handover_time)),
                ]
            )
            if handover.shift == "night":
                start, end = handover._night_window()
                handover.night_request_ids = Ticket.search(
                    [
                        ("estate_id", "=", handover.estate_id.id),
                        ("date_received", ">=", start),
                        ("date_received", "<", end),
                    ]
                )
            else:
                handover.night_request_ids = False

    def write(self, vals):
        # who hands over to whom is what the two confirmed
        if (
            {"outgoing_user_id", "incoming_user_id"} & set(vals)
            and not self.env.su
            and self.filtered(lambda h: h.outgoing_confirmed or h.incoming_confirmed)
        ):
            raise UserError(self.env._("The people of a confirmed handover cannot change."))
        return super().write(vals)

    def action_confirm_outgoing(self):
        for handover in self:
            if handover.state != "open":
                raise UserError(self.env._("This handover is closed."))
            if handover.outgoing_user_id != self.env.user:
                raise UserError(self.env._("The outgoing person confirms the handover."))
        self._guarded_write({"outgoing_confirmed": True})
        return True

    def action_confirm_incoming(self):
        for handover in self:
            if handover.state != "open":
                raise UserError(self.env._("This handover is closed."))
            if handover.incoming_user_id != self.env.user:
                raise UserError(self.env._("The incoming person confirms the handover."))
        self._guarded_write({"incoming_confirmed": True})
        return True

    def action_close(self):
        """Close the shift: both confirmed, and no important work left unfinished (SOP
        §1: important work may not be handed over unfinished)."""
        for handover in self:
            if not (handover.outgoing_confirmed and handover.incoming_confirmed):
                raise UserError(
                    self.env._("Both the outgoing and the incoming person confirm first.")
                )
            blocking = handover.item_ids.filtered(lambda i: i.important and not i.finished)
            if blocking:
                raise UserError(
                    self.env._(
                        "Important work is unfinished: %(items)s. It may not be handed over "
                        "unfinished: finish it before the shift ends.",
                        items=", ".join(blocking.mapped("name")),
                    )
                )
        self._guarded_write({"state": "closed"})
        return True
