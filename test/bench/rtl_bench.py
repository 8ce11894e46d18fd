#!/usr/bin/env python3
"""RTL engine benchmark: simulation speed of the Verilated PEs on an LSM.

Compiles a 10,000-neuron LSM (fixed probability 0.01, about 10^6 synapses,
100 Poisson input channels) -- by default the strongly active reservoir of
brian2_compare.py, or with --network quiet the weakly driven one of
compile_bench.py -- runs it on the rtl engine with --compare ref (which
also proves the run bit-exact), and prints the simulation speed in
PE-cycles and steps per second (wall and CPU time of the step loop; table
building and loading excluded), the step latency from RTL cycles, and the
time of the ref engine's whole process on the same run. Run from the
repository root after building:

    python3 test/bench/rtl_bench.py --snnc build/bin/snnc [--steps 100]
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import brian2_compare  # noqa: E402  (the active LSM, shared)
import compile_bench  # noqa: E402  (the quiet LSM, shared)


def poisson_input(channels, steps, p, seed):
    rng = random.Random(seed)
    events = [[t, c] for t in range(steps) for c in range(channels)
              if rng.random() < p]
    return {"shape": [channels], "events": events}


def run(command):
    start = time.monotonic()
    proc = subprocess.run(command, capture_output=True, text=True)
    wall = time.monotonic() - start
    if proc.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{proc.stderr}")
    return json.loads(proc.stdout), wall


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snnc", required=True)
    parser.add_argument("--network", choices=["active", "quiet"],
                        default="active")
    parser.add_argument("--steps", type=int, default=100)
    parser.add_argument("--input-rate", type=float, default=0.05,
                        help="quiet network: spike probability per input "
                        "channel and step")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="snnc-rtl-bench-") as work:
        net = brian2_compare.NET
        source = os.path.join(work, "lsm.mlir")
        with open(source, "w") as f:
            f.write(brian2_compare.network_mlir(net) if args.network == "active"
                    else compile_bench.network(10_000, 0.01))
        image = os.path.join(work, "lsm.img")
        subprocess.run([args.snnc, "compile", source, "-o", image,
                        "--report", "none", "--seed", str(args.seed)],
                       check=True)
        spikes = os.path.join(work, "input.json")
        if args.network == "active":
            brian2_compare.write_inputs(
                net, brian2_compare.poisson_events(net, args.steps), spikes)
        else:
            with open(spikes, "w") as f:
                json.dump(poisson_input(compile_bench.INPUTS, args.steps,
                                        args.input_rate, args.seed), f)
        common = [args.snnc, "run", image, "--input", spikes, "--steps",
                  str(args.steps), "--report", "json", "--no-progress"]
        report, rtl_wall = run(common + ["--engine", "rtl", "--compare", "ref"])
        _, ref_wall = run(common + ["--engine", "ref"])

    rtl = report["rtl"]
    counters = rtl["pe_counters"]
    cmp = report["compare"]
    print(f"network: {args.network} 10,000-neuron LSM, p = 0.01, "
          f"{args.steps} steps")
    print(f"  PEs (Verilated snn_pe)        {rtl['pes']}")
    print(f"  synaptic events               {counters['synaptic_events']}")
    print(f"  packets into PEs              {counters['packets_in']}")
    print(f"  PE-cycles simulated           {rtl['pe_cycles_simulated']}")
    print(f"  rtl step loop                 {rtl['run_seconds']:.2f} s wall, "
          f"{rtl['run_cpu_seconds']:.2f} s CPU (+ {rtl['load_seconds']:.2f} s "
          f"to build and load the tables)")
    print(f"  simulation speed (wall)       "
          f"{rtl['pe_cycles_per_second']:.3g} PE-cycles/s, "
          f"{rtl['steps_per_second']:.3g} steps/s")
    print(f"  simulation speed (CPU)        "
          f"{rtl['pe_cycles_per_cpu_second']:.3g} PE-cycles/s, "
          f"{rtl['steps_per_cpu_second']:.3g} steps/s")
    print(f"  step latency (RTL + NoC)      mean {rtl['step_cycles_mean']:.0f}"
          f" cycles, max {rtl['step_cycles_max']} cycles = "
          f"{rtl['step_seconds_mean'] * 1e6:.2f} us mean at the PE clock")
    print(f"  NoC                           {rtl['noc']['deliveries']} "
          f"deliveries, {rtl['noc']['contention_cycles']} contention cycles")
    print(f"  whole rtl process (incl. ref) {rtl_wall:.2f} s; "
          f"ref engine process {ref_wall:.2f} s")
    print(f"  rtl vs ref: spike agreement {cmp['spike_agreement']:.6f}, "
          f"event counters {'identical' if cmp['counters_equal'] else 'DIFFER'}")
    if not cmp["counters_equal"] or cmp["spike_agreement"] != 1.0:
        sys.exit("rtl and ref disagree")


if __name__ == "__main__":
    main()
