#!/usr/bin/env bash
# Runs perf-audit for the GitHub Action (action.yml): analyses the project once
# and writes every report from that analysis with `perf-audit merge` (cheap).
# Usable alone: every input comes from the environment.
#
#   PERF_AUDIT            the driver (default: perf-audit on PATH)
#   INPUT_BUILD_DIR       build directory holding compile_commands.json
#                         (required, except with INPUT_MERGE)
#   INPUT_SOURCE_ROOT     repository root: report paths are relative to it (default .)
#   INPUT_BASELINE        the base branch's perf-audit report (JSON or SARIF):
#                         only new findings are reported and gated; a missing
#                         file is a warning (every finding is then new)
#   INPUT_CHANGED_LINES   a unified diff (`git diff -U0 BASE...HEAD`): only
#                         findings on changed lines
#   INPUT_CATEGORY        SARIF category, for the runs of a build matrix
#   INPUT_FAIL_ON         fail (exit 1) when a reported finding is at or above
#                         this tier; applied once every report is written
#   INPUT_CHECKS          --checks glob
#   INPUT_CONFIG          --config YAML (clang-tidy configuration)
#   INPUT_EXTRA_ARGS      more driver options, split at whitespace, given to the
#                         analysis and to every report
#   INPUT_SHARD           K/N: analyse that shard only and leave its shard file
#   INPUT_MERGE           shard files to merge and report instead of analysing
#                         (glob patterns, one per line)
#   INPUT_OUTPUT_DIR      where the files go (default perf-audit-report)
#   INPUT_LINK_BASE       markdown links: this URL + path + #L<line>
#   INPUT_SUMMARY         'true' (default): append the markdown to $GITHUB_STEP_SUMMARY
#
# Writes to $GITHUB_OUTPUT: sarif and json (every finding), change-json (what
# the change adds: against the baseline, on the changed lines), markdown,
# shard-file, findings, new, fixed, unchanged, failed-units,
# fail-on-triggered. Exit codes: 0; 1 when
# fail-on matched; 2 on a usage error or a broken compilation database.
# Translation units that do not compile (the driver's exit 3) are a warning:
# the others are analysed and reported.
set -euo pipefail

PERF_AUDIT="${PERF_AUDIT:-perf-audit}"
BUILD_DIR="${INPUT_BUILD_DIR:-}"
SOURCE_ROOT="${INPUT_SOURCE_ROOT:-.}"
BASELINE="${INPUT_BASELINE:-}"
CHANGED_LINES="${INPUT_CHANGED_LINES:-}"
CATEGORY="${INPUT_CATEGORY:-}"
FAIL_ON="${INPUT_FAIL_ON:-}"
CHECKS="${INPUT_CHECKS:-}"
CONFIG="${INPUT_CONFIG:-}"
SHARD="${INPUT_SHARD:-}"
MERGE="${INPUT_MERGE:-}"
OUTPUT_DIR="${INPUT_OUTPUT_DIR:-perf-audit-report}"
LINK_BASE="${INPUT_LINK_BASE:-}"
SUMMARY="${INPUT_SUMMARY:-true}"
read -r -a EXTRA_ARGS <<<"${INPUT_EXTRA_ARGS:-}"

say() { echo "perf-audit action: $*"; }
fail() {
  echo "::error title=perf-audit::$*"
  exit 2
}
warn() { echo "::warning title=perf-audit::$*"; }
set_output() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    echo "$1=$2" >>"$GITHUB_OUTPUT"
  fi
}

# The inputs, checked before anything runs.
if [ -n "$SHARD" ] && [ -n "$MERGE" ]; then
  fail "shard and merge are two modes: give one of them"
fi
if [ -n "$SHARD" ] && ! [[ "$SHARD" =~ ^[0-9]+/[0-9]+$ ]]; then
  fail "shard must be K/N (such as 2/4), not '$SHARD'"
fi
case "$FAIL_ON" in
  "" | low | medium | high | critical) ;;
  *) fail "fail-on must be low, medium, high or critical, not '$FAIL_ON'" ;;
esac
case "$SUMMARY" in
  true | false) ;;
  *) fail "summary must be 'true' or 'false', not '$SUMMARY'" ;;
esac
if [ -z "$MERGE" ]; then
  [ -n "$BUILD_DIR" ] || fail "build-dir is required (the directory holding compile_commands.json)"
  [ -f "$BUILD_DIR/compile_commands.json" ] ||
    fail "build-dir '$BUILD_DIR' has no compile_commands.json: configure with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON (or bear -- make) first"
fi
if [ -n "$CHANGED_LINES" ] && ! [ -f "$CHANGED_LINES" ]; then
  fail "changed-lines '$CHANGED_LINES' is not a file"
fi
if [ -n "$BASELINE" ] && ! [ -f "$BASELINE" ]; then
  warn "baseline '$BASELINE' not found: every finding is reported as new"
  BASELINE=""
fi
command -v "$PERF_AUDIT" >/dev/null 2>&1 || fail "no perf-audit: '$PERF_AUDIT' is not a command"

mkdir -p "$OUTPUT_DIR"
OUTPUT_DIR="$(cd "$OUTPUT_DIR" && pwd)"

analysis_args=(--quiet)
[ -n "$CHECKS" ] && analysis_args+=(--checks="$CHECKS")
[ -n "$CONFIG" ] && analysis_args+=(--config="$CONFIG")
analysis_args+=("${EXTRA_ARGS[@]}")

units_failed=0
gate_failed=0
# Runs the driver; 1 (fail-on matched) and 3 (some units failed) are
# remembered, anything else ends the run with the driver's code.
driver() {
  local rc=0
  "$PERF_AUDIT" "$@" || rc=$?
  case "$rc" in
    0) ;;
    1) gate_failed=1 ;;
    3) units_failed=1 ;;
    *)
      echo "::error title=perf-audit::perf-audit exited with $rc (a usage error, a broken compilation database or an unwritable output)"
      exit "$rc"
      ;;
  esac
}

# 1. The analysis, once: a shard file holds everything the reports need.
if [ -n "$SHARD" ]; then
  shard_file="$OUTPUT_DIR/shard-${SHARD%/*}-of-${SHARD#*/}.json"
  say "analysing shard $SHARD of $BUILD_DIR"
  driver -p "$BUILD_DIR" --shard="$SHARD" -o "$shard_file" "${analysis_args[@]}"
  set_output shard-file "$shard_file"
  if [ "$units_failed" = 1 ]; then
    warn "some translation units of shard $SHARD could not be analysed (the merged report lists them); the others were"
  fi
  say "wrote $shard_file"
  exit 0
fi

shards=()
if [ -n "$MERGE" ]; then
  # One glob pattern per line; each is expanded, never split at spaces.
  # Sets `matches` to the files that match the glob $1 (spaces included).
  expand() {
    local IFS=''
    shopt -s nullglob globstar
    # shellcheck disable=SC2206 # the pattern is meant to be expanded; IFS is empty
    matches=($1)
    shopt -u nullglob globstar
  }
  while IFS= read -r pattern; do
    [ -n "$pattern" ] || continue
    expand "$pattern"
    [ "${#matches[@]}" -gt 0 ] || fail "merge: no shard file matches '$pattern'"
    shards+=("${matches[@]}")
  done <<<"$MERGE"
  [ "${#shards[@]}" -gt 0 ] || fail "merge: no shard file given"
  say "merging ${#shards[@]} shard files: ${shards[*]}"
else
  shards=("$OUTPUT_DIR/analysis.shard.json")
  say "analysing $BUILD_DIR"
  driver -p "$BUILD_DIR" --shard=1/1 -o "${shards[0]}" "${analysis_args[@]}"
fi

# 2. The reports, each from the shard files. The SARIF and the JSON report
# hold every finding: code scanning tracks alerts itself (an upload without
# the unchanged findings would close their alerts, and it ignores
# baselineState), and the JSON of the default branch is the next baseline.
# What the change adds (baseline, changed lines, fail-on) is in the markdown,
# the log and the pull request's JSON report.
full_args=(--quiet --source-root="$SOURCE_ROOT")
[ -n "$CATEGORY" ] && full_args+=(--category="$CATEGORY")
full_args+=("${EXTRA_ARGS[@]}")
change_args=("${full_args[@]}")
[ -n "$BASELINE" ] && change_args+=(--baseline="$BASELINE")
[ -n "$CHANGED_LINES" ] && change_args+=(--changed-lines="$CHANGED_LINES")
[ -n "$FAIL_ON" ] && change_args+=(--fail-on="$FAIL_ON")

sarif="$OUTPUT_DIR/perf-audit.sarif"
json="$OUTPUT_DIR/perf-audit.json"
change_json="$json"
markdown="$OUTPUT_DIR/perf-audit.md"
driver merge --format=sarif -o "$sarif" "${full_args[@]}" "${shards[@]}"
set_output sarif "$sarif"
driver merge --format=json -o "$json" "${full_args[@]}" "${shards[@]}"
set_output json "$json"
if [ -n "$BASELINE" ] || [ -n "$CHANGED_LINES" ]; then
  change_json="$OUTPUT_DIR/perf-audit-change.json"
  driver merge --format=json -o "$change_json" "${change_args[@]}" "${shards[@]}"
fi
set_output change-json "$change_json"
markdown_args=()
[ -n "$LINK_BASE" ] && markdown_args+=(--link-base="$LINK_BASE")
driver merge --format=markdown -o "$markdown" "${markdown_args[@]}" "${change_args[@]}" "${shards[@]}"
set_output markdown "$markdown"
# The text report of what is reported and gated, for the job's log.
driver merge --format=text "${change_args[@]}" "${shards[@]}"

# 3. The counts, from the JSON report, then the summary. The gate is computed
# from the report too: when some units failed, the driver exits with 3, not 1.
counts="$(python3 - "$change_json" "$FAIL_ON" <<'EOF'
import json
import sys

with open(sys.argv[1], encoding="utf-8") as f:
    report = json.load(f)
summary = report["summary"]
order = ["low", "medium", "high", "critical"]
gate = sys.argv[2]
at_or_above = 0
if gate:
    at_or_above = sum(1 for finding in report["findings"]
                      if order.index(finding["tier"]) >= order.index(gate))
baseline = summary.get("baseline", {})
print("findings=%d" % summary["findings"])
print("failed-units=%d" % summary["failedTranslationUnits"])
print("at-or-above=%d" % at_or_above)
if baseline:
    print("new=%d" % baseline.get("new", 0))
    print("fixed=%d" % baseline.get("fixed", 0))
    print("unchanged=%d" % (baseline.get("unchanged", 0) + baseline.get("updated", 0)))
EOF
)"
count() { sed -n "s/^$1=//p" <<<"$counts"; }
findings="$(count findings)"
failed_units="$(count failed-units)"
set_output findings "$findings"
set_output failed-units "$failed_units"
set_output new "$(count new)"
set_output fixed "$(count fixed)"
set_output unchanged "$(count unchanged)"
if [ -n "$FAIL_ON" ] && [ "$(count at-or-above)" -gt 0 ]; then
  gate_failed=1
fi

if [ "$SUMMARY" = true ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
  cat "$markdown" >>"$GITHUB_STEP_SUMMARY"
fi
if [ "$units_failed" = 1 ]; then
  message="$failed_units translation units could not be analysed (the report lists them with the compiler's error); the others were"
  warn "$message"
  if [ "$SUMMARY" = true ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then
    printf '\n> [!WARNING]\n> perf-audit: %s.\n' "$message" >>"$GITHUB_STEP_SUMMARY"
  fi
fi
if [ "$gate_failed" = 1 ]; then
  set_output fail-on-triggered true
  scope=""
  [ -n "$BASELINE" ] && scope=" new"
  echo "::error title=perf-audit::$(count at-or-above)$scope findings at or above '$FAIL_ON' (fail-on; the report: $markdown)"
  exit 1
fi
set_output fail-on-triggered false
say "findings reported: $findings; the reports are in $OUTPUT_DIR"
