#!/usr/bin/env bash
# Runs every test of the suite on a throwaway database and prints pytest's summary.
#
#   ./scripts/test.sh                 # every addon of the suite
#   ./scripts/test.sh -k portal       # extra arguments go to pytest
#
# Installs what is missing (PostgreSQL, the virtual environment, Chromium for browser
# tests), creates a database with the suite and its demo data, runs pytest-odoo with an
# HTTP server (portal, controller and tour tests need it), then serves the database as in
# production (scripts/serve.sh --check: workers and websocket behind the proxy) and drops it.
# A run in which any of the suite's tests is skipped fails.
source "$(dirname "$0")/lib.sh"

setup_all
ensure_chromium

DB=property_test_$(date +%Y%m%d%H%M%S)_$$
cleanup() {
    dropdb --if-exists "$DB" >/dev/null 2>&1 || true
    rm -rf "$PROPERTY_HOME/data/filestore/$DB"
}
trap cleanup EXIT

mkdir -p "$RUN_DIR"
install_log=$RUN_DIR/test-install.log
report=$RUN_DIR/test-report.txt

log "Creating the throwaway database $DB with $SUITE_MODULES and demo data"
if ! odoo_bin -d "$DB" -i "$SUITE_MODULES,$DEMO_MODULES" --with-demo --stop-after-init \
    --log-level=warn >"$install_log" 2>&1; then
    tail -n 60 "$install_log" >&2
    die "Installing the suite on $DB failed (full log: $install_log)."
fi
if grep -E " (ERROR|CRITICAL) " "$install_log" >&2; then
    die "Installing the suite on $DB logged errors (full log: $install_log)."
fi

log "Running the tests"
set +e
(cd "$REPO_ROOT" && "$VENV/bin/python" -m pytest \
    --odoo-config "$ODOO_CONF" --odoo-database "$DB" --odoo-http \
    --odoo-log-level=warn -p no:cacheprovider -rs "$@" addons) | tee "$report"
status=${PIPESTATUS[0]}
set -e
if [ "$status" -ne 0 ]; then
    exit "$status"
fi
if grep -qE "^=+ .*[0-9]+ skipped" "$report"; then
    die "Some of the suite's tests were skipped (see the SKIPPED lines above); a run that skips tests fails."
fi

log "Serving $DB as in production (workers, websocket process, proxy) and checking it"
"$REPO_ROOT/scripts/serve.sh" --check "$DB"
