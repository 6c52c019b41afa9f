#!/usr/bin/env bash
# Installs each addon of the suite alone and runs its own tests, as OCA's CI does for a
# repository of addons: one throwaway database per addon without demo data (it must
# install), then one with demo data on which the addon's tests run.
#
#   ./scripts/test_each.sh                        # every addon
#   ./scripts/test_each.sh property_custody ...   # these addons
#
# A run in which an addon does not install, logs an error, fails a test or skips one fails.
source "$(dirname "$0")/lib.sh"

setup_all
ensure_chromium

addons=("$@")
[ ${#addons[@]} -gt 0 ] || IFS=, read -r -a addons <<<"$SUITE_MODULES"
mkdir -p "$RUN_DIR"
DBS=()
cleanup() {
    for db in "${DBS[@]}"; do
        dropdb --if-exists "$db" >/dev/null 2>&1 || true
        rm -rf "$PROPERTY_HOME/data/filestore/$db"
    done
}
trap cleanup EXIT

install_alone() { # addon db demo-flag log
    local addon=$1 db=$2 demo=$3 install_log=$4
    DBS+=("$db")
    if ! odoo_bin -d "$db" -i "$addon" $demo --stop-after-init --log-level=warn \
        >"$install_log" 2>&1; then
        tail -n 60 "$install_log" >&2
        die "$addon does not install alone (${demo:-without demo}; full log: $install_log)."
    fi
    if grep -E " (ERROR|CRITICAL) " "$install_log" >&2; then
        die "Installing $addon alone logged errors (full log: $install_log)."
    fi
}

for addon in "${addons[@]}"; do
    [ -f "$REPO_ROOT/addons/$addon/__manifest__.py" ] || die "No addon $addon in addons/."
    stamp=$(date +%Y%m%d%H%M%S)_$$
    log "$addon: installing alone without demo data"
    install_alone "$addon" "property_alone_${stamp}_nodemo" "" "$RUN_DIR/alone-$addon-nodemo.log"
    log "$addon: installing alone with demo data"
    db=property_alone_${stamp}
    install_alone "$addon" "$db" --with-demo "$RUN_DIR/alone-$addon.log"
    log "$addon: running its tests"
    report=$RUN_DIR/alone-$addon-report.txt
    set +e
    (cd "$REPO_ROOT" && "$VENV/bin/python" -m pytest \
        --odoo-config "$ODOO_CONF" --odoo-database "$db" --odoo-http \
        --odoo-log-level=warn -p no:cacheprovider -rs "addons/$addon") | tee "$report"
    status=${PIPESTATUS[0]}
    set -e
    [ "$status" -eq 0 ] || die "$addon: its tests fail when it is installed alone."
    if grep -qE "^=+ .*[0-9]+ skipped" "$report"; then
        die "$addon: some of its tests were skipped when it is installed alone."
    fi
    cleanup
    DBS=()
done
log "Every addon installs alone (with and without demo data) and passes its tests alone."
