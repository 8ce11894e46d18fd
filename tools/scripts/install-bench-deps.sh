#!/usr/bin/env bash
# Installs what only the Brian2 comparison benchmark needs (test/bench/brian2_compare.py); idempotent and quiet when present.
set -euo pipefail

PACKAGES=(
  # Brian2 with its C++ standalone device (compiles with the g++ of install-deps.sh).
  python3-brian
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
echo "install-bench-deps: installing ${missing[*]}" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
