# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import uuid
from datetime import timedelta

from odoo import fields, models
from odoo.exceptions import UserError

from .property_patrol_plan import PATROL_AREAS


class PropertyPatrolCheckpoint(models.Model):
    """A place a patrol must pass; its printed QR code opens the scan page."""

    _name = "property.patrol.checkpoint"
    _description = "Patrol Checkpoint"
    _order = "estate_id, name"

    name = fields.Char(required=True)
    estate_id = fields.Many2one("property.estate", required=True, index=True)
    company_id = fields.Many2one(related="estate_id.company_id", store=True)
    area = fields.Selection(PATROL_AREAS, required=True)
    token = fields.Char(
        required=True, readonly=True, copy=False, default=lambda self: uuid.uuid4().hex
    )
    scan_url = fields.Char(compute="_compute_scan_url")
    active = fields.Boolean(default=True)

    _token_uniq = models.Constraint("unique(token)", "Checkpoint codes are unique.")

    def _compute_scan_url(self):
        for checkpoint in self:
            checkpoint.scan_url = f"{checkpoint.get_base_url()}/patrol/scan/{checkpoint.token}"

    def _register_scan(self):
        """The patrolling user scanned this checkpoint: record the time on their round
        of the day that includes it."""
        self.ensure_one()
        now = fields.Datetime.now()
        round_ = self.env["property.patrol.round"].search(
            [
                ("user_id", "=", self.env.uid),
                ("state", "=", "planned"),
                ("plan_id.checkpoint_ids", "in", self.ids),
                ("window_start", "<=", now + timedelta(hours=1)),
                ("window_end", ">=", now - timedelta(hours=1)),
            ],
            limit=1,
        )
        if not round_:
            raise UserError(self.env._("No patrol round of yours passes this checkpoint now."))
        visit = round_.visit_ids.filtered(lambda v: v.checkpoint_id == self)
        if not visit:
            visit = self.env["property.patrol.visit"].create(
                {"round_id": round_.id, "checkpoint_id": self.id, "date": now}
            )
        return visit
