#!/usr/bin/env python3
"""The rate-coded XOR of examples/xor-sfq.mlir on the SFQ target.

For every synapse bias offset (the seed's "tunable by an external
current", target-config synapse_bias_offset_ua) and every seed (the
stochastic synapses' draws), runs the four input cases for --steps pulse
slots on the ref engine and counts the output's spikes. A case is read as
1 when its output fires on more than --threshold of the slots. The margin
of a seed is (lowest count of the "1" cases - highest of the "0" cases) /
steps, the window's maximum being one pulse per slot. Writes xor-sfq.json
(every count, margins, the JJ count, chip and wall-plug energy and latency
per inference) and xor-sfq-margin.svg (margin against the bias offset,
with the pass probability of a full-weight synapse), and prints a table.

    /usr/bin/python3 examples/sfq_xor.py --snnc build/bin/snnc --out build/xor

--check fails (exit 1) unless every case of every seed at offset 0 is
classified correctly; ctest runs it so, asynchronous and --clocked.
"""

import argparse
import json
import math
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
NETWORK = os.path.join(HERE, "xor-sfq.mlir")
CASES = [(0, 0), (0, 1), (1, 0), (1, 1)]


def run(cmd):
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
    if done.returncode:
        sys.exit("failed: %s\n%s" % (" ".join(cmd), done.stderr))
    return done.stdout


def write_json(path, doc):
    with open(path, "w") as f:
        json.dump(doc, f, indent=1, sort_keys=True)
    return path


def normal_cdf(x):
    return 0.5 * math.erfc(-x / math.sqrt(2))


class Xor:
    def __init__(self, args):
        self.args = args
        self.inputs = {}
        self.violations = 0
        for case in CASES:
            events = [[t, i] for t in range(args.steps) for i in range(2)
                      if case[i]]
            self.inputs[case] = write_json(
                os.path.join(args.out, "in%d%d.json" % case),
                {"shape": [2], "events": events})

    def image(self, offset, seed):
        a = self.args
        fields = {"synapse_bias_offset_ua": offset}
        if a.clocked:
            fields["clocking"] = "clocked"
        config = write_json(os.path.join(a.out, "offset%g.json" % offset),
                            fields)
        path = os.path.join(a.out, "xor-%g-%d.img" % (offset, seed))
        report = json.loads(run([a.snnc, "compile", NETWORK, "--target", "sfq",
                                 "--dt", "1e-3", "--seed", str(seed),
                                 "--target-config", config, "-o", path,
                                 "--report", "json"]))
        return path, report

    def case(self, image, case):
        out = json.loads(run([self.args.snnc, "run", image, "--input",
                              self.inputs[case], "--steps",
                              str(self.args.steps), "--report", "json",
                              "--no-progress"]))
        return out["decoded"]["outputs"][0]["windows"][0]["counts"][0], out

    def point(self, offset):
        a = self.args
        seeds, energy, report = [], None, None
        for seed in range(1, a.seeds + 1):
            image, report = self.image(offset, seed)
            counts = {}
            for case in CASES:
                counts[case], out = self.case(image, case)
                # A clocked netlist is timed so that no clocked cell sees a
                # pulse inside its setup or hold window.
                self.violations += out["counters"]["setup_violations"]
                if case == (1, 0) and energy is None:
                    energy = out["energy"]
            ones = [counts[c] for c in CASES if c[0] != c[1]]
            zeros = [counts[c] for c in CASES if c[0] == c[1]]
            correct = all((counts[c] > a.threshold * a.steps) == (c[0] != c[1])
                          for c in CASES)
            seeds.append({"seed": seed,
                          "counts": {"%d%d" % c: counts[c] for c in CASES},
                          "margin": (min(ones) - max(zeros)) / a.steps,
                          "correct": correct})
        margins = [s["margin"] for s in seeds]
        return {"offset_ua": offset, "seeds": seeds,
                "margin_min": min(margins), "margin_max": max(margins),
                "margin_mean": sum(margins) / len(margins),
                "all_correct": all(s["correct"] for s in seeds),
                "energy": energy, "report": report}


def svg_margin(points, target, path):
    """Margin (min, mean, max over seeds) and p(I_max) against the offset."""
    w, h, left, right, top, bottom = 600, 380, 70, 70, 34, 56
    xs = [p["offset_ua"] for p in points]
    x0, x1 = min(xs), max(xs)
    lo, hi = min(0.0, min(p["margin_min"] for p in points)), 0.5

    def X(v):
        return left + (w - left - right) * (v - x0) / max(1e-9, x1 - x0)

    def Y(v):
        return top + (h - top - bottom) * (hi - v) / (hi - lo)

    def P(p):
        return top + (h - top - bottom) * (1 - p)

    out = ['<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" '
           'font-family="sans-serif" font-size="12">' % (w, h),
           '<rect width="100%" height="100%" fill="white"/>',
           '<text x="%d" y="20" font-size="14">XOR on SFQ: classification '
           'margin against the synapse bias current</text>' % left]
    for k in range(6):
        v = lo + (hi - lo) * k / 5
        out.append('<line x1="%d" x2="%d" y1="%.1f" y2="%.1f" stroke="#ddd"/>'
                   % (left, w - right, Y(v), Y(v)))
        out.append('<text x="%d" y="%.1f" text-anchor="end">%.2f</text>'
                   % (left - 6, Y(v) + 4, v))
        out.append('<text x="%d" y="%.1f" fill="#d62728">%.1f</text>'
                   % (w - right + 6, P(k / 5) + 4, k / 5))
    for v in xs:
        out.append('<text x="%.1f" y="%d" text-anchor="middle">%g</text>'
                   % (X(v), h - bottom + 18, v))
    out.append('<text x="%d" y="%d" text-anchor="middle">synapse bias offset '
               '(uA, added to every synapse)</text>'
               % ((left + w - right) // 2, h - 22))
    out.append('<text x="%d" y="%d" text-anchor="middle" fill="#1f77b4">'
               'margin (min-max band, mean; %d seeds)</text>'
               % ((left + w - right) // 2 - 120, h - 6, len(points[0]["seeds"])))
    out.append('<text x="%d" y="%d" text-anchor="middle" fill="#d62728">'
               'p of a full-weight synapse</text>'
               % ((left + w - right) // 2 + 140, h - 6))
    band = ([(X(p["offset_ua"]), Y(p["margin_max"])) for p in points] +
            [(X(p["offset_ua"]), Y(p["margin_min"])) for p in points[::-1]])
    out.append('<path d="M%s Z" fill="#1f77b4" fill-opacity="0.2"/>'
               % " L".join("%.1f,%.1f" % xy for xy in band))
    for key, colour, f in (("margin_mean", "#1f77b4", Y),):
        d = " ".join("%s%.1f,%.1f" % ("M" if i == 0 else "L",
                                      X(p["offset_ua"]), f(p[key]))
                     for i, p in enumerate(points))
        out.append('<path d="%s" fill="none" stroke="%s" stroke-width="2"/>'
                   % (d, colour))
    pd = " ".join("%s%.1f,%.1f" % (
        "M" if i == 0 else "L", X(p["offset_ua"]),
        P(normal_cdf((target["i_max"] + p["offset_ua"] - target["i50"]) /
                     target["sigma"])))
        for i, p in enumerate(points))
    out.append('<path d="%s" fill="none" stroke="#d62728" stroke-width="1.5" '
               'stroke-dasharray="5,3"/>' % pd)
    out.append("</svg>")
    with open(path, "w") as f:
        f.write("\n".join(out) + "\n")


def main():
    p = argparse.ArgumentParser(description=__doc__,
                                formatter_class=argparse.RawTextHelpFormatter)
    p.add_argument("--snnc", required=True)
    p.add_argument("--out", required=True)
    p.add_argument("--steps", type=int, default=100)
    p.add_argument("--seeds", type=int, default=20)
    p.add_argument("--threshold", type=float, default=0.125,
                   help="a case reads 1 above this many spikes per slot")
    p.add_argument("--offsets", default="-12,-10,-9,-8,-7,-6,-5,-4,-2,0,2",
                   help="synapse bias offsets in uA (0 is always run)")
    p.add_argument("--clocked", action="store_true",
                   help="clocked mode: OR2 trees, path-balancing DFFs and a "
                   "clock tree instead of merger trees (docs/sfq.md s12)")
    p.add_argument("--check", action="store_true")
    args = p.parse_args()
    os.makedirs(args.out, exist_ok=True)
    offsets = sorted({float(v) for v in args.offsets.split(",")} | {0.0})
    xor = Xor(args)
    points = [xor.point(o) for o in offsets]
    target = json.loads(open(os.path.join(HERE, "..", "backends", "sfq",
                                          "target.json")).read())
    model = {"i_max": target["synapse_bias_max_ua"]["value"],
             "i50": target["synapse_i50_ua"]["value"],
             "sigma": target["synapse_sigma_ua"]["value"]}
    svg_margin(points, model, os.path.join(args.out, "xor-sfq-margin.svg"))
    nominal = next(p for p in points if p["offset_ua"] == 0)
    e, r = nominal["energy"], nominal["report"]
    summary = {"jjs": r["jjs"], "cells": r["cells"],
               "bias_ua": r.get("bias_ua"),
               "chip_j_per_inference": e["chip_j_per_inference"],
               "wall_plug_j_per_inference": e["j_per_inference"],
               "inference_latency_s": e["inference_latency_s"],
               "critical_path_ps": r["critical_path_ps"],
               "steps_per_inference": args.steps}
    write_json(os.path.join(args.out, "xor-sfq.json"),
               {"summary": summary,
                "points": [{k: v for k, v in p.items()
                            if k not in ("energy", "report")}
                           for p in points]})
    print("| bias offset (uA) | p full weight | margin min | mean | max | "
          "all %d seeds correct |" % args.seeds)
    print("|---|---|---|---|---|---|")
    for p in points:
        pf = normal_cdf((model["i_max"] + p["offset_ua"] - model["i50"]) /
                        model["sigma"])
        print("| %g | %.4f | %.3f | %.3f | %.3f | %s |" % (
            p["offset_ua"], pf, p["margin_min"], p["margin_mean"],
            p["margin_max"], "yes" if p["all_correct"] else "no"))
    print("XOR at offset 0: %d JJs in %d cells; %.4g J on the chip and %.4g J "
          "at the wall plug per inference of %d slots (%.3g s; critical path "
          "%.4g ps)" % (summary["jjs"], summary["cells"],
                        summary["chip_j_per_inference"],
                        summary["wall_plug_j_per_inference"], args.steps,
                        summary["inference_latency_s"],
                        summary["critical_path_ps"]))
    for s in nominal["seeds"]:
        if not s["correct"]:
            print("seed %d misclassifies: counts %s" % (s["seed"], s["counts"]))
    if xor.violations:
        print("%d setup or hold violations" % xor.violations)
    if args.check and (not nominal["all_correct"] or xor.violations):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
