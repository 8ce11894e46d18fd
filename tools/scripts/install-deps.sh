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
  # Datasets (snnc eval/fit): gzip'd IDX files through zlib, Fashion-MNIST
  # itself, and Eigen for the readout's ridge regression.
  zlib1g-dev dataset-fashion-mnist libeigen3-dev
  # lit is a Python program; the NIR fuzzer (test/fuzz) writes hostile
  # HDF5 files with h5py.
  python3 python3-h5py
)

exec bash "$(dirname "$0")/apt-install.sh" install-deps "${PACKAGES[@]}"
