#!/usr/bin/env python3
"""Compile benchmark: procedural LSM reservoirs through `snnc compile`.

Writes each network (input -> sparse drive -> reservoir -> spikes out) to a
temporary file, compiles it for spinnaker2 with `--report json`, and prints
one table with the wall time and peak memory of every pipeline stage, plus
the whole process's wall time and peak RSS. Run from the build tree:

    python3 test/bench/compile_bench.py --snnc build/bin/snnc [--sizes 100k,1m]
"""

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time

# name -> (neurons, connection probability, boards): 1 M, 10 M and 100 M
# synapses. A million neurons with 100 M synapses need 8,582 PEs of 128 KB
# SRAM, more than one 48-chip board (7,296 PEs), so that case uses two.
SIZES = {
    "10k": (10_000, 0.01, 1),
    "100k": (100_000, 0.001, 1),
    "1m": (1_000_000, 0.0001, 2),
}
TWO_BOARDS = os.path.join(os.path.dirname(os.path.abspath(__file__)),
                          "two-boards.json")
INPUTS = 100


def network(neurons, p):
    # Each input channel drives neurons/INPUTS consecutive reservoir neurons.
    per = neurons // INPUTS
    row_ptr = ", ".join(str(i * per) for i in range(INPUTS + 1))
    return f"""snn.network @lsm(%in: !snn.spikes<{INPUTS}>) -> !snn.spikes<{neurons}> {{
  %drive = snn.sparse %in rows(dense<[{row_ptr}]> : tensor<{INPUTS + 1}xi64>)
      cols(dense<[{", ".join(str(i) for i in range(per * INPUTS))}]> : tensor<{per * INPUTS}xi32>)
      values(dense<12.0> : tensor<{per * INPUTS}xf32>)
      : !snn.spikes<{INPUTS}> -> !snn.current<{neurons}>
  %liquid = snn.reservoir %drive {{size = {neurons}, excitatory_fraction = 0.8,
      connectivity = #snn.fixed_probability<{p}>,
      w_ee = #snn.dist<normal(3.0, 1.0)>, w_ei = #snn.dist<normal(6.0, 1.5)>,
      w_ie = #snn.dist<normal(9.0, 2.0)>, w_ii = #snn.dist<normal(9.0, 2.0)>,
      seed = 42, tau_mem = 0.02, r = 1.0, v_leak = 0.0, v_threshold = 1.0}}
      : (!snn.current<{neurons}>) -> !snn.spikes<{neurons}>
  snn.output %liquid : !snn.spikes<{neurons}>
}}
"""


def run(snnc, name, neurons, p, boards, workdir):
    source = os.path.join(workdir, f"lsm-{name}.mlir")
    with open(source, "w") as f:
        f.write(network(neurons, p))
    image = os.path.join(workdir, f"lsm-{name}.img")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    start = time.monotonic()
    command = [snnc, "compile", source, "-o", image, "--report", "json"]
    if boards > 1:
        command += ["--target-config", TWO_BOARDS]
    proc = subprocess.run(command, capture_output=True, text=True)
    wall = time.monotonic() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    report = None
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        pass
    return proc.returncode, wall, max(peak, before) / 1024.0, report, proc.stderr


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snnc", required=True)
    parser.add_argument("--sizes", default="100k,1m")
    args = parser.parse_args()
    print(f"{'network':>8} {'synapses':>12} {'stage':<16} {'seconds':>9} "
          f"{'peak MB':>9}")
    failed = False
    with tempfile.TemporaryDirectory(prefix="snnc-bench-") as workdir:
        for name in args.sizes.split(","):
            neurons, p, boards = SIZES[name]
            synapses = neurons * (neurons - 1) * p
            code, wall, peak, report, err = run(args.snnc, name, neurons, p,
                                                boards, workdir)
            for stage in (report or {}).get("stages", []):
                print(f"{name:>8} {synapses:>12.3g} {stage['stage']:<16} "
                      f"{stage['seconds']:>9.2f} {stage['peak_rss_mb']:>9.0f}")
            print(f"{name:>8} {synapses:>12.3g} {'TOTAL (process)':<16} "
                  f"{wall:>9.2f} {peak:>9.0f}   exit {code}")
            if code != 0:
                failed = True
                sys.stderr.write(err[-2000:])
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
