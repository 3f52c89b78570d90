#!/usr/bin/env bash
# Sets up (Debian packages, the SARIF validator), builds, and runs the whole
# test suite: lit tests of the checks under the plugin and the driver, driver,
# SARIF, clangd, packaging and install tests, and the unit tests. It does so
# for every supported LLVM major (PERF_AUDIT_TEST_LLVM, default "19 22": the
# pinned major of llvm-version.txt in build/, the others in build-llvm<N>/).
# Ends with "N passed, N failed" over all majors; exits non-zero when
# anything failed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PINNED="$(head -n1 "$ROOT/llvm-version.txt")"
MAJORS="${PERF_AUDIT_TEST_LLVM:-19 22}"

RESULTS=()
for MAJOR in $MAJORS; do
  export PERF_AUDIT_LLVM="$MAJOR"
  if [ "$MAJOR" = "$PINNED" ]; then
    BUILD_DIR="$ROOT/build"
  else
    BUILD_DIR="$ROOT/build-llvm$MAJOR"
  fi
  echo "== LLVM $MAJOR: $BUILD_DIR" >&2
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

  cmake --build "$BUILD_DIR" --target PerfAudit perf-audit perf-audit-clangd \
    PerfAuditUnitTests perf-audit-config-fuzzer

  RESULT="$BUILD_DIR/test-results.json"
  rm -f "$RESULT"
  set +e
  # llvm-19-tools ships lit as build/utils/lit/lit.py, llvm-22-tools as bin/lit.
  LIT=(python3 "/usr/lib/llvm-$LLVM/build/utils/lit/lit.py")
  [ -f "${LIT[1]}" ] || LIT=("/usr/lib/llvm-$LLVM/bin/lit")
  "${LIT[@]}" -sv --time-tests -o "$RESULT" "$BUILD_DIR/test" "$BUILD_DIR/test/Unit"
  set -e
  RESULTS+=("llvm$MAJOR=$RESULT")
done
python3 "$ROOT/scripts/summarize-lit.py" "${RESULTS[@]}"
