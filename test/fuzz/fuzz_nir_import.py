#!/usr/bin/env python3
# NIR importer fuzzer: mutated NIR (HDF5) files never crash or hang `snnc import`.
"""Feeds `snnc import` mutated NIR files and checks that it copes.

Every mutant is imported as `snnc import FILE -o OUT` (with a timeout) and
must:
  * exit normally with 0 (imported) or 1 (refused): never be killed by a
    signal, never time out, never use another exit code;
  * when it exits with 1, print a diagnostic ("error:") on stderr;
  * when it exits with 0, give a network that `snnc export` writes (exit 0)
    or refuses (exit 1, with "error:"), and whose export `snnc import`
    reads back (exit 0): what snnc writes, snnc reads.

The corpus is made at run time, so the test needs no binary files in the
repository: every `.mlir` file in --seeds is exported with `snnc export`
(with --materialize), and the published sample files in --samples are
added when that directory exists. Each corpus file must import cleanly.

Mutations, all deterministic from --seed (Python's random.Random):
  * bit flips, random byte overwrites, truncation, chunk deletion,
    duplication and insertion (HDF5-level damage: superblock, object
    headers, B-trees, heaps);
  * 4- and 8-byte overwrites with interesting values (0, -1, NaN, +-Inf,
    2^31, 2^40, 2^63, huge floats) at aligned offsets, which hit dataset
    extents, shape and geometry integers and parameter values;
  * structure-aware swaps: node type names, parameter names and node names
    stored in the file are replaced by other words of the same length
    ("Linear" <-> "Affine", "tau" <-> "r\\0\\0", "shape" <-> "delay"), so the
    HDF5 layer stays intact and the NIR layer meets wrong types, missing
    parameters and dangling edges.

Failing inputs are kept under a fresh temporary directory and listed with
the failure and the tail of stderr. The last line printed is
`N passed, M failed`; the exit status is 1 if anything failed.
`--replay FILE...` checks just the given files.

The default --cases (600) takes about 30-40 s on 2 cores.
"""

import argparse
import concurrent.futures
import os
import random
import re
import resource
import shutil
import struct
import subprocess
import sys
import tempfile

DEFAULT_CASES = 600
# The importer reads a file in a forked probe first, with a 30 s alarm, so a
# real hang inside HDF5 already ends as an error; anything slower than this
# is a hang of snnc itself.
DEFAULT_TIMEOUT = 40.0
DEFAULT_MEM_LIMIT_MB = 8192

# Words stored in NIR files, grouped by length so a swap keeps every HDF5
# size field valid.
WORDS = [
    "I", "r", "IF", "LI", "LIF", "tau", "Input", "Delay", "Scale", "shape",
    "delay", "scale", "Output", "Affine", "Linear", "Conv1d", "Conv2d",
    "weight", "groups", "stride", "v_leak", "w_in", "bias", "type", "nodes",
    "edges", "CubaLI", "CubaLIF", "Flatten", "padding", "tau_mem", "tau_syn",
    "v_reset", "dilation", "NIRGraph", "end_dim", "SumPool2d", "AvgPool2d",
    "Threshold", "threshold", "start_dim", "input_type", "kernel_size",
    "v_threshold", "input_shape", "version",
]
INTERESTING_INTS = [0, 1, 2, 3, -1, -2, 2**31 - 1, 2**31, 2**32, 2**40,
                    2**62, 2**63 - 1, -2**63, 65535, 1 << 20]
INTERESTING_F64 = [0.0, -0.0, 1.0, -1.0, 1e308, -1e308, float("inf"),
                   float("-inf"), float("nan"), 5e-324, 1e-9, 2.0**53]
INTERESTING_F32 = [0.0, -1.0, 3.4e38, float("inf"), float("nan"), 1e-45]


def words_by_length():
    groups = {}
    for w in WORDS:
        groups.setdefault(len(w), []).append(w.encode())
    return groups


WORD_GROUPS = words_by_length()


def same_length_word(rng, length):
    """Another stored word of `length` bytes, or printable junk."""
    choices = WORD_GROUPS.get(length, [])
    if choices and rng.random() < 0.8:
        return rng.choice(choices)
    alphabet = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_."
    word = bytes(rng.choice(alphabet) for _ in range(length))
    if rng.random() < 0.1:
        word = b"\0" * length
    return word


def token_sites(data):
    """Offsets and lengths of the stored words (type names, parameter and
    node names) found in the file."""
    sites = []
    for match in re.finditer(rb"[A-Za-z_][A-Za-z0-9_.]{0,15}", data):
        if match.group(0) in WORDS_SET or rng_worthy(match.group(0)):
            sites.append((match.start(), len(match.group(0))))
    return sites


WORDS_SET = {w.encode() for w in WORDS}


def rng_worthy(token):
    # Node names written by snnc export ("lif_3") and the samples ("lif1").
    return bool(re.fullmatch(rb"[a-z][a-z0-9]*(_[0-9]+)?", token)) and \
        len(token) >= 2


# --------------------------------------------------------------------------
# Mutators
# --------------------------------------------------------------------------


def flip_bits(rng, data):
    out = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        pos = rng.randrange(len(out))
        out[pos] ^= 1 << rng.randrange(8)
    return bytes(out)


def overwrite_bytes(rng, data):
    out = bytearray(data)
    for _ in range(rng.randint(1, 16)):
        out[rng.randrange(len(out))] = rng.randrange(256)
    return bytes(out)


def truncate(rng, data):
    return data[:rng.randrange(len(data))]


def delete_chunk(rng, data):
    start = rng.randrange(len(data))
    return data[:start] + data[start + rng.randint(1, 256):]


def duplicate_chunk(rng, data):
    start = rng.randrange(len(data))
    chunk = data[start:start + rng.randint(1, 256)]
    at = rng.randrange(len(data))
    return data[:at] + chunk + data[at:]


def insert_random(rng, data):
    at = rng.randrange(len(data))
    junk = bytes(rng.randrange(256) for _ in range(rng.randint(1, 64)))
    return data[:at] + junk + data[at:]


def interesting_value(rng, data):
    out = bytearray(data)
    for _ in range(rng.randint(1, 4)):
        kind = rng.randrange(3)
        if kind == 0:
            blob = struct.pack("<q", rng.choice(INTERESTING_INTS))
        elif kind == 1:
            blob = struct.pack("<d", rng.choice(INTERESTING_F64))
        else:
            blob = struct.pack("<f", rng.choice(INTERESTING_F32))
        align = len(blob)
        if len(out) <= align:
            break
        pos = rng.randrange(0, len(out) - align) // align * align
        out[pos:pos + align] = blob
    return bytes(out)


def small_integer(rng, data):
    """Replaces one little-endian int64 holding a small value (a shape entry,
    a stride, a dimension in an HDF5 header) by an interesting one."""
    sites = [m.start() for m in re.finditer(rb"[\x01-\x40]\x00{7}", data)]
    if not sites:
        return interesting_value(rng, data)
    out = bytearray(data)
    pos = rng.choice(sites)
    out[pos:pos + 8] = struct.pack("<q", rng.choice(INTERESTING_INTS))
    return bytes(out)


def swap_word(rng, data):
    sites = token_sites(data)
    if not sites:
        return overwrite_bytes(rng, data)
    out = bytearray(data)
    for _ in range(rng.randint(1, 3)):
        pos, length = rng.choice(sites)
        out[pos:pos + length] = same_length_word(rng, length)
    return bytes(out)


MUTATORS = [
    (flip_bits, 3), (overwrite_bytes, 2), (truncate, 1), (delete_chunk, 1),
    (duplicate_chunk, 1), (insert_random, 1), (interesting_value, 3),
    (small_integer, 3), (swap_word, 5),
]


def mutate(rng, data):
    mutators, weights = zip(*MUTATORS)
    out = data
    for _ in range(1 if rng.random() < 0.7 else 2):
        out = rng.choices(mutators, weights)[0](rng, out)
        if not out:
            break
    return out


# --------------------------------------------------------------------------
# Running snnc
# --------------------------------------------------------------------------


def limit_memory(mb):
    def apply():
        limit = mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return apply


def run(cmd, timeout, mem_mb):
    try:
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL,
                              stderr=subprocess.PIPE, timeout=timeout,
                              preexec_fn=limit_memory(mem_mb))
    except subprocess.TimeoutExpired:
        return None, "timed out after %.0f s" % timeout
    return proc.returncode, proc.stderr.decode("utf-8", "replace")


def describe_exit(code):
    if code is None:
        return "timeout"
    if code < 0:
        return "killed by signal %d" % -code
    return "exit code %d" % code


OUTCOMES = ("refused", "imported, export refused",
            "imported, exported, re-imported")


def check_file(snnc, path, work, timeout, mem_mb):
    """Returns one of OUTCOMES when `snnc import path` (and the round trip of
    what it imported) behaves, else a failure description."""
    mlir = os.path.join(work, "imported.mlir")
    code, err = run([snnc, "import", path, "-o", mlir], timeout, mem_mb)
    if code not in (0, 1):
        return "import: %s\n%s" % (describe_exit(code), err[-2000:])
    if code == 1:
        return "refused" if "error:" in err else \
            "import: exit 1 without a diagnostic\n" + err[-2000:]
    # It imported: snnc must write it as NIR or refuse, and read its own file.
    out_dir = os.path.join(work, "export")
    os.makedirs(out_dir, exist_ok=True)
    nir = os.path.join(out_dir, os.path.basename(path))
    code, err = run([snnc, "export", mlir, "-o", nir], timeout, mem_mb)
    if code not in (0, 1):
        return "export: %s\n%s" % (describe_exit(code), err[-2000:])
    if code == 1:
        return "imported, export refused" if "error:" in err else \
            "export: exit 1 without a diagnostic\n" + err[-2000:]
    code, err = run([snnc, "import", nir, "-o", os.devnull], timeout, mem_mb)
    if code != 0:
        return "re-import of the export: %s\n%s" % (describe_exit(code),
                                                  err[-2000:])
    return "imported, exported, re-imported"


def build_corpus(snnc, seeds, samples, work, timeout, mem_mb):
    corpus = []
    for name in sorted(os.listdir(seeds)) if seeds else []:
        if not name.endswith(".mlir"):
            continue
        out = os.path.join(work, name[:-len(".mlir")] + ".nir")
        code, err = run([snnc, "export", "--materialize",
                         os.path.join(seeds, name), "-o", out], timeout,
                        mem_mb)
        if code != 0:
            sys.exit("cannot export seed %s: %s\n%s" %
                     (name, describe_exit(code), err))
        corpus.append(out)
    if samples and os.path.isdir(samples):
        for name in sorted(os.listdir(samples)):
            if name.endswith(".nir") and "subgraph.nir" not in name:
                corpus.append(os.path.join(samples, name))
    for path in corpus:
        code, err = run([snnc, "import", path, "-o", os.devnull], timeout,
                        mem_mb)
        if code != 0:
            sys.exit("corpus file %s does not import: %s\n%s" %
                     (path, describe_exit(code), err))
    return corpus


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snnc", required=True, help="the snnc binary")
    parser.add_argument("--seeds", help="directory of .mlir networks to "
                        "export as the corpus")
    parser.add_argument("--samples", help="directory of .nir sample files "
                        "(used when present)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cases", type=int, default=DEFAULT_CASES)
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
    parser.add_argument("--mem-limit-mb", type=int,
                        default=DEFAULT_MEM_LIMIT_MB)
    parser.add_argument("--jobs", type=int,
                        default=max(2, 2 * (os.cpu_count() or 1)))
    parser.add_argument("--replay", nargs="*", help="check just these files")
    args = parser.parse_args()

    work = tempfile.mkdtemp(prefix="fuzz-nir-import-")
    failures = []
    if args.replay is not None:
        cases = [(path, None) for path in args.replay]
    else:
        corpus = build_corpus(args.snnc, args.seeds, args.samples, work,
                              args.timeout, args.mem_limit_mb)
        if not corpus:
            sys.exit("empty corpus: give --seeds or --samples")
        originals = {path: open(path, "rb").read() for path in corpus}
        rng = random.Random(args.seed)
        cases = []
        for index in range(args.cases):
            source = corpus[index % len(corpus)]
            data = mutate(rng, originals[source])
            case_dir = os.path.join(work, "case%05d" % index)
            os.makedirs(case_dir)
            # The mutant keeps its source's name, so its network name and
            # the exported file's match.
            path = os.path.join(case_dir, os.path.basename(source))
            with open(path, "wb") as f:
                f.write(data)
            cases.append((path, source))

    def one(case):
        path, source = case
        scratch = tempfile.mkdtemp(dir=work)
        try:
            return path, source, check_file(args.snnc, path, scratch,
                                            args.timeout, args.mem_limit_mb)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)

    passed = 0
    outcomes = {outcome: 0 for outcome in OUTCOMES}
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for path, source, failure in pool.map(one, cases):
            if failure in outcomes:
                outcomes[failure] += 1
                passed += 1
                if args.replay is None:
                    shutil.rmtree(os.path.dirname(path), ignore_errors=True)
            else:
                failures.append((path, source, failure))
    for path, source, failure in failures:
        print("FAIL %s (from %s): %s" % (path, source, failure))
    if failures:
        print("failing inputs kept in %s" % work)
    else:
        shutil.rmtree(work, ignore_errors=True)
    print(", ".join("%s: %d" % item for item in outcomes.items()))
    print("%d passed, %d failed" % (passed, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
