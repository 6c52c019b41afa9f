"""What the benchmarks share: the scratch database they run on."""

import subprocess
import sys


def ensure_database(db, conf, odoo_bin, *, with_demo=False):
    """Create the scratch database with the suite, or bring a kept one up to date with
    the code."""
    exists = subprocess.run(
        ["psql", "-d", "postgres", "-qAtc", f"select 1 from pg_database where datname = '{db}'"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    step = ["-u", "property_service_desk"] if exists == "1" else ["-i", "property_service_desk"]
    print(f"{'updating' if exists == '1' else 'creating'} {db} ...", flush=True)
    subprocess.run(
        [
            sys.executable,
            odoo_bin,
            "-c",
            conf,
            "-d",
            db,
            *step,
            *(["--with-demo"] if with_demo else []),
            "--stop-after-init",
            "--log-level=warn",
        ],
        check=True,
    )
