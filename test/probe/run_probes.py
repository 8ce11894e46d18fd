#!/usr/bin/python3
"""Runs the hostile inputs of issue #16 that snnc now refuses.

Each file here is a reproducer from ../shared/probe (REPORT.md names its
defect), or a variant of one. Every command must end by itself within the
time limit, exit 1 (not a signal, not 0), print an error that names the
place (file:line:col or the NIR node) and the value, leave no output file
behind, and use under 10 CPU seconds and 1 GB of peak RSS.

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
LAUGHS = "hang-import-nir-shared-subgraph-hardlinks-2pow20.nir"
HUGE_EDGES = "slow-import-nir-edges-declared-huge-38KB-1.4GB.nir"

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
    # H5: 20 levels of NIRGraphs, each hard-linking the one below twice,
    # flattened into 2^20 copies until the sandbox's 30 s alarm.
    ("snnc", LAUGHS, ["import"], "out.mlir",
     r"node '[\w.]+\.c1': error: node '[\w.]+\.c1' is the same HDF5 group "
     r"as node '[\w.]+\.c0' \(a second hard link to it\)"),
    ("snnc", LAUGHS, ["compile"], "out.img",
     r"node '[\w.]+\.c1': error: .*is the same HDF5 group as node"),
    # H11: edges declared (6, 10) with 12 strings stored took 11 s and
    # 1.4 GB before being refused.
    ("snnc", HUGE_EDGES, ["import"], "out.mlir",
     r"node 'node': error: dataset 'edges' of the top-level graph declares "
     r"shape \(6, 10\) = 60 elements of 16 bytes \(960 bytes\), but the "
     r"file stores only 192 bytes for it"),
    # Found by fuzz-nir-import: a mutated global heap makes HDF5 1.10 loop
    # in H5HG_read; the sandbox ends the read after 5 s of CPU time.
    ("snnc", "hang-import-nir-corrupt-global-heap-loops-hdf5.nir", ["import"],
     "out.mlir",
     r"error: '.*\.nir' is corrupt or hostile: the HDF5 library did not "
     r"finish reading it within 5 s of CPU time"),
    # E2: export --materialize wrote infinite weights import then refused.
    ("snnc", INF_EXPORT, ["export", "--materialize"], "out.nir",
     r"\.mlir:3:8: error: 'snn\.reservoir' op materialises weight \(\d+, "
     r"\d+\) as INF; .*NIR weights must be finite"),
]


EXAMPLES = os.path.join(HERE, "..", "..", "examples")
LSM = "{examples}/lsm.mlir"
CONFIG = "{probe}/"

# The same checks for commands whose probe is not the first input: target
# configurations and energy models beside a shipped example, written as
# (tool, arguments with {probe} and {examples}, output name, message).
COMMAND_CASES = [
    # C3/H6: a billion neurons, or 10^10 procedural synapses, were expanded
    # before any capacity check.
    ("snnc", ["compile", CONFIG + "abort-oom-compile-reservoir-1e9-neurons.mlir"],
     "out.img",
     r"\.mlir:3:8: error: the network has 1000000000 neurons; a spinnaker2 "
     r"machine holds at most \d+ \(\d+ PEs x \d+ neurons per PE\)"),
    ("snnc", ["compile", CONFIG + "hang-compile-reservoir-1e5-p1-expands-1e10-"
              "synapses-before-capacity-check.mlir"], "out.img",
     r"\.mlir:3:8: error: the network needs at least 9999\d+ synapses; a "
     r"spinnaker2 machine stores at most \d+ \(\d+ PEs x \d+ synapse words"),
    ("snnc", ["compile", "--target", "crossbar",
              CONFIG + "hang-compile-reservoir-1e5-p1-expands-1e10-"
              "synapses-before-capacity-check.mlir"], "out.img",
     r"\.mlir:3:8: error: the network has 100000 neurons; a crossbar machine "
     r"holds at most \d+ \(\d+ tiles x \d+ neurons per tile\)"),
    # E4/H2/H4: target configurations out of range, truncated or too large,
    # named at their line in the configuration file.
    ("snnc", ["compile", LSM, "--target-config",
              CONFIG + "exit0-target-config-clock_hz-zero.json"], "out.img",
     r"clock_hz-zero\.json:1:2: error: target config: 'clock_hz' is 0; it "
     r"must lie in \[1, 1000000000000\]"),
    ("snnc", ["compile", LSM, "--target-config",
              CONFIG + "exit0-target-config-chip_mesh-int32-truncation.json"],
     "out.img",
     r"truncation\.json:1:\d+: error: target config: 'mesh\.chip_mesh' must "
     r"be an array of two 32-bit integers, got \[4294967297,1\]"),
    ("snnc", ["compile", LSM, "--target-config",
              CONFIG + "hang-oom-compile-target-config-pes_per_qpe-product-"
              "overflow.json"], "out.img",
     r"overflow\.json:1:\d+: error: target config: 'mesh\.pes_per_qpe' is "
     r"2147483650; it must lie in \[1, 65536\]"),
    ("snnc", ["compile", LSM, "--target-config",
              CONFIG + "bad_alloc-compile-target-config-2000-boards.json"],
     "out.img",
     r"boards\.json:\d+:\d+: error: target config: the machine has "
     r"pes_per_chip x board\.chips_per_board x board\.max_boards = "
     r"152 x 48 x 2000 = 14592000 PEs, more than the 1048576 snnc can model"),
    # E4: energy coefficients that are negative or overflow the total.
    ("snnc", ["run", LSM, "--steps", "20", "--no-progress", "--energy-model",
              CONFIG + "energy-model-negative-coefficient.json"], "out.json",
     r"snnc run: energy model: coefficient events\.neuron_updates is -1\.0; "
     r"it must be finite and lie in \[0, 1e\+06\]"),
    ("snnc", ["run", LSM, "--steps", "20", "--no-progress", "--energy-model",
              CONFIG + "energy-model-huge-static-power.json"], "out.json",
     r"snnc run: energy model: coefficient static_w\.chip is 1e\+308; it "
     r"must be finite and lie in \[0, 1e\+06\]"),
    ("snnc", ["run", LSM, "--steps", "20", "--no-progress", "--energy-model",
              CONFIG + "exit0-energy-model-negative-and-huge-coefficients.json"],
     "out.json", r"snnc run: energy model: missing coefficient "
     r"events\.neuron_updates"),
]

# Every probe must also be refused briefly and in little memory: CPU
# seconds (not wall time, which a loaded CI stretches) and peak RSS.
MAX_CPU_SECONDS = 10.0
MAX_RSS_KB = 1024 * 1024


def run_case(bindir, timeout, tool, name, args, output, pattern):
    """Returns a list of what went wrong (empty when the case passes)."""
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, output)
        cmd = [os.path.join(bindir, tool)] + args + [
            os.path.join(HERE, name), "-o", out]
        return check(cmd, work, out, output, timeout, pattern)


def check(cmd, work, out, output, timeout, pattern):
    """Runs `cmd` in `work` and returns what went wrong."""
    start = time.monotonic()
    with open(os.path.join(work, "stderr.txt"), "w+b") as err:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err,
                                cwd=work)
        deadline = start + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                return [f"did not finish within {timeout} s"]
            time.sleep(0.02)
        proc.returncode = os.waitstatus_to_exitcode(status)
        err.seek(0)
        stderr = err.read().decode("utf-8", "replace")
    seconds = time.monotonic() - start
    cpu = usage.ru_utime + usage.ru_stime
    problems = []
    if proc.returncode < 0:
        problems.append(f"killed by signal {-proc.returncode}")
    elif proc.returncode != 1:
        problems.append(f"exit code {proc.returncode}, expected 1")
    if not re.search(pattern, stderr):
        problems.append(f"no message matching /{pattern}/ in:\n{stderr}")
    if os.path.lexists(out):
        problems.append(f"left {output} behind")
    if cpu > MAX_CPU_SECONDS:
        problems.append(f"took {cpu:.1f} CPU seconds, more than "
                        f"{MAX_CPU_SECONDS:.0f}")
    if usage.ru_maxrss > MAX_RSS_KB:
        problems.append(f"peak RSS {usage.ru_maxrss} KB, more than 1 GB")
    print(f"  {seconds:6.2f} s wall  {cpu:6.2f} s CPU  "
          f"{usage.ru_maxrss // 1024:5d} MB  rc={proc.returncode}")
    return problems


def run_command_case(bindir, timeout, tool, args, output, pattern):
    with tempfile.TemporaryDirectory() as work:
        out = os.path.join(work, output)
        argv = [a.format(probe=HERE, examples=os.path.abspath(EXAMPLES))
                for a in args]
        cmd = [os.path.join(bindir, tool)] + argv + ["-o", out]
        return check(cmd, work, out, output, timeout, pattern)


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
    for tool, args, output, pattern in COMMAND_CASES:
        print(" ".join([tool] + [os.path.basename(a) for a in args]),
              flush=True)
        problems = run_command_case(options.bin, options.timeout, tool, args,
                                    output, pattern)
        for problem in problems:
            print(f"  FAIL: {problem}")
        failures += bool(problems)
    total = len(CASES) + len(COMMAND_CASES)
    print(f"{total - failures} of {total} probes refused cleanly")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
