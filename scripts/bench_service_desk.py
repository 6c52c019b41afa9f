#!/usr/bin/env python3
"""Benchmark of the service desk at scale, on a scratch database.

    ./scripts/bench_service_desk.sh [--tickets 100000] [--overdue-share 0.05] [--keep]

Creates a scratch database with the suite (once; --keep leaves it for the next run), fills
it with N open requests spread over the demo estate's units, and times:

- the overdue-timer scheduled action (``helpdesk.ticket._cron_check_timers``) with the
  given share of requests past their dispatch deadline, and its query count;
- a second run of the same action (nothing left to do: idempotence at scale);
- the monthly statistics export (.xlsx, one sheet per estate) over those requests.

The requests are inserted with one SQL statement: they are the benchmark's fixture, not
what is measured. Run it through scripts/bench_service_desk.sh, which provides Odoo's
virtual environment and configuration.
"""

import argparse
import os
import subprocess
import time
from datetime import timedelta

from bench_common import ensure_database


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--tickets", type=int, default=100_000)
    parser.add_argument(
        "--overdue-share",
        type=float,
        default=0.05,
        help="share of the requests newly past their dispatch deadline when the action runs "
        "(default 0.05; 1.0 is the worst case: every open request overdue at once)",
    )
    parser.add_argument("--db", default="property_bench")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    return parser.parse_args()


def fill(env, count, overdue_share):
    cr = env.cr
    cr.execute("DELETE FROM helpdesk_ticket WHERE name = 'bench'")
    estate = env.ref("property_service_desk.estate_cuihu_demo")
    estate.front_desk_user_ids = env.ref("property_service_desk.user_assistant_demo")
    stage = env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
    team = estate.service_team_id
    units = estate.unit_ids.ids
    overdue = int(count * overdue_share)
    cr.execute(
        """
        INSERT INTO helpdesk_ticket (
            number, name, description, stage_id, team_id, company_id, estate_id, unit_id,
            request_kind, date_received, dispatch_deadline, resolution_deadline,
            is_paused, priority, active, last_stage_update, create_date, write_date,
            create_uid, write_uid, escalation_level, quote_state
        )
        SELECT 'BENCH' || g, 'bench', '<p>bench</p>', %(stage)s, %(team)s, %(company)s,
               %(estate)s, (%(units)s)[1 + g %% %(unit_count)s], 'repair_unit',
               now() at time zone 'utc' - interval '1 hour',
               CASE WHEN g <= %(overdue)s THEN now() at time zone 'utc' - interval '50 minutes'
                    ELSE now() at time zone 'utc' + interval '1 hour' END,
               now() at time zone 'utc' + interval '1 day',
               false, '1', true, now(), now(), now(), 1, 1, 0, 'draft'
          FROM generate_series(1, %(count)s) g
        """,
        {
            "stage": stage.id,
            "team": team.id,
            "company": estate.company_id.id,
            "estate": estate.id,
            "units": units,
            "unit_count": len(units),
            "overdue": overdue,
            "count": count,
        },
    )
    cr.commit()
    env.invalidate_all()
    return overdue


def timed_run(env):
    Ticket = env["helpdesk.ticket"]
    cr = env.cr
    queries = cr.sql_log_count
    start = time.perf_counter()
    Ticket._cron_check_timers()
    elapsed = time.perf_counter() - start
    return elapsed, cr.sql_log_count - queries


def main():
    args = parse_args()
    conf = os.environ["ODOO_CONF"]
    odoo_bin = os.path.join(os.environ["ODOO_SRC"], "odoo-bin")
    ensure_database(args.db, conf, odoo_bin, with_demo=True)

    from odoo import SUPERUSER_ID, api, fields
    from odoo.modules.registry import Registry
    from odoo.sql_db import close_db
    from odoo.tools import config

    config.parse_config(["-c", conf, "-d", args.db, "--log-level=warn"], setup_logging=True)
    registry = Registry(args.db)
    try:
        with registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {})
            start = time.perf_counter()
            overdue = fill(env, args.tickets, args.overdue_share)
            print(
                f"fixture: {args.tickets} open requests, {overdue} past their dispatch "
                f"deadline ({time.perf_counter() - start:.1f} s)"
            )
            elapsed, queries = timed_run(env)
            marked = env["helpdesk.ticket"].search_count(
                [("name", "=", "bench"), ("dispatch_overdue", "=", True)]
            )
            print(
                f"overdue-timer action: {elapsed:.2f} s, {queries} queries, "
                f"{marked} requests marked"
            )
            elapsed, queries = timed_run(env)
            print(f"second run (nothing to do): {elapsed:.2f} s, {queries} queries")
            today = fields.Date.context_today(env["res.users"])
            wizard = env["property.request.statistics"].create(
                {"date_from": today - timedelta(days=31), "date_to": today}
            )
            queries = cr.sql_log_count
            start = time.perf_counter()
            wizard.action_export_xlsx()
            print(
                f"statistics export (.xlsx, {len(wizard.file or b'')} bytes base64): "
                f"{time.perf_counter() - start:.2f} s, {cr.sql_log_count - queries} queries"
            )
            cr.execute("DELETE FROM mail_activity WHERE res_model = 'helpdesk.ticket'")
            cr.execute("DELETE FROM helpdesk_ticket WHERE name = 'bench'")
            cr.commit()
    finally:
        if not args.keep:
            Registry.delete(args.db)
            close_db(args.db)
            subprocess.run(["dropdb", "--if-exists", args.db], check=False)


if __name__ == "__main__":
    main()
