# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.fields import Domain

ROLES = [
    ("owner", "Owner"),
    ("co_owner", "Co-owner"),
    ("tenant", "Tenant"),
    ("member", "Household Member"),
    ("agent", "Authorised Agent"),
]
ROLE_RANK = {role: rank for rank, (role, _label) in enumerate(ROLES)}


class PropertyOccupancy(models.Model):
    """A partner's relation to a unit over a period. Ending an occupancy keeps it as
    history; nothing is deleted when people move."""

    _name = "property.occupancy"
    _description = "Occupancy"
    _inherit = ["mail.thread"]
    _order = "is_current desc, date_start desc, id desc"
    _check_company_auto = True

    unit_id = fields.Many2one(
        "property.unit",
        required=True,
        index=True,
        ondelete="cascade",
        tracking=True,
        check_company=True,
    )
    estate_id = fields.Many2one(related="unit_id.estate_id", store=True, index=True)
    building_id = fields.Many2one(related="unit_id.building_id", store=True)
    company_id = fields.Many2one(related="unit_id.company_id", store=True, index=True)
    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    phone = fields.Char(related="partner_id.phone")
    email = fields.Char(related="partner_id.email")
    role = fields.Selection(ROLES, required=True, default="owner", tracking=True)
    date_start = fields.Date(
        string="From", required=True, default=fields.Date.context_today, tracking=True
    )
    date_end = fields.Date(
        string="Until",
        tracking=True,
        help="Day the relation ended (moving-out day, end of the lease); empty while it "
        "lasts. The person is no longer an occupant from that day on.",
    )
    is_current = fields.Boolean(
        string="Current",
        compute="_compute_is_current",
        store=True,
        index=True,
        help="Whether the relation holds today. Refreshed every night for relations that "
        "start or end on a given date.",
    )
    is_fee_payer = fields.Boolean(
        string="Pays Fees",
        tracking=True,
        help="This person receives the fee invoices of the unit. A unit has at most one "
        "fee payer at a time.",
    )
    pays_paid_services = fields.Boolean(
        string="Also Pays Paid Services",
        help="The fee payer also pays the paid services ordered for the unit (a landlord "
        "paying for the tenant). Otherwise a paid service is invoiced to whoever accepted "
        "its price.",
    )
    document_ids = fields.One2many("property.document", "occupancy_id", string="Documents")
    note = fields.Text()

    _dates_check = models.Constraint(
        "CHECK(date_end IS NULL OR date_end > date_start)",
        "An occupancy must end after the day it starts.",
    )

    # ------------------------------------------------------------------
    # Computes
    # ------------------------------------------------------------------
    @api.depends("date_start", "date_end")
    def _compute_is_current(self):
        # the estate's day: a scheduled action runs without the residents' time zone
        for estate, occupancies in self.grouped("estate_id").items():
            today = estate._local_date()
            for occupancy in occupancies:
                occupancy.is_current = bool(
                    occupancy.date_start
                    and occupancy.date_start <= today
                    and (not occupancy.date_end or occupancy.date_end > today)
                )

    @api.depends("partner_id", "unit_id", "role")
    def _compute_display_name(self):
        roles = dict(self._fields["role"]._description_selection(self.env))
        for occupancy in self:
            occupancy.display_name = self.env._(
                "%(partner)s, %(role)s of %(unit)s",
                partner=occupancy.partner_id.name or "",
                role=roles.get(occupancy.role, ""),
                unit=occupancy.unit_id.name or "",
            )

    # ------------------------------------------------------------------
    # Constraints
    # ------------------------------------------------------------------
    @api.constrains("unit_id", "partner_id", "date_start", "date_end", "is_fee_payer")
    def _check_overlaps(self):
        """A person holds one relation to a unit at a time, and a unit has one fee payer
        at a time. One query for the whole batch."""
        others = self.search([("unit_id", "in", self.unit_id.ids)])
        by_unit = defaultdict(list)
        for other in others:
            by_unit[other.unit_id.id].append(other)
        for occupancy in self:
            for other in by_unit[occupancy.unit_id.id]:
                if other == occupancy or not occupancy._overlaps(other):
                    continue
                if other.partner_id == occupancy.partner_id:
                    raise ValidationError(
                        self.env._(
                            "%(partner)s is already related to unit %(unit)s in this period "
                            "(%(existing)s). End that relation before starting a new one.",
                            partner=occupancy.partner_id.name,
                            unit=occupancy.unit_id.name,
                            existing=other.display_name,
                        )
                    )
                if occupancy.is_fee_payer and other.is_fee_payer:
                    raise ValidationError(
                        self.env._(
                            "Unit %(unit)s already has a fee payer in this period: "
                            "%(payer)s. A unit has one fee payer at a time.",
                            unit=occupancy.unit_id.name,
                            payer=other.partner_id.name,
                        )
                    )

    def _overlaps(self, other):
        """Periods run from the start day up to, not including, the end day; an empty
        end date means open-ended."""
        self.ensure_one()
        return (not other.date_end or self.date_start < other.date_end) and (
            not self.date_end or other.date_start < self.date_end
        )

    # ------------------------------------------------------------------
    # CRUD
    # ------------------------------------------------------------------
    @api.model_create_multi
    def create(self, vals_list):
        occupancies = super().create(vals_list)
        # The first owner of an unsold unit makes it a sold, vacant unit; a current tenant
        # makes it rented. Other states (custody, renovation...) are set by their process.
        unsold = occupancies.filtered(
            lambda o: (
                o.is_current and o.role in ("owner", "co_owner") and o.unit_id.state == "unsold"
            )
        ).unit_id
        # sudo: the status follows the occupancy this user may register
        unsold.sudo().write({"state": "vacant"})
        rented = occupancies.filtered(
            lambda o: (
                o.is_current and o.role == "tenant" and o.unit_id.state in ("vacant", "occupied")
            )
        ).unit_id
        rented.sudo().write({"state": "rented"})
        return occupancies

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------
    def action_end(self):
        """End the relation today, the estate's day (moving out); it stays in the
        history."""
        for occupancy in self:
            today = occupancy.estate_id._local_date()
            if occupancy.date_end and occupancy.date_end <= today:
                continue
            if occupancy.date_start >= today:
                raise UserError(
                    self.env._(
                        "%(occupancy)s starts on %(date)s; change or delete it instead of "
                        "ending it.",
                        occupancy=occupancy.display_name,
                        date=occupancy.date_start,
                    )
                )
            occupancy.date_end = today

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------
    @api.model
    def get_import_templates(self):
        return [
            {
                "label": self.env._("Import Template for Owners and Tenants"),
                "template": "/property_service_desk/static/xls/"
                "property_occupants_import_template.xlsx",
            }
        ]

    def _role_rank(self):
        self.ensure_one()
        return ROLE_RANK.get(self.role, len(ROLE_RANK))

    @api.model
    def _get_stale_current_domain(self, today):
        """Occupancies whose stored `is_current` no longer matches ``today``."""
        started = Domain("date_start", "<=", today) & (
            Domain("date_end", "=", False) | Domain("date_end", ">", today)
        )
        return (Domain("is_current", "=", False) & started) | (
            Domain("is_current", "=", True) & ~started
        )

    @api.model
    def _cron_refresh_current(self, batch_size=1000):
        """Nightly: occupancies that started or ended since the last run become current or
        history (and the owners, occupants and fee payer of their units follow). Only
        stale rows are selected, so a second run, or a run after one that was killed
        half-way, redoes nothing. "Today" is each estate's own day."""
        domain = Domain.OR(
            Domain("estate_id", "in", group.ids) & self._get_stale_current_domain(today)
            for today, group in self.env["property.estate"]._by_local_date().items()
        )
        cron = self.env["ir.cron"]
        cron._commit_progress(remaining=self.search_count(domain))
        done = []
        # rows already handled are left out, so a row that stays stale cannot loop forever
        while stale := self.search(domain & Domain("id", "not in", done), limit=batch_size):
            # the dates did not change, the day did: mark what depends on them (is_current
            # and, through it, the owners, occupants and fee payer of the units) as to be
            # recomputed, and store it
            stale.modified(["date_start", "date_end"])
            self.env.flush_all()
            done += stale.ids
            if not cron._commit_progress(len(stale)):
                break
