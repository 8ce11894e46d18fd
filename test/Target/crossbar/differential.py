#!/usr/bin/env python3
"""Every shipped example and ../shared/nir sample on the crossbar target.

For each case the network is compiled to crossbar (default device model:
programming and read noise on, 5-bit ADCs) and run on `ref` and `rtl` with
`--compare`: the output spikes (compared event by event through `cmp` of
the `-o` files), the readout values and every event counter must be
identical. Then the case is compiled again with ideal devices (Inputs/ideal.json: no
programming or read noise, 16-bit ADCs and 2^16 conductance levels) and
`ref` is compared with `float`: the spike agreement over (neuron, step)
pairs must reach the bound of docs/crossbar.md (0.99). With --wrong-rtl ENGINE the first check must FAIL instead on at
least one case (the rtl engine built with a deliberately wrong ADC
rounding), which proves that the check can fail.
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
sys.path.insert(0, os.path.join(ROOT, "test", "golden"))
from golden import input_shapes, random_input  # noqa: E402
EXAMPLES = os.path.join(ROOT, "examples")
NIR = os.path.join(os.path.dirname(ROOT), "shared", "nir")
AGREEMENT_BOUND = 0.99

# (name, source, compile flags, input (None: random), steps)
CASES = [
    ("lsm", os.path.join(EXAMPLES, "lsm.mlir"), [],
     os.path.join(EXAMPLES, "lsm-input.json"), 300),
    ("classifier", os.path.join(EXAMPLES, "classifier.mlir"), [],
     os.path.join(EXAMPLES, "classifier-input.json"), 300),
    ("lsm-spikes", os.path.join(EXAMPLES, "lsm-spikes.mlir"), [],
     os.path.join(EXAMPLES, "lsm-spikes-input.json"), 200),
    ("lsm-fashion", os.path.join(EXAMPLES, "lsm-fashion.mlir"), [], None, 50),
]
NIR_FLAGS = {
    # Its convolutions, as dense tiles, need 451 tiles of 256 x 256.
    "cnn_sinabs.nir": ["--target-config",
                       os.path.join(HERE, "Inputs", "big-chip.json")],
    "braille_noDelay_bias_zero.nir": ["--dt", "1e-4", "--rule", "exact"],
    "braille_noDelay_bias_zero_subgraph.nir": ["--dt", "1e-4", "--rule",
                                               "exact"],
    "braille_noDelay_bias_zero_subgraph_repaired.nir": ["--dt", "1e-4",
                                                        "--rule", "exact"],
}


def run(cmd, check=True):
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if check and proc.returncode != 0:
        sys.exit("differential: command failed (%d): %s\n%s" %
                 (proc.returncode, " ".join(cmd), proc.stderr))
    return proc


# Samples snnc must refuse (../shared/nir/README.md: the unrepaired subgraph
# names a node it lacks); its repaired twin runs.
NIR_REFUSED = {"braille_noDelay_bias_zero_subgraph.nir"}


def cases():
    out = list(CASES)
    if os.path.isdir(NIR):
        for name in sorted(os.listdir(NIR)):
            if name.endswith(".nir") and name not in NIR_REFUSED:
                out.append((name[:-4], os.path.join(NIR, name),
                            NIR_FLAGS.get(name, []), None, 100))
    return out


def compare(snnc, image, inp, steps, engine, other, out_dir, name):
    cmd = [snnc, "run", image, "--steps", str(steps), "--engine", engine,
           "--compare", other, "--report", "json", "--no-progress"]
    if inp:
        cmd += ["--input", inp]
    return json.loads(run(cmd).stdout)["compare"]


def outputs_equal(snnc, image, inp, steps, a, b, work, name):
    files = []
    for engine in (a, b):
        out = os.path.join(work, "%s-%s.json" % (name, engine))
        cmd = [snnc, "run", image, "--steps", str(steps), "--engine", engine,
               "-o", out, "--report", "none", "--no-progress"]
        if inp:
            cmd += ["--input", inp]
        run(cmd)
        with open(out, "rb") as f:
            files.append(f.read())
    return files[0] == files[1]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--snnc", required=True)
    ap.add_argument("--rtl", default="rtl",
                    help="the rtl engine to check against ref")
    ap.add_argument("--expect-mismatch", action="store_true",
                    help="the rtl engine is deliberately wrong: succeed "
                    "only when some case differs")
    ap.add_argument("--skip-float", action="store_true")
    args = ap.parse_args()
    ideal = os.path.join(HERE, "Inputs", "ideal.json")
    failures, mismatches = [], 0
    with tempfile.TemporaryDirectory() as work:
        for name, source, flags, inp, steps in cases():
            image = os.path.join(work, name + ".img")
            run([args.snnc, "compile", source, "--target", "crossbar", "-o",
                 image, "--report", "none"] + flags)
            if inp is None:
                shapes = input_shapes(image)
                if shapes:
                    inp = os.path.join(work, name + "-input.json")
                    random_input(shapes, steps, inp, seed=len(name))
            c = compare(args.snnc, image, inp, steps, "ref", args.rtl, work,
                        name)
            readouts = max([o["readout_max_error"] for o in c["outputs"]] +
                           [0])
            same = (c["counters_equal"] and c["spike_agreement"] == 1 and
                    readouts == 0 and
                    outputs_equal(args.snnc, image, inp, steps, "ref",
                                  args.rtl, work, name))
            mismatches += not same
            print("differential: %-28s ref vs %s: agreement %.6f, readout "
                  "max error %g, counters %s" %
                  (name, args.rtl, c["spike_agreement"], readouts,
                   "identical" if c["counters_equal"] else
                   "; ".join(d["text"] for d in c["counters_differing"])),
                  file=sys.stderr)
            if not same and not args.expect_mismatch:
                failures.append("%s: ref and %s differ" % (name, args.rtl))
            if args.skip_float or args.expect_mismatch:
                continue
            ideal_image = os.path.join(work, name + "-ideal.img")
            ideal_flags = list(flags)
            config = ideal
            if "--target-config" in ideal_flags:
                # The case's own fields, with ideal devices on top.
                at = ideal_flags.index("--target-config")
                with open(ideal_flags[at + 1]) as f:
                    merged = json.load(f)
                with open(ideal) as f:
                    merged.update(json.load(f))
                config = os.path.join(work, name + "-ideal.json")
                with open(config, "w") as f:
                    json.dump(merged, f)
                del ideal_flags[at:at + 2]
            run([args.snnc, "compile", source, "--target", "crossbar",
                 "--target-config", config, "-o", ideal_image, "--report",
                 "none"] + ideal_flags)
            f = compare(args.snnc, ideal_image, inp, steps, "ref", "float",
                        work, name)
            print("differential: %-28s ideal devices, ref vs float: spike "
                  "agreement %.6f" % (name, f["spike_agreement"]),
                  file=sys.stderr)
            if f["spike_agreement"] < AGREEMENT_BOUND:
                failures.append("%s: ideal ref vs float agreement %.6f < %g"
                                % (name, f["spike_agreement"],
                                   AGREEMENT_BOUND))
    if args.expect_mismatch:
        if mismatches == 0:
            print("differential: the deliberately wrong %s matched ref on "
                  "every case" % args.rtl)
            return 1
        print("differential: the deliberately wrong %s differs on %d cases"
              % (args.rtl, mismatches))
        return 0
    for f in failures:
        print("differential: FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
