#!/usr/bin/env bash
# Configures (once) and builds snnc into build/ with Ninja; incremental.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${SNNC_BUILD_DIR:-$root/build}
jobs=${SNNC_JOBS:-$(nproc)}

if [[ ! -f $build/build.ninja ]]; then
  cmake -G Ninja -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
fi
ninja -C "$build" -j "$jobs" "$@"
