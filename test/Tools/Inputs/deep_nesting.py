"""Writes an snn network nested DEPTH levels deep with one bracket KIND.

Usage: deep_nesting.py KIND DEPTH > net.mlir, with KIND one of array,
dict, paren, tuple (angle brackets), region, or text (DEPTH brackets inside
a comment and a string, which nest nothing). All but region sit two levels
deep in the network. The tests generate these so the repository holds no
large inputs.
"""

import sys


def main():
    kind, depth = sys.argv[1], int(sys.argv[2])
    if kind == "region":
        print("module {" * depth + "}" * depth)
        return
    attr = {
        "array": "[" * depth + "1" + "]" * depth,
        "dict": "{a = " * depth + "1" + "}" * depth,
        "tuple": "tuple<" * depth + "i32" + ">" * depth,
        "paren": "(" * depth + "i32" + ")" * depth,
        "text": '"' + "([{<" * depth + '"',
    }[kind]
    if kind == "text":
        print("// " + "([{<" * depth)
    if kind == "paren":
        attr = "(" * depth + ") -> ()" * depth
    print("snn.network @n(%in: !snn.current<1>) -> !snn.spikes<1> {")
    print(f"  %a = snn.if %in {{r = 1.0, v_threshold = 1.0, zz = {attr}}}"
          " : (!snn.current<1>) -> !snn.spikes<1>")
    print("  snn.output %a : !snn.spikes<1>")
    print("}")


if __name__ == "__main__":
    main()
