#!/usr/bin/env bash
# Sets up and builds perf-audit, configures the example project
# (examples/bookstore) to get its compile_commands.json, and audits it:
# ranked findings and the audit summary on stdout, SARIF in
# examples/bookstore/build/perf-audit.sarif.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" --with-example
cmake --build "$BUILD_DIR" --target perf-audit >&2

EXAMPLE="$ROOT/examples/bookstore"
cmake -S "$EXAMPLE" -B "$EXAMPLE/build" -G Ninja >/dev/null
"$BUILD_DIR/bin/perf-audit" -p "$EXAMPLE/build" --source-root="$EXAMPLE" \
  --format=sarif -o "$EXAMPLE/build/perf-audit.sarif" --quiet || true
"$BUILD_DIR/bin/perf-audit" -p "$EXAMPLE/build" --source-root="$EXAMPLE" --quiet
echo "SARIF report: $EXAMPLE/build/perf-audit.sarif" >&2
