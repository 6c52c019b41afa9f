#!/usr/bin/env bash
# Runs scripts/bench_billing.py in Odoo's virtual environment (see its docstring).
source "$(dirname "$0")/lib.sh"
setup_all
export ODOO_SRC ODOO_CONF
exec "$VENV/bin/python" "$REPO_ROOT/scripts/bench_billing.py" "$@"
