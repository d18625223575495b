#!/usr/bin/env bash
# The crash test (issue 7): `scripts/crash-test.sh N` builds the UI and the debug desktop app
# (unless LANYARD_DESKTOP_BIN points at a build), then runs N trials of type / kill -9 / restart
# under Xvfb (scripts/crash-test.mjs). One line per trial in $CRASH_LOG (default
# target/crash-test.log); the last line printed is `N trials, W words lost`; exit 1 if W > 0.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-3}
LOG=${CRASH_LOG:-target/crash-test.log}
if [[ -z "${LANYARD_DESKTOP_BIN:-}" ]]; then
  (cd ui && npm run build --silent >/dev/null)
  cargo build -q -p lanyard-desktop
  export LANYARD_DESKTOP_BIN="${CARGO_TARGET_DIR:-target}/debug/lanyard-desktop"
fi
LANYARD_DESKTOP_BIN=$(realpath "$LANYARD_DESKTOP_BIN")
export LANYARD_DESKTOP_BIN
exec xvfb-run -a -s "-screen 0 1400x900x24" node scripts/crash-test.mjs "$N" "$LOG"
