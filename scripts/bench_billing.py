#!/usr/bin/env python3
"""Benchmark of the monthly billing and the dunning run, on a scratch database.

    ./scripts/bench_billing.sh [--units 20000] [--months 12] [--paid-share 0.5] [--keep]

Creates a scratch database with the suite, an estate with N occupied units and their fee
payers (the fixture, not measured), then measures in the same run:

- the billing run of one month (``property.fee.rate._bill``), and Odoo's own
  ``account.move`` ``create``/``action_post`` of the same invoices in batches of the same
  size, with the ratio between the two (target: at most 1.2);
- a second billing run of the same month (nothing to do: idempotence at scale);
- after billing the other months (N × months invoices in all, the given share of the
  payers having paid the first half of the months), a dunning run of the property-fee
  credit control policy (target: 240 000 invoices in under 2 minutes).

Run it through scripts/bench_billing.sh, which provides Odoo's virtual environment and
configuration.
"""

import argparse
import os
import subprocess
import time
from datetime import date

from bench_common import ensure_database
from dateutil.relativedelta import relativedelta

BATCH = 2000


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=20_000)
    parser.add_argument("--months", type=int, default=12)
    parser.add_argument("--paid-share", type=float, default=0.5)
    parser.add_argument("--db", default="property_bench_billing")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    return parser.parse_args()


def fixture(env, count):
    estate = env["property.estate"].search([("code", "=", "BENCH")])
    if estate:
        return estate
    estate = env["property.estate"].create({"name": "Bench Estate", "code": "BENCH"})
    env["property.fee.rate"].create(
        {
            "estate_id": estate.id,
            "fee_type_id": env.ref("property_service_desk.fee_type_management").id,
            "usage": "residential",
            "price": 2.5,
            "date_from": date(2020, 1, 1),
        }
    )
    for start in range(0, count, BATCH):
        size = min(BATCH, count - start)
        units = env["property.unit"].create(
            [
                {
                    "code": f"B-{start + i:06d}",
                    "estate_id": estate.id,
                    "area": 60 + (start + i) % 90,
                    "state": "occupied",
                }
                for i in range(size)
            ]
        )
        partners = env["res.partner"].create(
            [{"name": f"Bench Owner {start + i}"} for i in range(size)]
        )
        env["property.occupancy"].create(
            [
                {
                    "unit_id": u.id,
                    "partner_id": p.id,
                    "role": "owner",
                    "date_start": "2020-01-01",
                    "is_fee_payer": True,
                }
                for u, p in zip(units, partners, strict=True)
            ]
        )
        env.cr.commit()
        env.invalidate_all()
    return estate


def measure(env, function):
    cr = env.cr
    queries = cr.sql_log_count
    start = time.perf_counter()
    result = function()
    return result, time.perf_counter() - start, cr.sql_log_count - queries


def main():
    args = parse_args()
    conf = os.environ["ODOO_CONF"]
    odoo_bin = os.path.join(os.environ["ODOO_SRC"], "odoo-bin")
    ensure_database(args.db, conf, odoo_bin)

    from odoo import SUPERUSER_ID, api
    from odoo.modules.registry import Registry
    from odoo.sql_db import close_db
    from odoo.tools import config

    config.parse_config(["-c", conf, "-d", args.db, "--log-level=warn"], setup_logging=True)
    registry = Registry(args.db)
    try:
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            start = time.perf_counter()
            estate = fixture(env, args.units)
            print(
                f"fixture: {args.units} units and payers ({time.perf_counter() - start:.1f} s)",
                flush=True,
            )
            Rate = env["property.fee.rate"]
            first = date(2025, 1, 1)

            # both measured from the same starting state (each one rolled back): the
            # first invoice of a partner or of a period costs more (followers, sequence)
            cr.commit()
            invoices, billing, queries = measure(
                env, lambda: Rate._bill(estate, first, batch_size=BATCH)
            )
            print(
                f"billing run, {len(invoices)} invoices: {billing:.1f} s, {queries} queries",
                flush=True,
            )
            vals = [
                {
                    "move_type": "out_invoice",
                    "partner_id": move.partner_id.id,
                    "invoice_date": move.invoice_date,
                    "invoice_date_due": move.invoice_date_due,
                    "invoice_line_ids": [
                        (
                            0,
                            0,
                            {
                                "product_id": line.product_id.id,
                                "name": line.name,
                                "quantity": 1,
                                "price_unit": line.price_unit,
                            },
                        )
                        for line in move.invoice_line_ids
                    ],
                }
                for move in invoices
            ]
            cr.rollback()
            env.invalidate_all()

            def plain():
                Move = env["account.move"].with_context(default_move_type="out_invoice")
                for start in range(0, len(vals), BATCH):
                    Move.create(vals[start : start + BATCH]).action_post()

            _result, baseline, queries = measure(env, plain)
            print(
                f"Odoo create/action_post of the same invoices: {baseline:.1f} s, "
                f"{queries} queries",
                flush=True,
            )
            print(f"ratio billing / plain: {billing / baseline:.2f} (target <= 1.2)", flush=True)
            cr.rollback()
            env.invalidate_all()
            Rate._bill(estate, first, batch_size=BATCH)
            cr.commit()

            again, elapsed, queries = measure(env, lambda: Rate._bill(estate, first))
            print(
                f"second billing run (nothing to do): {elapsed:.2f} s, {queries} queries, "
                f"{len(again)} invoices"
            )
            cr.commit()

            start = time.perf_counter()
            for month in range(1, args.months):
                Rate._bill(estate, first + relativedelta(months=month), batch_size=BATCH)
                cr.commit()
                env.invalidate_all()
            total = env["account.move"].search_count([("property_fee_estate_id", "=", estate.id)])
            print(
                f"billed {args.months} months: {total} invoices "
                f"({time.perf_counter() - start:.0f} s)",
                flush=True,
            )

            # a share of the payers paid the first half of the months
            paying = env["res.partner"].search(
                [("name", "like", "Bench Owner %")], limit=int(args.units * args.paid_share)
            )
            half = first + relativedelta(months=args.months // 2)
            to_pay = env["account.move"].search(
                [
                    ("partner_id", "in", paying.ids),
                    ("property_fee_period", "<", half),
                    ("state", "=", "posted"),
                ]
            )
            start = time.perf_counter()
            for offset in range(0, len(to_pay), BATCH):
                batch = to_pay[offset : offset + BATCH]
                env["account.payment.register"].with_context(
                    active_model="account.move", active_ids=batch.ids
                ).create({"group_payment": True})._create_payments()
                cr.commit()
                env.invalidate_all()
            print(f"paid {len(to_pay)} invoices ({time.perf_counter() - start:.0f} s)", flush=True)

            policy = env.ref("property_service_desk.credit_policy_property_fees")
            run = env["credit.control.run"].create(
                {
                    "date": first + relativedelta(months=args.months),
                    "policy_ids": [(6, 0, policy.ids)],
                }
            )
            _result, elapsed, queries = measure(env, run.generate_credit_lines)
            print(
                f"dunning run over {total} invoices: {elapsed:.1f} s, {queries} queries, "
                f"{len(run.line_ids)} credit control lines (target < 120 s for 240 000)",
                flush=True,
            )
            cr.rollback()
    finally:
        if not args.keep:
            Registry.delete(args.db)
            close_db(args.db)
            subprocess.run(["dropdb", "--if-exists", args.db], check=False)


if __name__ == "__main__":
    main()
