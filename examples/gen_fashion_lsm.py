#!/usr/bin/env python3
"""Writes a liquid state machine for Fashion-MNIST in the snn dialect.

784 pixels (rate-coded by `snnc eval`/`snnc fit`) drive a procedural
reservoir of LIF neurons through sparse input synapses (each reservoir
neuron listens to `--fan-in` random pixels); the reservoir's spikes feed
10 leaky-integrator readouts through an snn.linear projection whose weights
start at zero: `snnc fit` trains them. `--no-recurrence` writes the same
network with the reservoir's recurrent synapses removed (the control of
examples/README.md). Deterministic: the same arguments give the same file.
"""

import argparse
import random
import struct


def blob(fmt, values, align=4):
    # dense_resource blobs start with their alignment as a little-endian u32.
    data = struct.pack("<I", align) + struct.pack("<%d%s" % (len(values), fmt),
                                                  *values)
    return "0x" + data.hex().upper()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("-o", "--output", required=True)
    ap.add_argument("--neurons", type=int, default=2000)
    ap.add_argument("--inputs", type=int, default=784)
    ap.add_argument("--fan-in", type=int, default=10,
                    help="pixels each reservoir neuron listens to")
    ap.add_argument("--w-in", type=float, default=3.0)
    ap.add_argument("--neg-in", type=float, default=0.5,
                    help="fraction of input synapses that inhibit (-w-in)")
    ap.add_argument("--p", type=float, default=0.01,
                    help="recurrent connection probability")
    ap.add_argument("--w-ee", default="normal(1.5, 0.3)")
    ap.add_argument("--w-ei", default="normal(1.5, 0.3)")
    ap.add_argument("--w-ie", default="normal(3.0, 0.5)")
    ap.add_argument("--w-ii", default="normal(3.0, 0.5)")
    ap.add_argument("--tau", type=float, default=0.02)
    ap.add_argument("--readout-tau", type=float, default=0.1)
    ap.add_argument("--seed", type=int, default=2021)
    ap.add_argument("--no-recurrence", action="store_true")
    ap.add_argument("--name", default="lsm_fashion")
    args = ap.parse_args()

    n, inputs, classes = args.neurons, args.inputs, 10
    rng = random.Random(args.seed)
    targets = [[] for _ in range(inputs)]
    for neuron in range(n):
        for pixel in rng.sample(range(inputs), args.fan_in):
            targets[pixel].append(neuron)
    row_ptr, cols, values = [0], [], []
    for row in targets:
        for neuron in sorted(row):
            cols.append(neuron)
            values.append(-args.w_in if rng.random() < args.neg_in
                          else args.w_in)
        row_ptr.append(len(cols))
    p = 0.0 if args.no_recurrence else args.p
    with open(args.output, "w") as out:
        out.write(
            "// A liquid state machine for Fashion-MNIST: %d pixels -> %d LIF "
            "reservoir\n// (p = %g recurrent, Dale's law) -> 10 leaky-integrator "
            "readouts.\n// Written by examples/gen_fashion_lsm.py %s; the "
            "readout is trained by snnc fit.\n"
            % (inputs, n, p, " ".join(
                "--%s %s" % (k.replace("_", "-"), v) for k, v in
                sorted(vars(args).items()) if k not in ("output",))))
        out.write("snn.network @%s(%%in: !snn.spikes<%d>) -> !snn.current<%d> {\n"
                  % (args.name, inputs, classes))
        out.write("  %%drive = snn.sparse %%in rows(dense_resource<in_rows> : "
                  "tensor<%dxi64>)\n"
                  "      cols(dense_resource<in_cols> : tensor<%dxi32>)\n"
                  "      values(dense_resource<in_values> : tensor<%dxf32>)\n"
                  "      : !snn.spikes<%d> -> !snn.current<%d>\n"
                  % (len(row_ptr), len(cols), len(cols), inputs, n))
        out.write("  %%liquid = snn.reservoir %%drive {size = %d, "
                  "excitatory_fraction = 0.8,\n"
                  "      connectivity = #snn.fixed_probability<%r>,\n"
                  "      w_ee = #snn.dist<%s>, w_ei = #snn.dist<%s>,\n"
                  "      w_ie = #snn.dist<%s>, w_ii = #snn.dist<%s>,\n"
                  "      seed = %d, tau_mem = %r, r = 1.0, v_leak = 0.0, "
                  "v_threshold = 1.0, v_reset = 0.0,\n"
                  "      delay = 0.001}\n"
                  "      : (!snn.current<%d>) -> !snn.spikes<%d>\n"
                  % (n, p, args.w_ee, args.w_ei, args.w_ie, args.w_ii,
                     args.seed, args.tau, n, n))
        out.write("  %%project = snn.linear %%liquid weight(dense<0.0> : "
                  "tensor<%dx%dxf32>)\n"
                  "      : !snn.spikes<%d> -> !snn.current<%d>\n"
                  % (classes, n, n, classes))
        out.write("  %%readout = snn.li %%project {tau_mem = %r, r = 1.0, "
                  "v_leak = 0.0}\n"
                  "      : (!snn.current<%d>) -> !snn.current<%d>\n"
                  % (args.readout_tau, classes, classes))
        out.write("  snn.output %%readout : !snn.current<%d>\n}\n" % classes)
        out.write("\n{-#\n  dialect_resources: {\n    builtin: {\n"
                  "      in_rows: \"%s\",\n      in_cols: \"%s\",\n"
                  "      in_values: \"%s\"\n    }\n  }\n#-}\n"
                  % (blob("q", row_ptr, 8), blob("i", cols),
                     blob("f", values)))


if __name__ == "__main__":
    main()
