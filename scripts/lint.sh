#!/usr/bin/env bash
# Runs the suite's checks (.pre-commit-config.yaml) on every file, as CI does before the
# tests: whitespace, XML/YAML, ruff, pylint-odoo, OCA's addon and .po checks, prettier
# and the generated READMEs. The hooks are pinned and installed from PyPI and npm on the
# first run (cached in PROPERTY_HOME/pre-commit).
#
#   ./scripts/lint.sh              # every hook on every file
#   ./scripts/lint.sh ruff         # one hook
source "$(dirname "$0")/lib.sh"

LINT_VENV=$PROPERTY_HOME/lint-venv
export PRE_COMMIT_HOME=$PROPERTY_HOME/pre-commit

command -v git >/dev/null 2>&1 || die "git is needed to run the checks."
command -v node >/dev/null 2>&1 || die "Node.js (Debian package nodejs, with npm) is needed for prettier."
if [ ! -x "$LINT_VENV/bin/pre-commit" ]; then
    log "Installing pre-commit in $LINT_VENV"
    "$(python_bin)" -m venv "$LINT_VENV"
    "$LINT_VENV/bin/pip" install -q "pre-commit==4.7.0" || die "Installing pre-commit failed."
fi
cd "$REPO_ROOT"
git rev-parse --git-dir >/dev/null 2>&1 || die "The checks run in a git checkout of the suite."
log "Running the checks on every file"
"$LINT_VENV/bin/pre-commit" run --all-files --show-diff-on-failure --color=never "$@" \
    || die "The checks failed (above). Fix what they report, or let the fixers' changes stand, and run ./scripts/lint.sh again."
