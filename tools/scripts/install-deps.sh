#!/usr/bin/env bash
# Installs snnc's Debian build and test dependencies; idempotent and quiet when all are present.
set -euo pipefail

PACKAGES=(
  # Compiler infrastructure: MLIR 19 and its tools (mlir-tblgen, FileCheck, lit).
  llvm-19-dev libmlir-19-dev mlir-19-tools llvm-19-tools
  # Build system.
  cmake ninja-build g++
  # RTL simulation.
  verilator
  # Drivers, JSON, tests, benchmarks.
  nlohmann-json3-dev libcli11-dev libgtest-dev libbenchmark-dev
  # NIR files are HDF5; graph partitioning uses METIS.
  libhdf5-dev libmetis-dev
  # lit is a Python program.
  python3
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then
  SUDO="sudo"
fi
echo "install-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
