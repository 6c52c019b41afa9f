#!/usr/bin/env bash
# Installs each addon of the suite alone and runs its own tests, as OCA's CI does for a
# repository of addons: per addon, a throwaway database with only the addon and what it
# depends on, once without demo data (it must install) and once with demo data, on which
# the addon's tests run.
#
#   ./scripts/test_each.sh                        # every addon
#   ./scripts/test_each.sh property_custody ...   # these addons
#
# The Odoo and OCA modules an addon depends on are installed once per set of them into a
# template database, copied for each addon (createdb --template), so that each run only
# installs the suite's own addons. A run in which an addon does not install, logs an
# error, fails a test or skips one fails.
source "$(dirname "$0")/lib.sh"

setup_all
ensure_chromium

addons=("$@")
[ ${#addons[@]} -gt 0 ] || IFS=, read -r -a addons <<<"$SUITE_MODULES"
mkdir -p "$RUN_DIR"
RUN=each_$(date +%Y%m%d%H%M%S)_$$
cleanup() {
    local db
    for db in $(psql -d postgres -qAtc "select datname from pg_database where datname like '${RUN}_%'"); do
        dropdb --if-exists "$db" >/dev/null 2>&1 || true
        rm -rf "$PROPERTY_HOME/data/filestore/$db"
    done
}
trap cleanup EXIT

# the modules outside the suite an addon needs, through the suite's addons it depends on
external_deps() {
    "$VENV/bin/python" - "$REPO_ROOT/addons" "$1" <<'EOF'
import ast, sys
from pathlib import Path

addons, name = Path(sys.argv[1]), sys.argv[2]
seen, external, todo = set(), set(), [name]
while todo:
    module = todo.pop()
    manifest = addons / module / "__manifest__.py"
    if not manifest.exists():
        external.add(module)
        continue
    if module in seen:
        continue
    seen.add(module)
    todo.extend(ast.literal_eval(manifest.read_text()).get("depends", []))
print(",".join(sorted(external)) or "base")
EOF
}

odoo_install() { # db modules demo-flag log
    local db=$1 modules=$2 demo=$3 install_log=$4
    # shellcheck disable=SC2086
    if ! odoo_bin -d "$db" -i "$modules" $demo --stop-after-init --log-level=warn \
        >"$install_log" 2>&1; then
        tail -n 60 "$install_log" >&2
        return 1
    fi
    if grep -E " (ERROR|CRITICAL) " "$install_log" >&2; then
        return 1
    fi
}

# a database with these external modules installed, made once per run and per set
template() { # external-modules demo-flag
    local key
    key=$(printf '%s %s' "$1" "$2" | md5sum | cut -c1-8)
    local db=${RUN}_tmpl_$key
    if [ "$(psql -d postgres -qAtc "select 1 from pg_database where datname = '$db'")" != "1" ]; then
        odoo_install "$db" "$1" "$2" "$RUN_DIR/template-$key.log" \
            || die "Installing $1 (${2:-without demo}) for the template failed."
    fi
    printf '%s' "$db"
}

copy_of() { # template new
    createdb --template "$1" "$2"
    if [ -d "$PROPERTY_HOME/data/filestore/$1" ]; then
        cp -r "$PROPERTY_HOME/data/filestore/$1" "$PROPERTY_HOME/data/filestore/$2"
    fi
}

for addon in "${addons[@]}"; do
    [ -f "$REPO_ROOT/addons/$addon/__manifest__.py" ] || die "No addon $addon in addons/."
    external=$(external_deps "$addon")
    log "$addon: templates with $external"
    tmpl_nodemo=$(template "$external" "")
    # the demo's payment provider where the addon takes payments
    demo_external=$external
    case ",$external," in
    *,account_payment,* | *,payment,*) demo_external=$external,$DEMO_MODULES ;;
    esac
    tmpl_demo=$(template "$demo_external" --with-demo)

    # without demo data, in the background while the addon is tested with demo data
    nodemo=${RUN}_${addon}_nodemo
    copy_of "$tmpl_nodemo" "$nodemo"
    nodemo_log=$RUN_DIR/alone-$addon-nodemo.log
    odoo_install "$nodemo" "$addon" "" "$nodemo_log" &
    nodemo_pid=$!

    db=${RUN}_${addon}
    copy_of "$tmpl_demo" "$db"
    log "$addon: installing alone with demo data (and without, beside it)"
    odoo_install "$db" "$addon" --with-demo "$RUN_DIR/alone-$addon.log" \
        || die "$addon does not install alone with demo data (log: $RUN_DIR/alone-$addon.log)."
    wait "$nodemo_pid" \
        || die "$addon does not install alone without demo data (log: $nodemo_log)."

    log "$addon: running its tests"
    report=$RUN_DIR/alone-$addon-report.txt
    set +e
    (cd "$REPO_ROOT" && "$VENV/bin/python" -m pytest \
        --odoo-config "$ODOO_CONF" --odoo-database "$db" --odoo-http \
        --odoo-log-level=warn -p no:cacheprovider -q -rs "addons/$addon") | tee "$report"
    status=${PIPESTATUS[0]}
    set -e
    [ "$status" -eq 0 ] || die "$addon: its tests fail when it is installed alone."
    if grep -qE "^=+ .*[0-9]+ skipped|[0-9]+ skipped" "$report"; then
        die "$addon: some of its tests were skipped when it is installed alone."
    fi
    for d in "$db" "$nodemo"; do
        dropdb --if-exists "$d" >/dev/null 2>&1 || true
        rm -rf "$PROPERTY_HOME/data/filestore/$d"
    done
done
log "Every addon installs alone (with and without demo data) and passes its tests alone."
