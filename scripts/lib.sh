# Shared helpers for the property suite's scripts. Source it, don't run it.
#
# Settings (environment variables, all optional):
#   ODOO_SRC        Odoo 19.0 Community source tree          (default /opt/odoo19)
#   ODOO_REPO       where to clone Odoo from when ODOO_SRC is missing
#                   (default https://github.com/odoo/odoo.git, branch 19.0)
#   PROPERTY_HOME   virtual environment, config and filestore (default ~/.local/share/property-suite)
#   PYTHON          Python 3.11 interpreter for the virtual environment (default python3.11 or python3)
#   PGVERSION       Debian PostgreSQL major version to install when none is present (default 15)
# shellcheck shell=bash

set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
ODOO_SRC=${ODOO_SRC:-/opt/odoo19}
ODOO_REPO=${ODOO_REPO:-https://github.com/odoo/odoo.git}
PROPERTY_HOME=${PROPERTY_HOME:-${HOME:-$(getent passwd "$(id -u)" | cut -d: -f6)}/.local/share/property-suite}
VENV=$PROPERTY_HOME/venv
# one configuration per checkout: two checkouts (a clone and a working copy) can run
# their tests at the same time without pointing each other at the wrong addons
CHECKOUT_ID=$(printf '%s' "$REPO_ROOT" | md5sum | cut -c1-8)
ODOO_CONF=$PROPERTY_HOME/odoo-$CHECKOUT_ID.conf
# logs and reports of this checkout's runs, apart from another checkout's
RUN_DIR=$PROPERTY_HOME/runs/$CHECKOUT_ID
# every addon of the repository (each folder of addons/ with a manifest)
SUITE_MODULES=$(cd "$REPO_ROOT/addons" && for m in */__manifest__.py; do printf '%s,' "${m%%/*}"; done)
SUITE_MODULES=${SUITE_MODULES%,}
# Odoo addons installed beside the suite with its demo data: Odoo's test-mode payment
# provider, so that a demo resident can pay on the portal (never in production)
DEMO_MODULES=payment_demo

log() { printf '\033[1m[property]\033[0m %s\n' "$*" >&2; }
die() { printf '\033[31m[property] ERROR:\033[0m %s\n' "$*" >&2; exit 1; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

as_postgres() {
    if [ "$(id -u)" -eq 0 ]; then
        su postgres -s /bin/sh -c "$(printf '%q ' "$@")"
    else
        sudo -u postgres "$@"
    fi
}

# Odoo source: use ODOO_SRC, or clone 19.0 there when it does not exist yet.
ensure_odoo() {
    if [ -f "$ODOO_SRC/odoo/release.py" ]; then
        local version
        version=$(sed -n "s/^version_info = (\([0-9]*\), \([0-9]*\).*/\1.\2/p" "$ODOO_SRC/odoo/release.py")
        [ "$version" = "19.0" ] || die "ODOO_SRC=$ODOO_SRC holds Odoo $version; this suite needs Odoo 19.0 Community."
        return 0
    fi
    if [ -e "$ODOO_SRC" ] && [ -n "$(ls -A "$ODOO_SRC" 2>/dev/null)" ]; then
        die "ODOO_SRC=$ODOO_SRC exists but is not an Odoo source tree (no odoo/release.py). Point ODOO_SRC at an Odoo 19.0 Community checkout."
    fi
    if [ "${CI:-}" = "true" ] || [ "${PROPERTY_NO_CLONE:-}" = "1" ]; then
        die "Odoo 19.0 was not found at ODOO_SRC=$ODOO_SRC. Set ODOO_SRC to an Odoo 19.0 Community source tree (a checkout of $ODOO_REPO, branch 19.0)."
    fi
    log "Odoo not found at ODOO_SRC=$ODOO_SRC: cloning branch 19.0 of $ODOO_REPO"
    mkdir -p "$(dirname "$ODOO_SRC")" 2>/dev/null || as_root mkdir -p "$(dirname "$ODOO_SRC")"
    if ! timeout 1800 git clone --depth 1 --branch 19.0 "$ODOO_REPO" "$ODOO_SRC"; then
        rm -rf "$ODOO_SRC"
        die "Odoo 19.0 was not found at ODOO_SRC=$ODOO_SRC and cloning $ODOO_REPO failed. Set ODOO_SRC to an Odoo 19.0 Community source tree."
    fi
}

# PostgreSQL: install Debian's package when absent, start the local cluster and make sure the
# current OS user has a superuser role (Odoo then connects over the Unix socket, no password).
ensure_postgres() {
    if ! ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1; then
        log "Installing PostgreSQL (Debian package postgresql)"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    fi
    local cluster
    cluster=$(pg_lsclusters -h 2>/dev/null | head -n 1)
    if [ -z "$cluster" ]; then
        local version
        version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
        as_root pg_createcluster "$version" main >/dev/null
        cluster=$(pg_lsclusters -h | head -n 1)
    fi
    # shellcheck disable=SC2086
    set -- $cluster
    if [ "$4" != "online" ]; then
        log "Starting PostgreSQL $1/$2"
        as_root pg_ctlcluster "$1" "$2" start
    fi
    local i ready=
    for i in $(seq 1 30); do
        if as_postgres psql -qAtc 'select 1' >/dev/null 2>&1; then
            ready=1
            break
        fi
        sleep 1
    done
    [ -n "$ready" ] || die "PostgreSQL $1/$2 does not answer after 30 s (see pg_lsclusters and its log in /var/log/postgresql)."
    local me
    me=$(id -un)
    if [ "$(as_postgres psql -qAtc "select 1 from pg_roles where rolname = '$me'")" != "1" ]; then
        log "Creating PostgreSQL role $me"
        as_postgres createuser --superuser "$me"
    fi
}

python_bin() {
    if [ -n "${PYTHON:-}" ]; then echo "$PYTHON"; return; fi
    if command -v python3.11 >/dev/null 2>&1; then echo python3.11; else echo python3; fi
}

# Install Odoo's requirements one resolution at a time: a pinned package that no registry
# serves (some source trees pin extras of their own) is reported and left out, the rest installs.
install_odoo_requirements() {
    local reqs=$PROPERTY_HOME/odoo-requirements.txt
    cp "$ODOO_SRC/requirements.txt" "$reqs"
    local attempt out missing
    for attempt in $(seq 1 10); do
        if out=$("$VENV/bin/pip" install -q -r "$reqs" 2>&1); then
            return 0
        fi
        missing=$(printf '%s\n' "$out" | sed -n 's/.*No matching distribution found for \([A-Za-z0-9_.-]*\).*/\1/p' | head -n 1)
        if [ -z "$missing" ]; then
            printf '%s\n' "$out" >&2
            die "Installing Odoo's requirements from $ODOO_SRC/requirements.txt failed (see above)."
        fi
        log "Skipping requirement '$missing' of $ODOO_SRC/requirements.txt: no registry serves it"
        sed -i "/^[[:space:]]*${missing}[[:space:]]*[=<>!~;]/Id" "$reqs"
    done
    die "Too many unavailable requirements in $ODOO_SRC/requirements.txt."
}

# Virtual environment with Odoo (editable, so OCA wheels find the `odoo` distribution), its
# requirements, and the suite's own requirements. Re-done only when an input changes.
ensure_venv() {
    mkdir -p "$PROPERTY_HOME"
    local stamp=$PROPERTY_HOME/venv.stamp want
    want=$(cat "$ODOO_SRC/requirements.txt" "$REPO_ROOT/requirements.txt" | sha256sum | cut -d' ' -f1)
    want="$want $ODOO_SRC recipe-1"
    if [ -x "$VENV/bin/python" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
        ensure_runtime_setuptools
        return 0
    fi
    local py
    py=$(python_bin)
    "$py" -c 'import sys; sys.exit(sys.version_info[:2] < (3, 10))' \
        || die "$py is older than Python 3.10; Odoo 19.0 needs 3.10+ (the suite is tested on 3.11). Set PYTHON."
    if ! dpkg -s libpq-dev libldap2-dev libsasl2-dev >/dev/null 2>&1 && command -v apt-get >/dev/null; then
        log "Installing build headers for psycopg2 and python-ldap"
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libpq-dev libldap2-dev libsasl2-dev >/dev/null
    fi
    log "Creating the virtual environment in $VENV"
    "$py" -m venv "$VENV"
    # Some of Odoo's pinned requirements only build from source with setuptools<70.
    "$VENV/bin/pip" install -q --upgrade pip wheel "setuptools<70"
    log "Installing Odoo's requirements (this takes a few minutes the first time)"
    install_odoo_requirements
    log "Installing Odoo from $ODOO_SRC (editable)"
    "$VENV/bin/pip" install -q --no-build-isolation --no-deps -e "$ODOO_SRC"
    log "Installing the suite's requirements (OCA addons, test tools)"
    # Odoo's pins constrain what the OCA wheels pull in (they require the `odoo` distribution,
    # whose loose install_requires would otherwise upgrade lxml and friends).
    "$VENV/bin/pip" install -q -r "$REPO_ROOT/requirements.txt" -c "$PROPERTY_HOME/odoo-requirements.txt"
    ensure_runtime_setuptools
    echo "$want" >"$stamp"
}

# gevent, the live-notification (websocket) process of a server with workers, lists the
# installed packages through setuptools' pkg_resources at start. The setuptools<70 that
# builds some of Odoo's pins cannot read the metadata of zope.interface 8, and that process
# then dies at start ("DistributionNotFound: zope.interface") and restarts for ever. Once
# everything is built, the venv gets a setuptools that reads it (below 80, whose
# deprecation notice is a warning Odoo does not silence).
ensure_runtime_setuptools() {
    if "$VENV/bin/python" -W ignore -c 'import pkg_resources; pkg_resources.require("gevent")' \
        >/dev/null 2>&1; then
        return 0
    fi
    log "Upgrading setuptools in $VENV so that the websocket process can start"
    "$VENV/bin/pip" install -q "setuptools>=70,<80"
}

# Odoo configuration: the suite's addons next to Odoo's; data under PROPERTY_HOME.
write_config() {
    mkdir -p "$PROPERTY_HOME/data"
    cat >"$ODOO_CONF" <<EOF
[options]
addons_path = $ODOO_SRC/odoo/addons,$ODOO_SRC/addons,$REPO_ROOT/addons
data_dir = $PROPERTY_HOME/data
db_user = $(id -un)
http_interface = ${PROPERTY_HTTP_INTERFACE:-127.0.0.1}
http_port = ${PROPERTY_HTTP_PORT:-8069}
list_db = False
EOF
}

setup_all() {
    ensure_odoo
    ensure_postgres
    ensure_report_tools
    ensure_venv
    write_config
}

# ensure_demo_db DB: the suite with its demo data and zh_CN in DB, created or updated.
ensure_demo_db() {
    local db=$1
    if [ "$(psql -d postgres -qAtc "select 1 from pg_database where datname = '$db'")" = "1" ]; then
        log "Updating the suite in the existing database $db"
        odoo_bin -d "$db" -u "$SUITE_MODULES" --stop-after-init --log-level=warn
    else
        log "Creating the database $db with the suite, demo data and zh_CN (a few minutes)"
        odoo_bin -d "$db" -i "$SUITE_MODULES,$DEMO_MODULES" --with-demo --load-language=zh_CN \
            --stop-after-init --log-level=warn
    fi
}

# odoo_bin [server options]  |  odoo_bin shell [options]  |  odoo_bin i18n export [options]
odoo_bin() {
    local sub=()
    while [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; do sub+=("$1"); shift; done
    "$VENV/bin/python" "$ODOO_SRC/odoo-bin" "${sub[@]}" -c "$ODOO_CONF" "$@"
}

# Debian packages the suite needs at run time: wkhtmltopdf for PDF reports and CJK fonts
# for the Chinese in them.
ensure_report_tools() {
    # grep -c reads all of fc-list's output: grep -q would close the pipe at the first
    # match, fc-list would die of SIGPIPE and, under pipefail, the fonts look missing
    if command -v wkhtmltopdf >/dev/null 2>&1 \
        && [ "$(fc-list 2>/dev/null | grep -ci "cjk" || true)" -gt 0 ]; then
        return 0
    fi
    log "Installing wkhtmltopdf and CJK fonts for the PDF reports"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wkhtmltopdf fonts-noto-cjk >/dev/null
}

# nginx, the reverse proxy of scripts/serve.sh (started by that script, not as a service).
# Sets NGINX to its path (/usr/sbin is not in every user's PATH).
ensure_nginx() {
    NGINX=$(command -v nginx 2>/dev/null || echo /usr/sbin/nginx)
    if [ -x "$NGINX" ]; then
        return 0
    fi
    log "Installing nginx for the reverse proxy"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
    NGINX=/usr/sbin/nginx
}

# Chromium drives Odoo's browser tests (tours); without it they would be skipped.
ensure_chromium() {
    if command -v chromium >/dev/null 2>&1 || command -v google-chrome >/dev/null 2>&1; then
        return 0
    fi
    log "Installing Chromium for the browser tests"
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}
