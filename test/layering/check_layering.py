#!/usr/bin/env python3
"""Checks every #include of the source tree against snnc's layering.

The layers (DESIGN.md §2) and what each may include:
- support/     the C++ and system libraries, and itself;
- dialects/    MLIR/LLVM, support, itself;
- compiler/    MLIR/LLVM, dialects, support, the image library
               (snnc/image/, which it writes), itself;
- runtime/     support and the runtime; never MLIR, LLVM, a dialect or the
               compiler;
- tools/       compiler, runtime, support, dialects.
No shared layer may include a backend's headers (`snnc/<target>/...` of any
folder under backends/), except through the generated list of built targets
(snnc/Config/Targets.def). A backend may include anything but another
backend. Nowhere may an include climb out of its folder with "../": what a
library shares it exports from its include/ folder.

`--known FILE` lists violations not yet fixed, one `path: header` a line;
they are tolerated, and an entry that no longer occurs fails the check too,
so the list can only shrink.

`--self-test` plants a compiler include in a runtime file of a scratch copy
of the rules and checks that it is reported.
"""
import argparse
import os
import re
import sys
import tempfile

INCLUDE = re.compile(r'^\s*#\s*include\s*([<"])([^>"]+)[>"]')
SOURCES = (".h", ".cpp", ".inc", ".def", ".cpp.in", ".h.in")
SKIP = {"build", ".git", "hw"}

COMPILER = ("snnc/Transforms/", "snnc/Pipeline/", "snnc/Import/",
            "snnc/Export/", "snnc/mapping/", "snnc/Target/", "snnc/Analysis/",
            "snnc/CodeGen/")
MLIR = ("mlir/", "llvm/", "llvm-c/")
DIALECT = ("snn/",)
RUNTIME = ("snnc/runtime/", "snnc/rtl/")
IMAGE = ("snnc/image/",)

# What each shared layer must not include (besides backends and "../").
FORBIDDEN = {
    "support": COMPILER + MLIR + DIALECT + RUNTIME + IMAGE,
    "dialects": COMPILER + RUNTIME + IMAGE,
    "compiler": RUNTIME,
    "runtime": COMPILER + MLIR + DIALECT,
    "tools": (),
}


def layer_of(rel):
    top = rel.split(os.sep)[0]
    if top == "backends":
        return "backend:" + rel.split(os.sep)[1]
    if top == "test":
        return None
    return top if top in FORBIDDEN else None


def backend_prefixes(root):
    """Include prefixes each backend exports: snnc/<name>/ of its folders."""
    prefixes = {}
    backends = os.path.join(root, "backends")
    if not os.path.isdir(backends):
        return prefixes
    for target in sorted(os.listdir(backends)):
        for dirpath, dirnames, _ in os.walk(os.path.join(backends, target)):
            if os.path.basename(dirpath) == "snnc" and \
                    os.path.basename(os.path.dirname(dirpath)) == "include":
                for name in dirnames:
                    prefixes["snnc/%s/" % name] = target
    return prefixes


def check(root):
    backends = backend_prefixes(root)
    problems = []
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        dirnames[:] = [d for d in dirnames
                       if not (rel_dir == "." and d in SKIP)]
        for name in filenames:
            if not name.endswith(SOURCES):
                continue
            path = os.path.join(dirpath, name)
            rel = os.path.relpath(path, root)
            layer = layer_of(rel)
            with open(path, errors="replace") as f:
                for number, line in enumerate(f, 1):
                    m = INCLUDE.match(line)
                    if not m:
                        continue
                    header = m.group(2)
                    close = ">" if m.group(1) == "<" else '"'
                    where = "%s:%d: #include %s%s%s" % (
                        rel, number, m.group(1), header, close)
                    if header.startswith("../") or "/../" in header:
                        problems.append(where + ": climbs out of its folder "
                                        "(export the header instead)")
                        continue
                    if layer is None:
                        continue
                    owner = next((t for p, t in backends.items()
                                  if header.startswith(p)), None)
                    if owner and layer != "backend:" + owner:
                        problems.append(
                            where + ": %s code includes backend '%s'" %
                            (layer.split(":")[0], owner))
                        continue
                    if layer.startswith("backend:"):
                        continue
                    bad = next((p for p in FORBIDDEN[layer]
                                if header.startswith(p)), None)
                    if bad:
                        problems.append(where + ": %s code must not include "
                                        "%s headers" % (layer, bad))
    return problems


def self_test():
    with tempfile.TemporaryDirectory() as root:
        os.makedirs(os.path.join(root, "runtime", "engine", "lib"))
        os.makedirs(os.path.join(root, "backends", "toy", "include", "snnc",
                                 "toy"))
        with open(os.path.join(root, "runtime", "engine", "lib", "A.cpp"),
                  "w") as f:
            f.write('#include "snnc/runtime/Engine.h"\n'
                    '#include "snnc/mapping/Topology.h"\n'
                    '#include "snnc/toy/Model.h"\n'
                    '#include "../../image/lib/Bytes.h"\n'
                    '#include "mlir/IR/Builders.h"\n')
        found = check(root)
    want = ["snnc/mapping/", "backend 'toy'", "climbs out", "mlir/"]
    missing = [w for w in want if not any(w in p for p in found)]
    if missing or len(found) != 4:
        print("layering self-test failed: missing %s in %s" % (missing, found))
        return 1
    print("layering self-test: 4 planted violations found")
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", default=os.path.dirname(os.path.dirname(
        os.path.dirname(os.path.abspath(__file__)))))
    parser.add_argument("--known")
    parser.add_argument("--self-test", action="store_true")
    args = parser.parse_args()
    if args.self_test:
        return self_test()
    problems = check(args.root)
    known = set()
    if args.known:
        with open(args.known) as f:
            known = {line.strip() for line in f
                     if line.strip() and not line.startswith("#")}
    key = lambda p: re.sub(r""":\d+: #include [<"]([^>"]+)[>"].*$""",
                           r": \1", p)
    seen = {key(p) for p in problems}
    new = [p for p in problems if key(p) not in known]
    fixed = sorted(known - seen)
    for p in new:
        print(p)
    for k in fixed:
        print("%s: fixed; remove it from %s" % (k, args.known))
    print("layering: %d new violation%s, %d known, %d fixed" % (
        len(new), "" if len(new) == 1 else "s", len(known & seen), len(fixed)))
    return 1 if new or fixed else 0


if __name__ == "__main__":
    sys.exit(main())
