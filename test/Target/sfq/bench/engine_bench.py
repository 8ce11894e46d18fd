#!/usr/bin/env python3
"""Speed of the SFQ engines (issue #15, "Benchmark"); run by hand.

For each network, compiles it to sfq and runs it on `ref` and `rtl` with
the same input (the rtl model is built first, outside the timing, and
found in the cache afterwards). Prints a Markdown table: wall seconds of
the run (median of --repeats), ref's pulse events per second (pulses it
processed) and rtl's simulated ticks per second. Wall time includes
loading the image and, for rtl, the cached model.

    /usr/bin/python3 test/Target/sfq/bench/engine_bench.py --snnc build/bin/snnc
"""
import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.dirname(HERE))))
NETWORKS = [
    ("xor (17 cells)", os.path.join(ROOT, "examples", "xor-sfq.mlir"), {}, 2,
     1.0, 2000),
    ("reservoir-small (338 cells)",
     os.path.join(ROOT, "test", "Target", "sfq", "Inputs",
                  "reservoir-small.mlir"),
     {"pulse_rate_hz": 2e9}, 6, 0.3, 200),
    ("clocked-layers (106 cells, clocked)",
     os.path.join(ROOT, "test", "Target", "sfq", "Inputs",
                  "clocked-layers.mlir"),
     {"clocking": "clocked"}, 4, 0.6, 500),
]


def run(cmd):
    start = time.monotonic()
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode:
        sys.exit("failed: %s\n%s" % (" ".join(cmd), proc.stderr))
    return proc.stdout, time.monotonic() - start


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--snnc", required=True)
    p.add_argument("--repeats", type=int, default=3)
    args = p.parse_args()
    print("| network | steps | engine | run s (median) | pulse events/s "
          "(ref) | simulated ticks/s (rtl) |")
    print("|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as work:
        for name, net, config, inputs, density, steps in NETWORKS:
            cfg = os.path.join(work, "cfg.json")
            with open(cfg, "w") as f:
                json.dump(config, f)
            image = os.path.join(work, "net.img")
            run([args.snnc, "compile", net, "--target", "sfq",
                 "--target-config", cfg, "-o", image, "--report", "none"])
            rng = random.Random(1)
            spikes = os.path.join(work, "in.json")
            with open(spikes, "w") as f:
                json.dump({"shape": [inputs],
                           "events": [[t, i] for t in range(steps)
                                      for i in range(inputs)
                                      if rng.random() < density]}, f)
            for engine in ("ref", "rtl"):
                cmd = [args.snnc, "run", image, "--engine", engine, "--input",
                       spikes, "--steps", str(steps), "--report", "json",
                       "--no-progress"]
                run(cmd)  # builds the rtl model into the cache
                walls, extra = [], {}
                for _ in range(args.repeats):
                    out, wall = run(cmd)
                    walls.append(wall)
                    extra = json.loads(out)[engine]
                wall = statistics.median(walls)
                events = ("%.3g" % (extra["pulse_events"] / wall)
                          if engine == "ref" else "")
                ticks = ("%.3g" % (extra["ticks_simulated"] / wall)
                         if engine == "rtl" else "")
                print("| %s | %d | %s | %.3f | %s | %s |" % (
                    name, steps, engine, wall, events, ticks))
    return 0


if __name__ == "__main__":
    sys.exit(main())
