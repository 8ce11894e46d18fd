#!/usr/bin/env python3
"""ref against rtl on every network the SFQ target compiles (issue #15).

Each case is compiled to sfq and run on `ref` and on an rtl engine; the
output traces (`-o`: every spike, with its step, and every readout value)
and every event counter must be identical, and the rtl engine's own
figures (pulses that left an output port, and the sum of their hashes)
must match what ref's netlist does. The cases: the shipped XOR example on
all four inputs; the same XOR with its inputs unstaggered, so that its
mergers see collisions; a small reservoir with recurrent, inhibitory
and leak-clocked neurons and an off-chip readout, at 2 GHz; and in clocked
mode (docs/sfq.md §12) the XOR and two layers with uneven fan-in, whose
OR2 trees, path-balancing DFFs, retiming JTLs and clock tree both engines
must run alike.

With --rtl rtl-wrong-merge --expect-mismatch at least one case must
differ instead (mergers that ignore their cross-input windows), which
shows that the comparison can fail.
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
XOR = os.path.join(ROOT, "examples", "xor-sfq.mlir")
RESERVOIR = os.path.join(HERE, "Inputs", "reservoir-small.mlir")
CLOCKED_LAYERS = os.path.join(HERE, "Inputs", "clocked-layers.mlir")


def run(cmd):
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit("differential: command failed (%d): %s\n%s" %
                 (proc.returncode, " ".join(cmd), proc.stderr))
    return proc.stdout


def spikes(path, shape, steps, density, seed):
    rng = random.Random(seed)
    events = [[t, i] for t in range(steps) for i in range(shape)
              if rng.random() < density]
    with open(path, "w") as f:
        json.dump({"shape": [shape], "events": events}, f)
    return path


def xor_input(path, case, steps):
    events = [[t, i] for t in range(steps) for i in range(2) if case[i]]
    with open(path, "w") as f:
        json.dump({"shape": [2], "events": events}, f)
    return path


def cases(work):
    out = []
    for case in [(0, 0), (0, 1), (1, 0), (1, 1)]:
        name = "xor-%d%d" % case
        out.append((name, XOR, {}, xor_input(
            os.path.join(work, name + ".json"), case, 100), 100))
    for case in [(0, 1), (1, 1)]:
        name = "xor-unstaggered-%d%d" % case
        out.append((name, XOR, {"input_spacing_ps": 0}, xor_input(
            os.path.join(work, name + ".json"), case, 100), 100))
    out.append(("reservoir", RESERVOIR, {"pulse_rate_hz": 2e9},
                spikes(os.path.join(work, "reservoir.json"), 6, 200, 0.3, 3),
                200))
    clocked = {"clocking": "clocked"}
    for case in [(0, 1), (1, 1)]:
        name = "xor-clocked-%d%d" % case
        out.append((name, XOR, clocked, xor_input(
            os.path.join(work, name + ".json"), case, 100), 100))
    out.append(("clocked-layers", CLOCKED_LAYERS, clocked,
                spikes(os.path.join(work, "clocked.json"), 4, 100, 0.6, 3),
                100))
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--snnc", required=True)
    p.add_argument("--rtl", default="rtl")
    p.add_argument("--expect-mismatch", action="store_true")
    args = p.parse_args()
    mismatches, collisions = [], 0
    with tempfile.TemporaryDirectory() as work:
        for name, net, config, inputs, steps in cases(work):
            cfg = os.path.join(work, name + "-config.json")
            with open(cfg, "w") as f:
                json.dump(config, f)
            image = os.path.join(work, name + ".img")
            run([args.snnc, "compile", net, "--target", "sfq",
                 "--target-config", cfg, "-o", image, "--report", "none"])
            reports, traces = {}, {}
            for engine in ("ref", args.rtl):
                trace = os.path.join(work, "%s-%s.out.json" % (name, engine))
                reports[engine] = json.loads(run(
                    [args.snnc, "run", image, "--engine", engine, "--input",
                     inputs, "--steps", str(steps), "--report", "json",
                     "--no-progress", "-o", trace]))
                with open(trace) as f:
                    traces[engine] = f.read()
            ref, rtl = reports["ref"], reports[args.rtl]
            collisions += ref["counters"]["merge_collisions"]
            differ = [k for k in ref["counters"]
                      if ref["counters"][k] != rtl["counters"].get(k)]
            same_trace = traces["ref"] == traces[args.rtl]
            ok = not differ and same_trace
            print("%-22s %s: %d merge collisions, %d OR2 repeats, %d setup "
                  "violations, %d neuron fires%s" % (
                name, "identical" if ok else "DIFFERENT",
                ref["counters"]["merge_collisions"],
                ref["counters"]["or2_repeats"],
                ref["counters"]["setup_violations"],
                ref["counters"]["neuron_fires"],
                "" if ok else "; counters differ: %s%s" % (
                    ", ".join("%s %d vs %s" % (k, ref["counters"][k],
                                               rtl["counters"].get(k))
                              for k in differ[:4]),
                    "" if same_trace else "; spike trace differs")))
            if not ok:
                mismatches.append(name)
                # One mismatch is what the wrong build must show.
                if args.expect_mismatch:
                    break
    if collisions == 0 and not mismatches:
        print("differential: no case had a merger collision; the wrong "
              "merger rule could not be told apart")
        return 1
    if args.expect_mismatch:
        if not mismatches:
            print("differential: %s agrees with ref on every case, but it "
                  "was built wrong on purpose" % args.rtl)
            return 1
        return 0
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
