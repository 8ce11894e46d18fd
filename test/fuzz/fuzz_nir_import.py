#!/usr/bin/python3
# NIR importer fuzzer: mutated and hostile NIR (HDF5) files never crash or hang `snnc import`.
"""Feeds `snnc import` mutated and hostile NIR files and checks that it copes.

Every file is imported as `snnc import FILE -o OUT` (under fuzzlib's
limits: 30 s of CPU, 120 s wall, 4 GiB of address space) and must:
  * exit normally with 0 (imported) or 1 (refused): never be killed by a
    signal, never reach a limit, never use another exit code, never print
    internal text, stay within --slow-cpu seconds of CPU and --max-rss-mb
    of memory;
  * when it exits with 1, print a diagnostic ("error:" or "snnc import:")
    on stderr and leave no OUT behind;
  * when it exits with 0, give a network that `snnc export` writes (exit 0)
    or refuses (exit 1, with a diagnostic), and whose export `snnc import`
    reads back (exit 0): what snnc writes, snnc reads.

Families (--families, each --cases files):
  mutate  the mutations below, of a corpus;
  graph, hdf5, params
          hostile files written with h5py (nir_gen.py: shared subgraphs
          through hard links, cycles, deep nesting; external storage,
          external links and virtual datasets reaching /etc/passwd,
          /dev/zero, the file itself or a file beside it, which must be
          refused; unknown filters, gzip bombs, huge declared extents,
          foreign HDF5 types; every parameter of every node type at
          extreme values and shapes whose products overflow). What imports
          from the graph and params families is also compiled with
          `snnc compile FILE.nir` for each built target in turn, which
          must end cleanly and leave no image behind when it fails.
          These need h5py (python3-h5py).

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

Failing inputs are kept under --keep (default: the fresh work folder),
with the command, the failure and stderr, and listed by class. The last
line printed is `N passed, M failed`; the exit status is 1 if anything
failed. `--replay FILE...` checks just the given files.
"""

import argparse
import concurrent.futures
import os
import random
import re
import shutil
import struct
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fuzzlib  # noqa: E402

DEFAULT_CASES = 600

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

# The limits of one command (fuzzlib.Limits), set by main().
LIMITS = fuzzlib.Limits()
DIAGNOSTIC = re.compile(r"error:|^snnc [a-z-]+: ", re.M)


def run(cmd, cwd=None):
    """(problem or None, Result) of `cmd` under LIMITS: a clean end, and a
    diagnostic when it exits 1."""
    result = fuzzlib.run(cmd, LIMITS, cwd=cwd)
    problem = fuzzlib.judge(result, LIMITS, diagnostic=DIAGNOSTIC)
    return problem, result


OUTCOMES = ("refused", "imported, export refused",
            "imported, exported, re-imported")


class Failure(Exception):
    def __init__(self, what, result):
        Exception.__init__(self, what)
        self.what = what
        self.stderr = result.stderr if result else ""


def step(name, cmd, output, cwd=None):
    """Runs one command; raises Failure when it does not end cleanly or
    leaves `output` behind after failing. Returns its exit code."""
    problem, result = run(cmd, cwd)
    if problem is None and result.code == 1 and output and \
            os.path.lexists(output):
        problem = "left %s behind after failing" % os.path.basename(output)
    if problem:
        raise Failure("%s: %s" % (name, problem), result)
    return result.code


def check_file(snnc, path, work, expect=None, target=None):
    """Returns (outcome, "") when `snnc import path` (and the round trip of
    what it imported, and a compile for `target` when given) behaves, else
    (failure description, stderr). `expect` "refuse": the file reads data
    from outside itself and must be refused."""
    mlir = os.path.join(work, "imported.mlir")
    try:
        code = step("import", [snnc, "import", path, "-o", mlir], mlir,
                    cwd=os.path.dirname(path))
        if code == 1:
            return "refused", ""
        if expect == "refuse":
            raise Failure("import: accepted a file that reads data from "
                          "outside itself", None)
        if target:
            image = os.path.join(work, "compiled.img")
            step("compile --target %s" % target,
                 [snnc, "compile", path, "--target", target, "-o", image,
                  "--report", "none"], image, cwd=os.path.dirname(path))
            fuzzlib.remove(image)
        # It imported: snnc must write it as NIR or refuse, and read its
        # own file.
        out_dir = os.path.join(work, "export")
        os.makedirs(out_dir, exist_ok=True)
        nir = os.path.join(out_dir, os.path.basename(path))
        code = step("export", [snnc, "export", mlir, "-o", nir], nir)
        if code == 1:
            return "imported, export refused", ""
        problem, result = run([snnc, "import", nir, "-o", os.devnull])
        if problem or result.code != 0:
            raise Failure("re-import of the export: %s" % (
                problem or "exit code %d" % result.code), result)
        return "imported, exported, re-imported", ""
    except Failure as failure:
        return failure.what, failure.stderr


def build_corpus(snnc, seeds, samples, work):
    corpus = []
    for name in sorted(os.listdir(seeds)) if seeds else []:
        if not name.endswith(".mlir"):
            continue
        out = os.path.join(work, name[:-len(".mlir")] + ".nir")
        problem, result = run([snnc, "export", "--materialize",
                               os.path.join(seeds, name), "-o", out])
        if problem or result.code != 0:
            sys.exit("cannot export seed %s: %s\n%s" %
                     (name, problem or "exit 1", result.stderr))
        corpus.append(out)
    if samples and os.path.isdir(samples):
        for name in sorted(os.listdir(samples)):
            if name.endswith(".nir") and "subgraph.nir" not in name:
                corpus.append(os.path.join(samples, name))
    for path in corpus:
        problem, result = run([snnc, "import", path, "-o", os.devnull])
        if problem or result.code != 0:
            sys.exit("corpus file %s does not import: %s\n%s" %
                     (path, problem or "exit 1", result.stderr))
    return corpus


def built_targets(snnc):
    result = fuzzlib.run([snnc, "targets"], LIMITS, capture_stdout=True)
    return [line.split()[0] for line in
            result.stdout.decode("utf-8", "replace").splitlines()
            if line and not line[0].isspace()]


FAMILIES = ["mutate", "graph", "hdf5", "params"]


def main():
    global LIMITS
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--snnc", required=True, help="the snnc binary")
    parser.add_argument("--seeds", help="directory of .mlir networks to "
                        "export as the corpus (mutate family)")
    parser.add_argument("--samples", help="directory of .nir sample files "
                        "(used when present)")
    parser.add_argument("--families", default="mutate",
                        help="comma-separated families: %s (default "
                             "mutate)" % ", ".join(FAMILIES))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cases", type=int, default=DEFAULT_CASES,
                        help="cases per family")
    parser.add_argument("--jobs", type=int,
                        default=max(2, 2 * (os.cpu_count() or 1)))
    parser.add_argument("--keep", help="folder for failing inputs (default: "
                        "the fresh work folder)")
    parser.add_argument("--details", type=int, default=2)
    parser.add_argument("--max-failures", type=int, default=0,
                        help="stop after this many failures (0: never), "
                             "so that a broken build fails fast")
    parser.add_argument("--replay", nargs="*", help="check just these files")
    fuzzlib.add_limit_arguments(parser)
    args = parser.parse_args()
    LIMITS = fuzzlib.limits_from(args)
    families = [f for f in args.families.split(",") if f]
    for family in families:
        if family not in FAMILIES:
            parser.error("unknown family %r (known: %s)" % (
                family, ", ".join(FAMILIES)))
    snnc = os.path.abspath(args.snnc)

    started = time.monotonic()
    work = tempfile.mkdtemp(prefix="fuzz-nir-import-")
    keep = args.keep or work
    findings = fuzzlib.Findings(keep)
    targets = built_targets(snnc)
    # (path, source or label, family, expect, target)
    cases = []
    if args.replay is not None:
        cases = [(path, path, "replay", None, None) for path in args.replay]
    else:
        if "mutate" in families:
            corpus = build_corpus(snnc, args.seeds, args.samples, work)
            if not corpus:
                sys.exit("empty corpus: give --seeds or --samples")
            originals = {path: open(path, "rb").read() for path in corpus}
            rng = random.Random(args.seed)
            for index in range(args.cases):
                source = corpus[index % len(corpus)]
                data = mutate(rng, originals[source])
                case_dir = os.path.join(work, "mutate%05d" % index)
                os.makedirs(case_dir)
                # The mutant keeps its source's name, so its network name
                # and the exported file's match.
                path = os.path.join(case_dir, os.path.basename(source))
                with open(path, "wb") as f:
                    f.write(data)
                cases.append((path, "mutant of " + source, "mutate", None,
                              None))
        hostile = [f for f in families if f != "mutate"]
        if hostile:
            try:
                import nir_gen
            except ImportError as e:
                sys.exit("error: the graph, hdf5 and params families need "
                         "h5py (Debian: python3-h5py, installed by "
                         "tools/scripts/install-deps.sh; run with "
                         "/usr/bin/python3): %s" % e)
        for family in hostile:
            # Files are written when checked, each from its own stream:
            # file i of a family is the same whatever else runs.
            for index in range(args.cases):
                target = targets[index % len(targets)] if targets and \
                    family in ("params", "graph") else None
                cases.append((None, index, family, None, target))

    stop = threading.Event()
    generation = [0.0]

    def one(case):
        path, label, family, expect, target = case
        if stop.is_set():
            if path and args.replay is None:
                shutil.rmtree(os.path.dirname(path), ignore_errors=True)
            return family, "skipped"
        if path is None:
            began = time.monotonic()
            case_dir = os.path.join(work, "%s%05d" % (family, label))
            os.makedirs(case_dir)
            rng = random.Random("%d/%s/%d" % (args.seed, family, label))
            path, label, expect = nir_gen.generate(family, rng, case_dir)
            generation[0] += time.monotonic() - began
        scratch = tempfile.mkdtemp(dir=work)
        try:
            outcome, stderr = check_file(snnc, path, scratch, expect, target)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
        if outcome not in OUTCOMES:
            cmd = [snnc, "import", path] + (["(then compile --target %s)" %
                                             target] if target else [])
            findings.add(family, [os.path.dirname(path)] if family !=
                         "replay" else [path], outcome, cmd, stderr, label)
            if args.max_failures and \
                    len(findings.failures) >= args.max_failures:
                stop.set()
        if args.replay is None:
            shutil.rmtree(os.path.dirname(path), ignore_errors=True)
        return family, outcome

    per_family = {}
    passed = 0
    skipped = 0
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        for family, outcome in pool.map(one, cases):
            if outcome == "skipped":
                skipped += 1
                continue
            counts = per_family.setdefault(family, {o: 0 for o in OUTCOMES})
            if outcome in OUTCOMES:
                counts[outcome] += 1
                passed += 1
            else:
                counts["failed"] = counts.get("failed", 0) + 1
    findings.report(args.details)
    failed = len(findings.failures)
    if failed:
        print("failing inputs kept in %s" % keep)
    if not failed or args.keep:
        shutil.rmtree(work, ignore_errors=True)
    for family, counts in per_family.items():
        print("%s: %s" % (family, ", ".join("%s: %d" % item
                                            for item in counts.items())))
    print("%.1f s wall (%.1f s writing files)" % (
        time.monotonic() - started, generation[0]))
    if skipped:
        print("stopped after %d failures: %d files not checked" % (
            args.max_failures, skipped))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
