#!/usr/bin/env bash
# Sets everything up and runs Odoo with the suite and its demo data on http://localhost:8069
#
#   ./scripts/start.sh                  # database "property_demo"
#   PROPERTY_DB=mydb ./scripts/start.sh
#
# First run: installs PostgreSQL (Debian package) if absent, the virtual environment with
# Odoo's requirements and the OCA addons, then creates the database with every addon,
# demo data and Chinese (zh_CN). Later runs update the addons and start the server.
# Extra arguments go to odoo-bin (e.g. --dev=xml).
source "$(dirname "$0")/lib.sh"

DB=${PROPERTY_DB:-property_demo}
setup_all

ensure_demo_db "$DB"

log "Odoo runs on http://localhost:${PROPERTY_HTTP_PORT:-8069} (database $DB)."
log "Log in as admin/admin (suite administrator), assistant/assistant, supervisor/supervisor,"
log "director/director, engineer/engineer, finance/finance, security/security; resident portal:"
log "owner/owner. Ctrl+C stops it."
exec "$VENV/bin/python" "$ODOO_SRC/odoo-bin" -c "$ODOO_CONF" -d "$DB" --db-filter="^${DB}\$" "$@"
