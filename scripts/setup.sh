#!/usr/bin/env bash
# Installs what perf-audit needs on Debian 12 (when missing) and builds it.
# Sourced by the other scripts; usable alone: scripts/setup.sh [--with-tests]
#
#   PERF_AUDIT_LLVM   LLVM major to build against (default: llvm-version.txt)
#   BUILD_DIR         build directory (default: build)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
LLVM="${PERF_AUDIT_LLVM:-$(head -n1 "$ROOT/llvm-version.txt")}"
BUILD_DIR="${BUILD_DIR:-$ROOT/build}"
WITH_TESTS=0
WITH_EXAMPLE=0
for arg in "$@"; do
  [ "$arg" = "--with-tests" ] && WITH_TESTS=1
  [ "$arg" = "--with-example" ] && WITH_EXAMPLE=1
done

# Packages to build and run perf-audit: the compiler toolchain of the pinned
# LLVM major, clang-tidy and clangd libraries (clangd links gRPC/protobuf).
PACKAGES=(cmake ninja-build g++ python3 pkg-config
  "llvm-$LLVM-dev" "libclang-$LLVM-dev" "libclang-cpp$LLVM-dev" "clang-$LLVM"
  "clang-tidy-$LLVM" "clangd-$LLVM" "llvm-$LLVM-tools"
  libgrpc++-dev libprotobuf-dev libabsl-dev libgtest-dev zlib1g-dev)
# Packages the tests compile against (the real library headers) and the
# tools they use (another clang-tidy major for the plugin's version check,
# dpkg-dev for the package test, the libFuzzer runtime for the fuzz test,
# npm for the SARIF validator, clang-apply-replacements for exported fixes,
# cmark-gfm to render the markdown report as GitHub does, PyYAML to check
# the GitHub Action).
TEST_PACKAGES=(libsqlitecpp-dev libsoci-dev libpqxx-dev qtbase5-dev
  libcppdb-dev libasio-dev libboost-dev libsqlite3-dev libuv1-dev libcurl4-openssl-dev
  clang-tidy-14 npm
  dpkg-dev "libclang-rt-$LLVM-dev" "clang-tools-$LLVM" cmark-gfm python3-yaml)
# What the example project (examples/bookstore) compiles against.
EXAMPLE_PACKAGES=(libsqlitecpp-dev libsqlite3-dev libasio-dev)

missing=()
wanted=("${PACKAGES[@]}")
[ "$WITH_TESTS" = 1 ] && wanted+=("${TEST_PACKAGES[@]}")
[ "$WITH_EXAMPLE" = 1 ] && wanted+=("${EXAMPLE_PACKAGES[@]}")
for pkg in "${wanted[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
# npm may come with Node.js from another source: do not ask Debian for it.
if command -v npm >/dev/null 2>&1; then
  missing=("${missing[@]/npm}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if [ "${#missing[@]}" -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -ne 0 ] && SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

cmake -S "$ROOT" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=Release \
  -DPERF_AUDIT_LLVM_VERSION="$LLVM" ${PERF_AUDIT_CMAKE_ARGS:-} >/dev/null
