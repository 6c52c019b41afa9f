# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

from .property_followup_rule import FOLLOWUP_KINDS


class PropertyFollowupReport(models.Model):
    """Per month, estate and kind: completed services, visits planned and done, and the
    required against the achieved follow-up rate."""

    _name = "property.followup.report"
    _description = "Follow-up Rate Report"
    _auto = False
    _order = "month desc, estate_id, source_kind"

    month = fields.Date(readonly=True)
    estate_id = fields.Many2one("property.estate", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    source_kind = fields.Selection(FOLLOWUP_KINDS, string="Kind", readonly=True)
    completed_count = fields.Integer(string="Completed", readonly=True)
    planned_count = fields.Integer(string="Visits Planned", readonly=True)
    done_count = fields.Integer(string="Visits Done", readonly=True)
    required_rate = fields.Float(string="Required Rate (%)", readonly=True, aggregator="max")
    achieved_rate = fields.Float(string="Achieved Rate (%)", readonly=True, aggregator="avg")

    @property
    def _table_query(self):
        done_stage = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        return SQL(
            """
            SELECT min(t.id) AS id,
                   date_trunc('month', t.closed_date)::date AS month,
                   t.estate_id, t.company_id, t.followup_kind AS source_kind,
                   count(t.id) AS completed_count,
                   count(f.id) AS planned_count,
                   count(f.id) FILTER (WHERE f.state = 'done') AS done_count,
                   max(r.rate) AS required_rate,
                   round(100.0 * count(f.id) FILTER (WHERE f.state = 'done')
                         / count(t.id), 1) AS achieved_rate
              FROM helpdesk_ticket t
         LEFT JOIN property_followup f
                ON f.res_model = 'helpdesk.ticket' AND f.res_id = t.id AND f.visit_number = 1
         LEFT JOIN property_followup_rule r ON r.source_kind = t.followup_kind
             WHERE t.stage_id = %s AND t.closed_date IS NOT NULL
               AND t.followup_kind IS NOT NULL
          GROUP BY 2, t.estate_id, t.company_id, t.followup_kind
            """,
            done_stage.id,
        )
