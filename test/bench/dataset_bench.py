#!/usr/bin/env python3
"""Times `snnc eval` and `snnc fit` on the shipped Fashion-MNIST LSM.

Prints a table of wall time, samples per second and synaptic events per
second (the engine's counted events over the wall time) for evaluating the
test set and fitting on the training set, on one engine, every core. Issue
#13's targets: eval of the 10,000 test images on spinnaker2 `ref` under 5
minutes, fit on the 60,000 training images under 20 minutes.

    /usr/bin/python3 test/bench/dataset_bench.py --snnc build/bin/snnc
"""

import argparse
import json
import os
import subprocess
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))


def timed(cmd):
    start = time.monotonic()
    out = subprocess.run(cmd, check=True, stdout=subprocess.PIPE,
                         text=True).stdout
    return out, time.monotonic() - start


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--snnc", default="build/bin/snnc")
    ap.add_argument("--net", default=os.path.join(ROOT, "examples",
                                                  "lsm-fashion.mlir"))
    ap.add_argument("--engine", default="ref")
    ap.add_argument("--test-limit", type=int, default=0)
    ap.add_argument("--train-limit", type=int, default=0)
    ap.add_argument("--threads", type=int, default=0)
    args = ap.parse_args()
    common = ["--dataset", "fashion-mnist", "--steps", "50", "--engine",
              args.engine, "--no-progress"]
    if args.threads:
        common += ["--threads", str(args.threads)]
    rows = []
    cmd = [args.snnc, "eval", args.net, "--report", "json"] + common
    if args.test_limit:
        cmd += ["--limit", str(args.test_limit)]
    out, wall = timed(cmd)
    ev = json.loads(out)
    events = ev["counters_per_inference"]["synaptic_events"] * ev["samples"]
    rows.append(("eval (test split)", ev["samples"], wall, events))
    with tempfile.TemporaryDirectory() as tmp:
        cmd = [args.snnc, "fit", args.net, "-o",
               os.path.join(tmp, "trained.mlir"), "--report", "json"] + common
        if args.train_limit:
            cmd += ["--limit", str(args.train_limit)]
        out, wall = timed(cmd)
        fit = json.loads(out)
    rows.append(("fit (train split)", fit["dataset"]["samples"], wall,
                 fit["events"]["synaptic_events"]))
    print("| command | engine | samples | wall s | samples/s | synaptic "
          "events/s |")
    print("|---|---|---|---|---|---|")
    for name, n, wall, events in rows:
        print("| %s | %s | %d | %.1f | %.0f | %.3g |"
              % (name, args.engine, n, wall, n / wall, events / wall))


if __name__ == "__main__":
    main()
