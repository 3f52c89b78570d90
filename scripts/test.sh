#!/usr/bin/env bash
# Sets up (Debian packages, the SARIF validator), builds, and runs the whole
# test suite: lit tests of the checks under the plugin and the driver, driver,
# SARIF, clangd, packaging and install tests, and the unit tests. It does so
#
#   * for every supported LLVM major (PERF_AUDIT_TEST_LLVM, default "19 22":
#     the pinned major of llvm-version.txt in build/, the others in
#     build-llvm<N>/);
#   * for the pinned major again with AddressSanitizer and UBSan
#     (build-asan/): the whole suite, and the mutants of broken code;
#   * with ThreadSanitizer (build-tsan/): the driver and the driver tests,
#     with more workers than cores.
#
# PERF_AUDIT_TEST_SANITIZERS ("asan tsan" by default; "" for none) chooses
# the sanitizer runs. Ends with "N passed, N failed" over all runs; exits
# non-zero when anything failed.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PINNED="$(head -n1 "$ROOT/llvm-version.txt")"
MAJORS="${PERF_AUDIT_TEST_LLVM:-19 22}"
SANITIZER_RUNS="${PERF_AUDIT_TEST_SANITIZERS-asan tsan}"
ALL_TARGETS="PerfAudit perf-audit perf-audit-clangd PerfAuditUnitTests perf-audit-config-fuzzer
  perf-audit-explicit-instantiations"

RESULTS=()
# The SARIF validator, from npm, pinned (see ../shared/sarif/README.md).
TOOLS_DIR="$ROOT/.cache/npm"
MULTITOOL="$TOOLS_DIR/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
install_multitool() {
  if [ ! -x "$MULTITOOL" ]; then
    mkdir -p "$TOOLS_DIR"
    (cd "$TOOLS_DIR" && npm install --silent --no-audit --no-fund \
       @microsoft/sarif-multitool@5.7.0 >&2)
  fi
}

# run_suite LABEL MAJOR BUILD_DIR CMAKE_ARGS TARGETS LIT_ARGS...
run_suite() {
  local label="$1" major="$2" build_dir="$3" cmake_args="$4" targets="$5"
  shift 5
  echo "== $label: $build_dir" >&2
  (
    export PERF_AUDIT_LLVM="$major" BUILD_DIR="$build_dir"
    export PERF_AUDIT_CMAKE_ARGS="$cmake_args"
    source "$ROOT/scripts/setup.sh" --with-tests
    install_multitool
    cmake "$build_dir" -DPERF_AUDIT_SARIF_MULTITOOL="$MULTITOOL" >/dev/null
    # shellcheck disable=SC2086
    cmake --build "$build_dir" --target $targets
  )
  local result="$build_dir/test-results.json" lit
  rm -f "$result"
  # llvm-19-tools ships lit as build/utils/lit/lit.py, llvm-22-tools as bin/lit.
  lit=(python3 "/usr/lib/llvm-$major/build/utils/lit/lit.py")
  [ -f "${lit[1]}" ] || lit=("/usr/lib/llvm-$major/bin/lit")
  local args=()
  for arg in "$@"; do
    case "$arg" in
      -*) args+=("$arg") ;;
      *) args+=("$build_dir/$arg") ;;
    esac
  done
  "${lit[@]}" -sv --time-tests -o "$result" "${args[@]}" || true
  RESULTS+=("$label=$result")
}

for MAJOR in $MAJORS; do
  if [ "$MAJOR" = "$PINNED" ]; then
    BUILD_DIR="$ROOT/build"
  else
    BUILD_DIR="$ROOT/build-llvm$MAJOR"
  fi
  run_suite "llvm$MAJOR" "$MAJOR" "$BUILD_DIR" "" "$ALL_TARGETS" test test/Unit
done

for RUN in $SANITIZER_RUNS; do
  case "$RUN" in
    asan)
      run_suite "asan" "$PINNED" "$ROOT/build-asan" \
        "-DPERF_AUDIT_SANITIZERS=address;undefined" "$ALL_TARGETS" test test/Unit ;;
    tsan)
      run_suite "tsan" "$PINNED" "$ROOT/build-tsan" \
        "-DPERF_AUDIT_SANITIZERS=thread" "perf-audit" test --filter=driver/ ;;
    *)
      echo "test.sh: unknown sanitizer run '$RUN' (expected asan or tsan)" >&2
      exit 2 ;;
  esac
done
python3 "$ROOT/scripts/summarize-lit.py" "${RESULTS[@]}"
