#!/usr/bin/env python3
"""Checks ref-versus-float agreement of one run against the documented bounds.

Reads `snnc run --compare float --report json` output and the float run's
output file (-o), and fails naming the output and the bound it broke. The
bounds are docs/numerics.md §6: every spike output agrees on >= 99% of its
(neuron, step) pairs and its total rate differs by <= 1%; every readout's RMS
error is <= 2% of the float readout's RMS value (--max-readout-rms changes
that bound, for readouts behind a chaotic reservoir).
"""

import argparse
import json
import math
import sys

MIN_SPIKE_AGREEMENT = 0.99
MAX_RATE_ERROR = 0.01
MAX_RELATIVE_READOUT_RMS = 0.02


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("report")
    parser.add_argument("float_outputs")
    parser.add_argument("--max-readout-rms", type=float,
                        default=MAX_RELATIVE_READOUT_RMS)
    args = parser.parse_args()
    report = json.load(open(args.report))
    floats = {o["index"]: o for o in json.load(open(args.float_outputs))["outputs"]}
    failures = []
    for out in report["compare"]["outputs"]:
        i = out["index"]
        if floats[i]["kind"] == "spikes":
            if out["spike_agreement"] < MIN_SPIKE_AGREEMENT:
                failures.append(f"output #{i}: spike agreement "
                                f"{out['spike_agreement']:.6f} < {MIN_SPIKE_AGREEMENT}")
            if out["rate_error"] > MAX_RATE_ERROR:
                failures.append(f"output #{i}: rate error "
                                f"{out['rate_error']:.6f} > {MAX_RATE_ERROR}")
            print(f"output #{i}: spikes, agreement {out['spike_agreement']:.6f}, "
                  f"rate error {out['rate_error']:.6f}")
        else:
            values = floats[i]["values"]
            rms = math.sqrt(sum(v * v for v in values) / max(1, len(values)))
            relative = out["readout_rms_error"] / rms if rms > 0 else 0.0
            if relative > args.max_readout_rms:
                failures.append(f"output #{i}: readout RMS error {relative:.6f} "
                                f"of the signal > {args.max_readout_rms}")
            print(f"output #{i}: readout, RMS error {relative:.6f} of the signal")
    for f in failures:
        print("BOUND BROKEN:", f)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
