#!/usr/bin/python3
# Hostile NIR (HDF5) files for fuzz_nir_import.py, written with h5py: shared and nested graphs, storage outside the file, filters, huge extents, extreme parameters.
"""Writers of hostile NIR files.

NIR files are HDF5 (see ../shared/nir/README.md): a group `node` of type
"NIRGraph" holding `nodes` (one group per node, with a scalar string `type`
and its parameters as datasets) and `edges` (an (N, 2) string dataset),
plus a scalar string `version`. A node of type NIRGraph nests a graph.

Three families, each a function (rng, folder) -> (path, label, expect):
  graph   subgraphs shared through HDF5 hard links, k groups per level over
          n levels (k^n instances from a few KB: the "billion laughs" of
          issue #16, H5), hard-link and soft-link cycles, nesting around
          the 32-level limit, many nodes and edges;
  hdf5    HDF5 features that reach outside the file (external raw storage,
          external links, virtual datasets, pointing at /etc/passwd,
          /dev/zero, the file itself, a file beside it, nothing), filters
          snnc's HDF5 lacks (h5py's LZF, unregistered ids), gzip bombs,
          datasets whose declared extent is huge but unwritten, HDF5 types
          NIR never uses (references, compounds, enums, half floats,
          big-endian, opaque);
  params  small valid graphs of every node type with one parameter (or one
          element) set to 0, -1, NaN, +-inf, 2^31, 2^32, 2^63, 1e308,
          denormals..., with shapes whose products overflow, and with
          parameters stored in other dtypes or ranks.

`expect` is "refuse" when the file reads data from outside itself (snnc
must refuse it), else None (either outcome, if it ends cleanly).

Paths to files outside the case folder (/etc/passwd, /dev/zero) are never
opened for writing: the file is written with a placeholder name of the
same length, which is then patched in the file's bytes.
"""

import math
import os
import random

import warnings

import h5py
import numpy as np

# Casting 1e308 to float32 or 2^63 to int64 is the point here.
warnings.filterwarnings("ignore", category=RuntimeWarning)

STR = h5py.string_dtype("utf-8")
PLACEHOLDER_CHAR = "Q"

# --------------------------------------------------------------------------
# Writing graphs
# --------------------------------------------------------------------------


def put_string(group, name, text):
    group.create_dataset(name, data=text, dtype=STR)


def put_value(group, name, value):
    """A parameter: numpy arrays and numbers as they are (float64 for
    Python floats, int64 for ints), strings as strings."""
    if isinstance(value, str):
        put_string(group, name, value)
    elif isinstance(value, (np.ndarray, np.generic)):
        group.create_dataset(name, data=value)
    elif isinstance(value, bool):
        group.create_dataset(name, data=np.bool_(value))
    elif isinstance(value, int):
        if -2**63 <= value < 2**63:
            group.create_dataset(name, data=np.int64(value))
        else:
            group.create_dataset(name, data=np.uint64(value % 2**64))
    elif isinstance(value, float):
        group.create_dataset(name, data=np.float64(value))
    elif isinstance(value, list):
        group.create_dataset(name, data=np.array(value))
    else:
        raise TypeError(value)


def write_graph(group, graph):
    """graph: {"nodes": {name: node}, "edges": [(a, b)]}; a node is
    {"type": T, param: value} or a nested graph {"type": "NIRGraph",
    "nodes": ..., "edges": ...}."""
    put_string(group, "type", "NIRGraph")
    nodes = group.create_group("nodes")
    for name, node in graph["nodes"].items():
        g = nodes.create_group(name)
        if node.get("type") == "NIRGraph":
            write_graph(g, node)
            continue
        for key, value in node.items():
            if key == "type":
                put_string(g, "type", value)
            else:
                put_value(g, key, value)
    edges = np.array(graph["edges"], dtype=object).reshape(-1, 2)
    group.create_dataset("edges", data=edges, dtype=STR)


def write_file(path, graph, version="0.2.0"):
    with h5py.File(path, "w") as f:
        put_string(f, "version", version)
        write_graph(f.create_group("node"), graph)


def patch_placeholders(path, replacements):
    """Replaces each placeholder (bytes) by its target (same length)."""
    with open(path, "rb") as f:
        data = f.read()
    for placeholder, target in replacements:
        assert len(placeholder) == len(target)
        data = data.replace(placeholder, target)
    with open(path, "wb") as f:
        f.write(data)


def placeholder_for(target, index=0):
    """A relative name of the same length as `target`, unique per index."""
    tag = "%s%d" % (PLACEHOLDER_CHAR, index)
    return (tag + PLACEHOLDER_CHAR * len(target))[:len(target)]


# --------------------------------------------------------------------------
# Base graphs: one small valid network per node type
# --------------------------------------------------------------------------


def f64(*values):
    return np.array(values, dtype=np.float64)


def lif_params(n):
    return {"tau": np.full(n, 0.02), "r": np.full(n, 1.0),
            "v_leak": np.zeros(n), "v_threshold": np.ones(n)}


def chain(nodes, order):
    return {"nodes": nodes, "edges": [(a, b) for a, b in zip(order,
                                                            order[1:])]}


def base_graphs():
    """{name: graph} of small networks that import and compile."""
    n = 3
    lin = {"type": "Linear", "weight": np.full((n, n), 0.5,
                                               dtype=np.float32)}
    inp = {"type": "Input", "shape": np.array([n], dtype=np.int64)}
    out = {"type": "Output", "shape": np.array([n], dtype=np.int64)}
    graphs = {}

    def neuron(name, node):
        graphs[name] = chain({"input": inp, "lin": lin, "n": node,
                              "output": out},
                             ["input", "lin", "n", "output"])

    neuron("lif", dict(type="LIF", **lif_params(n)))
    neuron("lif-reset", dict(type="LIF", v_reset=np.zeros(n),
                             **lif_params(n)))
    neuron("cubalif", {"type": "CubaLIF", "tau_mem": np.full(n, 0.02),
                       "tau_syn": np.full(n, 0.005), "r": np.ones(n),
                       "v_leak": np.zeros(n), "v_threshold": np.ones(n),
                       "w_in": np.ones(n)})
    neuron("if", {"type": "IF", "r": np.ones(n), "v_threshold": np.ones(n)})
    neuron("li", {"type": "LI", "tau": np.full(n, 0.02), "r": np.ones(n),
                  "v_leak": np.zeros(n)})
    neuron("cubali", {"type": "CubaLI", "tau_mem": np.full(n, 0.02),
                      "tau_syn": np.full(n, 0.005), "r": np.ones(n),
                      "v_leak": np.zeros(n), "w_in": np.ones(n)})
    neuron("i", {"type": "I", "r": np.ones(n)})
    graphs["affine"] = chain(
        {"input": inp, "aff": {"type": "Affine",
                               "weight": np.full((n, n), 0.5, np.float32),
                               "bias": np.full(n, 0.1, np.float32)},
         "n": dict(type="LIF", **lif_params(n)), "output": out},
        ["input", "aff", "n", "output"])
    graphs["scale"] = chain(
        {"input": inp, "lin": lin, "sc": {"type": "Scale",
                                          "scale": np.full(n, 2.0)},
         "n": dict(type="LIF", **lif_params(n)), "output": out},
        ["input", "lin", "sc", "n", "output"])
    graphs["delay"] = chain(
        {"input": inp, "dl": {"type": "Delay", "delay": np.full(n, 0.002)},
         "lin": lin, "n": dict(type="LIF", **lif_params(n)), "output": out},
        ["input", "dl", "lin", "n", "output"])
    graphs["threshold"] = chain(
        {"input": inp, "lin": lin, "th": {"type": "Threshold",
                                          "threshold": np.ones(n)},
         "output": out}, ["input", "lin", "th", "output"])
    c, h, w, oc = 1, 6, 6, 2
    graphs["conv2d"] = chain(
        {"input": {"type": "Input", "shape": np.array([c, h, w])},
         "conv": {"type": "Conv2d",
                  "weight": np.full((oc, c, 3, 3), 0.2, np.float32),
                  "bias": np.zeros(oc, np.float32),
                  "stride": np.array([1, 1]), "padding": np.array([1, 1]),
                  "dilation": np.array([1, 1]), "groups": np.int64(1),
                  "input_shape": np.array([h, w])},
         "n": {"type": "IF", "r": np.ones((oc, h, w)),
               "v_threshold": np.ones((oc, h, w))},
         "output": {"type": "Output", "shape": np.array([oc, h, w])}},
        ["input", "conv", "n", "output"])
    graphs["conv1d"] = chain(
        {"input": {"type": "Input", "shape": np.array([c, 8])},
         "conv": {"type": "Conv1d",
                  "weight": np.full((oc, c, 3), 0.2, np.float32),
                  "bias": np.zeros(oc, np.float32),
                  "stride": np.int64(1), "padding": np.int64(1),
                  "dilation": np.int64(1), "groups": np.int64(1),
                  "input_shape": np.int64(8)},
         "n": {"type": "IF", "r": np.ones((oc, 8)),
               "v_threshold": np.ones((oc, 8))},
         "output": {"type": "Output", "shape": np.array([oc, 8])}},
        ["input", "conv", "n", "output"])
    for pool in ("SumPool2d", "AvgPool2d"):
        graphs[pool.lower()] = chain(
            {"input": {"type": "Input", "shape": np.array([2, 4, 4])},
             "pool": {"type": pool, "kernel_size": np.array([2, 2]),
                      "stride": np.array([2, 2]),
                      "padding": np.array([0, 0])},
             "n": {"type": "IF", "r": np.ones((2, 2, 2)),
                   "v_threshold": np.ones((2, 2, 2))},
             "output": {"type": "Output", "shape": np.array([2, 2, 2])}},
            ["input", "pool", "n", "output"])
    graphs["flatten"] = chain(
        {"input": {"type": "Input", "shape": np.array([2, 3, 4])},
         "flat": {"type": "Flatten", "start_dim": np.int64(0),
                  "end_dim": np.int64(-1),
                  "input_type": np.array([2, 3, 4])},
         "lin": {"type": "Linear", "weight": np.full((2, 24), 0.1,
                                                     np.float32)},
         "n": dict(type="LIF", **lif_params(2)),
         "output": {"type": "Output", "shape": np.array([2])}},
        ["input", "flat", "lin", "n", "output"])
    return graphs


BASES = base_graphs()

# --------------------------------------------------------------------------
# params: extreme values
# --------------------------------------------------------------------------

EXTREME_FLOATS = [0.0, -0.0, -1.0, float("nan"), float("inf"),
                  float("-inf"), 2.0**31, 2.0**32, 2.0**63, 2.0**64, 1e308,
                  -1e308, 5e-324, 1e-300, 1e300, 1e20, 1e10, 2e9, 3.5e38,
                  3.4028235e38, 1.7976931348623157e308]
EXTREME_INTS = [0, -1, 1, 2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**32 + 1,
                2**40, 2**62, 2**63 - 1, -2**63, 2**64 - 1, 65536, 10**9]
OVERFLOW_SHAPES = [[65536, 65536], [2**32, 2**32], [3, 6148914691236517206],
                   [2**31, 2], [2**32 + 1], [2**40], [46341, 46341],
                   [2**21, 2**21, 2**21], [2**62, 4], [0, 3], [-1, 3]]
INT_PARAMS = {"shape", "stride", "padding", "dilation", "groups",
              "kernel_size", "start_dim", "end_dim", "input_type",
              "input_shape"}


def extreme_param(rng, value, name):
    """A new value for a parameter: one element or all of it extreme, or
    the same numbers in another dtype or rank. Returns (value, what)."""
    arr = np.array(value)
    if arr.dtype.kind not in "biuf":
        # An earlier mutation made it a string or a complex: start over
        # from zeros of its shape.
        arr = np.zeros(arr.shape, np.float64)
    is_int = name in INT_PARAMS or arr.dtype.kind in "iu"
    kind = rng.randrange(10)
    if kind < 5:
        x = rng.choice(EXTREME_INTS if is_int else EXTREME_FLOATS)
        if is_int:
            if x >= 2**63:
                new = np.array(arr, dtype=np.uint64)
            else:
                new = np.array(arr, dtype=np.int64)
        else:
            new = np.array(arr, dtype=np.float64 if arr.dtype != np.float32
                           or rng.random() < 0.5 else np.float32)
        if new.ndim == 0 or new.size == 0 or rng.random() < 0.4:
            new = np.full(new.shape, x, dtype=new.dtype) if new.ndim else \
                np.array(x, dtype=new.dtype)
            return new, "%s = %r (all)" % (name, x)
        flat = new.reshape(-1)
        flat[rng.randrange(flat.size)] = x
        return new, "%s one element = %r" % (name, x)
    if kind == 5 and is_int:
        shape = rng.choice(OVERFLOW_SHAPES)
        dtype = np.uint64 if any(d >= 2**63 for d in shape) else np.int64
        return np.array(shape, dtype=dtype), "%s = %s" % (name, shape)
    if kind == 6:
        dtype = rng.choice([np.float16, np.int8, np.uint64, np.int32,
                            np.float32, np.bool_, ">f8", ">i8", np.complex64])
        try:
            return np.array(arr).astype(dtype), "%s as %s" % (
                name, np.dtype(dtype).str)
        except (TypeError, ValueError):
            return arr, name
    if kind == 7:
        # Another rank: scalar, a leading axis, flat.
        choice = rng.randrange(3)
        if choice == 0 and arr.size:
            return arr.reshape(-1)[0], "%s as a scalar" % name
        if choice == 1:
            return arr.reshape((1,) + arr.shape), "%s with a leading axis" % \
                name
        return arr.reshape(-1), "%s flattened" % name
    if kind == 8:
        # Empty, or much longer than its neighbours.
        if rng.random() < 0.5:
            return arr.reshape(-1)[:0], "%s empty" % name
        return np.resize(arr.reshape(-1), max(1, arr.size) * 1000), \
            "%s x1000 elements" % name
    return rng.choice(["1.0", "", "nan", "\x01", "x" * 1000]), \
        "%s as a string" % name


def params_case(rng, folder):
    base = rng.choice(sorted(BASES))
    graph = {"nodes": {k: dict(v) for k, v in BASES[base]["nodes"].items()},
             "edges": list(BASES[base]["edges"])}
    names = [n for n in graph["nodes"] if len(graph["nodes"][n]) > 1]
    node = rng.choice(names)
    params = [k for k in graph["nodes"][node] if k != "type"]
    what = []
    for _ in range(1 if rng.random() < 0.8 else 2):
        name = rng.choice(params)
        value, desc = extreme_param(rng, graph["nodes"][node][name], name)
        graph["nodes"][node][name] = value
        what.append(desc)
    if rng.random() < 0.05:
        # A misspelled or extra parameter beside the extreme one.
        graph["nodes"][node][rng.choice(["v_rest", "tau_m", "weights",
                                         "bias_", "extra"])] = f64(1.0)
        what.append("plus an unknown parameter")
    path = os.path.join(folder, "net.nir")
    version = rng.choice(["0.2.0"] * 9 + ["99.0", "", "1.0.0"])
    write_file(path, graph, version)
    return path, "params %s: node '%s' (%s): %s" % (
        base, node, graph["nodes"][node]["type"], "; ".join(what)), None


# --------------------------------------------------------------------------
# graph: sharing, cycles, nesting
# --------------------------------------------------------------------------


def leaf_graph(n=2):
    return chain({"input": {"type": "Input", "shape": np.array([n])},
                  "lin": {"type": "Linear",
                          "weight": np.full((n, n), 0.5, np.float32)},
                  "lif": dict(type="LIF", **lif_params(n)),
                  "output": {"type": "Output", "shape": np.array([n])}},
                 ["input", "lin", "lif", "output"])


def shared_levels(f, levels, fan, n, parallel):
    """/lib/L0 is a leaf graph; /lib/Li a graph of `fan` hard links to
    /lib/L(i-1), chained (or side by side, summed); /node links to the
    top. Returns the number of leaf instances."""
    lib = f.create_group("lib")
    write_graph(lib.create_group("L0"), leaf_graph(n))
    for i in range(1, levels + 1):
        g = lib.create_group("L%d" % i)
        put_string(g, "type", "NIRGraph")
        nodes = g.create_group("nodes")
        inp = nodes.create_group("input")
        put_string(inp, "type", "Input")
        inp.create_dataset("shape", data=np.array([n]))
        outp = nodes.create_group("output")
        put_string(outp, "type", "Output")
        outp.create_dataset("shape", data=np.array([n]))
        names = ["s%d" % j for j in range(fan)]
        for name in names:
            nodes[name] = lib["L%d" % (i - 1)]
        if parallel:
            edges = [("input", s) for s in names] + \
                [(s, "output") for s in names]
        else:
            order = ["input"] + names + ["output"]
            edges = list(zip(order, order[1:]))
        g.create_dataset("edges", data=np.array(edges, dtype=object),
                         dtype=STR)
    f["node"] = lib["L%d" % levels]
    del f["lib"]
    return fan ** levels


def graph_case(rng, folder):
    path = os.path.join(folder, "net.nir")
    kind = rng.randrange(8)
    with h5py.File(path, "w") as f:
        put_string(f, "version", "0.2.0")
        if kind <= 2:
            levels = rng.choice([1, 2, 3, 5, 8, 10, 16, 20, 30, 40])
            fan = rng.choice([2, 2, 3, 4, 16])
            if fan ** levels > 2**64:
                levels = max(1, int(64 / math.log2(fan)))
            parallel = rng.random() < 0.3
            total = shared_levels(f, levels, fan, 2, parallel)
            label = "graph: %d levels x %d shared subgraphs (%s), %d " \
                "instances" % (levels, fan, "side by side" if parallel else
                               "chained", total)
        elif kind == 3:
            # One node group hard-linked under many names in one graph.
            count = rng.choice([2, 10, 100, 1000])
            g = f.create_group("node")
            put_string(g, "type", "NIRGraph")
            nodes = g.create_group("nodes")
            leaf = leaf_graph(2)
            write_graph(nodes.create_group("first"), leaf)
            inp = nodes.create_group("input")
            put_string(inp, "type", "Input")
            inp.create_dataset("shape", data=np.array([2]))
            outp = nodes.create_group("output")
            put_string(outp, "type", "Output")
            outp.create_dataset("shape", data=np.array([2]))
            order = ["input", "first"]
            for i in range(count - 1):
                nodes["c%d" % i] = nodes["first"]
                order.append("c%d" % i)
            order.append("output")
            g.create_dataset("edges", data=np.array(
                list(zip(order, order[1:])), dtype=object), dtype=STR)
            label = "graph: one subgraph hard-linked %d times in a chain" % \
                count
        elif kind == 4:
            # Cycles: a nested graph that links to itself or an ancestor,
            # by a hard link or a soft link.
            write_graph(f.create_group("node"), leaf_graph(2))
            sub = f["node/nodes"].create_group("sub")
            write_graph(sub, leaf_graph(2))
            how = rng.choice(["hard-self", "hard-root", "soft-root",
                              "soft-self", "soft-dangling", "soft-up"])
            target = {"hard-self": "/node/nodes/sub", "hard-root": "/node",
                      "soft-root": "/node", "soft-self": "/node/nodes/sub",
                      "soft-dangling": "/nowhere",
                      "soft-up": "../../.."}[how]
            if how.startswith("hard"):
                sub["nodes/loop"] = f[target]
            else:
                sub["nodes/loop"] = h5py.SoftLink(target)
            edges = sub["edges"][()].tolist() + [[b"lif", b"loop"]]
            del sub["edges"]
            sub.create_dataset("edges", data=np.array(
                [[a.decode() if isinstance(a, bytes) else a for a in e]
                 for e in edges], dtype=object), dtype=STR)
            label = "graph: cycle through a %s link" % how
        elif kind == 5:
            depth = rng.choice([10, 30, 31, 32, 33, 34, 64, 200])
            g = f.create_group("node")
            for level in range(depth):
                put_string(g, "type", "NIRGraph")
                nodes = g.create_group("nodes")
                for io in ("input", "output"):
                    x = nodes.create_group(io)
                    put_string(x, "type", io.capitalize())
                    x.create_dataset("shape", data=np.array([2]))
                g.create_dataset("edges", data=np.array(
                    [["input", "sub"], ["sub", "output"]], dtype=object),
                    dtype=STR)
                g = nodes.create_group("sub")
            write_graph(g, leaf_graph(2))
            label = "graph: nested %d deep" % depth
        elif kind == 6:
            count = rng.choice([10, 100, 1000])
            nodes_ = {"input": {"type": "Input", "shape": np.array([2])},
                      "output": {"type": "Output", "shape": np.array([2])}}
            order = ["input"]
            for i in range(count):
                nodes_["s%d" % i] = {"type": "Scale", "scale": f64(1.0, 1.0)}
                order.append("s%d" % i)
            nodes_["lin"] = {"type": "Linear", "weight": np.full(
                (2, 2), 0.5, np.float32)}
            nodes_["lif"] = dict(type="LIF", **lif_params(2))
            order += ["lin", "lif", "output"]
            write_graph(f.create_group("node"), chain(nodes_, order))
            label = "graph: a chain of %d nodes" % count
        else:
            # Many edges: the same edge repeated, or edges to nowhere.
            write_graph(f.create_group("node"), leaf_graph(2))
            count = rng.choice([100, 1000, 100000])
            style = rng.choice(["repeat", "dangling", "self"])
            if style == "repeat":
                edges = [["lin", "lif"]] * count
            elif style == "dangling":
                edges = [["lin", "n%d" % (i % 1000)] for i in range(count)]
            else:
                edges = [["lif", "lif"]] * count
            del f["node/edges"]
            f["node"].create_dataset(
                "edges", data=np.array(
                    [["input", "lin"], ["lin", "lif"], ["lif", "output"]] +
                    edges, dtype=object), dtype=STR,
                chunks=True, compression="gzip")
            label = "graph: %d extra edges (%s)" % (count, style)
    return path, label, None


# --------------------------------------------------------------------------
# hdf5: outside the file, filters, extents, types
# --------------------------------------------------------------------------

OUTSIDE_TARGETS = ["/etc/passwd", "/dev/zero", "/dev/urandom",
                   "/proc/self/environ", "/nonexistent/file.bin",
                   "/etc/hostname"]


def hdf5_case(rng, folder):
    path = os.path.join(folder, "net.nir")
    graph = leaf_graph(2)
    kind = rng.randrange(9)
    patches = []
    expect = None
    label = ""
    with h5py.File(path, "w") as f:
        put_string(f, "version", "0.2.0")
        write_graph(f.create_group("node"), graph)
        lin = f["node/nodes/lin"]
        lif = f["node/nodes/lif"]
        victim_group, victim = rng.choice([
            (lin, "weight"), (lif, "tau"), (lif, "v_threshold"),
            (f["node/nodes/input"], "shape"), (f["node"], "edges"),
            (lif, "type"), (f, "version")])
        old = victim_group[victim]
        dtype, shape = old.dtype, old.shape
        data = old[()]
        if kind == 0:
            # External raw storage.
            where = rng.choice(OUTSIDE_TARGETS + ["beside", "self"])
            offset = rng.choice([0, 0, 8, 2**31, 2**40, 2**62])
            if dtype.kind == "O":
                # Variable-length data cannot be external; use a number.
                victim_group, victim = lin, "weight"
                old = lin["weight"]
                dtype, shape, data = old.dtype, old.shape, old[()]
            del victim_group[victim]
            nbytes = int(np.prod(shape or (1,))) * dtype.itemsize
            size = rng.choice([nbytes, h5py.h5f.UNLIMITED, nbytes * 2**20])
            if where == "beside":
                name = "ext.bin"
                with open(os.path.join(folder, name), "wb") as e:
                    e.write(np.asarray(data, dtype=dtype).tobytes() * 2)
            elif where == "self":
                name = "net.nir"
            else:
                name = placeholder_for(where)
                patches.append((name.encode(), where.encode()))
            victim_group.create_dataset(victim, shape=shape, dtype=dtype,
                                        external=[(name, offset, size)])
            label = "hdf5: '%s' in external storage %s at offset %d" % (
                victim, where, offset)
            expect = "refuse"
        elif kind == 1:
            # External links, for a node, a graph or a dataset.
            where = rng.choice(["beside", "self", "/etc/passwd",
                                "/nonexistent.nir", "/dev/zero"])
            if where == "beside":
                other = os.path.join(folder, "other.nir")
                write_file(other, leaf_graph(2))
                name = "other.nir"
            elif where == "self":
                name = "net.nir"
            else:
                name = placeholder_for(where)
                patches.append((name.encode(), where.encode()))
            link = rng.choice([("node/nodes", "lif", "/node/nodes/lif"),
                               ("node/nodes/lin", "weight",
                                "/node/nodes/lin/weight"),
                               ("node/nodes", "sub", "/node"),
                               ("", "node", "/node")])
            parent = f[link[0]] if link[0] else f
            if link[1] in parent:
                del parent[link[1]]
            parent[link[1]] = h5py.ExternalLink(name, link[2])
            if link[1] == "sub":
                edges = [["input", "lin"], ["lin", "lif"],
                         ["lif", "output"], ["lif", "sub"]]
                del f["node/edges"]
                f["node"].create_dataset("edges", data=np.array(
                    edges, dtype=object), dtype=STR)
            label = "hdf5: '%s' is an external link to %s:%s" % (
                link[1], where, link[2])
            expect = "refuse"
        elif kind == 2:
            # Virtual datasets.
            where = rng.choice(["beside", "self", "/etc/passwd",
                                "/nonexistent.h5", "/dev/zero"])
            if dtype.kind == "O":
                victim_group, victim = lin, "weight"
                old = lin["weight"]
                dtype, shape, data = old.dtype, old.shape, old[()]
            if where == "beside":
                with h5py.File(os.path.join(folder, "src.h5"), "w") as s:
                    s.create_dataset("d", data=data)
                name = "src.h5"
            elif where == "self":
                name = "."
            else:
                name = placeholder_for(where)
                patches.append((name.encode(), where.encode()))
            del victim_group[victim]
            layout = h5py.VirtualLayout(shape=shape or (1,), dtype=dtype)
            layout[...] = h5py.VirtualSource(
                name, "/node/nodes/lin/weight" if where == "self" else "d",
                shape=shape or (1,))
            victim_group.create_virtual_dataset(victim, layout,
                                                fillvalue=0)
            label = "hdf5: '%s' is a virtual dataset of %s" % (victim, where)
            expect = "refuse"
        elif kind == 3:
            # Filters snnc's HDF5 does not have.
            filt = rng.choice(["lzf", 32001, 32004, 307, 32008, 1, 2, 3,
                               "fletcher-bad"])
            if dtype.kind == "O":
                victim_group, victim = lin, "weight"
                old = lin["weight"]
                dtype, shape, data = old.dtype, old.shape, old[()]
            del victim_group[victim]
            shape = shape or (1,)
            if filt == "lzf":
                victim_group.create_dataset(victim, data=np.reshape(
                    data, shape), compression="lzf")
            elif filt == "fletcher-bad":
                d = victim_group.create_dataset(victim, data=np.reshape(
                    data, shape), chunks=shape, fletcher32=True)
                patches.append(("fletcher", None))
            else:
                d = victim_group.create_dataset(
                    victim, shape=shape, dtype=dtype, chunks=shape,
                    compression=filt, allow_unknown_filter=True)
                junk = bytes(rng.getrandbits(8) for _ in range(
                    rng.choice([1, 4, 64, 4096])))
                d.id.write_direct_chunk((0,) * len(shape), junk)
            label = "hdf5: '%s' with filter %s" % (victim, filt)
        elif kind == 4:
            # Declared huge, never written (fill values), or a gzip bomb.
            if dtype.kind == "O" and rng.random() < 0.5:
                huge = rng.choice([(10**9, 2), (2**31, 2), (10**7, 2)])
            else:
                huge = rng.choice([(2**20, 2**20), (2**31, 2), (2**40,),
                                   (10**5, 10**5), (2, 2**31), (3 * 10**8,),
                                   (2**16, 2**16, 2**16)])
            if victim in ("shape", "version", "type"):
                victim_group, victim = lin, "weight"
                dtype = lin["weight"].dtype
            del victim_group[victim]
            bomb = rng.random() < 0.3 and dtype.kind != "O"
            side = 1024 if len(huge) < 3 else 64
            chunk = tuple(min(d, side) for d in huge)
            d = victim_group.create_dataset(
                victim, shape=huge, dtype=dtype, chunks=chunk,
                maxshape=tuple(None for _ in huge),
                compression="gzip" if bomb else None)
            if bomb:
                d[tuple(slice(0, c) for c in chunk)] = 0
            label = "hdf5: '%s' declared %s %s" % (
                victim, "x".join(map(str, huge)),
                "with one gzip chunk written" if bomb else "and unwritten")
        elif kind == 5:
            # Types NIR never uses.
            del victim_group[victim]
            t = rng.choice(["ref", "regionref", "compound", "enum", "f2",
                            "be", "opaque", "vlen-float", "fixed-string",
                            "bool", "complex", "array-type"])
            shape = shape or ()
            n = int(np.prod(shape)) if shape else 1
            if t == "ref":
                ds = victim_group.create_dataset(
                    victim, shape=shape, dtype=h5py.ref_dtype)
                if shape:
                    ds[...] = f["node"].ref
                else:
                    ds[()] = f["node"].ref
            elif t == "regionref":
                victim_group.create_dataset(victim, shape=shape,
                                            dtype=h5py.regionref_dtype)
            elif t == "compound":
                ct = np.dtype([("a", "<f8"), ("b", "<i4")])
                victim_group.create_dataset(victim, shape=shape, dtype=ct)
            elif t == "enum":
                et = h5py.enum_dtype({"A": 0, "B": 1}, basetype="i1")
                victim_group.create_dataset(victim, shape=shape, dtype=et)
            elif t == "f2":
                victim_group.create_dataset(victim, data=np.ones(
                    shape, np.float16))
            elif t == "be":
                victim_group.create_dataset(victim, data=np.ones(
                    shape, ">f8"))
            elif t == "opaque":
                victim_group.create_dataset(victim, data=np.void(
                    b"\x00" * 8) if not shape else
                    np.zeros(shape, "V8"))
            elif t == "vlen-float":
                vt = h5py.vlen_dtype(np.float64)
                ds = victim_group.create_dataset(victim, shape=(n,),
                                                 dtype=vt)
                for i in range(n):
                    ds[i] = np.ones(rng.choice([0, 1, 3]))
            elif t == "fixed-string":
                victim_group.create_dataset(victim, data=np.array(
                    ["LIF"] * n if shape else "LIF", dtype="S8").reshape(
                    shape))
            elif t == "bool":
                victim_group.create_dataset(victim, data=np.ones(shape,
                                                                 bool))
            elif t == "complex":
                victim_group.create_dataset(victim, data=np.ones(
                    shape, np.complex128))
            else:
                at = np.dtype(("<f8", (2,)))
                victim_group.create_dataset(victim, shape=shape, dtype=at)
            label = "hdf5: '%s' of type %s" % (victim, t)
        elif kind == 6:
            # Ranks and extents at the edges of HDF5's own limits.
            del victim_group[victim]
            shape = rng.choice([(1,) * 32, (0,), (0, 2), (2, 0), (1,) * 8,
                                (2,) * 20])
            victim_group.create_dataset(victim, shape=shape, dtype=dtype
                                        if dtype.kind != "O" else STR)
            label = "hdf5: '%s' of shape %s" % (victim, shape)
        elif kind == 7:
            # Attributes and soft links where datasets belong; userblock.
            del victim_group[victim]
            how = rng.choice(["soft", "group", "attr", "soft-to-attr"])
            if how == "soft":
                victim_group[victim] = h5py.SoftLink(
                    "/node/nodes/lin/weight")
            elif how == "group":
                victim_group.create_group(victim)
            else:
                victim_group.attrs[victim] = np.asarray(
                    data if dtype.kind != "O" else b"x")
                if how == "soft-to-attr":
                    victim_group["x"] = h5py.SoftLink("/" + victim)
            label = "hdf5: '%s' replaced by a %s" % (victim, how)
        else:
            # Huge attributes and many attributes on groups.
            count = rng.choice([1, 100, 2000])
            size = 4000 if count == 1 else 1
            for i in range(count):
                f["node"].attrs["a%d" % i] = np.zeros(size)
            label = "hdf5: %d attributes of %d values on the graph" % (
                count, size)
    fletcher = [p for p in patches if p[1] is None]
    patches = [p for p in patches if p[1] is not None]
    if patches:
        patch_placeholders(path, patches)
    if fletcher:
        # Corrupt the stored weights so that the checksum no longer holds.
        with open(path, "rb") as fh:
            blob = bytearray(fh.read())
        needle = np.asarray(graph["nodes"]["lin"]["weight"],
                            np.float32).tobytes()
        at = blob.find(needle)
        if at >= 0:
            blob[at] ^= 0xFF
        with open(path, "wb") as fh:
            fh.write(blob)
    if kind == 7 and rng.random() < 0.3:
        # A user block in front of the superblock (HDF5 allows 512+ bytes).
        with open(path, "rb") as fh:
            blob = fh.read()
        with open(path, "wb") as fh:
            fh.write(b"\x00" * 512 + blob)
        label += ", behind 512 bytes of junk"
    return path, label, expect


FAMILIES = {"graph": graph_case, "hdf5": hdf5_case, "params": params_case}


def generate(family, rng, folder):
    """Writes one file of `family` into `folder`; (path, label, expect)."""
    return FAMILIES[family](rng, folder)


if __name__ == "__main__":
    # Smoke test: python3 nir_gen.py [COUNT [FAMILY...]] writes COUNT files
    # of each family into a fresh folder and prints their labels.
    import shutil
    import sys
    import tempfile
    import time
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    out = tempfile.mkdtemp()
    for fam in sys.argv[2:] or FAMILIES:
        rng = random.Random("1/" + fam)
        began = time.monotonic()
        for i in range(count):
            d = os.path.join(out, "%s%d" % (fam, i))
            os.makedirs(d)
            print(generate(fam, rng, d)[1:])
            shutil.rmtree(d)
        print("%s: %d files in %.1f s" % (fam, count,
                                          time.monotonic() - began))
    shutil.rmtree(out)
