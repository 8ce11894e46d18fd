#!/usr/bin/env python3
# Malformed-input fuzzer: checks snnc-opt never crashes, hangs or fails silently on random/mutated IR.
"""Feeds snnc-opt random and mutated inputs and checks that it copes.

Every input is run as `snnc-opt FILE` (under fuzzlib's limits: 30 s of CPU,
120 s wall, 4 GiB of address space) and must:
  * exit normally with 0 (valid input) or 1 (rejected input): never be killed
    by a signal, never reach a limit, never use another exit code, never
    print internal text (an exception's name, "LLVM ERROR"), stay within
    --slow-cpu seconds of CPU and --max-rss-mb of memory;
  * when it exits with 1, print a diagnostic ("error:") on stderr;
  * when it exits with 0, print IR that snnc-opt parses again (exit 0) and
    prints identically (the printed form is a fixed point).

Families (--families, each --cases inputs, one random stream per family):
  classic    the mutations and templates below;
  nesting    every bracket kind nested 10 to 10^6 deep: arrays,
             dictionaries, tuple and function types, tensor encodings,
             dense literals, regions (nested modules, generic regions),
             locations (callsite, fused), affine expressions (parentheses,
             and prefix or infix operators with no bracket at all), opaque
             dialect bodies; mixed, unbalanced, and after quotes or
             brackets in comments and strings that a pre-scan may misread;
  expansion  aliases that name the previous alias k times (arrays,
             dictionaries, tuple and function types, dense elements,
             callsite locations in a diagnostic): k^n elements in a few
             hundred bytes;
  extreme    valid programs with one numeric attribute of an snn op (every
             neuron parameter, reservoir size, seed, distributions,
             connectivity and grid, conv/pool/flatten integers, sparse
             indices, values, delays and steps, linear/affine weights and
             shapes, scale factors, delays, discrete neurons and
             procedural projections, #snn.time, #snn.target seed,
             firing probability and embedded overrides, signal shapes whose
             products overflow) set to 0, -1, NaN, +-inf, 2^31, 2^32, 2^63,
             1e308, denormals...
With --snnc, what snnc-opt accepts in the last three is also compiled with
`snnc compile` for each built target in turn: it must end cleanly, with a
diagnostic and no image left behind when it fails.

Inputs of the classic family, all deterministic from --seed:
  * every file in regressions/ (crashers found earlier), always first;
  * purely random bytes, and random soups of MLIR/snn tokens;
  * byte-level mutations of the corpus files (bit flips, insertions,
    deletions, chunk duplication, truncation);
  * token-level mutations of the corpus files and of their generic-form
    prints (numbers replaced by 0, -1, 1e308, nan, huge integers...; type,
    signal-kind, op and attribute names swapped; shapes changed; lines
    deleted, duplicated or swapped; SSA names, dense payloads, blobs
    altered);
  * templates: well-formed programs for each op kind with extreme or
    inconsistent shapes, parameters and tensors, to reach the verifiers.

Failing inputs are kept under --keep (per family) or a fresh temporary
directory; each is listed with its failure and the tail of stderr. The last line printed is
`N passed, M failed`; the exit status is 1 if anything failed. Crashes that
match KNOWN_ISSUES (bugs in upstream MLIR) are listed but not failures.

`--replay FILE...` checks just the given files (the regressions' lit RUN
lines use it, so a hang there is bounded by --timeout).

The default --cases (2000, classic) takes about 25-35 s on 2 cores.
"""

import argparse
import concurrent.futures
import os
import random
import re
import resource
import shutil
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fuzzlib  # noqa: E402

DEFAULT_CASES = 2000
# Wall-clock limit per run. What decides a hang is the CPU limit (30 s of
# CPU, fuzzlib), which a loaded machine does not shorten; the address-space
# cap (4 GiB) turns a runaway allocation into an abort, reported as a crash.
DEFAULT_TIMEOUT = 120.0

from mlir_mutations import *  # noqa: E402,F401,F403
from mlir_hostile import HOSTILE_FAMILIES  # noqa: E402


# --------------------------------------------------------------------------
# Running snnc-opt
# --------------------------------------------------------------------------


# The limits of one run (fuzzlib.Limits), set by main().
LIMITS = fuzzlib.Limits()


def run_tool(tool, args, timeout=None):
    """Returns the fuzzlib.Result of `tool args` under LIMITS."""
    return fuzzlib.run([tool] + args, LIMITS, capture_stdout=True)


def judge(result):
    """None if `result` is an acceptable outcome, else why not."""
    return fuzzlib.judge(result, LIMITS)


def check_file(tool, path, snnc=None, target=None):
    """Runs one input; returns (failure reason or None, stderr, exit code).
    With `snnc`, an input snnc-opt accepts is also compiled for `target`,
    which must end cleanly and leave no image behind when it fails."""
    result = run_tool(tool, [path])
    code, out, err = result.code, result.stdout, result.stderr
    problem = judge(result)
    if problem or code != 0:
        return problem, err, code
    printed = path + ".out.mlir"
    with open(printed, "wb") as f:
        f.write(out)
    again = run_tool(tool, [printed])
    problem = judge(again)
    if problem:
        return f"re-parsing the output: {problem}", again.stderr, code
    if again.code != 0:
        return "the output of a successful run does not parse again", \
            again.stderr, code
    os.unlink(printed)
    if again.stdout != out:
        return "printing is not a fixed point (print(parse(output)) != " \
               "output)", again.stderr, code
    if snnc:
        return compile_check(snnc, path, target, code)
    return None, err, code


COMPILE_DIAGNOSTIC = re.compile(r"error:|^snnc [a-z-]+: ", re.M)


def compile_check(snnc, path, target, opt_code):
    """`snnc compile path --target target`: clean end, a diagnostic and no
    image left behind when it fails."""
    image = path + ".img"
    cmd = [snnc, "compile", path, "-o", image, "--report", "none"]
    if target:
        cmd += ["--target", target]
    result = fuzzlib.run(cmd, LIMITS)
    problem = fuzzlib.judge(result, LIMITS, diagnostic=COMPILE_DIAGNOSTIC)
    if problem is None and result.code == 1 and os.path.lexists(image):
        problem = "left the image behind after failing"
    if problem is None and result.code == 0 and opt_code != 0:
        problem = "snnc-opt refuses it but snnc compile accepts it"
    fuzzlib.remove(image)
    if problem:
        return "snnc compile --target %s: %s" % (target, problem), \
            result.stderr, opt_code
    return None, result.stderr, opt_code


SIGNAL_FRAME_RE = re.compile(
    r"llvm::sys::|SignalHandler|libc\.so|^\((?!anonymous)|abort|raise|__assert|"
    r"llvm::report_|llvm_unreachable|ErrorHandling|OutOfMemory|libstdc\+\+|"
    r"^mlir::(?:emitError|Operation::emit|InFlightDiagnostic|Diagnostic)|"
    r"^emitDiag|^mlir::Attribute::getContext")
FRAME_RE = re.compile(r"\s*#\d+ 0x[0-9a-f]+ (.*)")


def frames(stderr):
    return [m.group(1) for m in map(FRAME_RE.match, stderr.splitlines()) if m]


# Crashes in upstream MLIR that snnc cannot fix: an input hitting one is
# reported as a known issue, not a failure. Each entry: (reference, what,
# predicate on (input bytes, failure reason, stderr)).
# Upstream MLIR bugs that snnc cannot prevent would be listed here, with the
# upstream reference, and reported without failing the run. None is left:
# llvm/llvm-project#181266 (a blob with alignment 0 aborts the parser) is
# caught before parsing by snn::checkResourceBlobs.
KNOWN_ISSUES = []


def known_issue(data, problem, err):
    for reference, what, matches in KNOWN_ISSUES:
        if matches(data, problem, err):
            return f"{reference}: {what}"
    return None


def crash_site(stderr):
    """The innermost snn frame of a stack dump, else the first frame that is
    not signal handling or diagnostic plumbing."""
    stack = [re.sub(r"\s*\(/[^)]*\)$", "", f) for f in frames(stderr)]
    for frame in stack:
        if "snn::" in frame or "Snn" in frame:
            return frame[:160]
    for frame in stack:
        if not SIGNAL_FRAME_RE.search(frame):
            return frame[:160]
    return None


def stderr_tail(stderr, lines=8):
    """The diagnostics' tail and, for a crash, the top of the stack dump."""
    text = [l for l in stderr.splitlines() if l.strip() and not
            l.startswith(("PLEASE submit a bug report", "Stack dump:"))]
    first_frame = next((i for i, l in enumerate(text) if FRAME_RE.match(l)),
                       None)
    if first_frame is None:
        return text[-lines:]
    stack = text[first_frame:]
    top = next((i for i, l in enumerate(stack)
                if not SIGNAL_FRAME_RE.search(FRAME_RE.match(l).group(1))
                if FRAME_RE.match(l)), 0)
    return text[:first_frame][-lines:] + stack[top:top + lines]


# --------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------


def load_seeds(tool, corpus_dir, timeout):
    """Corpus texts plus their generic-form prints, as (name, text) pairs."""
    names = sorted(n for n in os.listdir(corpus_dir) if n.endswith(".mlir"))
    if not names:
        sys.exit(f"error: no .mlir files in corpus {corpus_dir}")
    seeds = []
    for name in names:
        path = os.path.join(corpus_dir, name)
        with open(path, "rb") as f:
            seeds.append((name, f.read().decode("utf-8", "surrogateescape")))
        result = run_tool(tool, ["--mlir-print-op-generic", path])
        code, out, err = result.code, result.stdout, result.stderr
        if code != 0:
            outcome = "timed out" if code is None else f"exited with {code}"
            sys.exit(f"error: corpus file {path} is not valid input for "
                     f"{tool} ({outcome}):\n{err}")
        seeds.append((name + " (generic)",
                      out.decode("utf-8", "surrogateescape")))
    return seeds


def built_targets(snnc):
    result = fuzzlib.run([snnc, "targets"], LIMITS, capture_stdout=True)
    return [line.split()[0] for line in
            result.stdout.decode("utf-8", "replace").splitlines()
            if line and not line[0].isspace()]


FAMILIES = ["classic"] + sorted(HOSTILE_FAMILIES)
SKIPPED = "skipped"  # a case not run after --max-failures


def main():
    global LIMITS
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tool", required=True,
                        help="path to snnc-opt (or a name found on PATH)")
    parser.add_argument("--corpus",
                        help="directory of valid .mlir seed inputs "
                             "(required for the classic family)")
    parser.add_argument("--replay", nargs="+", metavar="FILE",
                        help="only check these files (e.g. one regression "
                             "from lit), nothing generated")
    parser.add_argument("--families", default="classic",
                        help="comma-separated families: %s (default "
                             "classic)" % ", ".join(FAMILIES))
    parser.add_argument("--snnc", help="snnc: inputs of the nesting, "
                        "expansion and extreme families that snnc-opt "
                        "accepts are also compiled, for each built target "
                        "in turn")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cases", type=int, default=DEFAULT_CASES,
                        help=f"generated inputs per family (default "
                             f"{DEFAULT_CASES})")
    parser.add_argument("--regressions", default=os.path.join(here,
                                                              "regressions"),
                        help="directory of inputs always replayed first")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="parallel snnc-opt processes")
    parser.add_argument("--keep", help="folder for failing inputs (default: "
                        "a fresh one under /tmp)")
    parser.add_argument("--max-failures", type=int, default=0,
                        help="stop after this many failures (0: never), "
                             "so that a broken build fails fast")
    parser.add_argument("--details", type=int, default=3,
                        help="failures per distinct failure shown with "
                             "their stderr (others: path only)")
    fuzzlib.add_limit_arguments(parser, wall=DEFAULT_TIMEOUT)
    args = parser.parse_args()
    families = [f for f in args.families.split(",") if f]
    for family in families:
        if family not in FAMILIES:
            parser.error("unknown family %r (known: %s)" % (
                family, ", ".join(FAMILIES)))
    if not args.replay and "classic" in families and not args.corpus:
        parser.error("--corpus is required for the classic family")
    LIMITS = fuzzlib.limits_from(args)

    tool = args.tool
    if os.sep not in tool:
        tool = shutil.which(tool) or tool
    tool = os.path.abspath(tool)
    if not os.access(tool, os.X_OK):
        sys.exit(f"error: {tool} is not an executable")
    snnc = os.path.abspath(args.snnc) if args.snnc else None
    targets = built_targets(snnc) if snnc else []
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

    start = time.monotonic()
    # (label, data or None, path of an existing file or None, family)
    cases = []
    if args.replay:
        for path in args.replay:
            cases.append((f"replay {os.path.basename(path)}", None, path,
                          "replay"))
        generated = 0
    else:
        generated = 0
        if "classic" in families:
            seeds = load_seeds(tool, args.corpus, args.timeout)
            if os.path.isdir(args.regressions):
                for name in sorted(os.listdir(args.regressions)):
                    if name.endswith(".mlir"):
                        cases.append((f"regression {name}", None,
                                      os.path.join(args.regressions, name),
                                      "classic"))
            rng = random.Random(args.seed)
            for data, label in generate_cases(rng, seeds, args.cases):
                cases.append((label, data, None, "classic"))
            generated += args.cases
        for family in families:
            if family == "classic":
                continue
            # Written when run (some are megabytes), each from its own
            # stream: input i of a family is the same whatever else runs.
            for i in range(args.cases):
                cases.append((None, (args.seed, i), None, family))
            generated += args.cases

    workdir = tempfile.mkdtemp(prefix="fuzz-snnc-opt-")
    keep = args.keep or workdir

    stop = threading.Event()
    failures_seen = [0]
    lock = threading.Lock()

    def run_case(index):
        if stop.is_set():
            return SKIPPED, "", "", None, 0.0, None
        result = run_one(index)
        if result[0] is not None:
            with lock:
                failures_seen[0] += 1
                if args.max_failures and \
                        failures_seen[0] >= args.max_failures:
                    stop.set()
        return result

    def run_one(index):
        label, data, existing, family = cases[index]
        path = os.path.join(workdir, f"case-{index:05d}.mlir")
        if isinstance(data, tuple):
            seed, i = data
            data, label = HOSTILE_FAMILIES[family](
                random.Random("%d/%s/%d" % (seed, family, i)))
            cases[index] = (label, None, None, family)
        if existing:
            shutil.copyfile(existing, path)
        else:
            with open(path, "wb") as f:
                f.write(data)
        use_snnc = snnc if family in HOSTILE_FAMILIES else None
        target = targets[index % len(targets)] if use_snnc and targets \
            else None
        began = time.monotonic()
        problem, err, code = check_file(tool, path, use_snnc, target)
        took = time.monotonic() - began
        known = None
        if problem is not None:
            with open(path, "rb") as f:
                known = known_issue(f.read(), problem, err)
        kept = None
        if problem is not None and not known:
            kept = path
            if args.keep:
                folder = os.path.join(args.keep, family)
                os.makedirs(folder, exist_ok=True)
                kept = os.path.join(folder, os.path.basename(path))
                shutil.copyfile(path, kept)
                with open(kept + ".txt", "w") as f:
                    f.write("input: %s\nfailure: %s\n" % (label, problem))
                    f.write("command: %s %s%s\n" % (
                        tool, kept, "" if not problem.startswith("snnc "
                                                                 "compile")
                        else " (then snnc compile %s --target %s)" % (
                            kept, target)))
                    f.write("stderr (tail):\n")
                    for line in err.splitlines()[-30:]:
                        f.write("  %s\n" % line[:400])
                os.unlink(path)
        if problem is None or known:
            os.unlink(path)
        for leftover in (path + ".out.mlir", path + ".img"):
            fuzzlib.remove(leftover)
        return (None if known else problem), err, kept or path, code, took, \
            known

    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        results = list(pool.map(run_case, range(len(cases))))
    skipped = sum(1 for r in results if r[0] is SKIPPED)
    cases = [c for c, r in zip(cases, results) if r[0] is not SKIPPED]
    results = [r for r in results if r[0] is not SKIPPED]

    failed = 0
    shown = {}
    signatures = {}
    accepted = sum(1 for r in results
                   if r[0] is None and r[3] == 0 and not r[5])
    known = {}
    for result in results:
        if result[5]:
            known[result[5]] = known.get(result[5], 0) + 1
    per_family = {}
    for (label, _, _, family), (problem, err, path, code, _, _) in \
            zip(cases, results):
        counts = per_family.setdefault(family, [0, 0, 0])
        if problem is None:
            counts[0 if code == 0 else 1] += 1
            continue
        counts[2] += 1
        failed += 1
        site = crash_site(err)
        signature = f"[{family}] " + fuzzlib.signature(problem, err) + \
            (f" in {site}" if site else "")
        signatures[signature] = signatures.get(signature, 0) + 1
        shown[signature] = shown.get(signature, 0) + 1
        print(f"FAIL: {path}: {problem} [{label[:160]}]")
        if shown[signature] <= args.details:
            for line in stderr_tail(err):
                print(f"    | {line[:300]}")
    if failed:
        print(f"\nFailing inputs are in {keep}")
        print("Distinct failures:")
        for signature, count in sorted(signatures.items(),
                                       key=lambda kv: -kv[1]):
            print(f"  {count:5d} x {signature}")
    if not failed or args.keep:
        shutil.rmtree(workdir, ignore_errors=True)
    elapsed = time.monotonic() - start
    slowest = max(range(len(cases)), key=lambda i: results[i][4], default=None)
    if slowest is not None and results[slowest][4] > 2.0:
        print(f"\nslowest input: #{slowest} [{cases[slowest][0][:160]}], "
              f"{results[slowest][4]:.1f} s")
    for issue, count in sorted(known.items()):
        print(f"\nknown upstream issue, not counted as a failure ({count} "
              f"input{'s' if count > 1 else ''}): {issue}")
    for family, (ok, refused, bad) in per_family.items():
        print(f"{family}: {ok + refused + bad} inputs: {ok} accepted, "
              f"{refused} rejected with a diagnostic, {bad} failed")
    what = "replayed" if args.replay else f"seed {args.seed},"
    print(f"\n{what} {len(cases)} inputs "
          f"({len(cases) - generated} given; {accepted} accepted, "
          f"{len(cases) - failed - accepted - sum(known.values())} rejected "
          f"with a diagnostic), "
          f"{elapsed:.1f} s")
    if skipped:
        print(f"stopped after {args.max_failures} failures: {skipped} "
              f"inputs not run")
    print(f"{len(cases) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
