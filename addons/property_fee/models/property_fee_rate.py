# Copyright 2026 Property Service Desk contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import calendar
from datetime import timedelta

from odoo import api, fields, models

from odoo.addons.property_service_desk.models.property_unit import UNIT_USAGES


def month_bounds(day):
    first = day.replace(day=1)
    last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
    return first, last


class PropertyFeeRate(models.Model):
    """The price of a fee for an estate and a unit usage from a date on: a new rate
    applies to the months from its date, never to those already billed."""

    _name = "property.fee.rate"
    _description = "Fee Rate"
    _order = "estate_id, fee_type_id, usage, date_from desc"

    estate_id = fields.Many2one("property.estate", required=True, index=True)
    company_id = fields.Many2one(related="estate_id.company_id", store=True)
    currency_id = fields.Many2one(related="company_id.currency_id")
    fee_type_id = fields.Many2one("property.fee.type", required=True, ondelete="restrict")
    usage = fields.Selection(UNIT_USAGES, required=True, default="residential")
    price = fields.Monetary(
        required=True, help="Per m² and month for area fees, per month for fixed fees."
    )
    date_from = fields.Date(string="Valid From", required=True)

    _rate_uniq = models.Constraint(
        "unique(estate_id, fee_type_id, usage, date_from)",
        "There is already a rate for this fee and usage from that date.",
    )
    _price_positive = models.Constraint("CHECK(price >= 0)", "A rate cannot be negative.")

    @api.model
    def _rates_for(self, estates, day):
        """{(estate, fee type, usage): rate} in force on ``day``."""
        rates = {}
        for rate in self.search(
            [("estate_id", "in", estates.ids), ("date_from", "<=", day)],
            order="date_from asc",
        ):
            rates[rate.estate_id, rate.fee_type_id, rate.usage] = rate
        return rates

    def _monthly_base(self, unit):
        """A full month of this fee for ``unit``: area × price, or the fixed price."""
        self.ensure_one()
        return self.price * (unit.area if self.fee_type_id.kind == "area" else 1.0)

    # ------------------------------------------------------------------
    # Monthly billing
    # ------------------------------------------------------------------
    @api.model
    def _bill(self, estates, day, batch_size=2000, commit=False):
        """Invoice each unit's fee payer for the month of ``day``: area × rate, or the
        fixed amount; the custody share for units in custody; pro rata for a payer
        starting or ending within the month. One line per (unit, month, fee, payer)
        ever: what exists is skipped, and a unique index refuses duplicates even from
        two runs at once. Returns the invoices created."""
        first, last = month_bounds(day)
        days_in_month = (last - first).days + 1
        rates = self._rates_for(estates, first)
        if not rates:
            return self.env["account.move"]
        fee_types = self.env["property.fee.type"].browse(
            {fee_type.id for _estate, fee_type, _usage in rates}
        )
        occupancies = self.env["property.occupancy"].search_fetch(
            [
                ("estate_id", "in", estates.ids),
                ("is_fee_payer", "=", True),
                ("date_start", "<=", last),
                "|",
                ("date_end", "=", False),
                ("date_end", ">", first),
            ],
            ["unit_id", "partner_id", "date_start", "date_end"],
            order="unit_id, date_start",
        )
        units = occupancies.unit_id
        units.fetch(["estate_id", "usage", "area", "state", "code", "company_id"])
        existing = {
            (line.property_unit_id.id, line.property_fee_type_id.id, line.partner_id.id)
            for line in self.env["account.move.line"].search_fetch(
                [
                    ("property_period", "=", first),
                    ("property_unit_id", "in", units.ids),
                    ("parent_state", "!=", "cancel"),
                ],
                ["property_unit_id", "property_fee_type_id", "partner_id"],
            )
        }
        invoices_vals = []
        Move = self.env["account.move"]
        period_label = first.strftime("%Y-%m")
        for occupancy in occupancies:
            unit = occupancy.unit_id
            estate = unit.estate_id
            partner = occupancy.partner_id
            start = max(first, occupancy.date_start)
            # the moving-out day (date_end) is no longer the leaving payer's: it is the
            # first day of whoever follows, as the occupancies themselves count it
            end = min(last, occupancy.date_end - timedelta(days=1)) if occupancy.date_end else last
            days = (end - start).days + 1
            if days <= 0:
                continue
            custody = unit.state == "entrusted"
            # the lines read in the payer's language, not in the billing run's
            payer = self.with_context(lang=partner.lang or self.env.lang)
            lines = []
            for fee_type in fee_types:
                rate = rates.get((estate, fee_type, unit.usage))
                if not rate or (unit.id, fee_type.id, partner.commercial_partner_id.id) in existing:
                    continue
                base = rate._monthly_base(unit)
                share = (
                    estate.custody_fee_rate / 100.0
                    if (custody and fee_type.custody_discount)
                    else 1.0
                )
                amount = rate.currency_id.round(base * share * days / days_in_month)
                if rate.currency_id.is_zero(amount):
                    continue  # exempt in custody (a 0 % share): nothing to bill
                details = [period_label]
                if fee_type.kind == "area":
                    details.append(f"{unit.area:g} m² × {rate.price:g}")
                if days < days_in_month:
                    details.append(
                        payer.env._("%(days)s/%(total)s days", days=days, total=days_in_month)
                    )
                if share != 1.0:
                    details.append(payer.env._("custody %(rate)s%%", rate=f"{share * 100:g}"))
                lines.append(
                    {
                        "product_id": fee_type.product_id.id,
                        "name": f"{fee_type.with_env(payer.env).name} {unit.code}: "
                        + ", ".join(details),
                        "quantity": 1,
                        "price_unit": amount,
                        "property_unit_id": unit.id,
                        "property_period": first,
                        "property_fee_type_id": fee_type.id,
                    }
                )
            if lines:
                invoices_vals.append(
                    Move._property_invoice_vals(
                        partner,
                        lines,
                        unit=unit,
                        origin=payer.env._(
                            "Fees %(unit)s %(period)s", unit=unit.code, period=period_label
                        ),
                        invoice_date=first,
                        invoice_date_due=first + timedelta(days=estate.fee_due_days or 15),
                        property_fee_period=first,
                    )
                )
        created = Move
        cron = self.env["ir.cron"]
        for start in range(0, len(invoices_vals), batch_size):
            batch = Move._property_create_invoices(invoices_vals[start : start + batch_size])
            batch._apply_prepayments()
            created |= batch
            if commit:
                cron._commit_progress(len(batch))
        return created

    @api.model
    def _cron_monthly_billing(self):
        """Bill this month, the estate's month, for every estate with rates in force
        (idempotent)."""
        estates = self.search([]).estate_id
        for today, group in self.env["property.estate"]._by_local_date(estates).items():
            group = self.search(
                [("date_from", "<=", today), ("estate_id", "in", group.ids)]
            ).estate_id
            if group:
                self._bill(group, today, commit=True)
