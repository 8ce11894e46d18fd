#!/usr/bin/env bash
# Installs what only the Brian2 comparison benchmark needs (test/bench/brian2_compare.py); idempotent and quiet when present.
set -euo pipefail

PACKAGES=(
  # Brian2 with its C++ standalone device (compiles with the g++ of install-deps.sh).
  python3-brian
)

exec bash "$(dirname "$0")/apt-install.sh" install-bench-deps "${PACKAGES[@]}"
