#!/usr/bin/env python3
# The hostile inputs of fuzz_snnc_opt.py (issue #16): deep nesting, alias expansion, extreme numbers.
"""Inputs of fuzz_snnc_opt.py's hostile families, each a function of a
random.Random returning (bytes, label): every bracket kind (and affine
operators, which nest without brackets) 10 to 10^6 deep; aliases whose
expansion is exponential; valid programs with one numeric attribute of an
snn op at an extreme value. HOSTILE_FAMILIES maps family names to them.
"""

# --------------------------------------------------------------------------
# Hostile families (issue #16): deep nesting of every bracket kind, graph
# expansions through aliases, and every numeric attribute of the snn ops at
# extreme values. Each generator returns (text, label).
# --------------------------------------------------------------------------

NEST_DEPTHS = [10, 100, 500, 998, 999, 1000, 1001, 1002, 2000, 5000, 10000,
               100000, 1000000]
CHAIN_LENGTHS = [10, 1000, 10000, 100000, 1000000]


def nest_depth(rng):
    return rng.choice(NEST_DEPTHS)


def nested_attr(rng, depth):
    """(attribute text, what): an attribute nested `depth` deep, mixing
    arrays, dictionaries, types (tuple, function, tensor with an encoding
    attribute), so that every bracket kind is on the stack."""
    style = rng.choice(["array", "dict", "tuple", "function", "mixed",
                        "encoding", "dense", "array-list", "dict-list"])
    if style == "array":
        return "[" * depth + "1" + "]" * depth, "array"
    if style == "array-list":
        return "[1, " * depth + "2" + "]" * depth, "array list"
    if style == "dict":
        return "{a = " * depth + "1" + "}" * depth, "dictionary"
    if style == "dict-list":
        return "{a = 1, b = " * depth + "2" + "}" * depth, "dictionary list"
    if style == "tuple":
        return "tuple<" * depth + "i32" + ">" * depth, "tuple type"
    if style == "function":
        return "() -> (" * depth + "i32" + ")" * depth, "function type"
    if style == "encoding":
        return ("tensor<1xi32, " * depth + "1" + ">" * depth,
                "tensor encoding")
    if style == "dense":
        return ("dense<" + "[" * depth + "1" + "]" * depth + "> : tensor<" +
                "1x" * depth + "i32>", "dense literal")
    # Mixed: build from the inside out, keeping track of whether the inner
    # text is an attribute or a type.
    text, kind = ("i32", "type") if rng.random() < 0.5 else ("1", "attr")
    for _ in range(depth):
        if kind == "attr":
            wrapper = rng.choice(["[%s]", "{a = %s}", "[1, %s]",
                                  "{a = 1, b = %s}", "tensor<1xi32, %s>"])
        else:
            wrapper = rng.choice(["tuple<%s>", "() -> (%s)", "(%s) -> i32",
                                  "tuple<i32, %s>", "[%s]", "{a = %s}",
                                  "(%s, i32) -> (%s)"])
        if wrapper.count("%s") == 2:
            text = wrapper % (text, text) if len(text) < 200 else \
                wrapper % ("i32", text)
        else:
            text = wrapper % text
        kind = "type" if wrapper.startswith(("tuple", "(", "()", "tensor")) \
            else "attr"
    return text, "mixed brackets"


def affine_text(rng, depth):
    """An affine map or set whose expression recurses `depth` deep: with
    parentheses, or with prefix and infix operators and no bracket at all."""
    style = rng.choice(["parens", "unary", "add", "mul", "mixed", "set",
                        "floordiv"])
    if style == "parens":
        expr, what = "(" * depth + "d0" + ")" * depth, "parentheses"
    elif style == "unary":
        expr, what = "-" * depth + "d0", "unary minus"
    elif style == "add":
        expr, what = "d0" + " + d0" * depth, "additions"
    elif style == "mul":
        expr, what = "d0" + " * 2" * depth, "multiplications"
    elif style == "floordiv":
        expr, what = "d0" + " floordiv 2" * depth, "floordivs"
    elif style == "mixed":
        parts = []
        for _ in range(min(depth, 100000)):
            parts.append(rng.choice(["(", "-", "d0 + ", "2 * ", "-("]))
        opened = sum(p.count("(") for p in parts)
        expr, what = "".join(parts) + "d0" + ")" * opened, "mixed operators"
    else:
        return ("affine_set<(d0) : (" + "-" * depth + "d0 >= 0)>",
                "affine set, unary minus %d deep" % depth)
    return "affine_map<(d0) -> (%s)>" % expr, "affine %s %d deep" % (what,
                                                                    depth)


def location_text(rng, depth):
    style = rng.choice(["callsite", "fused", "fused-meta", "name"])
    if style == "callsite":
        return ("loc(" + "callsite(" * depth + '"a"' + ' at "b")' * depth +
                ")", "callsite locations")
    if style == "fused":
        return ("loc(" + "fused[" * depth + '"a"' + "]" * depth + ")",
                "fused locations")
    if style == "fused-meta":
        return ("loc(" + 'fused<"m">[' * depth + '"a"' + "]" * depth + ")",
                "fused locations with metadata")
    return ("loc(" + '"n"(' * depth + '"a"' + ")" * depth + ")",
            "name locations")


def region_text(rng, depth):
    style = rng.choice(["module", "generic", "network"])
    if style == "module":
        return "module {\n" * depth + "}\n" * depth, "nested modules"
    if style == "generic":
        return ('"builtin.module"() ({\n' * depth +
                "}) : () -> ()\n" * depth, "nested generic regions")
    inner = NETWORK_SMALL
    return "module {\n" * depth + inner + "}\n" * depth, \
        "a network inside nested modules"


NETWORK_SMALL = (
    "snn.network @n(%x: !snn.spikes<2>) -> !snn.spikes<2> {\n"
    "  %c = snn.linear %x weight(dense<1.0> : tensor<2x2xf32>) : "
    "!snn.spikes<2> -> !snn.current<2>\n"
    "  %y = snn.lif %c {tau_mem = 0.02, r = 1.0, v_leak = 0.0, "
    "v_threshold = 1.0} : (!snn.current<2>) -> !snn.spikes<2>\n"
    "  snn.output %y : !snn.spikes<2>\n}\n")


def place_attr(rng, attr):
    """Puts an attribute on the module, on an snn op, or as a network
    argument's attribute."""
    where = rng.choice(["module", "op", "arg"])
    if where == "module":
        return "module attributes {fuzz.x = %s} {}\n" % attr, "module"
    if where == "op":
        return (NETWORK_SMALL.replace(
            "v_threshold = 1.0}", "v_threshold = 1.0, fuzz.x = %s}" % attr),
            "snn op")
    return (NETWORK_SMALL.replace("%x: !snn.spikes<2>",
                                  "%%x: !snn.spikes<2> {fuzz.x = %s}" % attr),
            "network argument")


def hide(rng, text):
    """Puts something before the text that a bracket pre-scan might read
    differently from MLIR's lexer: quotes in comments, escaped quotes,
    brackets inside strings and comments, a resource section."""
    prefix = rng.choice([
        '// a lone quote " in a comment\n',
        "// brackets in a comment ((((([[[[{{{{<<<<\n",
        'module attributes {fuzz.s = "\\""} {}\n',
        'module attributes {fuzz.s = "((((([[[[[{{{{{<<<<<"} {}\n',
        'module attributes {fuzz.s = "\\\\"} {}\n',
        "module attributes {fuzz.s = \"%s\"} {}\n" % ("(" * 5000),
        '{-#\n  dialect_resources: {\n    builtin: {\n      b: "0x0400000'
        '0"\n    }\n  }\n#-}\n',
        "\t\r\n", "/* not a comment [ */\n", "// \\\n",
    ])
    if rng.random() < 0.5:
        return prefix + text, "after %r" % prefix[:30]
    return text + "\n" + prefix, "before %r" % prefix[:30]


def nesting_input(rng):
    depth = nest_depth(rng)
    kind = rng.randrange(8)
    if kind == 0:
        attr, what = nested_attr(rng, depth)
        text, where = place_attr(rng, attr)
        label = "%s %d deep on the %s" % (what, depth, where)
    elif kind == 1:
        attr, what = affine_text(rng, rng.choice(NEST_DEPTHS +
                                                 CHAIN_LENGTHS))
        text, where = place_attr(rng, attr)
        label = "%s on the %s" % (what, where)
    elif kind == 2:
        loc, what = location_text(rng, depth)
        text = NETWORK_SMALL.replace("snn.output %y : !snn.spikes<2>",
                                     "snn.output %y : !snn.spikes<2> " + loc)
        label = "%s %d deep" % (what, depth)
    elif kind == 3:
        text, what = region_text(rng, depth)
        label = "%s %d deep" % (what, depth)
    elif kind == 4:
        # A nested type where the network's argument type goes.
        ty = rng.choice(["tuple<" * depth + "i32" + ">" * depth,
                         "(" * depth + "i32" + ")" * depth,
                         "!snn.spikes<" * depth + "2" + ">" * depth,
                         "tensor<1x" * depth + "i32" + ">" * depth,
                         "!fuzz.t<" + "<" * depth + ">" * depth + ">",
                         "!fuzz<\"" + "<" * depth + "\">"])
        text = NETWORK_SMALL.replace("%x: !snn.spikes<2>", "%x: " + ty)
        label = "nested type %r... %d deep as an argument type" % (ty[:12],
                                                                   depth)
    elif kind == 5:
        # Unbalanced: openers never closed, closers never opened, or
        # closed by the wrong kind.
        opener = rng.choice(["[", "{a = ", "tuple<", "(", "<", "{",
                             "dense<[", "affine_map<(d0) -> ("])
        style = rng.randrange(3)
        if style == 0:
            attr = opener * depth
        elif style == 1:
            attr = "1" + rng.choice(["]", "}", ">", ")"]) * depth
        else:
            attr = "[" * depth + "1" + "}" * depth
        text, where = place_attr(rng, attr)
        label = "unbalanced %r x %d (style %d)" % (opener, depth, style)
    elif kind == 6:
        # Opaque dialect attributes and types: their bodies are matched by
        # the lexer, not parsed.
        body = rng.choice(["<" * depth + ">" * depth,
                           "[" * depth + "]" * depth,
                           "(" * depth + ")" * depth,
                           "{" * depth + "}" * depth,
                           "<" * depth, "<[({" * (depth // 4)])
        attr = rng.choice(["#fuzz.a<%s>", "!fuzz.t<%s>", "#fuzz<\"%s\">",
                           "#snn.dist<%s>", "#snn.target<%s>"]) % body
        text, where = place_attr(rng, attr)
        label = "opaque body %r... %d deep" % (body[:8], depth)
    else:
        attr, what = nested_attr(rng, depth)
        text, where = place_attr(rng, attr)
        text, how = hide(rng, text)
        label = "%s %d deep on the %s, %s" % (what, depth, where, how)
    return text.encode(), "nesting: " + label


def expansion_input(rng):
    """Aliases that refer to the previous one k times: n levels describe
    k^n elements in a few hundred bytes."""
    levels = rng.choice([4, 8, 16, 20, 24, 32, 40, 64])
    fan = rng.choice([2, 2, 3, 10])
    kind = rng.choice(["array", "dict", "tuple", "mixed", "loc", "dense",
                       "function"])
    refs = lambda name: ", ".join([name] * fan)  # noqa: E731
    lines = []
    if kind == "array":
        lines.append("#a0 = [1, 2]")
        for i in range(1, levels):
            lines.append("#a%d = [%s]" % (i, refs("#a%d" % (i - 1))))
        use = "#a%d" % (levels - 1)
    elif kind == "dict":
        lines.append("#a0 = {a = 1}")
        for i in range(1, levels):
            keys = ", ".join("k%d = #a%d" % (j, i - 1) for j in range(fan))
            lines.append("#a%d = {%s}" % (i, keys))
        use = "#a%d" % (levels - 1)
    elif kind == "tuple":
        lines.append("!t0 = i32")
        for i in range(1, levels):
            lines.append("!t%d = tuple<%s>" % (i, refs("!t%d" % (i - 1))))
        use = "!t%d" % (levels - 1)
    elif kind == "function":
        lines.append("!t0 = i32")
        for i in range(1, levels):
            lines.append("!t%d = (%s) -> (%s)" % (i, refs("!t%d" % (i - 1)),
                                                 refs("!t%d" % (i - 1))))
        use = "!t%d" % (levels - 1)
    elif kind == "mixed":
        lines.append("!t0 = i32")
        lines.append("#a0 = [1]")
        for i in range(1, levels):
            lines.append("!t%d = tuple<%s>" % (i, refs("!t%d" % (i - 1))))
            lines.append("#a%d = [%s, !t%d]" % (i, refs("#a%d" % (i - 1)),
                                               i))
        use = "#a%d" % (levels - 1)
    elif kind == "dense":
        lines.append("#a0 = dense<[1.0, 2.0]> : tensor<2xf32>")
        for i in range(1, levels):
            lines.append("#a%d = [%s]" % (i, refs("#a%d" % (i - 1))))
        use = "#a%d" % (levels - 1)
    else:
        # Locations: printed only in diagnostics, so make the op wrong.
        lines.append('#loc0 = loc("a":1:1)')
        for i in range(1, levels):
            lines.append("#loc%d = loc(callsite(#loc%d at #loc%d))" % (
                i, i - 1, i - 1))
        body = NETWORK_SMALL.replace(
            "snn.output %y : !snn.spikes<2>",
            "snn.output %%y : !snn.current<2> loc(#loc%d)" % (levels - 1))
        return ("\n".join(lines) + "\n" + body).encode(), \
            "expansion: callsite locations %d levels in a diagnostic" % levels
    text, where = place_attr(rng, use)
    return ("\n".join(lines) + "\n" + text).encode(), \
        "expansion: %s aliases %d levels x %d (%s)" % (kind, levels, fan,
                                                        where)


EXTREME_FLOATS = [
    "0.0", "-0.0", "-1.0", "1.0e-300", "4.9406564584124654e-324", "1.0e10",
    "2.0e9", "2147483648.0", "4294967296.0", "4294967297.0",
    "9.2233720368547758e18", "1.8446744073709552e19", "1.0e20", "1.0e30",
    "3.4028235e38", "3.5e38", "1.0e300", "1.0e308",
    "1.7976931348623157e308", "-1.0e308", "0x7FF8000000000000",
    "0x7FF0000000000000", "0xFFF0000000000000", "0x0000000000000001",
    "0x7FEFFFFFFFFFFFFF",
]
EXTREME_INTS = [
    "0", "-1", "1", "2147483647", "2147483648", "4294967295", "4294967296",
    "4294967297", "1000000000", "100000", "9223372036854775807",
    "-9223372036854775808", "1099511627776", "18446744073709551615",
    "18446744073709551616", "65536", "65537",
]
# Dimension lists whose products overflow 32 or 64 bits (or come close).
OVERFLOW_SHAPES = [
    [65536, 65536], [4294967296, 4294967296], [3, 6148914691236517206],
    [2147483648, 2], [4294967297], [1 << 40], [1 << 62, 4], [46341, 46341],
    [2097152, 2097152, 2097152], [1 << 31, 1 << 31], [1, 1 << 63 - 1],
]


def ext_float(rng):
    return rng.choice(EXTREME_FLOATS)


def ext_int(rng):
    return rng.choice(EXTREME_INTS)


def shape_str(dims):
    return "x".join(str(d) for d in dims)


NEURON_DEFAULTS = {
    "lif": [("tau_mem", "0.02"), ("r", "1.0"), ("v_leak", "0.0"),
            ("v_threshold", "1.0"), ("v_reset", "0.0")],
    "cuba_lif": [("tau_mem", "0.02"), ("tau_syn", "0.005"), ("r", "1.0"),
                 ("v_leak", "0.0"), ("v_threshold", "1.0"),
                 ("v_reset", "0.0"), ("w_in", "1.0")],
    "if": [("r", "1.0"), ("v_threshold", "1.0"), ("v_reset", "0.0")],
    "li": [("tau_mem", "0.02"), ("r", "1.0"), ("v_leak", "0.0")],
    "integrator": [("r", "1.0")],
}
NEURON_KIND = {"lif": "spikes", "cuba_lif": "spikes", "if": "spikes",
               "li": "current", "integrator": "current"}


def ext_neuron(rng):
    op = rng.choice(sorted(NEURON_DEFAULTS))
    params = list(NEURON_DEFAULTS[op])
    n = rng.choice([2, 4])
    i = rng.randrange(len(params))
    name = params[i][0]
    value = ext_float(rng)
    if rng.random() < 0.3:
        elems = [params[i][1]] * n
        elems[rng.randrange(n)] = value
        params[i] = (name, "array<f64: %s>" % ", ".join(elems))
    else:
        params[i] = (name, value)
    kind = NEURON_KIND[op]
    attrs = ", ".join("%s = %s" % p for p in params)
    body = ("  %%c = snn.linear %%x weight(dense<%s> : tensor<%dx%dxf32>) : "
            "!snn.spikes<%d> -> !snn.current<%d>\n"
            "  %%y = snn.%s %%c {%s} : (!snn.current<%d>) -> !snn.%s<%d>\n" % (
                rng.choice(["1.0", "0.5", ext_float(rng)]), n, n, n, n, op,
                attrs, n, kind, n))
    text = ("snn.network @x(%%x: !snn.spikes<%d>) -> !snn.%s<%d> {\n%s"
            "  snn.output %%y : !snn.%s<%d>\n}\n" % (n, kind, n, body, kind,
                                                     n))
    return text, "snn.%s %s = %s" % (op, name, params[i][1][:60])


def dist_text(rng, extreme):
    kind = rng.choice(["constant", "uniform", "normal", "lognormal"])
    a, b = "0.5", "0.1"
    if extreme:
        if rng.random() < 0.5:
            a = ext_float(rng)
        else:
            b = ext_float(rng)
    if kind == "constant":
        return "#snn.dist<constant(%s)>" % a
    if kind == "uniform":
        return "#snn.dist<uniform(%s, %s)>" % (("0.1", a) if extreme else
                                               ("0.1", "0.5"))
    return "#snn.dist<%s(%s, %s)>" % (kind, a, b)


def ext_reservoir(rng):
    size = "64"
    attrs = {
        "size": size, "excitatory_fraction": "0.8",
        "connectivity": "#snn.fixed_probability<0.1>",
        "w_ee": "#snn.dist<normal(0.3, 0.1)>",
        "w_ei": "#snn.dist<normal(0.6, 0.1)>",
        "w_ie": "#snn.dist<normal(0.9, 0.1)>",
        "w_ii": "#snn.dist<normal(0.9, 0.1)>",
        "seed": "42", "tau_mem": "0.02", "r": "1.0", "v_leak": "0.0",
        "v_threshold": "1.0",
    }
    name = rng.choice(sorted(attrs) + ["v_reset", "delay", "grid",
                                       "distance", "size-connectivity"])
    what = name
    if name == "size":
        size = ext_int(rng)
        attrs["size"] = size
    elif name == "size-connectivity":
        size = rng.choice(["100000", "1000000", "1000000000", "20000",
                           "7296000"])
        attrs["size"] = size
        attrs["connectivity"] = "#snn.fixed_probability<%s>" % rng.choice(
            ["1.0", "0.5", "0.1"])
        what = "size %s, %s" % (size, attrs["connectivity"])
    elif name == "connectivity":
        attrs[name] = "#snn.fixed_probability<%s>" % ext_float(rng)
    elif name in ("w_ee", "w_ei", "w_ie", "w_ii"):
        attrs[name] = dist_text(rng, True)
    elif name in ("grid", "distance"):
        grid = [4, 4, 4]
        if name == "grid":
            grid = rng.choice(OVERFLOW_SHAPES + [[0, 4, 4], [-1, 4, 4],
                                                 [4, 4]])
            grid = (grid + [1, 1, 1])[:3] if rng.random() < 0.7 else grid
        product = 1
        for g in grid:
            product *= g
        size = str(product % (1 << 64)) if rng.random() < 0.5 else \
            str(product)
        attrs["size"] = size
        params = ["2.0", "0.3", "0.2", "0.4", "0.1"]
        if name == "distance":
            params[rng.randrange(5)] = ext_float(rng)
        attrs["connectivity"] = (
            "#snn.distance<grid = [%s], lambda = %s, c_ee = %s, c_ei = %s, "
            "c_ie = %s, c_ii = %s>" % (", ".join(map(str, grid)), *params))
        what = "grid %s size %s %s" % (grid, size, params)
    elif name == "seed":
        attrs[name] = ext_int(rng)
    else:
        attrs[name] = ext_float(rng)
    if what == name:
        what = "%s = %s" % (name, attrs.get(name, ""))
    body = ", ".join("%s = %s" % kv for kv in attrs.items())
    text = ("snn.network @x(%%x: !snn.spikes<4>) -> !snn.spikes<%s> {\n"
            "  %%c = snn.linear %%x weight(dense<1.0> : tensor<%sx4xf32>) : "
            "!snn.spikes<4> -> !snn.current<%s>\n"
            "  %%y = snn.reservoir %%c {%s} : (!snn.current<%s>) -> "
            "!snn.spikes<%s>\n  snn.output %%y : !snn.spikes<%s>\n}\n" % (
                size, size, size, body, size, size, size))
    return text, "snn.reservoir " + what


def ext_conv(rng):
    s, p, d, k = [1, 1], [1, 1], [1, 1], [3, 3]
    groups, c, h, w, oc = "1", 2, 8, 8, 4
    name = rng.choice(["stride", "padding", "dilation", "groups", "kernel",
                       "input", "pool-kernel", "pool-stride", "pool-padding",
                       "flatten-start", "flatten-end"])
    value = ext_int(rng)
    if name.startswith("pool"):
        kk, ss, pp = [2, 2], [2, 2], [0, 0]
        lst = {"pool-kernel": kk, "pool-stride": ss,
               "pool-padding": pp}[name]
        lst[rng.randrange(2)] = value
        out = rng.choice(["4x4x4", "4x1x1", "4x%sx4" % value])
        text = ("snn.network @x(%%x: !snn.spikes<4x8x8>) -> !snn.current<%s> "
                "{\n  %%y = snn.sum_pool2d %%x {kernel_size = array<i64: %s>, "
                "stride = array<i64: %s>, padding = array<i64: %s>} : "
                "!snn.spikes<4x8x8> -> !snn.current<%s>\n"
                "  snn.output %%y : !snn.current<%s>\n}\n" % (
                    out, ", ".join(map(str, kk)), ", ".join(map(str, ss)),
                    ", ".join(map(str, pp)), out, out))
        return text, "snn.sum_pool2d %s = %s" % (name[5:], value)
    if name.startswith("flatten"):
        start, end = "0", "-1"
        if name == "flatten-start":
            start = value
        else:
            end = value
        text = ("snn.network @x(%%x: !snn.spikes<2x3x4>) -> !snn.spikes<24> "
                "{\n  %%y = snn.flatten %%x {start_dim = %s, end_dim = %s} : "
                "!snn.spikes<2x3x4> -> !snn.spikes<24>\n"
                "  snn.output %%y : !snn.spikes<24>\n}\n" % (start, end))
        return text, "snn.flatten %s = %s" % (name[8:], value)
    if name == "stride":
        s[rng.randrange(2)] = value
    elif name == "padding":
        p[rng.randrange(2)] = value
    elif name == "dilation":
        d[rng.randrange(2)] = value
    elif name == "groups":
        groups = value
    elif name == "kernel":
        k[rng.randrange(2)] = rng.choice([65536, 4294967296, 0, 1 << 31])
    else:
        dims = rng.choice(OVERFLOW_SHAPES)
        c, h, w = (dims + [8, 8])[:3] if len(dims) < 3 else dims[:3]
    oh = rng.choice([8, 1, h if isinstance(h, int) else 8])
    text = ("snn.network @x(%%x: !snn.spikes<%sx%sx%s>) -> "
            "!snn.current<%dx%sx%s> {\n"
            "  %%y = snn.conv2d %%x weight(dense<0.25> : "
            "tensor<%dx%sx%sx%sxf32>) {stride = array<i64: %s>, "
            "padding = array<i64: %s>, dilation = array<i64: %s>, "
            "groups = %s} : !snn.spikes<%sx%sx%s> -> !snn.current<%dx%sx%s>\n"
            "  snn.output %%y : !snn.current<%dx%sx%s>\n}\n" % (
                c, h, w, oc, oh, oh, oc, c if groups == "1" else 1, k[0],
                k[1], ", ".join(map(str, s)), ", ".join(map(str, p)),
                ", ".join(map(str, d)), groups, c, h, w, oc, oh, oh, oc, oh,
                oh))
    return text, "snn.conv2d %s = %s" % (name, value)


def ext_sparse(rng):
    name = rng.choice(["values", "delays", "row_ptr", "col_idx",
                       "delay_steps", "nnz"])
    rows, cols = [0, 1, 2], [0, 1]
    values = ["0.5", "0.5"]
    delays = None
    steps = None
    n_out = 2
    if name == "values":
        values[rng.randrange(2)] = ext_float(rng)
    elif name == "delays":
        delays = ["0.001", "0.002"]
        delays[rng.randrange(2)] = ext_float(rng)
    elif name == "row_ptr":
        rows[rng.randrange(3)] = ext_int(rng)
    elif name == "col_idx":
        cols[rng.randrange(2)] = ext_int(rng)
    elif name == "delay_steps":
        steps = ["1", "2"]
        steps[rng.randrange(2)] = ext_int(rng)
    else:
        n_out = rng.choice([4294967296, 1 << 40, 65536])
    text = ("snn.network @x(%%x: !snn.spikes<2>) -> !snn.current<%d> {\n"
            "  %%y = snn.sparse %%x rows(dense<[%s]> : tensor<3xi64>) "
            "cols(dense<[%s]> : tensor<2xi32>) values(dense<[%s]> : "
            "tensor<2xf32>)%s%s : !snn.spikes<2> -> !snn.current<%d>\n"
            "  snn.output %%y : !snn.current<%d>\n}\n" % (
                n_out, ", ".join(map(str, rows)), ", ".join(map(str, cols)),
                ", ".join(values),
                " delays(dense<[%s]> : tensor<2xf32>)" % ", ".join(delays)
                if delays else "",
                " delay_steps(dense<[%s]> : tensor<2xi64>)" % ", ".join(steps)
                if steps else "", n_out, n_out))
    return text, "snn.sparse %s" % name


def ext_dense(rng):
    name = rng.choice(["weight", "bias", "shape", "scale", "delay",
                       "delay-steps"])
    n, m = 2, 3
    w, b = "0.5", "0.1"
    if name == "weight":
        w = ext_float(rng)
    elif name == "bias":
        b = ext_float(rng)
    elif name == "shape":
        dims = rng.choice(OVERFLOW_SHAPES)
        n, m = (dims + [1])[0], (dims + [1])[1]
    if name in ("scale", "delay", "delay-steps"):
        kind = rng.choice(["spikes", "current"]) if name != "scale" else \
            "current"
        if name == "scale":
            attr = "factor = %s" % ext_float(rng)
            op = "scale"
        elif name == "delay":
            attr = "delay = %s" % ext_float(rng)
            op = "delay"
        else:
            attr = "steps = %s" % ext_int(rng)
            op = "delay"
        dims = rng.choice([[2], [2], rng.choice(OVERFLOW_SHAPES)])
        t = "!snn.%s<%s>" % (kind, shape_str(dims))
        text = ("snn.network @x(%%x: %s) -> %s {\n  %%y = snn.%s %%x {%s} : "
                "%s\n  snn.output %%y : %s\n}\n" % (t, t, op, attr, t, t))
        return text, "snn.%s %s" % (op, attr)
    op = rng.choice(["linear", "affine"])
    bias = " bias(dense<%s> : tensor<%dxf32>)" % (b, m) if op == "affine" \
        else ""
    text = ("snn.network @x(%%x: !snn.spikes<%d>) -> !snn.current<%d> {\n"
            "  %%y = snn.%s %%x weight(dense<%s> : tensor<%dx%dxf32>)%s : "
            "!snn.spikes<%d> -> !snn.current<%d>\n"
            "  snn.output %%y : !snn.current<%d>\n}\n" % (
                n, m, op, w, m, n, bias, n, m, m))
    return text, "snn.%s %s (%dx%d, w %s, b %s)" % (op, name, m, n, w, b)


def ext_discrete(rng):
    params = [("decay", "0.95"), ("gain", "0.05"), ("drive", "0.0"),
              ("threshold", "1.0"), ("reset", "0.0"), ("syn_decay", "0.9"),
              ("syn_gain", "0.1")]
    model = rng.choice(["lif", "cuba_lif", "if", "li", "integrator"])
    if model not in ("cuba_lif",):
        params = params[:5]
    if model in ("li", "integrator"):
        params = params[:3]
    kind = "spikes" if model in ("lif", "cuba_lif", "if") else "current"
    dt = "1.0e-3"
    which = rng.randrange(len(params) + 3)
    if which < len(params):
        params[which] = (params[which][0], ext_float(rng))
        what = "%s = %s" % params[which]
        body = ("  %%y = snn.neuron %%x {model = #snn.model<%s>, %s} : "
                "(!snn.current<4>) -> !snn.%s<4>\n" % (
                    model, ", ".join("%s = %s" % p for p in params), kind))
        out = "!snn.%s<4>" % kind
    elif which == len(params):
        dt = ext_float(rng)
        what = "#snn.time dt = %s" % dt
        body = ("  %%y = snn.neuron %%x {model = #snn.model<%s>, %s} : "
                "(!snn.current<4>) -> !snn.%s<4>\n" % (
                    model, ", ".join("%s = %s" % p for p in params), kind))
        out = "!snn.%s<4>" % kind
    else:
        attrs = {"excitatory_fraction": "0.5",
                 "connectivity": "#snn.fixed_probability<0.5>",
                 "w_ee": "#snn.dist<constant(0.1)>",
                 "w_ei": "#snn.dist<constant(0.1)>",
                 "w_ie": "#snn.dist<constant(0.1)>",
                 "w_ii": "#snn.dist<constant(0.1)>",
                 "seed": "3", "delay_steps": "3"}
        key = rng.choice(sorted(attrs))
        if key in ("seed", "delay_steps"):
            attrs[key] = ext_int(rng)
        elif key == "connectivity":
            attrs[key] = "#snn.fixed_probability<%s>" % ext_float(rng)
        elif key.startswith("w_"):
            attrs[key] = dist_text(rng, True)
        else:
            attrs[key] = ext_float(rng)
        what = "snn.procedural %s = %s" % (key, attrs[key])
        body = ("  %%s = snn.neuron %%x, %%r {model = #snn.model<lif>, "
                "decay = 0.95, gain = 0.05, drive = 0.0, threshold = 1.0, "
                "reset = 0.0} : (!snn.current<4>, !snn.current<4>) -> "
                "!snn.spikes<4>\n  %%r = snn.procedural %%s {%s} : "
                "!snn.spikes<4> -> !snn.current<4>\n  %%y = snn.neuron %%r "
                "{model = #snn.model<integrator>, decay = 1.0, gain = 0.001, "
                "drive = 0.0} : (!snn.current<4>) -> !snn.current<4>\n" % (
                    ", ".join("%s = %s" % kv for kv in attrs.items())))
        out = "!snn.current<4>"
    text = ("snn.network @x(%%x: !snn.current<4>) -> %s attributes "
            "{snn.time = #snn.time<dt = %s, rule = %s>} {\n%s"
            "  snn.output %%y : %s\n}\n" % (
                out, dt, rng.choice(["euler", "exact"]), body, out))
    return text, "discrete " + what


def ext_module(rng):
    """The module's #snn.target: seed, firing probability and the embedded
    --target-config text."""
    field = rng.choice(["seed", "firing_probability", "overrides"])
    seed, prob, over = "3", "1.0e-02", None
    if field == "seed":
        seed = ext_int(rng)
        value = seed
    elif field == "firing_probability":
        prob = ext_float(rng)
        value = prob
    else:
        key = rng.choice(["clock_hz", "pes_per_chip", "max_neurons_per_pe",
                          "cycles_per_neuron_update", "tile_rows",
                          "tiles_per_chip", "synapse_word_bytes"])
        raw = rng.choice(["0", "-1", "1e999", "4294967297",
                          "18446744073709551616", "1e308", "null", "[]",
                          "\\\"x\\\""])
        over = '{\\"%s\\": %s}' % (key, raw)
        value = over
    target = rng.choice(["spinnaker2", "crossbar"])
    parts = ['"%s"' % target, "seed = %s" % seed,
             "firing_probability = %s" % prob]
    if over is not None:
        parts.append('overrides = "%s"' % over)
    text = ("module attributes {snn.target = #snn.target<%s>} {\n%s}\n" % (
        ", ".join(parts), NETWORK_SMALL))
    return text, "#snn.target<%s> %s = %s" % (target, field, value)


def ext_signal_shapes(rng):
    dims = rng.choice(OVERFLOW_SHAPES)
    op = rng.choice(["lif", "li", "scale", "flatten", "output"])
    t_in = "!snn.current<%s>" % shape_str(dims)
    if op == "lif":
        body = ("  %%y = snn.lif %%x {tau_mem = 0.02, r = 1.0, v_leak = 0.0, "
                "v_threshold = 1.0} : (%s) -> !snn.spikes<%s>\n" % (
                    t_in, shape_str(dims)))
        out = "!snn.spikes<%s>" % shape_str(dims)
    elif op == "li":
        body = ("  %%y = snn.li %%x {tau_mem = 0.02, r = 1.0, v_leak = 0.0} "
                ": (%s) -> %s\n" % (t_in, t_in))
        out = t_in
    elif op == "scale":
        body = "  %%y = snn.scale %%x {factor = 2.0} : %s\n" % t_in
        out = t_in
    elif op == "flatten":
        product = 1
        for d in dims:
            product *= d
        flat = rng.choice([product, product % (1 << 64), product % (1 << 32)])
        out = "!snn.current<%d>" % flat
        body = ("  %%y = snn.flatten %%x {start_dim = 0, end_dim = -1} : "
                "%s -> %s\n" % (t_in, out))
    else:
        body = ""
        out = t_in
    result = "%y" if body else "%x"
    text = ("snn.network @x(%%x: %s) -> %s {\n%s  snn.output %s : %s\n}\n" % (
        t_in, out, body, result, out))
    return text, "signal shape %s through %s" % (shape_str(dims), op)


EXTREME_GENERATORS = [ext_neuron, ext_reservoir, ext_conv, ext_sparse,
                      ext_dense, ext_discrete, ext_module, ext_signal_shapes]


def extreme_input(rng):
    gen = rng.choice(EXTREME_GENERATORS)
    text, what = gen(rng)
    return text.encode(), "extreme: " + what


HOSTILE_FAMILIES = {"nesting": nesting_input, "expansion": expansion_input,
                    "extreme": extreme_input}
