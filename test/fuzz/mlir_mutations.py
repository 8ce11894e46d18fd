#!/usr/bin/env python3
# The classic inputs of fuzz_snnc_opt.py: random bytes and token soups, mutations of corpus programs, and templates.
"""Inputs of fuzz_snnc_opt.py's classic family, all deterministic from the
random.Random they are given: random bytes and soups of MLIR/snn tokens,
byte- and token-level mutations of the corpus files, and well-formed
templates of every snn op with extreme or inconsistent shapes and
parameters. generate_cases(rng, seeds, count) returns (bytes, label) pairs.
"""

import re

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
