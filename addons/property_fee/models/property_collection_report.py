# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.tools import SQL

COLLECTION_TARGET = 95.0


class PropertyCollectionReport(models.Model):
    """Fee collection per month, estate, building and building manager: what was
    invoiced for the month and how much of it is paid."""

    _name = "property.collection.report"
    _description = "Fee Collection"
    _auto = False
    _order = "month desc"

    month = fields.Date(readonly=True)
    estate_id = fields.Many2one("property.estate", readonly=True)
    building_id = fields.Many2one("property.building", readonly=True)
    manager_id = fields.Many2one("res.users", string="Building Manager", readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    amount_due = fields.Monetary(readonly=True)
    amount_collected = fields.Monetary(readonly=True)
    collection_rate = fields.Float(
        string="Collection Rate (%)",
        readonly=True,
        aggregator="avg",
        help="Collected ÷ due (target 95%): in totals and groups too, the sums' ratio, not "
        "an average of the rates.",
    )

    def _read_group_select(self, aggregate_spec, query):
        # a rate of a group is what the group collected of what it was due: an average
        # of the buildings' rates would weigh a small building like a large one
        if aggregate_spec.split(":")[0] == "collection_rate":
            due = self._read_group_select("amount_due:sum", query)
            collected = self._read_group_select("amount_collected:sum", query)
            return SQL(
                "COALESCE(100.0 * %s / NULLIF(%s, 0), 0.0)",
                collected,
                due,
            )
        return super()._read_group_select(aggregate_spec, query)

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT MIN(m.id) AS id,
                   m.property_fee_period AS month,
                   u.estate_id,
                   u.building_id,
                   b.manager_id,
                   m.company_id,
                   SUM(m.amount_total_signed) AS amount_due,
                   SUM(m.amount_total_signed - m.amount_residual_signed) AS amount_collected,
                   CASE WHEN SUM(m.amount_total_signed) = 0 THEN 100.0
                        ELSE 100.0 * SUM(m.amount_total_signed - m.amount_residual_signed)
                             / SUM(m.amount_total_signed) END AS collection_rate
              FROM account_move m
              JOIN property_unit u ON u.id = m.property_unit_id
         LEFT JOIN property_building b ON b.id = u.building_id
             WHERE m.move_type = 'out_invoice' AND m.state = 'posted'
               AND m.property_fee_period IS NOT NULL
          GROUP BY m.property_fee_period, u.estate_id, u.building_id, b.manager_id,
                   m.company_id
            """
        )
