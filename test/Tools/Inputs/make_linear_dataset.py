#!/usr/bin/env python3
"""Writes a synthetic dataset whose labels a linear readout can learn.

Samples are 8 values in [0, 1]; the label is the argmax over 3 classes of
W x + b for a fixed teacher W, b. Writes <dir>/{train,test}-{values,labels}.npy
in plain Python (no numpy needed), deterministically.
"""

import random
import struct
import sys

TEACHER = [[2.0, -1.0, 0.0, 1.0, 0.0, -2.0, 1.0, 0.0],
           [-1.0, 2.0, 1.0, -1.0, 0.0, 1.0, 0.0, -1.0],
           [0.0, -1.0, -1.0, 0.0, 2.0, 0.0, -1.0, 2.0]]
BIAS = [0.0, 0.2, -0.3]


def npy(path, descr, shape, values, fmt):
    header = "{'descr': '%s', 'fortran_order': False, 'shape': %s, }" % (
        descr, "(" + ", ".join(str(s) for s in shape) +
        ("," if len(shape) == 1 else "") + ")")
    header += " " * ((64 - (10 + len(header) + 1) % 64) % 64) + "\n"
    with open(path, "wb") as f:
        f.write(b"\x93NUMPY\x01\x00" + struct.pack("<H", len(header)))
        f.write(header.encode())
        f.write(struct.pack("<%d%s" % (len(values), fmt), *values))


def main():
    out = sys.argv[1]
    rng = random.Random(13)
    for split, n in (("train", 600), ("test", 200)):
        values, labels = [], []
        for _ in range(n):
            x = [rng.random() for _ in range(8)]
            scores = [sum(w * v for w, v in zip(row, x)) + b
                      for row, b in zip(TEACHER, BIAS)]
            labels.append(max(range(3), key=lambda c: scores[c]))
            values.extend(x)
        npy("%s/%s-values.npy" % (out, split), "<f4", (n, 8), values, "f")
        npy("%s/%s-labels.npy" % (out, split), "|u1", (n,), labels, "B")


if __name__ == "__main__":
    main()
