#!/usr/bin/python3
"""Runs the hostile inputs of issue #16 that snnc now refuses.

Each file here is a reproducer from ../shared/probe (REPORT.md names its
defect). Every command must end by itself within the time limit, exit 1
(not a signal, not 0), print an error that names the place (file:line:col
or the NIR node) and the value, and leave no output file behind.

Usage: run_probes.py --bin BUILD/bin [--timeout 60]
"""

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))

NEST_ARRAY = "crash-sigsegv-mlir-parser-nested-array-attribute-depth-10000.mlir"
NEST_PARENS = "crash-sigsegv-mlir-parser-nested-parens-type-depth-20000.mlir"
EXTERNAL = "security-import-nir-external-storage-reads-etc-passwd.nir"
DELAY_OP = "exit0-miscompile-delay-op-2pow32-steps-truncated.mlir"
DELAY_RES = "exit0-miscompile-reservoir-delay-2pow32-steps-truncated-to-1.mlir"
DELAY_SPARSE = "exit0-miscompile-sparse-delay-1e20s-becomes-1-step.mlir"
DELAY_NIR = "unclear-compile-nir-delay-1e300-overflows-int64.nir"
HUGE_W_IN = "hang-compile-cuba-lif-large-w_in.mlir"
LOGNORMAL = "hang-compile-reservoir-lognormal-overflows-f32.mlir"
INF_EXPORT = "exit0-export-materialize-writes-infinite-weights.mlir"

DEPTH = r"error: nested deeper than 1000 levels"
LIMIT = r"beyond the limit of 65535 steps"

# (tool, input, arguments before -o, output name, what the error must say)
CASES = [
    # C2: MLIR's recursive parser overflowed the stack.
    ("snnc-opt", NEST_ARRAY, [], "out.mlir", r"\.mlir:2:1051: " + DEPTH),
    ("snnc", NEST_ARRAY, ["compile"], "out.img", r"\.mlir:2:1051: " + DEPTH),
    ("snnc", NEST_ARRAY, ["export"], "out.nir", r"\.mlir:2:1051: " + DEPTH),
    ("snnc-opt", NEST_PARENS, [], "out.mlir", r"\.mlir:1:1020: " + DEPTH),
    ("snnc", NEST_PARENS, ["compile"], "out.img", r"\.mlir:1:1020: " + DEPTH),
    # D4: HDF5 external storage read /etc/passwd into the weights.
    ("snnc", EXTERNAL, ["import"], "out.mlir",
     r"node 'lin': error: .*dataset 'weight' is stored outside the file "
     r"\(HDF5 external storage in '/etc/passwd'\)"),
    ("snnc", EXTERNAL, ["compile"], "out.img",
     r"node 'lin': error: .*dataset 'weight' is stored outside the file"),
    # E1/U1: delays wrapped to a short delay or overflowed int64.
    ("snnc", DELAY_OP, ["compile"], "out.img",
     r"\.mlir:2:8: error: 'snn\.delay' op delay of 4294967\.297 s .*" + LIMIT),
    ("snnc", DELAY_RES, ["compile"], "out.img",
     r"\.mlir:3:8: error: 'snn\.reservoir' op delay of 4294967\.297 s .*"
     + LIMIT),
    ("snnc", DELAY_SPARSE, ["compile"], "out.img",
     r"\.mlir:2:8: error: 'snn\.sparse' op delays\[0\] of 1e\+20 s .*" + LIMIT),
    ("snnc", DELAY_NIR, ["compile"], "out.img",
     r"node 'dl': error: 'snn\.delay' op delay\[0\] of 1e\+300 s .*" + LIMIT),
    # H1: the quantizer doubled its input scale forever.
    ("snnc", HUGE_W_IN, ["compile"], "out.img",
     r"\.mlir:3:8: error: 'snn\.neuron' op neuron 0: the synaptic filter's "
     r"gain 1e\+10 .*beyond the int32 accumulator's 2147483647"),
    ("snnc", LOGNORMAL, ["compile"], "out.img",
     r"\.mlir:3:8: error: 'snn\.procedural' op has weights or biases that "
     r"are not finite \(largest \|w\| = inf\)"),
    # E2: export --materialize wrote infinite weights import then refused.
    ("snnc", INF_EXPORT, ["export", "--materialize"], "out.nir",
     r"\.mlir:3:8: error: 'snn\.reservoir' op materialises weight \(\d+, "
     r"\d+\) as INF; .*NIR weights must be finite"),
]


def run_case(bindir, timeout, tool, name, args, output, pattern):
    """Returns a list of what went wrong (empty when the case passes)."""
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, output)
        cmd = [os.path.join(bindir, tool)] + args + [
            os.path.join(HERE, name), "-o", out]
        start = time.monotonic()
        try:
            proc = subprocess.run(cmd, capture_output=True, timeout=timeout,
                                  cwd=work)
        except subprocess.TimeoutExpired:
            return [f"did not finish within {timeout} s"]
        seconds = time.monotonic() - start
        stderr = proc.stderr.decode("utf-8", "replace")
        problems = []
        if proc.returncode < 0:
            problems.append(f"killed by signal {-proc.returncode}")
        elif proc.returncode != 1:
            problems.append(f"exit code {proc.returncode}, expected 1")
        if not re.search(pattern, stderr):
            problems.append(f"no message matching /{pattern}/ in:\n{stderr}")
        if os.path.lexists(out):
            problems.append(f"left {output} behind")
        print(f"  {seconds:6.2f} s  rc={proc.returncode}")
        return problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True, help="snnc's build/bin")
    parser.add_argument("--timeout", type=float, default=60.0,
                        help="seconds per case (generous: CI is loaded)")
    options = parser.parse_args()
    options.bin = os.path.abspath(options.bin)
    failures = 0
    for tool, name, args, output, pattern in CASES:
        label = " ".join([tool] + args + [name])
        print(label, flush=True)
        problems = run_case(options.bin, options.timeout, tool, name, args,
                            output, pattern)
        for problem in problems:
            print(f"  FAIL: {problem}")
        failures += bool(problems)
    print(f"{len(CASES) - failures} of {len(CASES)} probes refused cleanly")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
