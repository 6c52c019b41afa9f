# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo import fields, models
from odoo.exceptions import AccessError


class DigestDigest(models.Model):
    """The weekly e-mail of Odoo's digest carries the service centre's figures."""

    _inherit = "digest.digest"

    kpi_property_requests_received = fields.Boolean(string="Requests Received")
    kpi_property_requests_received_value = fields.Integer(
        compute="_compute_kpi_property_requests_received_value"
    )
    kpi_property_complaints_received = fields.Boolean(string="Complaints Received")
    kpi_property_complaints_received_value = fields.Integer(
        compute="_compute_kpi_property_complaints_received_value"
    )
    kpi_property_collection_rate = fields.Boolean(string="Collection Rate This Month (%)")
    kpi_property_collection_rate_value = fields.Float(compute="_compute_kpi_property_month_values")
    kpi_property_targets_missed = fields.Boolean(string="SOP Targets Missed This Month")
    kpi_property_targets_missed_value = fields.Integer(compute="_compute_kpi_property_month_values")

    def _check_property_kpi_access(self):
        # the digest skips a figure the recipient may not see
        if not self.env.user.has_group("property_service_desk.group_property_supervisor"):
            raise AccessError(self.env._("Only supervisors and directors get the KPIs."))

    def _compute_kpi_property_requests_received_value(self):
        self._check_property_kpi_access()
        self._calculate_company_based_kpi(
            "helpdesk.ticket",
            "kpi_property_requests_received_value",
            date_field="date_received",
            additional_domain=[("estate_id", "!=", False)],
        )

    def _compute_kpi_property_complaints_received_value(self):
        self._check_property_kpi_access()
        self._calculate_company_based_kpi(
            "helpdesk.ticket",
            "kpi_property_complaints_received_value",
            date_field="date_received",
            additional_domain=[("request_kind", "=", "complaint")],
        )

    def _compute_kpi_property_month_values(self):
        self._check_property_kpi_access()
        _start, end, companies = self._get_kpi_compute_parameters()
        # the month the digest is sent in; its figures are recomputed every night
        day = fields.Date.to_date(end) if end else fields.Date.context_today(self)
        rate, missed = self.env["property.kpi.value"]._kpi_summary(companies, day.replace(day=1))
        for digest in self:
            digest.kpi_property_collection_rate_value = rate
            digest.kpi_property_targets_missed_value = missed

    def _compute_kpis_actions(self, company, user):
        res = super()._compute_kpis_actions(company, user)
        menu = self.env.ref("property_service_desk.property_root_menu").id
        for kpi in ("requests_received", "complaints_received"):
            res[f"kpi_property_{kpi}"] = f"property_request.property_ticket_action?menu_id={menu}"
        for kpi in ("collection_rate", "targets_missed"):
            res[f"kpi_property_{kpi}"] = f"property_kpi.property_kpi_value_action?menu_id={menu}"
        return res
