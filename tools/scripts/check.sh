#!/usr/bin/env bash
# Installs the dependencies, builds everything, and runs every test via ctest.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${SNNC_BUILD_DIR:-$root/build}

bash "$root/tools/scripts/install-deps.sh"
bash "$root/tools/scripts/build.sh"
cd "$build"
ctest --output-on-failure -j "$(nproc)"
