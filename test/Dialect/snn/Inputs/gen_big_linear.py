#!/usr/bin/env python3
# Generates (and checks) an snn.network with a 1000x1000 dense_resource-blob snn.linear weight.
"""Deterministic generator for the resource-blob round-trip lit test.

Without arguments, writes to stdout an `snn.network` whose 1000x1000
`snn.linear` weight is a `dense_resource` blob (f32 values from a 32-bit LCG,
all distinct enough to catch any reordering), feeding an `snn.lif`
population of 1000 neurons.

With `--check FILE`, reads the MLIR in FILE (e.g. snnc-opt's output), finds
the blob's hex payload in its `dialect_resources` section and exits non-zero
unless it is byte-identical (hex digits compared case-insensitively) to the
payload this script generates.

Only the standard library is used; the output never depends on the machine
(the f32 bytes are always little-endian).
"""

import argparse
import re
import struct
import sys

ROWS = 1000
COLS = 1000
BLOB = "big_linear_weight"
# The 4-byte little-endian alignment prefix MLIR prints before blob data.
ALIGNMENT_HEX = "04000000"


def weights():
    """Returns ROWS*COLS f32 values in [-1, 1), exactly representable in f32."""
    state = 0x2545F491
    values = []
    append = values.append
    for _ in range(ROWS * COLS):
        # Numerical Recipes LCG; the top 24 bits give an exact f32 fraction.
        state = (state * 1664525 + 1013904223) & 0xFFFFFFFF
        append((state >> 8) / 8388608.0 - 1.0)
    return values


def payload_hex():
    """The blob's hex string as MLIR prints it (alignment + data, upper-case)."""
    data = struct.pack("<%df" % (ROWS * COLS), *weights())
    return (ALIGNMENT_HEX + data.hex()).upper()


def program():
    n = ROWS
    return f"""// A {ROWS}x{COLS} linear projection whose weight is a resource blob.
snn.network @big_linear(%in: !snn.spikes<{COLS}>) -> !snn.spikes<{n}> {{
  %i = snn.linear %in weight(dense_resource<{BLOB}> : tensor<{ROWS}x{COLS}xf32>) : !snn.spikes<{COLS}> -> !snn.current<{n}>
  %s = snn.lif %i {{tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0}} : (!snn.current<{n}>) -> !snn.spikes<{n}>
  snn.output %s : !snn.spikes<{n}>
}}

{{-#
  dialect_resources: {{
    builtin: {{
      {BLOB}: "0x{payload_hex()}"
    }}
  }}
#-}}
"""


def check(path):
    with open(path, "r", encoding="utf-8") as f:
        text = f.read()
    if not re.search(r"dense_resource<%s>\s*:\s*tensor<%dx%dxf32>"
                     % (BLOB, ROWS, COLS), text):
        print(f"{path}: the weight is no longer dense_resource<{BLOB}> : "
              f"tensor<{ROWS}x{COLS}xf32>", file=sys.stderr)
        return 1
    found = re.findall(r'\b%s\s*:\s*"0x([0-9A-Fa-f]*)"' % BLOB, text)
    if len(found) != 1:
        print(f"{path}: expected one '{BLOB}' blob in dialect_resources, "
              f"found {len(found)}", file=sys.stderr)
        return 1
    got, want = found[0].upper(), payload_hex()
    if got != want:
        if len(got) != len(want):
            print(f"{path}: blob has {len(got) // 2} bytes, expected "
                  f"{len(want) // 2}", file=sys.stderr)
        else:
            at = next(i for i, (a, b) in enumerate(zip(got, want)) if a != b)
            print(f"{path}: blob differs first at byte {at // 2}",
                  file=sys.stderr)
        return 1
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", metavar="FILE",
                        help="verify the blob payload in FILE instead of "
                             "generating")
    args = parser.parse_args()
    if args.check:
        return check(args.check)
    sys.stdout.write(program())
    return 0


if __name__ == "__main__":
    sys.exit(main())
