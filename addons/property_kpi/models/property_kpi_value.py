# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import math

from dateutil.relativedelta import relativedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import SQL

ENGINE = "property_kpi_engine"


class PropertyKpiValue(models.Model):
    """A KPI's figure for one estate and month: what it counts (base), how many of them
    meet the rule (achieved), the rate against the target and the records that fall
    short. The figures of the running month are recomputed every hour; at the estate's
    month end they are frozen and never change again, whatever happens to the records
    afterwards (a late payment does not rewrite last month's collection rate)."""

    _name = "property.kpi.value"
    _description = "KPI Monthly Figure"
    _order = "month desc, estate_id, sequence, id"
    _rec_names_search = ["kpi_id", "estate_id"]

    kpi_id = fields.Many2one("property.kpi", string="KPI", required=True, index=True, readonly=True)
    sequence = fields.Integer(related="kpi_id.sequence", store=True)
    measure = fields.Selection(related="kpi_id.measure", store=True)
    estate_id = fields.Many2one("property.estate", required=True, index=True, readonly=True)
    company_id = fields.Many2one(related="estate_id.company_id", store=True, index=True)
    month = fields.Date(required=True, index=True, readonly=True, help="First day of the month.")
    base = fields.Float(
        string="Counted",
        readonly=True,
        digits=(16, 2),
        aggregator=False,  # yuan for one KPI, complaints for another: no sum across them
        help="What the rate is taken of: amount invoiced, services completed, work orders, "
        "complaints.",
    )
    achieved = fields.Float(
        readonly=True,
        digits=(16, 2),
        aggregator=False,
        help="What of it meets the rule: amount collected, services visited, work orders "
        "checked, complaints answered or solved in time, complaints about the department.",
    )
    value = fields.Float(
        string="Rate (%)",
        readonly=True,
        digits=(16, 1),
        aggregator="avg",
        help="Achieved ÷ counted. In groups and totals, the ratio of the sums, not an "
        "average of the estates' rates.",
    )
    target = fields.Float(string="Target (%)", readonly=True, aggregator="max")
    direction = fields.Selection(related="kpi_id.direction")
    result = fields.Selection(
        [("met", "Met"), ("missed", "Missed"), ("no_data", "Nothing to Count")],
        readonly=True,
        index=True,
    )
    missed_count = fields.Integer(
        string="Targets Missed",
        compute="_compute_missed_count",
        store=True,
        help="1 when the target is missed: summed, the number of targets missed.",
    )
    state = fields.Selection(
        [("open", "Running Month"), ("frozen", "Frozen")],
        default="open",
        required=True,
        readonly=True,
        index=True,
    )
    date_computed = fields.Datetime(string="Computed On", readonly=True)
    date_frozen = fields.Datetime(string="Frozen On", readonly=True)
    res_model = fields.Char(string="Records Model", readonly=True)
    shortfall_ids = fields.Json(
        string="Records Falling Short",
        readonly=True,
        help="Ids of the records that do not meet the rule, as they were when computed.",
    )
    shortfall_count = fields.Integer(string="Falling Short", readonly=True)

    _kpi_estate_month_uniq = models.Constraint(
        "unique(kpi_id, estate_id, month)", "This KPI already has a figure for this month."
    )

    @api.depends("kpi_id", "estate_id", "month")
    def _compute_display_name(self):
        for value in self:
            value.display_name = self.env._(
                "%(kpi)s, %(estate)s, %(month)s",
                kpi=value.kpi_id.name or "",
                estate=value.estate_id.name or "",
                month=value.month.strftime("%Y-%m") if value.month else "",
            )

    @api.depends("result")
    def _compute_missed_count(self):
        for value in self:
            value.missed_count = 1 if value.result == "missed" else 0

    def _read_group_select(self, aggregate_spec, query):
        # the rate of a group is what the group achieved of what it counted, and a rate
        # or a target is one of a KPI: a group of several KPIs (yuan collected beside
        # complaints answered) has neither
        fname = aggregate_spec.split(":")[0]
        if fname in ("value", "target"):
            kpis = super()._read_group_select("kpi_id:count_distinct", query)
            if fname == "value":
                base = super()._read_group_select("base:sum", query)
                achieved = super()._read_group_select("achieved:sum", query)
                figure = SQL("ROUND((100.0 * %s / NULLIF(%s, 0))::numeric, 1)", achieved, base)
            else:
                figure = super()._read_group_select("target:max", query)
            return SQL("CASE WHEN %s = 1 THEN %s END", kpis, figure)
        return super()._read_group_select(aggregate_spec, query)

    # ------------------------------------------------------------------
    # The figures change only through the engine
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.context.get(ENGINE):
            raise UserError(self.env._("KPI figures are computed by the suite, not typed in."))
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.context.get(ENGINE):
            raise UserError(self.env._("KPI figures are computed by the suite, not typed in."))
        if self.filtered(lambda v: v.state == "frozen"):
            raise UserError(
                self.env._(
                    "A frozen month's figures do not change: %(figures)s.",
                    figures=", ".join(
                        self.filtered(lambda v: v.state == "frozen").mapped("display_name")
                    ),
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_frozen(self):
        if self.filtered(lambda v: v.state == "frozen"):
            raise UserError(self.env._("A frozen month's figures cannot be deleted."))

    # ------------------------------------------------------------------
    # Engine
    # ------------------------------------------------------------------
    @api.model
    def _compute_figures(self, estates, month):
        """{(kpi id, estate id): values} of every active KPI for ``estates`` and the month
        starting ``month``, each estate's month bounded by its own local midnight."""
        kpis = self.env["property.kpi"].search([])
        figures = {}
        next_month = month + relativedelta(months=1)
        for _tz, group in estates.grouped("tz").items():
            first = group[0]
            start = first._local_date_start(month)
            end = first._local_date_start(next_month)
            for kpi in kpis:
                measured = getattr(self, f"_measure_{kpi.measure}")(kpi, group, month, start, end)
                for estate in group:
                    base, achieved, res_model, shortfall = measured.get(
                        estate.id, (0.0, 0.0, False, [])
                    )
                    if base:
                        rate = round(100.0 * achieved / base, 1)
                        result = "met" if kpi._is_met(rate) else "missed"
                    else:
                        rate, result = 0.0, "no_data"
                    figures[kpi.id, estate.id] = {
                        "base": base,
                        "achieved": achieved,
                        "value": rate,
                        "target": kpi.target,
                        "result": result,
                        "res_model": res_model,
                        "shortfall_ids": sorted(shortfall),
                        "shortfall_count": len(shortfall),
                    }
        return figures

    @api.model
    def _store_figures(self, estates, month, freeze=False):
        """Compute and store the month's figures of ``estates``; ``freeze`` closes the
        month. Figures already frozen are left as they are, so running it twice, or after
        a run killed half-way, gives one figure per KPI, estate and month."""
        engine = self.with_context(**{ENGINE: True}).sudo()
        existing = engine.search([("estate_id", "in", estates.ids), ("month", "=", month)])
        frozen_estates = existing.filtered(lambda v: v.state == "frozen").estate_id
        open_estates = estates - frozen_estates
        if not open_estates:
            return existing
        by_key = {(v.kpi_id.id, v.estate_id.id): v for v in existing}
        now = fields.Datetime.now()
        to_create = []
        for (kpi_id, estate_id), vals in self._compute_figures(open_estates, month).items():
            vals["date_computed"] = now
            if freeze:
                vals.update(state="frozen", date_frozen=now)
            value = by_key.get((kpi_id, estate_id))
            if value:
                value.write(vals)
            else:
                to_create.append(dict(vals, kpi_id=kpi_id, estate_id=estate_id, month=month))
        return existing | engine.create(to_create)

    @api.model
    def _cron_compute_kpis(self, months_back=1):
        """Every hour: the running month of every estate, and the ``months_back`` months
        that ended (by the estate's local calendar) and are not frozen yet, frozen."""
        estates = self.env["property.estate"].search([])
        for today, group in estates.grouped(lambda e: e._local_today()).items():
            this_month = today.replace(day=1)
            self._freeze_ended_months(group, this_month, months_back)
            self._store_figures(group, this_month)

    @api.model
    def _freeze_ended_months(self, estates, this_month, months_back):
        for back in range(months_back, 0, -1):
            self._store_figures(estates, this_month - relativedelta(months=back), freeze=True)

    # ------------------------------------------------------------------
    # Measures: {estate id: (base, achieved, records model, ids falling short)}
    # ------------------------------------------------------------------
    def _measure_collection_rate(self, kpi, estates, month, start, end):
        # the fee month is a date on the invoice, not a moment: no time-zone bounds
        moves = self.env["account.move"].search_fetch(
            [
                ("move_type", "=", "out_invoice"),
                ("state", "=", "posted"),
                ("property_fee_period", "=", month),
                ("property_estate_id", "in", estates.ids),
            ],
            ["property_estate_id", "amount_total_signed", "amount_residual_signed"],
        )
        result = {}
        for estate, group in moves.grouped("property_estate_id").items():
            due = sum(group.mapped("amount_total_signed"))
            unpaid = group.filtered(lambda m: m.amount_residual_signed > 0)
            collected = due - sum(unpaid.mapped("amount_residual_signed"))
            result[estate.id] = (due, collected, "account.move", unpaid.ids)
        return result

    def _completed_tickets(self, estates, start, end, domain=()):
        done_stage = self.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        return self.env["helpdesk.ticket"].search_fetch(
            [
                ("estate_id", "in", estates.ids),
                ("stage_id", "=", done_stage.id),
                ("closed_date", ">=", start),
                ("closed_date", "<", end),
                *domain,
            ],
            ["estate_id"],
        )

    def _measure_followup_rate(self, kpi, estates, month, start, end):
        domain = [
            ("followup_kind", "=", kpi.followup_kind),
            "|",
            ("category_id", "=", False),
            ("category_id.property_followup", "=", True),
        ]
        if kpi.valid_complaints_only:
            domain.append(("complaint_type", "=", "valid"))
        tickets = self._completed_tickets(estates, start, end, domain)
        visited = set(
            self.env["property.followup"]
            .search_fetch(
                [
                    ("res_model", "=", "helpdesk.ticket"),
                    ("res_id", "in", tickets.ids),
                    ("visit_number", "=", 1),
                    ("state", "=", "done"),
                ],
                ["res_id"],
            )
            .mapped("res_id")
        )
        result = {}
        for estate, group in tickets.grouped("estate_id").items():
            short = [t.id for t in group if t.id not in visited]
            result[estate.id] = (len(group), len(group) - len(short), "helpdesk.ticket", short)
        return result

    def _measure_spot_check_rate(self, kpi, estates, month, start, end):
        # the weeks whose Monday falls in the month
        checks = self.env["property.spot.check"].search(
            [
                ("estate_id", "in", estates.ids),
                ("week_start", ">=", month),
                ("week_start", "<", month + relativedelta(months=1)),
            ]
        )
        result = {}
        for estate, group in checks.grouped("estate_id").items():
            population = sum(group.mapped("population_count"))
            checked = sum(group.mapped("checked_count"))
            short = [
                c.id
                for c in group
                if c.checked_count < math.ceil(c.population_count * kpi.target / 100.0)
            ]
            result[estate.id] = (population, checked, "property.spot.check", short)
        return result

    def _complaints_due(self, estates, start, end, deadline, done):
        """Complaints whose ``deadline`` fell in the month, without those still running:
        each is on time when ``done`` came before the deadline."""
        now = fields.Datetime.now()
        cancelled = self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_cancelled", raise_if_not_found=False
        )
        tickets = self.env["helpdesk.ticket"].search_fetch(
            [
                ("estate_id", "in", estates.ids),
                ("request_kind", "=", "complaint"),
                ("stage_id", "!=", cancelled.id if cancelled else False),
                (deadline, ">=", start),
                (deadline, "<", end),
                "|",
                (done, "!=", False),
                (deadline, "<", now),
            ],
            ["estate_id", deadline, done],
        )
        result = {}
        for estate, group in tickets.grouped("estate_id").items():
            short = [t.id for t in group if not t[done] or t[done] > t[deadline]]
            result[estate.id] = (len(group), len(group) - len(short), "helpdesk.ticket", short)
        return result

    def _measure_complaint_answered(self, kpi, estates, month, start, end):
        return self._complaints_due(estates, start, end, "complaint_reply_deadline", "date_replied")

    def _measure_complaint_solved(self, kpi, estates, month, start, end):
        return self._complaints_due(estates, start, end, "resolution_deadline", "closed_date")

    def _measure_department_complaint_share(self, kpi, estates, month, start, end):
        cancelled = self.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_cancelled", raise_if_not_found=False
        )
        tickets = self.env["helpdesk.ticket"].search_fetch(
            [
                ("estate_id", "in", estates.ids),
                ("request_kind", "=", "complaint"),
                ("stage_id", "!=", cancelled.id if cancelled else False),
                ("date_received", ">=", start),
                ("date_received", "<", end),
            ],
            ["estate_id", "department_id", "category_id"],
        )
        department = kpi.department_id
        result = {}
        for estate, group in tickets.grouped("estate_id").items():
            about = group.filtered(
                lambda t: t.department_id == department
                or (not t.department_id and t.category_id.property_department_id == department)
            )
            result[estate.id] = (len(group), len(about), "helpdesk.ticket", about.ids)
        return result

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def _check_kpi_reader(self):
        if not self.env.user.has_group("property_service_desk.group_property_supervisor"):
            raise AccessError(
                self.env._("Only the service-centre supervisor and the director compute KPIs.")
            )

    @api.model
    def action_compute_running_month(self):
        """Recompute the running month of the user's estates now (the hourly run does it
        anyway)."""
        self._check_kpi_reader()
        estates = self.env["property.estate"].search([])  # the user's estates, by the rules
        for today, group in estates.grouped(lambda e: e._local_today()).items():
            # the engine writes the figures, which nobody may write by hand
            self.sudo()._store_figures(group.sudo(), today.replace(day=1))
        return {"type": "ir.actions.client", "tag": "soft_reload"}

    def action_open_shortfall(self):
        """The records behind the figure that do not meet the rule."""
        self.ensure_one()
        if not self.res_model or not self.shortfall_ids:
            raise UserError(
                self.env._("No record falls short in %(figure)s.", figure=self.display_name)
            )
        action = {
            "type": "ir.actions.act_window",
            "name": self.env._("Falling Short: %(figure)s", figure=self.display_name),
            "res_model": self.res_model,
            "view_mode": "list,form",
            "views": [(False, "list"), (False, "form")],
            "domain": [("id", "in", self.shortfall_ids)],
            "context": {"create": False},
        }
        if self.res_model == "helpdesk.ticket":
            action["context"] = dict(action["context"], active_test=False)
        return action

    @api.model
    def _kpi_summary(self, companies, month):
        """(collection rate, targets missed) of ``month`` over the figures the user
        sees: the weekly digest's figures."""
        values = self.search([("company_id", "in", companies.ids), ("month", "=", month)])
        collection = values.filtered(lambda v: v.measure == "collection_rate")
        base = sum(collection.mapped("base"))
        rate = round(100.0 * sum(collection.mapped("achieved")) / base, 1) if base else 0.0
        return rate, len(values.filtered(lambda v: v.result == "missed"))
