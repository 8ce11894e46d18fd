#!/usr/bin/env python3
"""Output spikes and event counts of every shipped example and NIR sample.

`golden.py --snnc build/bin/snnc --write FILE` records, for each case (an
example or a ../shared/nir sample, compiled with default options and run on
one engine), the SHA-256 of the run's output file (`snnc run -o`: spikes and
readout values) and the run's event counters. `--check FILE` recomputes them
and fails, naming the case and the field, where anything differs. The file
in this folder was written by the snnc of commit 698cefd, the last commit
before targets became plug-ins, so the check proves that the refactor kept
every output spike and every count.

Counters are read under their declared names (`neuron_updates`, ...): from
the report's `counters` object, or, for reports written before counters had
names, from the energy rows that carried them.
"""
import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
EXAMPLES = os.path.join(ROOT, "examples")
NIR = os.path.join(os.path.dirname(ROOT), "shared", "nir")

# Energy-row labels of reports older than named counters.
LEGACY_ROWS = {
    "neuron updates": "neuron_updates",
    "synaptic events": "synaptic_events",
    "SRAM reads (words)": "sram_words_read",
    "SRAM writes (words)": "sram_words_written",
    "packets sent": "packets_sent",
    "router hops": "router_hops",
}

# (name, source, compile flags, input, steps, engines)
EXAMPLE_CASES = [
    ("lsm", "lsm.mlir", [], "lsm-input.json", 1000, ["ref", "float"]),
    ("classifier", "classifier.mlir", [], "classifier-input.json", 1000,
     ["ref", "float", "nir", "rtl"]),
    ("lsm-spikes", "lsm-spikes.mlir", [], "lsm-spikes-input.json", 1000,
     ["ref", "float", "rtl"]),
    # Three 4-PE chips, so that packets cross chip links (router hops).
    ("lsm-spikes-3chips", "lsm-spikes.mlir",
     ["--target-config", os.path.join(ROOT, "test", "Target", "spinnaker2", "Inputs",
                                      "small-chips.json")],
     "lsm-spikes-input.json", 300, ["ref", "float", "rtl"]),
]
NIR_CASES = [
    ("two_lif_neurons", "two_lif_neurons.nir", [], 100,
     ["ref", "float", "nir"]),
    ("lif_rockpool", "lif_rockpool.nir", [], 200, ["ref", "float", "nir"]),
    ("cnn_sinabs", "cnn_sinabs.nir", [], 40, ["ref", "float"]),
    ("braille", "braille_noDelay_bias_zero.nir",
     ["--dt", "1e-4", "--rule", "exact"], 300, ["ref", "float"]),
    ("braille_subgraph", "braille_noDelay_bias_zero_subgraph_repaired.nir",
     ["--dt", "1e-4", "--rule", "exact"], 300, ["ref", "float"]),
]


def run(cmd):
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.exit("golden: command failed (%d): %s\n%s" %
                 (proc.returncode, " ".join(cmd), proc.stderr))
    return proc.stdout


def input_shapes(image):
    with open(os.path.join(image, "manifest.json")) as f:
        manifest = json.load(f)
    return [port["shape"] for port in manifest["inputs"]]


def random_input(shapes, steps, path, seed):
    """Poisson spikes, p = 0.05 per element and step, from a fixed seed."""
    rng = random.Random(seed)
    ports = []
    for shape in shapes:
        size = 1
        for d in shape:
            size *= d
        events = [[t, i] for t in range(steps) for i in range(size)
                  if rng.random() < 0.05]
        ports.append({"shape": shape, "events": events})
    doc = ports[0] if len(ports) == 1 else {"ports": ports}
    with open(path, "w") as f:
        json.dump(doc, f)


def counters_of(report):
    if "counters" in report:
        return {k: int(v) for k, v in report["counters"].items()
                if k in LEGACY_ROWS.values()}
    return {LEGACY_ROWS[row["component"]]: int(row["count"])
            for row in report["energy"]["dynamic"]}


def measure(snnc, work):
    results = {}
    cases = [(n, os.path.join(EXAMPLES, s), f, os.path.join(EXAMPLES, i), st,
              e) for n, s, f, i, st, e in EXAMPLE_CASES]
    if os.path.isdir(NIR):
        cases += [(n, os.path.join(NIR, s), f, None, st, e)
                  for n, s, f, st, e in NIR_CASES]
    for name, source, flags, inp, steps, engines in cases:
        image = os.path.join(work, name + ".img")
        run([snnc, "compile", source, "-o", image, "--report", "none"] + flags)
        if inp is None:
            shapes = input_shapes(image)
            if shapes:
                inp = os.path.join(work, name + "-input.json")
                random_input(shapes, steps, inp, seed=len(name))
        for engine in engines:
            out = os.path.join(work, "%s-%s.json" % (name, engine))
            cmd = [snnc, "run", image, "--steps", str(steps), "--engine",
                   engine, "--report", "json", "--no-progress", "-o", out]
            if inp:
                cmd += ["--input", inp]
            report = json.loads(run(cmd))
            with open(out, "rb") as f:
                digest = hashlib.sha256(f.read()).hexdigest()
            results["%s/%s" % (name, engine)] = {
                "outputs_sha256": digest, "counters": counters_of(report)}
            print("golden: %-26s %s" % (name + "/" + engine,
                                         results["%s/%s" % (name, engine)]
                                         ["counters"]), file=sys.stderr)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snnc", required=True)
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write")
    mode.add_argument("--check")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        got = measure(args.snnc, work)
    if args.write:
        with open(args.write, "w") as f:
            json.dump(got, f, indent=1, sort_keys=True)
            f.write("\n")
        print("golden: wrote %d cases to %s" % (len(got), args.write))
        return 0
    with open(args.check) as f:
        want = json.load(f)
    bad = 0
    for case, expected in sorted(want.items()):
        if case not in got:
            if case.split("/")[0] in [c[0] for c in NIR_CASES] and \
                    not os.path.isdir(NIR):
                continue
            print("golden: %s: not run" % case)
            bad += 1
            continue
        actual = got[case]
        if actual["outputs_sha256"] != expected["outputs_sha256"]:
            print("golden: %s: output spikes/values differ" % case)
            bad += 1
        for counter, value in sorted(expected["counters"].items()):
            have = actual["counters"].get(counter)
            if have != value:
                print("golden: %s: counter %s is %s, was %d" %
                      (case, counter, have, value))
                bad += 1
    print("golden: %d of %d cases identical to %s" %
          (len(want) - bad if bad <= len(want) else 0, len(want),
           os.path.basename(args.check)))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
