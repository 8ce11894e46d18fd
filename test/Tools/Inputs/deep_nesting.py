"""Writes an snn network nested DEPTH levels deep with one bracket KIND.

Usage: deep_nesting.py KIND DEPTH > net.mlir, with KIND one of array,
dict, paren, tuple (angle brackets), region, or text (DEPTH brackets inside
a comment and a string, which nest nothing). All but region sit two levels
deep in the network. Kinds that nest without brackets of their own:
alias-chain and type-chain (DEPTH aliases, each one level around the
last), alias-fan (DEPTH aliases naming the last twice: 2^DEPTH elements),
affine-add and affine-neg (DEPTH affine operators), split-alias (an
alias whose type follows DEPTH comment lines later), affine-set (DEPTH
arrays each after an affine set whose '>=' closes nothing), and wrap (an
array DEPTH deep on the first of two modules, which MLIR prints inside a
third). The tests generate these so the repository holds no large
inputs.
"""

import sys


def main():
    kind, depth = sys.argv[1], int(sys.argv[2])
    if kind == "region":
        print("module {" * depth + "}" * depth)
        return
    if kind == "wrap":
        print("module attributes {fuzz.x = %s1%s} {}" % ("[" * depth,
                                                         "]" * depth))
        print("module {}")
        return
    if kind == "split-alias":
        # An alias whose type follows DEPTH comment lines later.
        print("#w = dense<1.0>")
        print("//\n" * depth + ": tensor<1x1xf32>")
        print("snn.network @n(%in: !snn.spikes<1>) -> !snn.current<1> {")
        print("  %a = snn.linear %in weight(#w) : !snn.spikes<1> -> "
              "!snn.current<1>")
        print("  snn.output %a : !snn.current<1>")
        print("}")
        return
    aliases = {
        "alias-chain": ("#a0 = [1]", "#a%d = [#a%d]", "#a"),
        "type-chain": ("!t0 = i32", "!t%d = tuple<!t%d>", "!t"),
        "alias-fan": ("#a0 = [1]", "#a%d = [#a%d, #a%d]", "#a"),
    }.get(kind)
    if aliases:
        first, each, name = aliases
        print(first)
        for i in range(1, depth):
            print(each % ((i,) + (i - 1,) * each.count("#a%d, ")
                          + (i - 1,)))
    attr = {
        "array": "[" * depth + "1" + "]" * depth,
        "dict": "{a = " * depth + "1" + "}" * depth,
        "tuple": "tuple<" * depth + "i32" + ">" * depth,
        "paren": "(" * depth + "i32" + ")" * depth,
        "text": '"' + "([{<" * depth + '"',
        "affine-add": "affine_map<(d0) -> (d0" + " + d0" * depth + ")>",
        "affine-neg": "affine_map<(d0) -> (" + "- " * depth + "d0)>",
        "affine-set": "[affine_set<(d0) : (d0 >= 0)>, " * depth + "1"
                      + "]" * depth,
    }.get(kind, "%s%d" % (aliases[2], depth - 1) if aliases else None)
    if kind == "text":
        print("// " + "([{<" * depth)
    if kind == "paren":
        attr = "(" * depth + ") -> ()" * depth
    print("snn.network @n(%in: !snn.current<1>) -> !snn.spikes<1> {")
    if kind == "type-chain":
        attr = "unit, yy = tuple<%s>" % ("!t%d" % (depth - 1))
    print(f"  %a = snn.if %in {{r = 1.0, v_threshold = 1.0, zz = {attr}}}"
          " : (!snn.current<1>) -> !snn.spikes<1>")
    print("  snn.output %a : !snn.spikes<1>")
    print("}")


if __name__ == "__main__":
    main()
