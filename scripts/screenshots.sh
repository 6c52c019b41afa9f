#!/usr/bin/env bash
# Remakes the README's screenshots (docs/screenshots/*.png) with headless Chromium, from
# the demo server that ./scripts/start.sh runs (start it first, in another terminal).
#
#   ./scripts/screenshots.sh                      # http://localhost:8069, property_demo
#   ./scripts/screenshots.sh --url http://localhost:8070 --db mydb
source "$(dirname "$0")/lib.sh"

ensure_venv
ensure_chromium
exec "$VENV/bin/python" "$REPO_ROOT/scripts/screenshots.py" \
    --url "http://localhost:${PROPERTY_HTTP_PORT:-8069}" --db "${PROPERTY_DB:-property_demo}" "$@"
