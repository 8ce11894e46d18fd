#!/usr/bin/env python3
"""The Fashion-MNIST LSM on the RRAM crossbar: accuracy against device noise,
the zero-shot (formed) reservoir, and one network on two substrates.

Every row fits the readout with `snnc fit` on the engine's own reservoir
states and evaluates it with `snnc eval`, as examples/fashion_demo.py does
for spinnaker2. Parts (--parts, comma-separated):

  sweep       programming and read noise scaled together by each --levels
              factor (1 = the target model's sigma_prog 1 uS, sigma_read
              1 %), each on --chips chips (compile seeds); writes
              noise-sweep.json, noise-sweep.svg (mean and standard deviation
              over chips) and a Markdown table.
  zero-shot   the reservoir's recurrent weights taken from the formed
              devices (formed_reservoir = 1), readout fitted on the chip;
              against the float LSM, with the programming energy saved.
  substrates  the LSM on spinnaker2 ref and on crossbar ref side by side:
              accuracy, energy, latency and EDP per inference.

    /usr/bin/python3 examples/crossbar_demo.py --snnc build/bin/snnc \\
        --train-limit 10000 --test-limit 2000
"""

import argparse
import json
import math
import os
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from fashion_demo import RESERVOIR, STEPS  # noqa: E402

NOISE = {"sigma_program_s": 1e-6, "sigma_read_fraction": 0.01}


def run(cmd):
    start = time.monotonic()
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
    if done.returncode:
        sys.exit("failed: %s\n%s" % (" ".join(cmd), done.stderr))
    return done.stdout, time.monotonic() - start


class Runner:
    def __init__(self, args):
        self.args = args
        self.common = ["--dataset", "fashion-mnist", "--steps", STEPS,
                       "--no-progress"]

    def config(self, name, fields):
        path = os.path.join(self.args.work, name + ".json")
        with open(path, "w") as f:
            json.dump(fields, f, indent=1, sort_keys=True)
        return path

    def fit_eval(self, tag, net, target, engine, seed, config=None):
        """Fits on the first --train-limit images, evaluates on the first
        --test-limit test images; returns (eval report, fit s, eval s).
        With --reuse, a run whose evaluation is already in --work (same
        limits) is read back instead of run again."""
        a = self.args
        trained = os.path.join(a.work, tag + ".mlir")
        done = os.path.join(a.work, tag + ".eval.json")
        if a.reuse and os.path.exists(done):
            with open(done) as f:
                report = json.load(f)
            if report.get("samples") == a.test_limit:
                print("%s: %.2f %% (reused)" % (tag, 100 * report["accuracy"]),
                      file=sys.stderr)
                return report, 0.0, 0.0
        flags = ["--target", target, "--engine", engine, "--seed", str(seed)]
        if config:
            flags += ["--target-config", config]
        fit = [a.snnc, "fit", net, "-o", trained, "--report", "json"]
        fit += flags + self.common
        if a.train_limit:
            fit += ["--limit", str(a.train_limit)]
        _, fit_s = run(fit)
        ev = [a.snnc, "eval", trained, "--report", "json"]
        ev += flags + self.common
        if a.test_limit:
            ev += ["--limit", str(a.test_limit)]
        out, eval_s = run(ev)
        report = json.loads(out)
        with open(os.path.join(a.work, tag + ".eval.json"), "w") as f:
            f.write(out)
        print("%s: %.2f %% (fit %.0f s, eval %.0f s)"
              % (tag, 100 * report["accuracy"], fit_s, eval_s),
              file=sys.stderr)
        return report, fit_s, eval_s

    def compile_report(self, net, config, seed):
        out_dir = os.path.join(self.args.work, "report.img")
        out, _ = run([self.args.snnc, "compile", net, "--target", "crossbar",
                      "--target-config", config, "--seed", str(seed),
                      "-o", out_dir, "--report", "json"])
        return json.loads(out)


def svg_sweep(points, path):
    """Accuracy (mean +- sd over chips) against the noise factor."""
    w, h, left, right, top, bottom = 560, 360, 70, 20, 30, 50
    xs = [p["factor"] for p in points]
    lo = min(p["mean"] - p["sd"] for p in points)
    hi = max(p["mean"] + p["sd"] for p in points)
    lo, hi = math.floor(lo * 20) / 20, math.ceil(hi * 20) / 20
    if hi - lo < 0.05:
        hi = lo + 0.05
    # Factors double from level to level: evenly spaced, labelled by value.
    slot = {v: i for i, v in enumerate(xs)}

    def X(v):
        return left + 20 + (w - left - right - 40) * slot[v] / max(
            1, len(xs) - 1)

    def Y(v):
        return top + (h - top - bottom) * (hi - v) / (hi - lo)

    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'font-family="sans-serif" font-size="12">' % (w, h),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="%d" y="18" font-size="14">Fashion-MNIST LSM on the '
           'crossbar: accuracy against device noise</text>' % left]
    for k in range(6):
        v = lo + (hi - lo) * k / 5
        out.append('<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#ddd"/>'
                   % (left, w - right, Y(v), Y(v)))
        out.append('<text x="%d" y="%.1f" text-anchor="end">%.1f %%</text>'
                   % (left - 6, Y(v) + 4, 100 * v))
    for v in xs:
        out.append('<text x="%.1f" y="%d" text-anchor="middle">%g</text>'
                   % (X(v), h - bottom + 18, v))
    out.append('<text x="%d" y="%d" text-anchor="middle">noise factor '
               '(x sigma_prog 1 uS, sigma_read 1 %%)</text>'
               % ((left + w - right) // 2, h - 10))
    path_d = " ".join("%s%.1f,%.1f" % ("M" if i == 0 else "L", X(p["factor"]),
                                       Y(p["mean"]))
                      for i, p in enumerate(points))
    out.append('<path d="%s" fill="none" stroke="#1f77b4" stroke-width="2"/>'
               % path_d)
    for p in points:
        x = X(p["factor"])
        y0, y1 = Y(p["mean"] - p["sd"]), Y(p["mean"] + p["sd"])
        out.append('<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" '
                   'stroke="#1f77b4"/>' % (x, x, y0, y1))
        for y in (y0, y1):
            out.append('<line x1="%.1f" x2="%.1f" y1="%.1f" y2="%.1f" '
                       'stroke="#1f77b4"/>' % (x - 4, x + 4, y, y))
        out.append('<circle cx="%.1f" cy="%.1f" r="3" fill="#1f77b4"/>'
                   % (x, Y(p["mean"])))
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def sweep(r, net):
    a = r.args
    points = []
    for factor in [float(v) for v in a.levels.split(",")]:
        accs = []
        for chip in range(1, a.chips + 1):
            cfg = r.config("noise-%g" % factor,
                           {k: v * factor for k, v in NOISE.items()})
            ev, _, _ = r.fit_eval("sweep-%g-chip%d" % (factor, chip), net,
                                  "crossbar", "ref", chip, cfg)
            accs.append(ev["accuracy"])
        mean = sum(accs) / len(accs)
        sd = math.sqrt(sum((x - mean) ** 2 for x in accs) /
                       max(1, len(accs) - 1))
        points.append({"factor": factor,
                       "sigma_program_s": factor * NOISE["sigma_program_s"],
                       "sigma_read_fraction":
                           factor * NOISE["sigma_read_fraction"],
                       "accuracy": accs, "mean": mean, "sd": sd})
    with open(os.path.join(a.work, "noise-sweep.json"), "w") as f:
        json.dump(points, f, indent=1)
    svg_sweep(points, os.path.join(a.work, "noise-sweep.svg"))
    print("\n| noise factor | sigma_prog | sigma_read | accuracy, mean +- sd "
          "over %d chips | per chip |" % a.chips)
    print("|---|---|---|---|---|")
    for p in points:
        print("| %g | %.2g uS | %.2g %% | %.2f +- %.2f %% | %s |"
              % (p["factor"], 1e6 * p["sigma_program_s"],
                 100 * p["sigma_read_fraction"], 100 * p["mean"],
                 100 * p["sd"],
                 ", ".join("%.2f" % (100 * x) for x in p["accuracy"])))


def zero_shot(r, net):
    flt, _, _ = r.fit_eval("float-lsm", net, "crossbar", "float", 1)
    cfg = r.config("formed", {"formed_reservoir": 1})
    chip, _, _ = r.fit_eval("formed-lsm", net, "crossbar", "ref", 1, cfg)
    rep = r.compile_report(net, cfg, 1)
    print("\n| reservoir weights | engine | accuracy | programming saved |")
    print("|---|---|---|---|")
    print("| the network's (no device effects) | crossbar float | %.2f %% | "
          "- |" % (100 * flt["accuracy"]))
    saved = rep["formed"]
    print("| formed devices, readout fitted on the chip | crossbar ref | "
          "%.2f %% | %d cells, %d write-verify pulses, %.3g uJ, %.3g ms |"
          % (100 * chip["accuracy"], saved["cells"], saved["saved_pulses"],
             1e6 * saved["saved_energy_j"], 1e3 * saved["saved_time_s"]))
    print("difference: %.2f points"
          % (100 * (flt["accuracy"] - chip["accuracy"])))


def substrates(r, net):
    rows = []
    for target in ("spinnaker2", "crossbar"):
        ev, _, _ = r.fit_eval("%s-ref" % target, net, target, "ref", 1)
        rows.append((target, ev))
    print("\n| substrate (ref engine) | accuracy | energy/inference "
          "(dynamic) | latency/inference | EDP | synaptic events/inference |")
    print("|---|---|---|---|---|---|")
    for target, ev in rows:
        print("| %s | %.2f %% | %.3g uJ (%.3g uJ) | %.3g us | %.3g nJ s | "
              "%.3g |"
              % (target, 100 * ev["accuracy"],
                 1e6 * ev["j_per_inference"]["mean"],
                 1e6 * ev["dynamic_j_per_inference"]["mean"],
                 1e6 * ev["latency_s_per_inference"]["mean"],
                 1e9 * ev["edp_js"],
                 ev["neurobench"]["SynapticOperations"]["Effective_ACs"]))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--snnc", default="build/bin/snnc")
    ap.add_argument("--work", default="/tmp/snnc-crossbar")
    ap.add_argument("--parts", default="sweep,zero-shot,substrates")
    ap.add_argument("--levels", default="0,0.5,1,2,4,8")
    ap.add_argument("--chips", type=int, default=3)
    ap.add_argument("--train-limit", type=int, default=10000)
    ap.add_argument("--test-limit", type=int, default=2000)
    ap.add_argument("--reuse", action="store_true",
                    help="read back runs already evaluated in --work "
                         "(resume or extend a sweep); the reservoir and "
                         "limits must be the same")
    args = ap.parse_args()
    os.makedirs(args.work, exist_ok=True)
    net = os.path.join(args.work, "lsm.mlir")
    run([sys.executable, os.path.join(HERE, "gen_fashion_lsm.py")] +
        RESERVOIR + ["-o", net])
    r = Runner(args)
    for part in args.parts.split(","):
        {"sweep": sweep, "zero-shot": zero_shot,
         "substrates": substrates}[part](r, net)


if __name__ == "__main__":
    main()
