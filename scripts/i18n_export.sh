#!/usr/bin/env bash
# Refreshes addons/*/i18n/zh_CN.po from the code: installs the suite with Chinese on a
# scratch database (loading the current translations), exports every module's terms with
# those translations kept, and lists the terms still untranslated.
#
#   ./scripts/i18n_export.sh [module ...]     (default: every addon)
source "$(dirname "$0")/lib.sh"

setup_all
modules=("$@")
[ ${#modules[@]} -gt 0 ] || IFS=, read -r -a modules <<<"$SUITE_MODULES"

DB=property_i18n_$$
trap 'dropdb --if-exists "$DB" >/dev/null 2>&1 || true' EXIT
log "Installing $SUITE_MODULES with zh_CN on $DB"
odoo_bin -d "$DB" -i "$SUITE_MODULES" --with-demo --load-language=zh_CN --stop-after-init \
    --log-level=warn >/dev/null
for module in "${modules[@]}"; do
    po=$REPO_ROOT/addons/$module/i18n/zh_CN.po
    mkdir -p "$(dirname "$po")"
    previous=$(mktemp)
    [ -f "$po" ] && cp "$po" "$previous"
    odoo_bin i18n export -d "$DB" -l zh_CN -o "$po" "$module" >/dev/null 2>&1 \
        || die "Exporting $module failed."
    # terms from Python and JavaScript code are not stored in the database: take their
    # translations (and any other the export left empty) from the previous file
    missing=$("$VENV/bin/python" -c 'import os, polib, sys
po = polib.pofile(sys.argv[1])
old = {}
if os.path.getsize(sys.argv[2]):
    old = {e.msgid: e.msgstr for e in polib.pofile(sys.argv[2]) if e.msgstr}
for entry in po:
    if not entry.msgstr and entry.msgid in old:
        entry.msgstr = old[entry.msgid]
po.metadata["Language"] = "zh_CN"
po.metadata["Plural-Forms"] = "nplurals=1; plural=0;"
po.save(sys.argv[1])
print(sum(1 for e in po if not e.msgstr and not e.obsolete))' "$po" "$previous")
    rm -f "$previous"
    log "$module: $po ($missing untranslated)"
    # the template, as OCA ships it, for translators of other languages
    odoo_bin i18n export -d "$DB" -o "$REPO_ROOT/addons/$module/i18n/$module.pot" "$module" \
        >/dev/null 2>&1 || die "Exporting the template of $module failed."
done
log "Run ./scripts/lint.sh: its .po check rewrites the files in OCA's format."
