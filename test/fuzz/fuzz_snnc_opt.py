#!/usr/bin/env python3
# Malformed-input fuzzer: checks snnc-opt never crashes, hangs or fails silently on random/mutated IR.
"""Feeds snnc-opt random and mutated inputs and checks that it copes.

Every input is run as `snnc-opt FILE` (with a timeout) and must:
  * exit normally with 0 (valid input) or 1 (rejected input): never be killed
    by a signal, never time out, never use another exit code;
  * when it exits with 1, print a diagnostic ("error:") on stderr;
  * when it exits with 0, print IR that snnc-opt parses again (exit 0) and
    prints identically (the printed form is a fixed point).

Inputs, all deterministic from --seed (Python's random.Random):
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

Failing inputs are kept under a fresh temporary directory; each is listed
with its failure and the tail of snnc-opt's stderr. The last line printed is
`N passed, M failed`; the exit status is 1 if anything failed. Crashes that
match KNOWN_ISSUES (bugs in upstream MLIR) are listed but not failures.

`--replay FILE...` checks just the given files (the regressions' lit RUN
lines use it, so a hang there is bounded by --timeout).

The default --cases (2000) takes about 25-35 s on 2 cores.
"""

import argparse
import concurrent.futures
import os
import random
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time

DEFAULT_CASES = 2000
DEFAULT_TIMEOUT = 10.0
# Address-space cap for snnc-opt (inherited from this process): a runaway
# allocation becomes an "out of memory" abort, reported as a crash, instead of
# swapping the machine to death.
DEFAULT_MEM_LIMIT_MB = 8192

# --------------------------------------------------------------------------
# Vocabulary
# --------------------------------------------------------------------------

INTERESTING_NUMBERS = [
    "0", "-1", "1", "2", "-0.0", "0.0", "1e308", "-1e308", "1e309", "1e39",
    "1e-320", "nan", "inf", "-inf", "0x7FF8000000000000", "0x7F800000",
    "0xFFFFFFFFFFFFFFFF", "99999999999999999999", "-99999999999999999999",
    "9223372036854775807", "-9223372036854775808", "9223372036854775808",
    "4294967295", "4294967296", "2147483648", "1099511627776",
    "1099511627777", "65536", "3.4028235e38", "1.0e-45", "0.5", "1.5",
    "-2", "7", "1e", "1.", ".5", "--1", "1e+", "0x", "1.0e308", "-1.0e308",
    "1.0e309", "1.0e-320", "1.0e39", "0x7FF0000000000000",
    "0xFFF0000000000000", "0x0000000000000001", "0x80000000",
    "-9.9e307", "2.0e-1", "100000000", "1000000000000",
]

INTERESTING_DIMS = [
    "0", "1", "2", "3", "4", "-1", "?", "1099511627776", "1099511627777",
    "4294967296", "4294967297", "2147483648", "9223372036854775807",
    "99999999999999999999", "1048576", "1024", "33554432", "",
]

SNN_OPS = [
    "network", "output", "lif", "cuba_lif", "if", "li", "integrator",
    "reservoir", "linear", "affine", "sparse", "conv2d", "sum_pool2d",
    "scale", "delay", "flatten", "bogus",
]

ATTR_NAMES = [
    "tau_mem", "tau_syn", "r", "v_leak", "v_threshold", "v_reset", "w_in",
    "size", "excitatory_fraction", "connectivity", "w_ee", "w_ei", "w_ie",
    "w_ii", "seed", "delay", "allow_self_connections", "stride", "padding",
    "dilation", "groups", "kernel_size", "factor", "start_dim", "end_dim",
    "weight", "bias", "row_ptr", "col_idx", "values", "delays",
    "function_type", "sym_name", "arg_attrs", "res_attrs", "bogus",
]

ELEMENT_TYPES = [
    "f32", "f64", "f16", "bf16", "f80", "f128", "i1", "i8", "i16", "i32",
    "i64", "i128", "si32", "ui64", "index", "complex<f32>", "none",
    "tf32", "f8E4M3FN",
]

SHAPED_KINDS = ["tensor", "vector", "memref"]

ATTR_VALUES = [
    "0.0", "1.0", "-1.0", "nan", "1e308", "0", "1 : i64", "1.0 : f32",
    "1.0 : f64", "unit", "\"str\"", "[]", "{}", "array<f64>",
    "array<f64: 1.0>", "array<f64: 1.0, 2.0>", "array<f64: nan, 1.0, 1.0>",
    "array<i64: 1, 1>", "array<i64: 0, 0>", "array<i64: -1, 1>",
    "array<i64: 1, 1, 1>", "array<i64>", "array<i32: 1, 1>",
    "#snn.dist<constant(1.0)>", "#snn.dist<uniform(2.0, 1.0)>",
    "#snn.dist<normal(0.0, -1.0)>", "#snn.dist<lognormal(1e308, 1e308)>",
    "#snn.dist<bogus(1.0)>", "#snn.dist<constant(nan)>",
    "#snn.fixed_probability<1.5>", "#snn.fixed_probability<nan>",
    "#snn.fixed_probability<0.5>",
    "#snn.distance<grid = [1, 1, 1], lambda = 1.0, c_ee = 0.1, c_ei = 0.1, "
    "c_ie = 0.1, c_ii = 0.1>",
    "#snn.distance<grid = [2, 2], lambda = 1.0, c_ee = 0.1, c_ei = 0.1, "
    "c_ie = 0.1, c_ii = 0.1>",
    "#snn.distance<grid = [-1, -1, 1], lambda = 0.0, c_ee = 2.0, c_ei = 0.1, "
    "c_ie = 0.1, c_ii = 0.1>",
    "#snn.distance<grid = [4294967296, 4294967296, 2], lambda = 1.0, "
    "c_ee = 0.1, c_ei = 0.1, c_ie = 0.1, c_ii = 0.1>",
    "dense<1.0> : tensor<2xf32>", "dense<> : tensor<0xf32>",
    "dense<0> : tensor<2xi64>", "dense_resource<nope> : tensor<2xf32>",
    "dense_resource<__elided__> : tensor<4xf32>",
    "sparse<[[0]], [1.0]> : tensor<2xf32>", "@sym", "!snn.spikes<2>",
    "(!snn.spikes<2>) -> !snn.current<2>", "() -> ()", "affine_map<(d0) -> (d0)>",
]

DENSE_PAYLOADS = [
    "", "1.0", "nan", "0x7FC00000", "1e39", "[1.0]", "[[1.0]]", "[1.0, 2.0]",
    "[[1.0, 2.0], [3.0, 4.0]]", "\"0x0000803F\"", "\"0xDEADBEEF\"",
    "\"0x\"", "true", "[0, 1]", "99999999999999999999", "(1.0, 2.0)",
    "[[[[1.0]]]]", "-1", "[0, -1, 5]", "[0, 100, 1]",
]

SOUP_TOKENS = [
    "snn.network", "@n", "(", ")", "{", "}", "<", ">", "[", "]", ",", ":",
    "=", "->", "%in", "%0", "%1", "%arg0", "!snn.spikes", "!snn.current",
    "<4>", "<2x3>", "tensor<4x4xf32>", "dense<0.5>", "dense_resource<b>",
    "weight", "bias", "rows", "cols", "values", "delays", "snn.output",
    "module", "\"snn.lif\"", "^bb0", "{-#", "#-}", "dialect_resources",
    "builtin", "\"0x04000000\"", "array<f64: 1.0>", "#snn.dist",
    "#snn.fixed_probability<0.1>", "normal(0.3, 0.1)", "attributes",
    "loc(\"x\":1:1)", "\n", "//", "0", "1.0", "-1", "1e308", "nan",
    "99999999999999999999", "x", "f32", "i64", "?", "...", "\"",
] + ["snn." + op for op in SNN_OPS] + ATTR_NAMES

INTERESTING_BYTES = [b"\x00", b"\xff", b"\"", b"<", b">", b"{", b"}", b"(",
                     b")", b"\n", b"%", b"#", b"!", b"^", b"@", b"x", b"\\",
                     b"\xc3", b"\xe2\x80", b"{-#", b"#-}", b"//"]

# --------------------------------------------------------------------------
# Mutators
# --------------------------------------------------------------------------

NUMBER_RE = re.compile(
    r"(?<![\w.$])[-+]?(?:0x[0-9A-Fa-f]+|\d+(?:\.\d*)?(?:[eE][-+]?\d+)?)(?![\w.])")
SHAPE_RE = re.compile(r"<((?:\d+x)*\d+)(x[a-z][\w<>]*)?>")
SSA_RE = re.compile(r"%[A-Za-z_0-9]+")
OP_RE = re.compile(r"\bsnn\.([a-z_0-9]+)")
ATTR_RE = re.compile(r"\b([a-z_][a-z_0-9]*)(?=\s*=)")
ELEMENT_RE = re.compile(r"(?<=x)(f32|f64|i32|i64)\b|\b(f32|f64|i32|i64)\b")
KIND_RE = re.compile(r"\b(spikes|current)\b")
SHAPED_RE = re.compile(r"\b(tensor|vector|memref)(?=<)")
ATTR_VALUE_RE = re.compile(r"(?<=[=]\s)[^,{}\n]+?(?=\s*[,}])")
BLOB_RE = re.compile(r"\"0x([0-9A-Fa-f]*)\"")
DELIMS = "{}()<>[],:="


def pick_match(rng, regex, text):
    matches = list(regex.finditer(text))
    return rng.choice(matches) if matches else None


def splice(text, start, end, new):
    return text[:start] + new + text[end:]


def mut_number(rng, text, seeds):
    m = pick_match(rng, NUMBER_RE, text)
    if not m:
        return text
    return splice(text, m.start(), m.end(), rng.choice(INTERESTING_NUMBERS))


def mut_all_numbers(rng, text, seeds):
    value = rng.choice(INTERESTING_NUMBERS)
    return NUMBER_RE.sub(lambda m: value if rng.random() < 0.3 else m.group(0),
                         text)


def mut_shape(rng, text, seeds):
    m = pick_match(rng, SHAPE_RE, text)
    if not m:
        return text
    dims = m.group(1).split("x")
    elem = m.group(2) or ""
    choice = rng.randrange(5)
    if choice == 0:
        dims[rng.randrange(len(dims))] = rng.choice(INTERESTING_DIMS)
    elif choice == 1:
        dims.insert(rng.randrange(len(dims) + 1), rng.choice(["1", "2", "3"]))
    elif choice == 2 and len(dims) > 1:
        del dims[rng.randrange(len(dims))]
    elif choice == 3:
        dims = [str(int(d) + rng.choice([-1, 1])) for d in dims]
    else:
        other = pick_match(rng, SHAPE_RE, text)
        dims = other.group(1).split("x")
    return splice(text, m.start(), m.end(), "<" + "x".join(dims) + elem + ">")


def mut_kind(rng, text, seeds):
    if rng.random() < 0.2:
        return KIND_RE.sub(
            lambda m: "current" if m.group(1) == "spikes" else "spikes", text)
    m = pick_match(rng, KIND_RE, text)
    if not m:
        return text
    new = rng.choice(["current" if m.group(1) == "spikes" else "spikes",
                      "spike", "bogus", "current<", ""])
    return splice(text, m.start(), m.end(), new)


def mut_element_type(rng, text, seeds):
    m = pick_match(rng, ELEMENT_RE, text)
    if not m:
        return text
    return splice(text, m.start(), m.end(), rng.choice(ELEMENT_TYPES))


def mut_shaped_kind(rng, text, seeds):
    m = pick_match(rng, SHAPED_RE, text)
    if not m:
        return text
    return splice(text, m.start(), m.end(), rng.choice(SHAPED_KINDS))


def mut_signal_type(rng, text, seeds):
    m = pick_match(rng, re.compile(r"!snn\.(?:spikes|current)<[^>]*>"), text)
    if not m:
        return text
    new = rng.choice(["i32", "f32", "!snn.bogus<2>", "!snn.spikes",
                      "!snn.current<>", "tensor<2xf32>", "none", "index",
                      "!snn.spikes<2x>", "!snn.current<0>",
                      "!snn.spikes<1099511627776x2>", "!snn.current<?>"])
    return splice(text, m.start(), m.end(), new)


def lines_of(text):
    return text.split("\n")


def mut_delete_line(rng, text, seeds):
    lines = lines_of(text)
    if len(lines) > 1:
        del lines[rng.randrange(len(lines))]
    return "\n".join(lines)


def mut_duplicate_line(rng, text, seeds):
    lines = lines_of(text)
    line = rng.choice(lines)
    lines.insert(rng.randrange(len(lines) + 1), line)
    return "\n".join(lines)


def mut_swap_lines(rng, text, seeds):
    lines = lines_of(text)
    if len(lines) > 1:
        i, j = rng.randrange(len(lines)), rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def mut_foreign_line(rng, text, seeds):
    lines = lines_of(text)
    donor = lines_of(rng.choice(seeds)[1])
    lines.insert(rng.randrange(len(lines) + 1), rng.choice(donor))
    return "\n".join(lines)


def mut_op_name(rng, text, seeds):
    m = pick_match(rng, OP_RE, text)
    if not m:
        return text
    return splice(text, m.start(1), m.end(1), rng.choice(SNN_OPS))


def mut_attr_name(rng, text, seeds):
    m = pick_match(rng, ATTR_RE, text)
    if not m:
        return text
    return splice(text, m.start(1), m.end(1), rng.choice(ATTR_NAMES))


def mut_attr_value(rng, text, seeds):
    m = pick_match(rng, ATTR_VALUE_RE, text)
    if not m:
        return text
    return splice(text, m.start(), m.end(), rng.choice(ATTR_VALUES))


def mut_drop_attr(rng, text, seeds):
    m = pick_match(rng, re.compile(r"\b[a-z_]+ = [^,{}\n]+?(?:, |(?=}))"), text)
    if not m:
        return text
    return splice(text, m.start(), m.end(), "")


def mut_ssa(rng, text, seeds):
    m = pick_match(rng, SSA_RE, text)
    if not m:
        return text
    other = pick_match(rng, SSA_RE, text).group(0)
    new = rng.choice([other, other, "%undefined", "%0", "%arg9", "%"])
    return splice(text, m.start(), m.end(), new)


def find_dense(text, rng):
    starts = [m.end() for m in re.finditer(r"\bdense<", text)]
    if not starts:
        return None
    start = rng.choice(starts)
    depth = 1
    for i in range(start, len(text)):
        if text[i] == "<":
            depth += 1
        elif text[i] == ">":
            depth -= 1
            if depth == 0:
                return start, i
    return None


def mut_dense_payload(rng, text, seeds):
    span = find_dense(text, rng)
    if not span:
        return text
    return splice(text, span[0], span[1], rng.choice(DENSE_PAYLOADS))


def mut_blob(rng, text, seeds):
    m = pick_match(rng, BLOB_RE, text)
    if not m:
        return text
    hexdigits = m.group(1)
    choice = rng.randrange(5)
    if choice == 0 and hexdigits:  # drop trailing bytes (or one nibble)
        hexdigits = hexdigits[:-rng.choice([1, 2, 8])]
    elif choice == 1:  # extra bytes
        hexdigits += "00" * rng.choice([1, 4, 8])
    elif choice == 2 and hexdigits:  # alignment or digit corruption
        i = rng.randrange(len(hexdigits))
        hexdigits = hexdigits[:i] + rng.choice("0F8Zg") + hexdigits[i + 1:]
    elif choice == 3:
        hexdigits = rng.choice(["", "00", "FFFFFFFF", "03000000",
                                "0400000000", "80000000"]) + hexdigits[8:]
    else:
        return splice(text, m.start(), m.end(), rng.choice(
            ["\"\"", "\"0x\"", "\"hello\"", "12", "\"0x04000000\""]))
    return splice(text, m.start(1), m.end(1), hexdigits)


def mut_resource_name(rng, text, seeds):
    m = pick_match(rng, re.compile(r"(?<=dense_resource<)[\w.$]*(?=>)"), text)
    if not m:
        return text
    return splice(text, m.start(), m.end(),
                  rng.choice(["nope", "", "__elided__", "b", "w", "w.1"]))


def mut_delimiter(rng, text, seeds):
    positions = [i for i, c in enumerate(text) if c in DELIMS]
    if not positions:
        return text
    i = rng.choice(positions)
    return splice(text, i, i + 1,
                  rng.choice(["", "", rng.choice(DELIMS), text[i] * 2]))


def mut_word(rng, text, seeds):
    m = pick_match(rng, re.compile(r"[A-Za-z_][\w.]*"), text)
    if not m:
        return text
    return splice(text, m.start(), m.end(), rng.choice(SOUP_TOKENS))


TOKEN_MUTATORS = [
    (mut_number, 6), (mut_all_numbers, 2), (mut_shape, 6), (mut_kind, 3),
    (mut_element_type, 3), (mut_shaped_kind, 1), (mut_signal_type, 2),
    (mut_delete_line, 3), (mut_duplicate_line, 2), (mut_swap_lines, 2),
    (mut_foreign_line, 2), (mut_op_name, 3), (mut_attr_name, 3),
    (mut_attr_value, 4), (mut_drop_attr, 3), (mut_ssa, 3),
    (mut_dense_payload, 4), (mut_blob, 2), (mut_resource_name, 1),
    (mut_delimiter, 2), (mut_word, 2),
]
TOKEN_FUNCS = [f for f, _ in TOKEN_MUTATORS]
TOKEN_WEIGHTS = [w for _, w in TOKEN_MUTATORS]


def token_mutation(rng, seeds):
    name, text = rng.choice(seeds)
    steps = rng.choice([1, 1, 1, 2, 2, 3])
    applied = []
    for _ in range(steps):
        func = rng.choices(TOKEN_FUNCS, TOKEN_WEIGHTS)[0]
        text = func(rng, text, seeds)
        applied.append(func.__name__[4:])
    return text.encode("utf-8", "surrogateescape"), \
        f"token mutation ({'+'.join(applied)}) of {name}"


def rand_bytes(rng, n):
    return bytes(rng.getrandbits(8) for _ in range(n))


def byte_mutation(rng, seeds):
    name, text = rng.choice(seeds)
    data = bytearray(text.encode("utf-8", "surrogateescape"))
    steps = rng.choice([1, 1, 2, 3, 4])
    applied = []
    for _ in range(steps):
        kind = rng.randrange(7)
        n = len(data)
        if kind == 0 and n:  # bit flips
            for _ in range(rng.choice([1, 1, 2, 8])):
                i = rng.randrange(n)
                data[i] ^= 1 << rng.randrange(8)
            applied.append("bitflip")
        elif kind == 1:  # random byte insertion
            i = rng.randrange(n + 1)
            data[i:i] = rand_bytes(rng, rng.choice([1, 1, 2, 4, 16]))
            applied.append("insert")
        elif kind == 2 and n:  # deletion
            i = rng.randrange(n)
            data[i:i + rng.choice([1, 1, 2, 8, 64])] = b""
            applied.append("delete")
        elif kind == 3 and n:  # chunk duplication
            i = rng.randrange(n)
            chunk = data[i:i + rng.choice([4, 16, 64, 256])]
            j = rng.randrange(n + 1)
            data[j:j] = chunk * rng.choice([1, 1, 2, 8])
            applied.append("duplicate")
        elif kind == 4 and n:  # truncation
            del data[rng.randrange(n):]
            applied.append("truncate")
        elif kind == 5:  # interesting byte sequence
            i = rng.randrange(n + 1)
            data[i:i] = rng.choice(INTERESTING_BYTES)
            applied.append("special")
        elif n:  # overwrite a byte with a random one
            data[rng.randrange(n)] = rng.getrandbits(8)
            applied.append("overwrite")
    return bytes(data), f"byte mutation ({'+'.join(applied)}) of {name}"


def random_input(rng, seeds):
    if rng.random() < 0.5:
        n = rng.choice([0, 1, 2, 8, 64, 256, 1024])
        return rand_bytes(rng, n), "random bytes"
    words = [rng.choice(SOUP_TOKENS) for _ in range(rng.randrange(1, 120))]
    return " ".join(words).encode(), "random token soup"



# --------------------------------------------------------------------------
# Templates: well-formed programs with extreme or inconsistent values, which
# get past the parser and exercise the verifiers (and the printer) harder
# than mutations of text do.
# --------------------------------------------------------------------------

EDGE_INTS = [-(1 << 63), -(1 << 31), -2, -1, 0, 1, 2, 3, 4, 7, 16,
             (1 << 20), (1 << 20) + 1, (1 << 31) - 1, 1 << 31, 1 << 32,
             1 << 40, (1 << 40) + 1, 1 << 62, (1 << 63) - 1]
EDGE_FLOATS = ["0.0", "-0.0", "1.0", "-1.0", "0.5", "2.0", "1.0e-30",
               "1.0e-45", "1.0e308", "-1.0e308", "3.4028235e+38", "3.5e+38",
               "0x7FF8000000000000", "0x7FF0000000000000",
               "0xFFF0000000000000", "0x0000000000000001"]


def small(rng):
    return rng.choice([1, 1, 2, 2, 3, 4, 5, 8])


def some_int(rng):
    return rng.choice(EDGE_INTS) if rng.random() < 0.3 else small(rng)


def some_float(rng):
    return rng.choice(EDGE_FLOATS) if rng.random() < 0.3 else \
        rng.choice(["0.0", "0.5", "1.0", "0.02", "-0.1", "2.0"])


def shape_text(dims):
    return "x".join(str(d) for d in dims)


def f32_payload(rng, count):
    r = rng.random()
    if r < 0.5 or count > 64 or count < 0:
        return some_float(rng)
    return "[" + ", ".join(some_float(rng) for _ in range(count)) + "]"


def f32_tensor(rng, dims):
    count = 1
    for d in dims:
        count *= d
    if rng.random() < 0.15:
        return f"dense_resource<blob> : tensor<{shape_text(dims)}xf32>"
    if count > 64 or count < 0 or rng.random() < 0.5:
        return f"dense<{some_float(rng)}> : tensor<{shape_text(dims)}xf32>"
    values = ", ".join(some_float(rng) for _ in range(count))
    # Nested brackets are needed for rank > 1; a flat list exercises errors.
    if len(dims) > 1 and rng.random() < 0.8:
        return f"dense<{some_float(rng)}> : tensor<{shape_text(dims)}xf32>"
    return f"dense<[{values}]> : tensor<{shape_text(dims)}xf32>"


def maybe_blob_section(rng, text):
    if "dense_resource<blob>" not in text:
        return text
    nbytes = rng.choice([0, 4, 8, 12, 16, 64, 4096])
    body = "".join(rng.choice(["0000803F", "00000000", "0000C07F",
                               "0000807F", "CDCCCC3D"])
                   for _ in range(nbytes // 4))
    # Alignments 0 and 3 would abort MLIR 19 (llvm/llvm-project#181266);
    # snnc-opt must refuse them with a diagnostic instead.
    align = rng.choice(["04000000", "04000000", "08000000", "01000000",
                        "03000000", "00010000", "00000000"])
    return text + ("\n{-#\n  dialect_resources: {\n    builtin: {\n"
                   f"      blob: \"0x{align}{body}\"\n    }}\n  }}\n#-}}\n")


def network(inp, out, body, result="%y"):
    return (f"snn.network @t(%x: {inp}) -> {out} {{\n{body}\n"
            f"  snn.output {result} : {out}\n}}\n")


def window(size, k, s, p, d):
    if s <= 0:
        return 1
    room = size + 2 * p - (d * (k - 1) + 1)
    return 0 if room < 0 else room // s + 1


def tpl_conv(rng):
    c, h, w = small(rng), small(rng) + 2, small(rng) + 2
    groups = rng.choice([1, 1, 1, c, some_int(rng)])
    oc = max(1, groups if isinstance(groups, int) and 0 < groups < 64
             else 1) * small(rng)
    kh, kw = rng.choice([1, 2, 3, some_int(rng)]), rng.choice([1, 2, 3])
    s = [rng.choice([1, 2, some_int(rng)]), rng.choice([1, 2])]
    p = [rng.choice([0, 1, some_int(rng)]), rng.choice([0, 1])]
    d = [rng.choice([1, 2, some_int(rng)]), 1]
    g = groups if groups != 0 else 1
    icg = c // g if g > 0 and c % g == 0 else rng.choice([1, c])
    if rng.random() < 0.2:
        icg = some_int(rng)
    out = [oc, window(h, kh, s[0], p[0], d[0]), window(w, kw, s[1], p[1], 1)]
    if rng.random() < 0.2:
        out[rng.randrange(3)] = some_int(rng)
    wt = f32_tensor(rng, [oc, icg, kh, kw])
    bias = f" bias({f32_tensor(rng, [rng.choice([oc, oc, oc + 1])])})" \
        if rng.random() < 0.5 else ""
    attrs = (f"stride = array<i64: {s[0]}, {s[1]}>, "
             f"padding = array<i64: {p[0]}, {p[1]}>, "
             f"dilation = array<i64: {d[0]}, {d[1]}>, groups = {groups}")
    inp, res = f"!snn.spikes<{c}x{h}x{w}>", f"!snn.current<{shape_text(out)}>"
    body = (f"  %y = snn.conv2d %x weight({wt}){bias} {{{attrs}}} : "
            f"{inp} -> {res}")
    return network(inp, res, body)


def tpl_pool(rng):
    c, h, w = small(rng), small(rng) + 1, small(rng) + 1
    k = [rng.choice([1, 2, 3, some_int(rng)]), rng.choice([1, 2])]
    s = [rng.choice([1, 2, some_int(rng)]), rng.choice([1, 2])]
    p = [rng.choice([0, 1, some_int(rng)]), 0]
    out = [c, window(h, k[0], s[0], p[0], 1), window(w, k[1], s[1], p[1], 1)]
    if rng.random() < 0.2:
        out[rng.randrange(3)] = some_int(rng)
    lists = [k, s, p]
    if rng.random() < 0.15:
        rng.choice(lists).append(1)
    text = lambda v: ", ".join(str(x) for x in v)
    inp, res = f"!snn.spikes<{c}x{h}x{w}>", f"!snn.current<{shape_text(out)}>"
    body = (f"  %y = snn.sum_pool2d %x {{kernel_size = array<i64: {text(k)}>,"
            f" stride = array<i64: {text(s)}>, padding = array<i64: "
            f"{text(p)}>}} : {inp} -> {res}")
    return network(inp, res, body)


def tpl_flatten(rng):
    dims = [small(rng) for _ in range(rng.choice([1, 2, 3, 4]))]
    if rng.random() < 0.2:
        dims[rng.randrange(len(dims))] = rng.choice([1 << 20, 1 << 39])
    rank = len(dims)
    start = rng.choice([0, 1, -1, -rank, rank - 1, some_int(rng)])
    end = rng.choice([-1, rank - 1, 0, rank, -rank - 1, some_int(rng)])
    a, b = start + rank if start < 0 else start, end + rank if end < 0 else end
    if 0 <= a <= b < rank:
        merged = 1
        for dim in dims[a:b + 1]:
            merged *= dim
        out = dims[:a] + [merged] + dims[b + 1:]
    else:
        out = [small(rng)]
    if rng.random() < 0.15:
        out = [some_int(rng)]
    kind = rng.choice(["spikes", "current"])
    okind = kind if rng.random() < 0.9 else \
        ("current" if kind == "spikes" else "spikes")
    inp = f"!snn.{kind}<{shape_text(dims)}>"
    res = f"!snn.{okind}<{shape_text(out)}>"
    body = (f"  %y = snn.flatten %x {{start_dim = {start}, end_dim = {end}}} "
            f": {inp} -> {res}")
    return network(inp, res, body)


def int_tensor(rng, values, count, width):
    if rng.random() < 0.1:
        return f"dense_resource<blob> : tensor<{count}xi{width}>"
    if rng.random() < 0.2 or count > 64 or not values:
        splat = values[0] if values and rng.random() < 0.5 else some_int(rng)
        return f"dense<{splat}> : tensor<{count}xi{width}>"
    return (f"dense<[{', '.join(str(v) for v in values)}]> : "
            f"tensor<{count}xi{width}>")


def tpl_sparse(rng):
    n, m = small(rng), small(rng)
    if rng.random() < 0.1:
        n = rng.choice([1 << 20, 1 << 40])
    counts = [rng.choice([0, 1, 2]) for _ in range(min(n, 64))]
    row_ptr = [0]
    for c in counts:
        row_ptr.append(row_ptr[-1] + c)
    nnz = row_ptr[-1]
    cols = [rng.randrange(m) for _ in range(nnz)]
    if rng.random() < 0.3 and row_ptr:
        row_ptr[rng.randrange(len(row_ptr))] = some_int(rng)
    if rng.random() < 0.3 and cols:
        cols[rng.randrange(len(cols))] = some_int(rng)
    if rng.random() < 0.1:
        nnz = rng.choice([1 << 20, 1 << 40, 0])
    rp = int_tensor(rng, row_ptr, n + 1 if rng.random() < 0.9 else n, 64)
    ci = int_tensor(rng, cols, nnz, rng.choice([32, 32, 32, 64]))
    vals = f32_tensor(rng, [nnz if rng.random() < 0.9 else nnz + 1])
    delays = f" delays({f32_tensor(rng, [nnz])})" if rng.random() < 0.4 \
        else ""
    inp, res = f"!snn.spikes<{n}>", f"!snn.current<{m}>"
    body = (f"  %y = snn.sparse %x rows({rp}) cols({ci}) values({vals})"
            f"{delays} : {inp} -> {res}")
    return network(inp, res, body)


def dist(rng):
    kind = rng.choice(["constant", "uniform", "normal", "lognormal"])
    if kind == "constant":
        return f"#snn.dist<constant({some_float(rng)})>"
    return f"#snn.dist<{kind}({some_float(rng)}, {some_float(rng)})>"


def tpl_reservoir(rng):
    if rng.random() < 0.5:
        grid = [small(rng), small(rng), small(rng)]
        if rng.random() < 0.2:
            grid[rng.randrange(3)] = some_int(rng)
        if rng.random() < 0.1:
            grid = grid[:rng.randrange(3)]
        size = 1
        for g in grid:
            size *= g
        conn = (f"#snn.distance<grid = [{', '.join(map(str, grid))}], "
                f"lambda = {some_float(rng)}, c_ee = {some_float(rng)}, "
                f"c_ei = {some_float(rng)}, c_ie = {some_float(rng)}, "
                f"c_ii = {some_float(rng)}>")
    else:
        size = some_int(rng) * rng.choice([1, 1, 10])
        conn = f"#snn.fixed_probability<{some_float(rng)}>"
    if rng.random() < 0.15:
        size = some_int(rng)
    neurons = size if 0 < size < (1 << 40) else small(rng)
    attrs = [f"size = {size}", f"excitatory_fraction = {some_float(rng)}",
             f"connectivity = {conn}", f"w_ee = {dist(rng)}",
             f"w_ei = {dist(rng)}", f"w_ie = {dist(rng)}",
             f"w_ii = {dist(rng)}", f"seed = {rng.choice(EDGE_INTS)}",
             f"tau_mem = {some_float(rng)}", f"r = {some_float(rng)}",
             f"v_leak = {some_float(rng)}",
             f"v_threshold = {some_float(rng)}"]
    for optional in ["v_reset", "delay"]:
        if rng.random() < 0.4:
            attrs.append(f"{optional} = {some_float(rng)}")
    if rng.random() < 0.3:
        attrs.append("allow_self_connections")
    if rng.random() < 0.1:
        del attrs[rng.randrange(len(attrs))]
    inp, res = f"!snn.current<{neurons}>", f"!snn.spikes<{neurons}>"
    body = (f"  %y = snn.reservoir %x {{{', '.join(attrs)}}} : ({inp}) -> "
            f"{res}")
    return network(inp, res, body)


def param(rng, neurons):
    if rng.random() < 0.6:
        return some_float(rng)
    count = rng.choice([neurons, neurons, 0, 1, neurons + 1])
    count = max(0, min(count, 64))
    return "array<f64" + (": " + ", ".join(some_float(rng)
                                          for _ in range(count))
                          if count else "") + ">"


NEURON_PARAMS = {
    "lif": (["tau_mem", "r", "v_leak", "v_threshold"], ["v_reset"], "spikes"),
    "cuba_lif": (["tau_mem", "tau_syn", "r", "v_leak", "v_threshold"],
                 ["v_reset", "w_in"], "spikes"),
    "if": (["r", "v_threshold"], ["v_reset"], "spikes"),
    "li": (["tau_mem", "r", "v_leak"], [], "current"),
    "integrator": (["r"], [], "current"),
}


def tpl_neuron(rng):
    op = rng.choice(sorted(NEURON_PARAMS))
    required, optional, kind = NEURON_PARAMS[op]
    dims = [small(rng) for _ in range(rng.choice([1, 1, 2]))]
    neurons = 1
    for d in dims:
        neurons *= d
    attrs = [f"{name} = {param(rng, neurons)}" for name in required]
    attrs += [f"{name} = {param(rng, neurons)}" for name in optional
              if rng.random() < 0.5]
    if rng.random() < 0.1:
        del attrs[rng.randrange(len(attrs))]
    in_dims = dims if rng.random() < 0.9 else [neurons + 1]
    inp = f"!snn.current<{shape_text(in_dims)}>"
    res = f"!snn.{kind}<{shape_text(dims)}>"
    ninputs = rng.choice([0, 1, 1, 2])
    operands = ", ".join(["%x"] * ninputs)
    types = ", ".join([inp] * ninputs)
    body = (f"  %y = snn.{op} {operands} {{{', '.join(attrs)}}} : ({types}) "
            f"-> {res}")
    return network(inp, res, body)


def tpl_dense(rng):
    n, m = small(rng), small(rng)
    if rng.random() < 0.15:
        n, m = rng.choice([(1 << 20, 1 << 20), (1 << 40, 1), (1, 1 << 40),
                           (1 << 20, 3)])
    wdims = [m, n] if rng.random() < 0.85 else [n, m]
    inp, res = f"!snn.spikes<{n}>", f"!snn.current<{m}>"
    if rng.random() < 0.5:
        body = (f"  %y = snn.linear %x weight({f32_tensor(rng, wdims)}) : "
                f"{inp} -> {res}")
    else:
        bdims = [m if rng.random() < 0.85 else m + 1]
        body = (f"  %y = snn.affine %x weight({f32_tensor(rng, wdims)}) "
                f"bias({f32_tensor(rng, bdims)}) : {inp} -> {res}")
    return network(inp, res, body)


def tpl_elementwise(rng):
    dims = [small(rng) for _ in range(rng.choice([1, 2]))]
    neurons = 1
    for d in dims:
        neurons *= d
    kind = rng.choice(["spikes", "current"])
    op, name = rng.choice([("scale", "factor"), ("delay", "delay")])
    t = f"!snn.{kind}<{shape_text(dims)}>"
    body = f"  %y = snn.{op} %x {{{name} = {param(rng, neurons)}}} : {t}"
    return network(t, t, body)


TEMPLATES = [tpl_conv, tpl_pool, tpl_flatten, tpl_sparse, tpl_reservoir,
             tpl_neuron, tpl_dense, tpl_elementwise]


def template_input(rng, seeds):
    tpl = rng.choice(TEMPLATES)
    text = maybe_blob_section(rng, tpl(rng))
    return text.encode(), f"template {tpl.__name__[4:]}"


def generate_cases(rng, seeds, count):
    cases = []
    for _ in range(count):
        r = rng.random()
        if r < 0.10:
            cases.append(random_input(rng, seeds))
        elif r < 0.35:
            cases.append(byte_mutation(rng, seeds))
        elif r < 0.60:
            cases.append(template_input(rng, seeds))
        else:
            cases.append(token_mutation(rng, seeds))
    return cases

# --------------------------------------------------------------------------
# Running snnc-opt
# --------------------------------------------------------------------------


def signal_name(code):
    try:
        return signal.Signals(code).name
    except ValueError:
        return f"signal {code}"


def run_tool(tool, args, timeout):
    """Returns (returncode or None on timeout, stdout bytes, stderr text)."""
    try:
        proc = subprocess.run([tool] + args, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=timeout)
    except subprocess.TimeoutExpired as e:
        err = e.stderr.decode("utf-8", "replace") if e.stderr else ""
        return None, b"", err
    return proc.returncode, proc.stdout, proc.stderr.decode("utf-8", "replace")


def judge(code, stderr, timeout):
    """Returns None if (code, stderr) is an acceptable outcome, else why not."""
    if code is None:
        return f"timeout after {timeout:g} s"
    if code < 0:
        return f"killed by {signal_name(-code)}"
    if code not in (0, 1):
        return f"exit code {code}"
    if code == 1 and "error:" not in stderr:
        return "exit code 1 without an 'error:' diagnostic"
    return None


def check_file(tool, path, timeout):
    """Runs one input; returns (failure reason or None, stderr, exit code)."""
    code, out, err = run_tool(tool, [path], timeout)
    problem = judge(code, err, timeout)
    if problem or code != 0:
        return problem, err, code
    printed = path + ".out.mlir"
    with open(printed, "wb") as f:
        f.write(out)
    code2, out2, err2 = run_tool(tool, [printed], timeout)
    problem = judge(code2, err2, timeout)
    if problem:
        return f"re-parsing the output: {problem}", err2, code
    if code2 != 0:
        return "the output of a successful run does not parse again", \
            err2, code
    os.unlink(printed)
    if out2 != out:
        return "printing is not a fixed point (print(parse(output)) != " \
               "output)", err2, code
    return None, err, code


SIGNAL_FRAME_RE = re.compile(
    r"llvm::sys::|SignalHandler|libc\.so|^\(|abort|raise|__assert|"
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
        code, out, err = run_tool(tool, ["--mlir-print-op-generic", path],
                                  timeout)
        if code != 0:
            outcome = "timed out" if code is None else f"exited with {code}"
            sys.exit(f"error: corpus file {path} is not valid input for "
                     f"{tool} ({outcome}):\n{err}")
        seeds.append((name + " (generic)",
                      out.decode("utf-8", "surrogateescape")))
    return seeds


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--tool", required=True,
                        help="path to snnc-opt (or a name found on PATH)")
    parser.add_argument("--corpus",
                        help="directory of valid .mlir seed inputs "
                             "(required unless --replay)")
    parser.add_argument("--replay", nargs="+", metavar="FILE",
                        help="only check these files (e.g. one regression "
                             "from lit), nothing generated")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cases", type=int, default=DEFAULT_CASES,
                        help=f"generated inputs (default {DEFAULT_CASES})")
    parser.add_argument("--regressions", default=os.path.join(here,
                                                              "regressions"),
                        help="directory of inputs always replayed first")
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT,
                        help="seconds per snnc-opt run")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="parallel snnc-opt processes")
    parser.add_argument("--mem-limit-mb", type=int,
                        default=DEFAULT_MEM_LIMIT_MB,
                        help="address-space limit for snnc-opt (0: none)")
    parser.add_argument("--details", type=int, default=3,
                        help="failures per distinct failure shown with "
                             "their stderr (others: path only)")
    args = parser.parse_args()
    if not args.replay and not args.corpus:
        parser.error("--corpus is required unless --replay is given")

    tool = args.tool
    if os.sep not in tool:
        tool = shutil.which(tool) or tool
    tool = os.path.abspath(tool)
    if not os.access(tool, os.X_OK):
        sys.exit(f"error: {tool} is not an executable")
    # Children inherit these limits: no core files, bounded memory.
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    if args.mem_limit_mb > 0:
        limit = args.mem_limit_mb << 20
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))

    start = time.monotonic()
    cases = []  # (label, data or None, path of an existing file or None)
    if args.replay:
        for path in args.replay:
            cases.append((f"replay {os.path.basename(path)}", None, path))
        generated = 0
    else:
        seeds = load_seeds(tool, args.corpus, args.timeout)
        if os.path.isdir(args.regressions):
            for name in sorted(os.listdir(args.regressions)):
                if name.endswith(".mlir"):
                    cases.append((f"regression {name}", None,
                                  os.path.join(args.regressions, name)))
        rng = random.Random(args.seed)
        for data, label in generate_cases(rng, seeds, args.cases):
            cases.append((label, data, None))
        generated = args.cases

    workdir = tempfile.mkdtemp(prefix="fuzz-snnc-opt-")

    def run_case(index):
        label, data, existing = cases[index]
        path = os.path.join(workdir, f"case-{index:05d}.mlir")
        if existing:
            shutil.copyfile(existing, path)
        else:
            with open(path, "wb") as f:
                f.write(data)
        began = time.monotonic()
        problem, err, code = check_file(tool, path, args.timeout)
        took = time.monotonic() - began
        known = None
        if problem is not None:
            with open(path, "rb") as f:
                known = known_issue(f.read(), problem, err)
        if problem is None or known:
            os.unlink(path)
        return (None if known else problem), err, path, code, took, known

    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        results = list(pool.map(run_case, range(len(cases))))

    failed = 0
    shown = {}
    signatures = {}
    accepted = sum(1 for r in results
                   if r[0] is None and r[3] == 0 and not r[5])
    known = {}
    for result in results:
        if result[5]:
            known[result[5]] = known.get(result[5], 0) + 1
    for (label, _, _), (problem, err, path, _, _, _) in zip(cases, results):
        if problem is None:
            continue
        failed += 1
        site = crash_site(err)
        signature = problem + (f" in {site}" if site else "")
        signatures[signature] = signatures.get(signature, 0) + 1
        shown[signature] = shown.get(signature, 0) + 1
        print(f"FAIL: {path}: {problem} [{label}]")
        if shown[signature] <= args.details:
            for line in stderr_tail(err):
                print(f"    | {line[:300]}")
    if failed:
        print(f"\nFailing inputs are in {workdir}")
        print("Distinct failures:")
        for signature, count in sorted(signatures.items(),
                                       key=lambda kv: -kv[1]):
            print(f"  {count:5d} x {signature}")
    else:
        shutil.rmtree(workdir, ignore_errors=True)
    elapsed = time.monotonic() - start
    slowest = max(range(len(cases)), key=lambda i: results[i][4], default=None)
    if slowest is not None and results[slowest][4] > 2.0:
        print(f"\nslowest input: #{slowest} [{cases[slowest][0]}], "
              f"{results[slowest][4]:.1f} s")
    for issue, count in sorted(known.items()):
        print(f"\nknown upstream issue, not counted as a failure ({count} "
              f"input{'s' if count > 1 else ''}): {issue}")
    what = "replayed" if args.replay else f"seed {args.seed},"
    print(f"\n{what} {len(cases)} inputs "
          f"({len(cases) - generated} given; {accepted} accepted, "
          f"{len(cases) - failed - accepted - sum(known.values())} rejected "
          f"with a diagnostic), "
          f"{elapsed:.1f} s")
    print(f"{len(cases) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
