#!/usr/bin/env bash
# Installs, builds, then runs the main job on the shipped LSM example:
# compile it for the default target, run it, and print the energy report.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
build=${SNNC_BUILD_DIR:-$root/build}

bash "$root/tools/scripts/install-deps.sh"
bash "$root/tools/scripts/build.sh" snnc snnc-opt
bin=$build/bin
example=$root/examples/lsm.mlir

echo "== the network, verified and canonicalized (snnc-opt)"
"$bin/snnc-opt" --canonicalize --mlir-elide-elementsattrs-if-larger=16 \
  --mlir-elide-resource-strings-if-larger=64 "$example"

echo "== compile for the default target (snnc compile; snnc targets lists them)"
"$bin/snnc" compile "$example" -o "$build/lsm.img"
echo "== the chip image (snnc inspect)"
"$bin/snnc" inspect "$build/lsm.img"
echo "== run on the simulated chip and report energy (snnc run)"
"$bin/snnc" run "$build/lsm.img" --input "$root/examples/lsm-input.json" \
  --steps 1000 --compare float
