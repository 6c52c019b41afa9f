#!/usr/bin/env bash
# Runs Odoo the way it serves a property group: HTTP workers, the gevent process that holds
# the websockets (live notifications), a cron worker, all behind an nginx reverse proxy that
# routes the websocket (deploy/nginx/odoo.conf.template).
#
#   ./scripts/serve.sh                 # the demo database (as start.sh) on http://localhost:8080
#   ./scripts/serve.sh --check DB      # serve DB on spare ports, check through the proxy that
#                                      # pages load and that a live notification reaches a
#                                      # websocket client, then stop
#
# PROPERTY_WORKERS (default 2), PROPERTY_PROXY_PORT (8080), PROPERTY_ODOO_PORT (8069) and
# PROPERTY_GEVENT_PORT (8072) set the topology; Odoo's own ports listen on 127.0.0.1 only,
# the proxy on PROPERTY_PROXY_INTERFACE (default 127.0.0.1). Ctrl+C stops everything.
source "$(dirname "$0")/lib.sh"

check=
if [ "${1:-}" = "--check" ]; then
    check=1
    DB=${2:?usage: serve.sh --check DB}
    shift 2
    : "${PROPERTY_PROXY_PORT:=18080}" "${PROPERTY_ODOO_PORT:=18069}" "${PROPERTY_GEVENT_PORT:=18072}"
else
    DB=${PROPERTY_DB:-property_demo}
fi
PROXY_PORT=${PROPERTY_PROXY_PORT:-8080}
ODOO_PORT=${PROPERTY_ODOO_PORT:-8069}
GEVENT_PORT=${PROPERTY_GEVENT_PORT:-8072}
WORKERS=${PROPERTY_WORKERS:-2}
LISTEN=${PROPERTY_PROXY_INTERFACE:-127.0.0.1}:$PROXY_PORT

setup_all
ensure_nginx
if [ -z "$check" ]; then
    ensure_demo_db "$DB"
fi

# the proxy's configuration: the repository's server block, rendered for these ports, in a
# main configuration of its own (runs as any user, writes only under SERVE_DIR)
SERVE_DIR=$PROPERTY_HOME/serve-$PROXY_PORT
mkdir -p "$SERVE_DIR/tmp"
sed -e "s/\${PROPERTY_LISTEN}/$LISTEN/" \
    -e "s/\${PROPERTY_ODOO_HTTP}/127.0.0.1:$ODOO_PORT/" \
    -e "s/\${PROPERTY_ODOO_GEVENT}/127.0.0.1:$GEVENT_PORT/" \
    "$REPO_ROOT/deploy/nginx/odoo.conf.template" >"$SERVE_DIR/odoo.conf"
cat >"$SERVE_DIR/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $SERVE_DIR/nginx.pid;
error_log $SERVE_DIR/nginx-error.log warn;
events {
    worker_connections 4096;
}
http {
    include /etc/nginx/mime.types;
    access_log $SERVE_DIR/nginx-access.log;
    client_body_temp_path $SERVE_DIR/tmp/body;
    proxy_temp_path $SERVE_DIR/tmp/proxy;
    fastcgi_temp_path $SERVE_DIR/tmp/fastcgi;
    uwsgi_temp_path $SERVE_DIR/tmp/uwsgi;
    scgi_temp_path $SERVE_DIR/tmp/scgi;
    include $SERVE_DIR/odoo.conf;
}
CONF
"$NGINX" -q -t -p "$SERVE_DIR" -c "$SERVE_DIR/nginx.conf" || die "The proxy configuration in $SERVE_DIR is invalid (see above)."

pids=()
stop() {
    if [ ${#pids[@]} -gt 0 ]; then
        kill "${pids[@]}" 2>/dev/null || true
        wait "${pids[@]}" 2>/dev/null || true
    fi
}
trap stop EXIT
trap 'exit 130' INT TERM

log "Starting Odoo on $DB: $WORKERS HTTP workers on 127.0.0.1:$ODOO_PORT, websockets on 127.0.0.1:$GEVENT_PORT"
crons=1
if [ -n "$check" ]; then
    crons=0 # a check serves pages; the scheduled actions of that database are not its business
fi
"$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$DB" --db-filter="^${DB}\$" \
    --workers="$WORKERS" --max-cron-threads="$crons" --gevent-port="$GEVENT_PORT" \
    --http-port="$ODOO_PORT" --http-interface=127.0.0.1 --proxy-mode \
    --logfile="$SERVE_DIR/odoo.log" "$@" &
pids+=($!)
"$NGINX" -p "$SERVE_DIR" -c "$SERVE_DIR/nginx.conf" &
pids+=($!)

url=http://127.0.0.1:$PROXY_PORT
# ready when the proxy answers and the websocket process (started after the workers) does
for _ in $(seq 120); do
    if curl -fsS -o /dev/null "$url/web/health" 2>/dev/null \
        && curl -fsS -o /dev/null "http://127.0.0.1:$GEVENT_PORT/web/health" 2>/dev/null; then
        break
    fi
    for pid in "${pids[@]}"; do
        kill -0 "$pid" 2>/dev/null || die "The server stopped at start (see $SERVE_DIR/odoo.log and nginx-error.log)."
    done
    sleep 1
done
curl -fsS -o /dev/null "http://127.0.0.1:$GEVENT_PORT/web/health" \
    || die "No websocket process on port $GEVENT_PORT after 120 s (see $SERVE_DIR/odoo.log)."

if [ -n "$check" ]; then
    log "Checking $url: pages through the proxy and a live notification over its websocket"
    "$VENV/bin/python" "$REPO_ROOT/scripts/check_serve.py" --url "$url" --db "$DB" \
        || die "The served topology failed its check (logs in $SERVE_DIR)."
    if grep -E "DistributionNotFound| CRITICAL " "$SERVE_DIR/odoo.log" >&2; then
        die "The server logged errors while serving (see $SERVE_DIR/odoo.log)."
    fi
    log "The proxy, the workers and the websocket process work together."
    exit 0
fi
log "Odoo serves $DB on http://$LISTEN through the proxy (logs in $SERVE_DIR). Ctrl+C stops it."
wait "${pids[0]}"
