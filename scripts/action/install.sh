#!/usr/bin/env bash
# Installs perf-audit for the GitHub Action (action.yml): the first step of the
# action, usable alone. Prints what it decided; writes `binary=PATH` and
# `llvm-version=N` to $GITHUB_OUTPUT and, when it builds, the bin directory to
# $GITHUB_PATH.
#
#   INPUT_LLVM_VERSION  LLVM major to build against. Default: the newest
#                       /usr/lib/llvm-N on the runner that has clang-tidy and
#                       that perf-audit supports (19, 22), else the pinned major
#                       (llvm-version.txt). A runner's own perf-audit is used
#                       whatever its major when this is not given.
#   PERF_AUDIT          a perf-audit binary to use (else `perf-audit` on PATH):
#                       when `PERF_AUDIT --version` names the wanted major
#                       ("perf-audit 0.1.0 (LLVM 19.1.7)"), nothing is installed.
#   PERF_AUDIT_BUILD_DIR       where to build (default $RUNNER_TEMP/perf-audit-llvmN)
#   PERF_AUDIT_LLVM_ROOT       where llvm-N directories are looked for (default /usr/lib)
#   PERF_AUDIT_INSTALL_DRY_RUN non-empty: print the commands instead of running them
#
# Otherwise it installs the Debian/Ubuntu packages that build perf-audit for
# that major (scripts/setup.sh's PACKAGES, without the unit tests' gtest; from
# apt.llvm.org when the distribution has no such major) and builds the driver
# from the action's own checkout ($GITHUB_ACTION_PATH) with CMake and Ninja.
set -euo pipefail

ACTION_PATH="${GITHUB_ACTION_PATH:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}"
LLVM_ROOT="${PERF_AUDIT_LLVM_ROOT:-/usr/lib}"
DRY_RUN="${PERF_AUDIT_INSTALL_DRY_RUN:-}"
# The majors perf-audit is built and tested against (docs/install.md).
SUPPORTED=(19 22)

say() { echo "perf-audit install: $*"; }
fail() {
  echo "::error title=perf-audit install::$*"
  exit 2
}
# Runs a command, or prints it (`+ cmd args`, shell-quoted) in a dry run.
run() {
  if [ -n "$DRY_RUN" ]; then
    printf '+'
    printf ' %q' "$@"
    printf '\n'
  else
    "$@"
  fi
}
set_output() {
  if [ -n "${GITHUB_OUTPUT:-}" ]; then
    echo "$1=$2" >>"$GITHUB_OUTPUT"
  fi
}
is_supported() {
  local major
  for major in "${SUPPORTED[@]}"; do
    [ "$major" = "$1" ] && return 0
  done
  return 1
}

# 1. The LLVM major.
pinned="$(head -n1 "$ACTION_PATH/llvm-version.txt" 2>/dev/null || true)"
[[ "$pinned" =~ ^[0-9]+$ ]] || pinned=19
requested="${INPUT_LLVM_VERSION:-}"
if [ -n "$requested" ]; then
  [[ "$requested" =~ ^[0-9]+$ ]] ||
    fail "llvm-version must be an LLVM major such as 19, not '$requested'"
  want="$requested"
  why="the llvm-version input"
  is_supported "$want" ||
    echo "::warning title=perf-audit install::LLVM $want is not one of the majors perf-audit is tested against (${SUPPORTED[*]}); trying anyway"
else
  want=""
  unsupported=""
  for dir in "$LLVM_ROOT"/llvm-*; do
    major="${dir##*/llvm-}"
    if ! [[ "$major" =~ ^[0-9]+$ ]] || ! [ -x "$dir/bin/clang-tidy" ]; then
      continue
    fi
    if ! is_supported "$major"; then
      unsupported="$unsupported $major"
      continue
    fi
    if [ -z "$want" ] || [ "$major" -gt "$want" ]; then
      want="$major"
    fi
  done
  if [ -n "$want" ]; then
    why="the newest LLVM with clang-tidy in $LLVM_ROOT"
  else
    want="$pinned"
    why="llvm-version.txt: no supported LLVM with clang-tidy in $LLVM_ROOT${unsupported:+ (found:$unsupported)}"
  fi
fi
say "LLVM $want ($why)"

# 2. A perf-audit that is already there.
candidate=""
if [ -n "${PERF_AUDIT:-}" ]; then
  if ! [ -f "$PERF_AUDIT" ] || ! [ -x "$PERF_AUDIT" ]; then
    fail "PERF_AUDIT='$PERF_AUDIT' is not an executable file"
  fi
  candidate="$PERF_AUDIT"
elif command -v perf-audit >/dev/null 2>&1; then
  candidate="$(command -v perf-audit)"
fi
if [ -n "$candidate" ]; then
  version="$("$candidate" --version 2>/dev/null | head -n1 || true)"
  have="$(sed -n 's/^perf-audit .*(LLVM \([0-9][0-9]*\)\..*/\1/p' <<<"$version")"
  if [ -n "$have" ] && { [ "$have" = "$want" ] || [ -z "$requested" ]; }; then
    say "using $candidate: $version"
    set_output binary "$candidate"
    set_output llvm-version "$have"
    exit 0
  fi
  say "$candidate is not built for LLVM $want (--version: '${version:-nothing}'): building perf-audit"
fi

# 3. The packages to build it (scripts/setup.sh's PACKAGES, less libgtest-dev:
# the unit tests are not built).
packages=(cmake ninja-build g++ python3 pkg-config
  "llvm-$want-dev" "libclang-$want-dev" "libclang-cpp$want-dev" "clang-$want"
  "clang-tidy-$want" "clangd-$want" "llvm-$want-tools"
  libgrpc++-dev libprotobuf-dev libabsl-dev zlib1g-dev)
command -v apt-get >/dev/null 2>&1 || [ -n "$DRY_RUN" ] ||
  fail "no apt-get on this runner: install perf-audit yourself and put it on PATH (docs/install.md)"
sudo=()
if [ "$(id -u)" -ne 0 ]; then
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
run "${sudo[@]}" apt-get update -qq
# The distribution may not have this major (Ubuntu 24.04 has no LLVM 22):
# then apt.llvm.org, the LLVM project's own repository, has it.
if [ -z "$DRY_RUN" ] && ! apt-cache show "llvm-$want-dev" >/dev/null 2>&1; then
  codename="$(sed -n 's/^VERSION_CODENAME=//p' /etc/os-release 2>/dev/null | tr -d '"')"
  [ -n "$codename" ] || fail "llvm-$want-dev is not packaged here and the distribution has no codename for apt.llvm.org"
  say "llvm-$want-dev is not in the distribution: adding apt.llvm.org ($codename)"
  keyring=/etc/apt/keyrings/apt.llvm.org.asc
  "${sudo[@]}" mkdir -p /etc/apt/keyrings
  curl -fsSL https://apt.llvm.org/llvm-snapshot.gpg.key | "${sudo[@]}" tee "$keyring" >/dev/null
  echo "deb [signed-by=$keyring] http://apt.llvm.org/$codename/ llvm-toolchain-$codename-$want main" |
    "${sudo[@]}" tee "/etc/apt/sources.list.d/apt.llvm.org-$want.list" >/dev/null
  "${sudo[@]}" apt-get update -qq
fi
run "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${packages[@]}"

# 4. The build, from the action's checkout.
build_dir="${PERF_AUDIT_BUILD_DIR:-${RUNNER_TEMP:-/tmp}/perf-audit-llvm$want}"
run cmake -S "$ACTION_PATH" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DPERF_AUDIT_LLVM_VERSION="$want" -DPERF_AUDIT_BUILD_TESTS=OFF
run cmake --build "$build_dir" --target perf-audit
binary="$build_dir/bin/perf-audit"
if [ -z "$DRY_RUN" ]; then
  say "built $binary: $("$binary" --version | head -n1)"
fi
if [ -n "${GITHUB_PATH:-}" ]; then
  echo "$build_dir/bin" >>"$GITHUB_PATH"
fi
set_output binary "$binary"
set_output llvm-version "$want"
