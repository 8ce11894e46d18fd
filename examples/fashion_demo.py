#!/usr/bin/env python3
"""The Fashion-MNIST LSM demo: train readouts with `snnc fit`, evaluate them
with `snnc eval` on the full test set, and print the table of
examples/README.md.

Rows: the LSM (recurrent reservoir), the same reservoir with its recurrent
synapses removed, and a readout on the rate-coded pixels alone; each fitted
and evaluated on the `float` engine and on spinnaker2's `ref` engine (the
readout fitted on that engine's own states). With --rtl N it also checks
that the `rtl` engine reproduces `ref`'s predictions on N test images.

    /usr/bin/python3 examples/fashion_demo.py --snnc build/bin/snnc
"""

import argparse
import json
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))

# The shipped network's reservoir (examples/README.md gives the reasons).
RESERVOIR = ["--neurons", "2000", "--fan-in", "10", "--w-in", "3.0",
             "--neg-in", "0.5", "--p", "0.01",
             "--w-ee", "normal(1.5, 0.3)", "--w-ei", "normal(1.5, 0.3)",
             "--w-ie", "normal(3.0, 0.5)", "--w-ii", "normal(3.0, 0.5)",
             "--tau", "0.02", "--readout-tau", "0.1", "--seed", "2021"]
STEPS = "50"


def run(cmd, **kw):
    start = time.monotonic()
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE, text=True,
                         **kw).stdout
    return out, time.monotonic() - start


def pixel_network(path):
    with open(path, "w") as f:
        f.write("// Control: a readout on the rate-coded pixels alone.\n"
                "snn.network @pixels(%in: !snn.spikes<784>) -> "
                "!snn.current<10> {\n"
                "  %p = snn.linear %in weight(dense<0.0> : tensor<10x784xf32>)"
                "\n      : !snn.spikes<784> -> !snn.current<10>\n"
                "  %r = snn.li %p {tau_mem = 0.1, r = 1.0, v_leak = 0.0}\n"
                "      : (!snn.current<10>) -> !snn.current<10>\n"
                "  snn.output %r : !snn.current<10>\n}\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--snnc", default="build/bin/snnc")
    ap.add_argument("--work", default="/tmp/snnc-fashion")
    ap.add_argument("--train-limit", type=int, default=0,
                    help="fit on the first N training images (0: all 60,000)")
    ap.add_argument("--test-limit", type=int, default=0,
                    help="evaluate on the first N test images (0: all)")
    ap.add_argument("--engines", default="float,ref")
    ap.add_argument("--rows", default="lsm,no-recurrence,pixels")
    ap.add_argument("--rtl", type=int, default=0,
                    help="check rtl against ref on this many test images")
    ap.add_argument("--ship", help="copy the LSM fitted on ref here")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    gen = [sys.executable, os.path.join(HERE, "gen_fashion_lsm.py")]
    nets = {}
    for row in args.rows.split(","):
        path = os.path.join(args.work, row + ".mlir")
        if row == "lsm":
            run(gen + RESERVOIR + ["-o", path])
        elif row == "no-recurrence":
            run(gen + RESERVOIR + ["--no-recurrence", "-o", path])
        elif row == "pixels":
            pixel_network(path)
        else:
            sys.exit("unknown row " + row)
        nets[row] = path

    common = ["--dataset", "fashion-mnist", "--steps", STEPS, "--no-progress"]
    results = []
    for row, net in nets.items():
        for engine in args.engines.split(","):
            trained = os.path.join(args.work, "%s-%s.mlir" % (row, engine))
            fit_cmd = [args.snnc, "fit", net, "--engine", engine, "-o",
                       trained, "--report", "json"] + common
            if args.train_limit:
                fit_cmd += ["--limit", str(args.train_limit)]
            fit_out, fit_s = run(fit_cmd)
            fit = json.loads(fit_out)
            with open(trained[:-5] + ".fit.json", "w") as f:
                f.write(fit_out)
            eval_cmd = [args.snnc, "eval", trained, "--engine", engine,
                        "--report", "json"] + common
            if args.test_limit:
                eval_cmd += ["--limit", str(args.test_limit)]
            eval_out, eval_s = run(eval_cmd)
            ev = json.loads(eval_out)
            with open(trained[:-5] + ".eval.json", "w") as f:
                f.write(eval_out)
            results.append((row, engine, fit, ev, fit_s, eval_s))
            print("%s/%s: fit %.0f s, eval %.0f s, accuracy %.2f %%"
                  % (row, engine, fit_s, eval_s, 100 * ev["accuracy"]),
                  file=sys.stderr)
            if row == "lsm" and engine == "ref" and args.ship:
                with open(trained) as src, open(args.ship, "w") as dst:
                    src.readline()  # names the work directory
                    dst.write("// examples/lsm-fashion.mlir: the readout "
                              "fitted by `snnc fit --engine ref` on the 60,000"
                              " training images\n// (examples/fashion_demo.py"
                              " --ship); regenerate rather than edit.\n")
                    dst.write(src.read())

    print("| network | engine (readout fitted on it) | test accuracy | "
          "energy/inference (dynamic) | latency/inference | EDP | "
          "synaptic ops/inference | fit wall | eval wall |")
    print("|---|---|---|---|---|---|---|---|---|")
    for row, engine, fit, ev, fit_s, eval_s in results:
        ops = ev["neurobench"]["SynapticOperations"]["Effective_ACs"]
        print("| %s | %s | %.2f %% (%d/%d) | %.3g mJ (%.3g mJ) | %.3g ms | "
              "%.3g µJ·s | %.3g | %.0f s | %.0f s |"
              % (row, engine, 100 * ev["accuracy"], ev["correct"],
                 ev["samples"], 1e3 * ev["j_per_inference"]["mean"],
                 1e3 * ev["dynamic_j_per_inference"]["mean"],
                 1e3 * ev["latency_s_per_inference"]["mean"],
                 1e6 * ev["edp_js"], ops, fit_s, eval_s))
    if args.rtl:
        trained = os.path.join(args.work, "lsm-ref.mlir")
        out, rtl_s = run([args.snnc, "eval", trained, "--engine", "ref",
                          "--compare", "rtl", "--limit", str(args.rtl),
                          "--report", "json"] + common)
        c = json.loads(out)["compare"]
        print("\nrtl vs ref on the first %d test images: predictions agree on "
              "%d of %d (%.0f s)" % (args.rtl, c["predictions_agree"],
                                     c["samples"], rtl_s))


if __name__ == "__main__":
    main()
