#!/usr/bin/env bash
# Sets up (Debian packages, the SARIF validator), builds, and runs the whole
# test suite: lit tests of the checks under the plugin and the driver, driver,
# SARIF and clangd tests, and the unit tests. Ends with "N passed, N failed";
# exits non-zero when anything failed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
source "$ROOT/scripts/setup.sh" --with-tests

# The SARIF validator, from npm, pinned (see ../shared/sarif/README.md).
TOOLS_DIR="$ROOT/.cache/npm"
MULTITOOL="$TOOLS_DIR/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -x "$MULTITOOL" ]; then
  mkdir -p "$TOOLS_DIR"
  (cd "$TOOLS_DIR" && npm install --silent --no-audit --no-fund \
     @microsoft/sarif-multitool@5.7.0 >&2)
fi
cmake "$BUILD_DIR" -DPERF_AUDIT_SARIF_MULTITOOL="$MULTITOOL" >/dev/null

cmake --build "$BUILD_DIR" --target PerfAudit perf-audit perf-audit-clangd PerfAuditUnitTests

RESULTS="$BUILD_DIR/test-results.json"
rm -f "$RESULTS"
set +e
python3 "/usr/lib/llvm-$LLVM/build/utils/lit/lit.py" -sv \
  --time-tests -o "$RESULTS" "$BUILD_DIR/test" "$BUILD_DIR/test/Unit"
set -e
python3 "$ROOT/scripts/summarize-lit.py" "$RESULTS"
