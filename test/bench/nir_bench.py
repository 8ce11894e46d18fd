#!/usr/bin/env python3
"""NIR export/import benchmark: rings of LIF populations through snnc.

Writes a ring of N LIF populations (each feeding the next through a W x W
linear projection, as test/probe's gen-slow-export-ring.py does for W = 2),
exports it with `snnc export`, imports the file back with `snnc import`,
and prints one table: wall time and peak RSS of each command, and the
growth of the export time from the previous size (2.0 per doubling is
linear). Run from the source tree:

    python3 test/bench/nir_bench.py --snnc build/bin/snnc [--sizes 500,1000,2000,4000] [--width 2]
"""

import argparse
import os
import subprocess
import sys
import tempfile
import time


def ring(populations, width):
    lines = [f"snn.network @ring(%in: !snn.spikes<{width}>) -> "
             f"!snn.spikes<{width}> {{",
             f"  %w = snn.linear %in weight(dense<1.0> : "
             f"tensor<{width}x{width}xf32>) : !snn.spikes<{width}> -> "
             f"!snn.current<{width}>"]
    for k in range(populations):
        src = f"%w, %r{populations - 1}" if k == 0 else f"%r{k - 1}"
        types = ", ".join([f"!snn.current<{width}>"] * (2 if k == 0 else 1))
        lines.append(f"  %p{k} = snn.lif {src} {{tau_mem = 0.02, r = 1.0, "
                     f"v_leak = 0.0, v_threshold = 1.0}} : ({types}) -> "
                     f"!snn.spikes<{width}>")
        lines.append(f"  %r{k} = snn.linear %p{k} weight(dense<0.5> : "
                     f"tensor<{width}x{width}xf32>) : !snn.spikes<{width}> -> "
                     f"!snn.current<{width}>")
    lines += [f"  snn.output %p0 : !snn.spikes<{width}>", "}"]
    return "\n".join(lines) + "\n"


def measure(cmd):
    """Runs `cmd`; returns (wall seconds, peak RSS in MB) or exits."""
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - start
    stderr = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{stderr}")
    return seconds, usage.ru_maxrss / 1024.0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snnc", required=True, help="path to build/bin/snnc")
    parser.add_argument("--sizes", default="500,1000,2000,4000",
                        help="populations per ring, comma-separated")
    parser.add_argument("--width", type=int, default=2,
                        help="neurons per population")
    options = parser.parse_args()
    sizes = [int(s) for s in options.sizes.split(",")]
    print(f"| populations | ops | synapses | export s | export MB | growth | "
          f"import s | import MB |")
    print("|---|---|---|---|---|---|---|---|")
    previous = None
    with tempfile.TemporaryDirectory() as work:
        for n in sizes:
            source = os.path.join(work, f"ring{n}.mlir")
            nir = os.path.join(work, f"ring{n}.nir")
            with open(source, "w") as f:
                f.write(ring(n, options.width))
            export_s, export_mb = measure(
                [options.snnc, "export", source, "-o", nir])
            import_s, import_mb = measure(
                [options.snnc, "import", nir, "-o", os.devnull])
            growth = "" if previous is None else \
                f"{export_s / previous[1]:.2f}x for {n / previous[0]:.0f}x"
            ops = 2 * n + 1
            synapses = (n + 1) * options.width ** 2
            print(f"| {n} | {ops} | {synapses} | {export_s:.2f} | "
                  f"{export_mb:.0f} | {growth} | {import_s:.2f} | "
                  f"{import_mb:.0f} |", flush=True)
            previous = (n, export_s)


if __name__ == "__main__":
    main()
