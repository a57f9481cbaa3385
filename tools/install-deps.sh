#!/usr/bin/env bash
# Installs the Debian 12 packages that building and testing onrecord need, when they are missing.
# Usage: tools/install-deps.sh [build|test|bench]   (test includes build; bench includes test)
set -euo pipefail

level=${1:-test}
build_pkgs=(gcc make cmake pkg-config zlib1g-dev libdeflate-dev libzstd-dev libjansson-dev libuchardet-dev)
test_pkgs=(clang libclang-rt-14-dev libcmocka-dev)
bench_pkgs=(libgumbo-dev libxml2-dev valgrind time bc)

pkgs=("${build_pkgs[@]}")
case "$level" in
build) ;;
test) pkgs+=("${test_pkgs[@]}") ;;
bench) pkgs+=("${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
*) echo "install-deps: unknown level '$level' (build, test or bench)" >&2; exit 2 ;;
esac
# The parse5 differential test needs Node.js and npm; a machine that already has node keeps its own.
if [ "$level" != build ] && ! command -v node >/dev/null 2>&1; then
    pkgs+=(nodejs npm)
fi

missing=()
for p in "${pkgs[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
    sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        command -v sudo >/dev/null 2>&1 || { echo "install-deps: need root to install: ${missing[*]}" >&2; exit 1; }
        sudo=sudo
    fi
    echo "install-deps: installing ${missing[*]}" >&2
    export DEBIAN_FRONTEND=noninteractive
    $sudo apt-get update -qq
    $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# parse5 for the differential test (tests/differential), from the npm registry, pinned by its lock file.
differential="$(cd "$(dirname "$0")/.." && pwd)/tests/differential"
if [ "$level" != build ] && command -v npm >/dev/null 2>&1 && [ ! -d "$differential/node_modules/parse5" ]; then
    echo "install-deps: npm install in tests/differential" >&2
    npm ci --prefix "$differential" --no-audit --no-fund --silent ||
        echo "install-deps: npm install failed; the parse5 differential test will be skipped" >&2
fi
