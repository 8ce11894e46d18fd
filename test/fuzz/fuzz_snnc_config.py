#!/usr/bin/python3
# Fuzzer of snnc's numbers from outside the network: --target-config and --energy-model fields, and numeric CLI options.
"""Feeds snnc hostile target configs, energy models and option values.

Three families, each deterministic from --seed (Python's random.Random):

  target-config  `snnc compile NET --target T --target-config F -o OUT`
                 for every built target. Every numeric field is read from
                 the target's own tables (backends/<target>/target.json and,
                 for spinnaker2, layout.json) and set to 0, -1, -0.0, 0.5,
                 1e999 (infinite once parsed), 2^31, 2^32, 2^63, 2^64,
                 1e308, null, a string, a list...; groups of fields are set
                 so that their products overflow 32 or 64 bits
                 (pes_per_qpe x qpes_per_chip, chip_mesh, boards x chips,
                 tile rows x cols x tiles, ...); and the JSON itself is
                 nested deep, cut short or padded.
  energy-model   `snnc run IMG --energy-model F --report json -o OUT` on an
                 image of every built target, with the target's energy
                 tables (backends/<target>/energy*.json) mutated the same
                 way: every coefficient extreme, huge ones whose products
                 with the event counts overflow, missing and mistyped
                 sections, deep nesting.
  cli            every numeric option of compile, run, encode, eval and fit
                 given 0, -1, nan, inf, 1e308, 1e999, 2^31, 2^32, 2^63,
                 2^64, 10^23, hex, blanks and non-numbers.

Each case must end cleanly (fuzzlib.judge: exit 0 or 1, a diagnostic when
1, no signal, no time-out, no internal text, within --slow-cpu and
--max-rss-mb), and besides:
  * when it exits 1, it leaves nothing behind in its working folder;
  * when it exits 0, it wrote its output, and its JSON report holds no
    non-finite (null) or negative number where the unmutated run has a
    finite non-negative one (energy, latency, cycles, sizes);
  * a value outside its field's or option's domain (a negative count, a
    zero clock, an infinite cost, an integer beyond the field's width, a
    product of counts that does not hold once computed without wrapping)
    is refused (exit 1), not accepted.

A diagnostic is a line with "error:" or snnc's own "snnc <command>: ..."
form (--strict-error for "error:" only).

Failing cases are kept (input, command, stderr) under --keep (default a
fresh folder in /tmp) and summarised by class. The last line is
`N passed, M failed`; the exit status is 1 if anything failed.
"""

import argparse
import concurrent.futures
import copy
import json
import math
import os
import random
import re
import shutil
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fuzzlib  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", ".."))
FAMILIES = ["target-config", "energy-model", "cli"]
META_KEYS = {"description", "source", "note", "basis", "unit", "confidence",
             "version", "name"}

# --------------------------------------------------------------------------
# JSON with values Python's json module cannot write (1e999, huge literals)
# --------------------------------------------------------------------------


class Raw:
    """A JSON number or token written verbatim; `meaning` is what a reader
    that accepts it gets (inf for 1e999), or None for invalid JSON."""

    def __init__(self, text, meaning):
        self.text = text
        self.meaning = meaning

    def __repr__(self):
        return self.text


def dumps(obj):
    raws = []

    def strip(x):
        if isinstance(x, Raw):
            raws.append(x.text)
            return "\x00RAW%d\x00" % (len(raws) - 1)
        if isinstance(x, dict):
            return {k: strip(v) for k, v in x.items()}
        if isinstance(x, list):
            return [strip(v) for v in x]
        return x

    text = json.dumps(strip(obj))
    return re.sub(r'"\\u0000RAW(\d+)\\u0000"',
                  lambda m: raws[int(m.group(1))], text)


def meaning(v):
    return v.meaning if isinstance(v, Raw) else v


INF = float("inf")
U32 = 2**32 - 1
U64 = 2**64 - 1
I32 = 2**31 - 1

# Extreme values of one field: what the brief of issue #16 lists, and the
# edges of the integer widths the readers convert to.
EXTREMES = [
    0, -1, Raw("-0.0", -0.0), 0.5, 1, Raw("1e999", INF), Raw("-1e999", -INF),
    Raw("1" + "0" * 400, INF), 2**31 - 1, 2**31, 2**32 - 1, 2**32, 2**32 + 1,
    2**53 + 1, 2**63 - 1, 2**63, 2**64 - 1, 2**64, -2**31, -2**63,
    -2**63 - 1, 10**23, 1e308, -1e308, Raw("1.7976931348623157e308", 1e308),
    5e-324, 1e-300, Raw("1E+2", 100.0), 3.0,
    None, True, "NaN", "inf", "1", "", [], {}, [1], {"value": None},
    {"value": "1"}, {"value": Raw("1e999", INF)}, {"value": -1},
    {"value": 2**64}, {"valu": 1},
]


def some_extreme(rng):
    return copy.deepcopy(rng.choice(EXTREMES))


# --------------------------------------------------------------------------
# Domains: which values a field may hold. valid() answers True (in the
# domain: either outcome is fine if it ends cleanly), False (out of the
# domain: must be refused) or None (cannot tell).
# --------------------------------------------------------------------------

# The fields the spinnaker2 mapper reads (compiler/mapping/lib/TargetModel.cpp,
# kFields) and their domains; others in its tables are carried along unread.
SPINNAKER2_DOMAINS = {
    "pes_per_chip": ("int", 1, U32),
    "sram_bytes_per_pe": ("int", 1, U64),
    "clock_hz": ("real", "pos"),
    "step_cycle_budget": ("real", "pos"),
    "cycles_per_neuron_update": ("real", "nonneg"),
    "cycles_per_step_overhead": ("real", "nonneg"),
    "cycles_per_synaptic_event": ("real", "nonneg"),
    "cycles_per_packet_received": ("real", "nonneg", "null"),
    "routing_entries_per_router": ("int", 0, U32),
    "packet_key_bits": ("int", 1, 32),
    "mesh.pes_per_qpe": ("int", 1, U32),
    "mesh.qpes_per_chip": ("int", 1, U32),
    "mesh.chip_mesh": ("pair", 1, I32),
    "mesh.qpe_grid_holes": ("pairs", 1, I32),
    "board.chips_per_board": ("int", 1, U32),
    "board.board_chip_coordinates": ("pairs", -2**31, I32),
    "board.links_per_chip": ("int", 0, U32),
    "board.chip_link_directions": ("pairs", -2**31, I32),
    "board.max_boards": ("int", 1, U32),
    "board.board_origins": ("pairs", -2**31, I32),
    "sram_reserved_bytes_per_pe": ("int", 0, U64),
    "max_neurons_per_pe": ("int", 1, U32),
    "synapse_word_bytes": ("int", 1, U32),
    "row_header_bytes": ("int", 0, U32),
    "ring_buffer_entry_bytes": ("int", 1, U32),
    "neuron_state_bytes": ("int", 0, U32),
    "inter_chip_hop_weight": ("real", "nonneg"),
}

# backends/crossbar DeviceModel: every field is read.
CROSSBAR_DOMAINS = {
    "tile_rows": ("pow2", 1, 2**31),
    "tile_cols": ("pow2", 1, 2**31),
    "tiles_per_chip": ("int", 1, U32),
    "mesh_cols": ("int", 1, U32),
    "conductance_levels": ("int", 2, U32),
    "g_min_s": ("real", "nonneg"),
    "g_max_s": ("real", "pos"),
    "sigma_program_s": ("real", "nonneg"),
    "sigma_read_fraction": ("real", "nonneg"),
    "read_voltage_v": ("real", "pos"),
    "read_pulse_s": ("real", "pos"),
    "adc_bits": ("int", 1, 16),
    "columns_per_adc": ("int", 1, U32),
    "adc_full_scale_rows": ("int", 1, U32),
    "write_voltage_v": ("real", "pos"),
    "write_pulse_s": ("real", "pos"),
    "write_verify_pulses": ("int", 0, U32),
    "formed_reservoir": ("int", 0, 1),
    "digital_readout": ("int", 0, 1),
    "formed_mean_s": ("real", "any"),
    "formed_sigma_s": ("real", "nonneg"),
    "neurons_per_tile": ("int", 1, U32),
    "clock_hz": ("real", "pos"),
}

TARGET_DOMAINS = {"spinnaker2": SPINNAKER2_DOMAINS,
                  "crossbar": CROSSBAR_DOMAINS}


def is_number(v):
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def payload(v):
    """An override's value: x of {"value": x}, else itself."""
    if isinstance(v, dict) and "value" in v:
        return v["value"]
    return v


def valid_number(domain, v):
    v = meaning(payload(v))
    kind = domain[0]
    if v is None:
        return "null" in domain
    if not is_number(v):
        return False
    x = float(v)
    if not math.isfinite(x):
        return False
    if kind == "real":
        sign = domain[1]
        if sign == "pos":
            return x > 0
        if sign == "nonneg":
            return x >= 0
        return True
    lo, hi = domain[1], domain[2]
    if x != math.floor(x):
        return False
    if isinstance(v, float):
        # An integral float (1.0, 1e308) for an integer field: refusing it
        # is fine, accepting it too while it is in range.
        return False if (x < lo or x > hi) else None
    if v < lo or v > hi:
        return False
    if kind == "pow2" and v & (v - 1):
        return False
    return True


def valid_pair(domain, v, lo=None, hi=None):
    v = meaning(payload(v))
    lo = domain[1] if lo is None else lo
    hi = domain[2] if hi is None else hi
    if not isinstance(v, list) or len(v) != 2:
        return False
    for e in v:
        e = meaning(e)
        if not isinstance(e, int) or isinstance(e, bool) or e < lo or e > hi:
            return False
    return True


def valid(domain, v):
    if domain is None:
        return None
    if domain[0] == "pair":
        return valid_pair(domain, v)
    if domain[0] == "pairs":
        items = meaning(payload(v))
        if not isinstance(items, list):
            return False
        result = True
        for e in items:
            if isinstance(e, list) and len(e) == 2 and all(
                    isinstance(meaning(x), int) and
                    not isinstance(meaning(x), bool) for x in e):
                if not valid_pair(domain, e):
                    return False
            else:
                return False
        return result
    return valid_number(domain, v)


# --------------------------------------------------------------------------
# Tables of the targets
# --------------------------------------------------------------------------


def load_json(path):
    with open(path) as f:
        return json.load(f)


def fields_of(doc, prefix=""):
    """{path: default payload} of a target or energy table's fields."""
    out = {}
    for key, value in doc.items():
        if key in META_KEYS or key.startswith("_"):
            continue
        path = prefix + key
        if isinstance(value, dict) and "value" in value:
            out[path] = value["value"]
        elif isinstance(value, dict):
            out.update(fields_of(value, path + "."))
        elif is_number(value) or value is None:
            out[path] = value
    return out


def set_path(doc, path, value):
    keys = path.split(".")
    node = doc
    for key in keys[:-1]:
        if not isinstance(node.get(key), dict):
            node[key] = {}
        node = node[key]
    node[keys[-1]] = value


def target_fields(backends, target):
    docs = ["target.json"] + (["layout.json"] if target == "spinnaker2"
                              else [])
    fields = {}
    for name in docs:
        path = os.path.join(backends, target, name)
        if os.path.exists(path):
            fields.update(fields_of(load_json(path)))
    return fields


def numeric_leaves(value, path=()):
    """Index paths of the numbers inside a list-valued field."""
    if is_number(value):
        return [path]
    if isinstance(value, list):
        out = []
        for i, v in enumerate(value):
            out += numeric_leaves(v, path + (i,))
        return out
    return []


def replace_leaf(value, path, new):
    value = copy.deepcopy(value)
    node = value
    for i in path[:-1]:
        node = node[i]
    node[path[-1]] = new
    return value


# --------------------------------------------------------------------------
# JSON structure abuse (shared by the config and energy families)
# --------------------------------------------------------------------------

DEPTHS = [64, 511, 512, 513, 1000, 10000, 100000, 1000000]


def nested_text(rng, depth, inner="1"):
    kind = rng.choice(["[", "{", "mix", "[{"])
    if kind == "[":
        return "[" * depth + inner + "]" * depth
    if kind == "{":
        return '{"a":' * depth + inner + "}" * depth
    if kind == "[{":
        return '[{"a":' * (depth // 2) + inner + "}]" * (depth // 2)
    opens, closes = [], []
    for _ in range(depth):
        if rng.random() < 0.5:
            opens.append("[")
            closes.append("]")
        else:
            opens.append('{"a":')
            closes.append("}")
    return "".join(opens) + inner + "".join(reversed(closes))


def structural_json(rng, base_text, field_names):
    """A document whose JSON is abused; returns (text, what)."""
    choice = rng.randrange(12)
    depth = rng.choice(DEPTHS)
    name = rng.choice(field_names) if field_names else "x"
    key = name.split(".")[-1]
    if choice == 0:
        return nested_text(rng, depth), "top level nested %d deep" % depth
    if choice == 1:
        return ('{"%s": %s}' % (key, nested_text(rng, depth)),
                "'%s' nested %d deep" % (key, depth))
    if choice == 2:
        unclosed = rng.choice(["[", '{"a":'])
        return ('{"%s": %s' % (key, unclosed * depth),
                "'%s' opens %d brackets and never closes" % (key, depth))
    if choice == 3:
        cut = rng.randrange(len(base_text) + 1)
        return base_text[:cut], "cut after %d bytes" % cut
    if choice == 4:
        digits = rng.choice([310, 400, 5000, 100000])
        return ('{"%s": %s1%s}' % (key, rng.choice(["", "-"]), "0" * digits),
                "'%s' is a %d-digit number" % (key, digits + 1))
    if choice == 5:
        exp = rng.choice(["1e309", "1e-400", "1e99999999999", "1e-99999999999",
                          "0e999999", "-0", "1.0e+", "01", "0x10", "NaN",
                          "Infinity", "-Infinity", "1_000", ".5", "5."])
        return '{"%s": %s}' % (key, exp), "'%s' is %s" % (key, exp)
    if choice == 6:
        return ('{"%s": 1, "%s": -1}' % (key, key),
                "'%s' given twice" % key)
    if choice == 7:
        count = rng.choice([1000, 100000])
        body = ", ".join('"k%d": %d' % (i, i) for i in range(count))
        return "{%s}" % body, "%d unknown keys" % count
    if choice == 8:
        return rng.choice(["", " ", "null", "[]", "1", '"x"', "{", "}",
                           "\ufeff{}", "{}\x00", "{} {}", "{}//c",
                           "\x00" * 64]), "not an object"
    if choice == 9:
        return ('{"%s": "%s"}' % (key, "x" * rng.choice([10**3, 10**6])),
                "'%s' is a long string" % key)
    if choice == 10:
        bad = rng.choice(['"\\ud800"', '"\\u0000"', '"\xff"', '"\\x"'])
        return '{"%s": %s}' % (key, bad), "'%s' is the string %s" % (key, bad)
    count = rng.choice([2, 10**5])
    return ('{"%s": [%s]}' % (key, ", ".join(["1e308"] * count)),
            "'%s' is a list of 1e308" % key)


# --------------------------------------------------------------------------
# Running and checking one case
# --------------------------------------------------------------------------

DIAGNOSTIC = re.compile(r"error:|^snnc [a-z-]+: ", re.M)

# Report fields that may legitimately be negative.
SIGNED_REPORT_KEYS = {"shift", "mean", "min", "max_error_signed", "bias",
                      "first", "class", "first_class", "first_spike",
                      "value", "values"}


def bad_numbers(report, baseline):
    """Paths where `report` has null or a negative number while
    `baseline` (the unmutated run's report) has a non-negative number."""
    out = []

    def walk(x, b, path):
        if isinstance(x, dict) and isinstance(b, dict):
            for k in x:
                if k in b:
                    walk(x[k], b[k], path + "." + k)
        elif isinstance(x, list) and isinstance(b, list) and b:
            for i, v in enumerate(x[:64]):
                walk(v, b[min(i, len(b) - 1)], "%s[%d]" % (path, i))
        elif is_number(b) and b >= 0:
            key = path.rsplit(".", 1)[-1].split("[")[0]
            if x is None:
                out.append("%s is null (not finite)" % path)
            elif is_number(x) and x < 0 and key not in SIGNED_REPORT_KEYS:
                out.append("%s is negative (%g)" % (path, x))
    walk(report, baseline, "")
    return out


class Case:
    def __init__(self, family, what, argv, files, outputs, must_refuse=False,
                 report=None, report_section=None, expect_output=True,
                 group=""):
        self.family = family
        self.group = group      # the field or option, for grouping
        self.what = what        # a one-line description
        self.argv = argv        # the command, relative to the case folder
        self.files = files      # {name: text or bytes} written first
        self.outputs = outputs  # names of what a success writes
        self.must_refuse = must_refuse
        self.report = report    # "stdout" or an output name, for JSON
        self.report_section = report_section
        self.expect_output = expect_output


class Runner:
    def __init__(self, args, limits, findings, baselines):
        self.args = args
        self.limits = limits
        self.findings = findings
        self.baselines = baselines
        self.diagnostic = re.compile(r"error:") if args.strict_error \
            else DIAGNOSTIC

    def check(self, case, index, work):
        folder = os.path.join(work, "case%06d" % index)
        os.makedirs(folder)
        for name, data in case.files.items():
            mode = "wb" if isinstance(data, bytes) else "w"
            with open(os.path.join(folder, name), mode) as f:
                f.write(data)
        result = fuzzlib.run(case.argv, self.limits, cwd=folder,
                             capture_stdout=case.report == "stdout")
        problem = fuzzlib.judge(result, self.limits,
                                diagnostic=self.diagnostic)
        if problem is None and result.code == 1:
            extra = sorted(set(os.listdir(folder)) - set(case.files))
            if extra:
                problem = "left behind after failing: %s" % ", ".join(extra)
        if problem is None and result.code == 0:
            if case.must_refuse:
                problem = "accepted a value outside its domain"
            missing = [o for o in case.outputs
                       if not os.path.lexists(os.path.join(folder, o))]
            if problem is None and missing and case.expect_output:
                problem = "exit 0 without writing %s" % ", ".join(missing)
            if problem is None and case.report:
                problem = self.check_report(case, folder, result)
        if problem:
            inputs = [os.path.join(folder, n) for n in case.files]
            self.findings.add(case.family, inputs, problem, case.argv,
                              result.stderr, case.what, case.group)
        shutil.rmtree(folder, ignore_errors=True)
        return problem, result

    def check_report(self, case, folder, result):
        try:
            if case.report == "stdout":
                text = result.stdout.decode("utf-8", "replace")
            else:
                with open(os.path.join(folder, case.report)) as f:
                    text = f.read()
            report = json.loads(text)
        except (OSError, ValueError) as e:
            return "exit 0 with an unreadable JSON report (%s)" % str(e)[:80]
        key = case.report_section
        baseline = self.baselines.get(key[0]) if key else None
        if baseline is None:
            return None
        section = report
        for k in key[1:]:
            section = section.get(k, {}) if isinstance(section, dict) else {}
        bad = bad_numbers(section, baseline)
        if bad:
            return "report: " + "; ".join(bad[:3])
        return None


# --------------------------------------------------------------------------
# Family: target-config
# --------------------------------------------------------------------------


def spinnaker2_products(rng):
    """Fields whose products overflow; returns (override, must_refuse,
    what)."""
    kind = rng.randrange(9)
    if kind == 0:
        # pes_per_chip = pes_per_qpe x qpes_per_chip only modulo 2^32/2^64.
        a = rng.choice([2**31 + 2, 65536, 2**32 + 1, 2**16 + 1, 3 * 2**30,
                        2**33, 2**63])
        b = rng.choice([2, 65536, 4, 2**31, 2**32 + 1])
        wrap = rng.choice([2**32, 2**64])
        pes = (a * b) % wrap
        over = {"pes_per_chip": pes,
                "mesh": {"pes_per_qpe": a, "qpes_per_chip": b,
                         "chip_mesh": [1, b] if b <= I32 else [1, 2],
                         "qpe_grid_holes": []}}
        return over, True, "pes_per_qpe %d x qpes_per_chip %d taken mod " \
            "2^%d = pes_per_chip %d" % (a, b, wrap.bit_length() - 1, pes)
    if kind == 1:
        # chip_mesh entries past int32, or whose product wraps.
        mesh = rng.choice([[4294967297, 1], [2**31, 2], [65536, 65536],
                           [65537, 65537], [2**32, 2**32], [-1, -1],
                           [2**63, 1], [1, 2**31 - 1], [46341, 46341]])
        slots = mesh[0] * mesh[1]
        qpes = slots % 2**32 if slots > 0 else 1
        qpes = max(qpes, 1)
        over = {"pes_per_chip": qpes if qpes <= U32 else 4,
                "mesh": {"pes_per_qpe": 1, "qpes_per_chip": qpes,
                         "chip_mesh": mesh, "qpe_grid_holes": []}}
        ok = (0 < mesh[0] <= I32 and 0 < mesh[1] <= I32 and slots == qpes
              and qpes <= U32)
        return over, not ok, "chip_mesh %s, qpes_per_chip %d" % (mesh, qpes)
    if kind == 2:
        # A chip as large as the fields hold, consistent.
        a, b = rng.choice([(65535, 65535), (4, 2**30 - 1), (1, U32),
                           (2**16, 2**15), (256, 65536)])
        cols, rows = (b, 1) if b <= I32 else (65535, 65535)
        over = {"pes_per_chip": a * b if a * b <= U32 else U32,
                "mesh": {"pes_per_qpe": a, "qpes_per_chip": b,
                         "chip_mesh": [cols, rows], "qpe_grid_holes": []}}
        ok = a * b <= U32 and cols * rows == b
        return over, not ok, "a chip of %d x %d PEs" % (a, b)
    if kind == 3:
        # Many boards (H4: 2000 boards asked for tens of GB).
        n = rng.choice([2, 16, 100, 500, 2000, 10000, 65536])
        side = int(math.ceil(math.sqrt(n)))
        origins = [[8 * (i % side), 8 * (i // side)] for i in range(n)]
        over = {"board": {"max_boards": n, "board_origins": origins}}
        return over, False, "%d boards" % n
    if kind == 4:
        # Many chips per board.
        n = rng.choice([100, 1000, 10000, 100000])
        side = int(math.ceil(math.sqrt(n)))
        coords = [[i % side, i // side] for i in range(n)]
        over = {"board": {"chips_per_board": n,
                          "board_chip_coordinates": coords}}
        if rng.random() < 0.5:
            over["board"]["max_boards"] = rng.choice([2, 100])
            over["board"]["board_origins"] = [
                [side * k, 0] for k in range(over["board"]["max_boards"])]
        return over, False, "%d chips per board" % n
    if kind == 5:
        # SRAM sizes whose products with PEs or words overflow.
        sram = rng.choice([2**32, 2**63, U64, 2**40])
        over = {"sram_bytes_per_pe": sram,
                "sram_reserved_bytes_per_pe": rng.choice([0, sram - 1,
                                                          32768]),
                "synapse_word_bytes": rng.choice([4, U32, 2**31]),
                "neuron_state_bytes": rng.choice([32, U32, 2**31]),
                "row_header_bytes": rng.choice([4, U32]),
                "ring_buffer_entry_bytes": rng.choice([4, U32])}
        return over, False, "SRAM %d B per PE with huge words" % sram
    if kind == 6:
        # Cycle costs whose products with neurons and events overflow.
        over = {k: rng.choice([1e308, 1.7e308, 1e300, 2**64, 1e200])
                for k in rng.sample(["cycles_per_neuron_update",
                                     "cycles_per_step_overhead",
                                     "cycles_per_synaptic_event",
                                     "step_cycle_budget", "clock_hz",
                                     "inter_chip_hop_weight"],
                                    rng.randint(1, 3))}
        return over, False, "cycle costs %s" % over
    if kind == 7:
        over = {"max_neurons_per_pe": rng.choice([U32, 2**31, 65536]),
                "routing_entries_per_router": rng.choice([U32, 0, 1]),
                "packet_key_bits": rng.choice([32, 1, 31])}
        return over, False, "PE limits %s" % over
    n = rng.choice([0, 7, 1000, 100000])
    dirs = [[rng.choice([-1, 0, 1, 2**31 - 1, -2**31]),
             rng.choice([-1, 0, 1])] for _ in range(n)]
    over = {"board": {"links_per_chip": n, "chip_link_directions": dirs}}
    return over, False, "%d chip links" % n


def crossbar_products(rng):
    pow2 = lambda: 2 ** rng.choice([1, 8, 16, 20, 24, 31])  # noqa: E731
    names = ["tile_rows", "tile_cols", "tiles_per_chip", "mesh_cols",
             "neurons_per_tile", "columns_per_adc", "conductance_levels",
             "adc_full_scale_rows", "write_verify_pulses", "adc_bits"]
    over = {}
    for name in rng.sample(names, rng.randint(2, 4)):
        if name in ("tile_rows", "tile_cols"):
            over[name] = pow2()
        elif name == "adc_bits":
            over[name] = rng.choice([16, 1])
        else:
            over[name] = rng.choice([U32, 2**31, 65536, 2**24, 1])
    if rng.random() < 0.3:
        over["g_max_s"] = rng.choice([1e308, 1e300])
        over["read_voltage_v"] = rng.choice([1e308, 1e200])
    if rng.random() < 0.3:
        over["clock_hz"] = rng.choice([5e-324, 1e-300, 1e308])
    return over, False, "products of %s" % ", ".join(sorted(over))


def target_config_case(rng, ctx, index):
    target = ctx.targets[index % len(ctx.targets)]
    fields = ctx.fields[target]
    domains = TARGET_DOMAINS.get(target, {})
    net = rng.choice(ctx.networks)
    kind = rng.random()
    must_refuse = False
    text = None
    group = "%s several fields" % target
    if kind < 0.45:
        # One field, one extreme value (or one element of a list field).
        path = rng.choice(sorted(fields))
        group = "%s %s" % (target, path)
        default = fields[path]
        value = some_extreme(rng)
        leaves = numeric_leaves(default) if isinstance(default, list) else []
        if leaves and rng.random() < 0.7:
            leaf = rng.choice(leaves)
            value = replace_leaf(default, leaf, value)
            what = "%s%s = %s" % (path, "".join("[%d]" % i for i in leaf),
                                  dumps(value)[:80])
        else:
            what = "%s = %s" % (path, dumps(value)[:80])
        if rng.random() < 0.3 and not isinstance(value, dict):
            value = {"value": value}
        override = {}
        set_path(override, path, value)
        must_refuse = valid(domains.get(path), value) is False
    elif kind < 0.75:
        group = "%s products" % target
        if target == "spinnaker2":
            override, must_refuse, what = spinnaker2_products(rng)
        elif target == "crossbar":
            override, must_refuse, what = crossbar_products(rng)
        else:
            override, what = {}, "no override"
        if not must_refuse:
            for path, domain in domains.items():
                keys = path.split(".")
                node = override
                for k in keys:
                    node = node.get(k) if isinstance(node, dict) else None
                if node is not None and valid(domain, node) is False:
                    must_refuse = True
    elif kind < 0.9:
        # A few fields at once.
        override = {}
        picked = rng.sample(sorted(fields), min(len(fields),
                                                rng.randint(2, 5)))
        for path in picked:
            value = some_extreme(rng) if rng.random() < 0.7 else \
                rng.choice([fields[path], 1, 2, 1e-9, 1e9])
            set_path(override, path, value)
            if valid(domains.get(path), value) is False:
                must_refuse = True
        what = "fields %s" % dumps(override)[:160]
    else:
        text, what = structural_json(rng, ctx.default_override_text[target],
                                     sorted(fields))
    if text is None:
        text = dumps(override)
    argv = [ctx.snnc, "compile", net, "--target", target, "--target-config",
            "config.json", "-o", "out.img", "--report", "json"]
    return Case("target-config", "%s on %s: %s" % (
        target, os.path.basename(net), what), argv, {"config.json": text},
        ["out.img"], must_refuse, report="stdout",
        report_section=("compile/%s/%s" % (target, net),), group=group)


# --------------------------------------------------------------------------
# Family: energy-model
# --------------------------------------------------------------------------

# What `snnc run --energy-model` prices with (runtime/engine/lib/Energy.cpp);
# the crossbar's "programming" section is priced at compile time from the
# target's own table, not from --energy-model.
ENERGY_READ_SECTIONS = ("events", "static_w")


def energy_case(rng, ctx, index):
    key = ctx.energy_keys[index % len(ctx.energy_keys)]
    target, doc_name = key
    image, input_file = ctx.images[target]
    doc = copy.deepcopy(ctx.energy_docs[key])
    fields = fields_of(doc)
    kind = rng.random()
    must_refuse = False
    text = None
    group = "%s sections" % target
    if kind < 0.5:
        path = rng.choice(sorted(fields))
        group = "%s %s" % (target, path)
        value = some_extreme(rng)
        if rng.random() < 0.5 and not isinstance(value, dict):
            value = {"value": value}
        set_path(doc, path, value)
        if path.split(".")[0] in ENERGY_READ_SECTIONS:
            must_refuse = valid(("real", "nonneg"), value) is False
        elif path == "operating_point.clock_hz" and \
                is_number(meaning(payload(value))):
            # The run's latency divides by it: a number must be > 0.
            must_refuse = valid(("real", "pos"), value) is False
        what = "%s = %s" % (path, dumps(value)[:80])
    elif kind < 0.75:
        # Coefficients whose products with the counts (or the static power
        # with units and seconds) overflow a double.
        picked = [p for p in sorted(fields)
                  if p.split(".")[0] in ENERGY_READ_SECTIONS]
        chosen = rng.sample(picked, rng.randint(1, min(4, len(picked))))
        for path in chosen:
            set_path(doc, path, {"value": rng.choice(
                [1e308, 1.7976931348623157e308, 1e300, 1e200, 2**64,
                 5e-324])})
        what = "huge coefficients %s" % ", ".join(chosen)
        group = "%s huge coefficients" % target
    elif kind < 0.9:
        # Sections missing, mistyped or renamed.
        section = rng.choice(list(doc) + ["events", "static_w"])
        choice = rng.randrange(5)
        if choice == 0:
            doc.pop(section, None)
            what = "no '%s'" % section
        elif choice == 1:
            doc[section] = some_extreme(rng)
            what = "'%s' = %s" % (section, dumps(doc[section])[:60])
        elif choice == 2 and isinstance(doc.get(section), dict):
            inner = doc[section]
            if inner:
                k = rng.choice(sorted(inner))
                inner[k + rng.choice(["_", "s", ""])] = inner.pop(k)
                inner[rng.choice(["", "x" * 300, k.upper()])] = {"value": 1}
            what = "keys of '%s' renamed" % section
        elif choice == 3:
            doc["version"] = some_extreme(rng)
            what = "version = %s" % dumps(doc["version"])[:40]
        else:
            doc = some_extreme(rng)
            what = "the document is %s" % dumps(doc)[:40]
        if section in ENERGY_READ_SECTIONS and choice in (0, 1):
            # A section the pricing needs, gone or not an object.
            if not isinstance(doc, dict) or not isinstance(
                    doc.get(section), dict):
                must_refuse = True
    else:
        text, what = structural_json(rng, json.dumps(doc), sorted(fields))
    if text is None:
        text = dumps(doc)
    argv = [ctx.snnc, "run", image, "--input", input_file, "--steps", "50",
            "--no-progress", "--report", "json", "--energy-model",
            "energy.json", "-o", "out.json"]
    return Case("energy-model", "%s %s: %s" % (target, doc_name, what), argv,
                {"energy.json": text}, ["out.json"], must_refuse,
                report="stdout", report_section=("run/%s" % target,
                                                 "energy"), group=group)


# --------------------------------------------------------------------------
# Family: cli
# --------------------------------------------------------------------------

CLI_VALUES = [
    "0", "-1", "-0", "1", "2", "nan", "NaN", "-nan", "inf", "-inf",
    "Infinity", "1e308", "-1e308", "1e999", "1e-320", "5e-324", "1e-300",
    "2147483647", "2147483648", "4294967295", "4294967296", "4294967297",
    "9223372036854775807", "9223372036854775808", "18446744073709551615",
    "18446744073709551616", "99999999999999999999999", "-9223372036854775809",
    "1e3", "1.5", "0.5", "0x10", "010", "1_000", " 5", "5 ", "", "+1",
    "--", "abc", "1,2", "\u0661", "0.0", "1e-9", "0.99999999999999999",
    "1.0000000000000002",
]

# (command, option, domain). Domains: uint (an integer in
# [0, 2^64)), posuint (>= 1), posfloat (finite > 0), nonnegfloat, unit
# ([0, 1]), nonnegint (vcd-pe, an int in [0, 2^31)), steps (FIRST[:LAST]),
# floats (ridge strengths: finite, >= 0).
CLI_OPTIONS = [
    ("compile", "--dt", "posfloat"), ("compile", "--seed", "uint"),
    ("compile", "--firing-probability", "unit"),
    ("run", "--steps", "posuint"), ("run", "--seed", "uint"),
    ("run", "--steps-per-inference", "posuint"),
    ("run-encode", "--max-rate", "nonnegfloat"),
    ("run-encode", "--latency-threshold", "unit"),
    ("run-encode", "--encode-window", "posuint"),
    ("run-encode", "--seed", "uint"),
    ("run-rtl", "--vcd-pe", "nonnegint"), ("run-rtl", "--vcd-steps", "steps"),
    ("encode", "--steps", "posuint"), ("encode", "--dt", "posfloat"),
    ("encode", "--window", "posuint"), ("encode", "--max-rate",
                                        "nonnegfloat"),
    ("encode", "--latency-threshold", "unit"), ("encode", "--seed", "uint"),
    ("eval", "--limit", "uint"), ("eval", "--offset", "uint"),
    ("eval", "--crop", "uint"), ("eval", "--pool", "uint"),
    ("eval", "--threads", "uint"), ("eval", "--decode-output", "uint"),
    ("eval", "--steps", "posuint"), ("eval", "--max-rate", "nonnegfloat"),
    ("eval", "--seed", "uint"), ("eval", "--dt", "posfloat"),
    ("fit", "--holdout", "posfloat"), ("fit", "--lambdas", "floats"),
    ("fit", "--limit", "uint"), ("fit", "--offset", "uint"),
    ("fit", "--crop", "uint"), ("fit", "--pool", "uint"),
    ("fit", "--decode-output", "uint"), ("fit", "--threads", "uint"),
]


def parse_int(text):
    if not re.fullmatch(r"[+-]?[0-9]+", text):
        return None
    return int(text)


def parse_float(text):
    if not re.fullmatch(r"[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?",
                        text):
        return None
    return float(text)


NON_FINITE_WORDS = ("nan", "-nan", "+nan", "inf", "-inf", "+inf", "infinity",
                    "-infinity", "+infinity")


def cli_valid(domain, text):
    """Whether a value is in the option's domain: True, False, or None."""
    if text != text.strip() and text.strip():
        # Blanks around a number: trimming them is as fine as refusing.
        return None
    if text.strip().lower() in NON_FINITE_WORDS and domain != "steps":
        return False
    if re.fullmatch(r"0[xXbBoO]?[0-9a-fA-F]+", text):
        # Hexadecimal, binary or octal: CLI11 reads them as integers.
        return None
    if domain in ("uint", "posuint", "nonnegint"):
        v = parse_int(text)
        if v is None:
            f = parse_float(text)
            if f is None or not math.isfinite(f) or f != math.floor(f):
                return False
            # "1e3": an integer written as a float; either way is fine
            # when it is in range.
            return False if f < 0 or f > U64 else None
        if text.startswith("-") and v == 0:
            return None
        hi = I32 if domain == "nonnegint" else U64
        return (1 if domain == "posuint" else 0) <= v <= hi
    if domain in ("posfloat", "nonnegfloat", "unit"):
        v = parse_float(text)
        if v is None:
            return False if not re.search(r"[0-9]", text) else None
        if not math.isfinite(v):
            return False
        if domain == "posfloat":
            return v > 0
        if domain == "nonnegfloat":
            return v >= 0
        return 0 <= v <= 1
    if domain == "steps":
        parts = text.split(":")
        if len(parts) > 2:
            return False
        ints = [parse_int(p) for p in parts]
        if any(i is None for i in ints):
            return False
        if any(i < 0 or i > U64 for i in ints):
            return False
        if len(ints) == 2 and ints[1] < ints[0]:
            return False
        return True
    if domain == "floats":
        # Ridge strengths: finite and not negative.
        v = parse_float(text)
        if v is None:
            return None
        return math.isfinite(v) and v >= 0
    return None


def cli_case(rng, ctx, index):
    command, option, domain = ctx.cli_options[index % len(ctx.cli_options)]
    r = rng.random()
    if r < 0.8:
        value = rng.choice(CLI_VALUES)
    elif domain == "steps":
        value = "%s:%s" % (rng.choice(CLI_VALUES), rng.choice(CLI_VALUES))
    else:
        # Around the limits of the widths: 2^k +- 1.
        k = rng.choice([31, 32, 53, 63, 64, 128, 1024])
        value = str(2**k + rng.choice([-1, 0, 1]))
    if domain == "steps" and rng.random() < 0.3:
        value = rng.choice(["0:9", "5:2", "0:18446744073709551615",
                            "18446744073709551615:18446744073709551615",
                            "9223372036854775808", ":", "1:", ":1", "0:9:9",
                            "-1:5", "0:4294967296"])
    snnc = ctx.snnc
    if command == "compile":
        base = [snnc, "compile", ctx.networks[0], "-o", "out.img",
                "--report", "none"]
        outputs = ["out.img"]
    elif command == "run":
        image = ctx.images[ctx.targets[index % len(ctx.targets)]][0]
        base = [snnc, "run", image, "--steps", "20", "--no-progress",
                "--report", "none", "-o", "out.json"]
        outputs = ["out.json"]
    elif command == "run-encode":
        image = ctx.images[ctx.targets[index % len(ctx.targets)]][0]
        base = [snnc, "run", image, "--input", ctx.values, "--encode",
                rng.choice(["rate", "latency"]), "--steps", "20",
                "--no-progress", "--report", "none", "-o", "out.json"]
        outputs = ["out.json"]
    elif command == "run-rtl":
        image = ctx.images[ctx.targets[index % len(ctx.targets)]][0]
        base = [snnc, "run", image, "--engine", "rtl", "--steps", "12",
                "--no-progress", "--report", "none", "--vcd", "out.vcd"]
        outputs = ["out.vcd"]
    elif command == "encode":
        base = [snnc, "encode", ctx.values, "--encode",
                rng.choice(["rate", "latency"]), "--steps", "20", "--dt",
                "0.001", "-o", "out.json"]
        outputs = ["out.json"]
    elif command == "eval":
        base = [snnc, "eval", ctx.images["spinnaker2"][0], "--dataset",
                ctx.dataset, "--offset", "9998", "--limit", "2", "--crop",
                "24", "--pool", "3", "--steps", "5", "--threads", "1",
                "--no-progress", "--report", "none", "--json", "out.json"]
        outputs = ["out.json"]
    else:  # fit
        base = [snnc, "fit", ctx.readout_network, "--dataset", ctx.dataset,
                "--offset", "59990", "--limit", "8", "--crop", "24",
                "--pool", "3", "--steps", "5", "--threads", "1",
                "--decode-output", "1", "--no-progress", "--report", "none",
                "-o", "out.mlir"]
        outputs = ["out.mlir"]
    argv = list(base)
    # Replace the base's own value of the option, else add it.
    if option in argv:
        argv[argv.index(option) + 1] = value
    else:
        argv += [option, value]
    if rng.random() < 0.1:
        # = form, which CLI11 parses differently from a separate argument.
        i = argv.index(option)
        argv[i:i + 2] = ["%s=%s" % (option, value)]
    ok = cli_valid(domain, value)
    return Case("cli", "%s %s %r" % (command, option, value), argv, {},
                outputs, must_refuse=ok is False,
                group="%s %s" % (command, option))


# --------------------------------------------------------------------------
# Driver
# --------------------------------------------------------------------------


class Context:
    pass


def built_targets(snnc, limits):
    result = fuzzlib.run([snnc, "targets"], limits, capture_stdout=True)
    names = []
    for line in result.stdout.decode().splitlines():
        if line and not line[0].isspace():
            names.append(line.split()[0])
    return [n for n in names if n in TARGET_DOMAINS]


def setup(args, limits, work):
    ctx = Context()
    ctx.snnc = os.path.abspath(args.snnc)
    ctx.targets = built_targets(ctx.snnc, limits)
    if not ctx.targets:
        sys.exit("error: %s lists no known target" % ctx.snnc)
    examples = args.examples
    ctx.networks = [os.path.join(examples, n) for n in
                    ("classifier.mlir", "lsm.mlir")]
    ctx.readout_network = os.path.join(examples, "classifier.mlir")
    ctx.fields = {t: target_fields(args.backends, t) for t in ctx.targets}
    ctx.default_override_text = {}
    for t in ctx.targets:
        sample = dict(list(ctx.fields[t].items())[:4])
        ctx.default_override_text[t] = dumps(sample)
    baselines = {}
    # Images (and their reports) for the energy and cli families; the
    # compile reports of the unmutated configs, for the report check.
    ctx.images = {}
    inputs = {"classifier.mlir": "classifier-input.json",
              "lsm.mlir": "lsm-input.json"}
    for t in ctx.targets:
        for net in ctx.networks:
            out = os.path.join(work, "%s-%s.img" % (
                t, os.path.basename(net)[:-5]))
            r = fuzzlib.run([ctx.snnc, "compile", net, "--target", t, "-o",
                             out, "--report", "json"], limits,
                            capture_stdout=True)
            if r.code != 0:
                sys.exit("error: cannot compile %s for %s:\n%s" % (
                    net, t, r.stderr))
            baselines["compile/%s/%s" % (t, net)] = json.loads(r.stdout)
            if net.endswith("classifier.mlir"):
                ctx.images[t] = (out, os.path.join(
                    examples, inputs[os.path.basename(net)]))
        image, input_file = ctx.images[t]
        r = fuzzlib.run([ctx.snnc, "run", image, "--input", input_file,
                         "--steps", "50", "--no-progress", "--report",
                         "json"], limits, capture_stdout=True)
        if r.code != 0:
            sys.exit("error: cannot run %s:\n%s" % (image, r.stderr))
        baselines["run/%s" % t] = json.loads(r.stdout)["energy"]
    ctx.energy_docs = {}
    for t in ctx.targets:
        folder = os.path.join(args.backends, t)
        for name in sorted(os.listdir(folder)):
            if name.startswith("energy") and name.endswith(".json"):
                ctx.energy_docs[(t, name)] = load_json(os.path.join(folder,
                                                                    name))
    ctx.energy_keys = sorted(ctx.energy_docs)
    ctx.values = os.path.join(work, "values.json")
    with open(ctx.values, "w") as f:
        json.dump({"values": [round(i / 63.0, 3) for i in range(64)]}, f)
    ctx.dataset = args.dataset
    ctx.cli_options = [o for o in CLI_OPTIONS
                       if o[0] not in ("eval", "fit") or
                       (ctx.dataset and "spinnaker2" in ctx.targets)]
    return ctx, baselines


GENERATORS = {"target-config": target_config_case,
              "energy-model": energy_case, "cli": cli_case}


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.splitlines()[0],
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--snnc", required=True)
    parser.add_argument("--backends", default=os.path.join(ROOT, "backends"),
                        help="the targets' data tables (backends/)")
    parser.add_argument("--examples", default=os.path.join(ROOT, "examples"))
    parser.add_argument("--dataset", default="fashion-mnist",
                        help="dataset for eval/fit options ('' to skip)")
    parser.add_argument("--family", action="append", choices=FAMILIES,
                        help="families to run (default: all)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cases", type=int, default=300,
                        help="cases per family")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--keep", help="folder for failing cases (default: "
                        "a fresh one under /tmp)")
    parser.add_argument("--strict-error", action="store_true",
                        help="a refusal must print 'error:' (not just "
                             "'snnc <command>: ...')")
    parser.add_argument("--details", type=int, default=2)
    parser.add_argument("--max-failures", type=int, default=0,
                        help="stop after this many failures (0: never), "
                             "so that a broken build fails fast")
    fuzzlib.add_limit_arguments(parser)
    args = parser.parse_args()
    if args.dataset and not os.path.isdir(args.dataset) and \
            not os.path.isdir(os.path.join("/usr/share/datasets",
                                           args.dataset)):
        print("note: dataset %s is not installed; eval and fit options are "
              "not fuzzed" % args.dataset)
        args.dataset = ""
    limits = fuzzlib.limits_from(args)
    families = args.family or FAMILIES
    start = time.monotonic()
    work = tempfile.mkdtemp(prefix="fuzz-snnc-config-")
    keep = args.keep or tempfile.mkdtemp(prefix="fuzz-snnc-config-failures-")
    findings = fuzzlib.Findings(keep)
    ctx, baselines = setup(args, limits, work)
    runner = Runner(args, limits, findings, baselines)

    # Cases are made when run (some files are megabytes), each from its
    # own stream: case i of a family is the same whatever else runs.
    cases = [(family, index) for family in families
             for index in range(args.cases)]

    counts = {f: [0, 0, 0] for f in families}  # accepted, refused, failed
    cpu = {f: 0.0 for f in families}
    slowest = []

    stop = threading.Event()

    def one(item):
        number, (family, index) = item
        if stop.is_set():
            return None, None
        rng = random.Random("%d/%s/%d" % (args.seed, family, index))
        case = GENERATORS[family](rng, ctx, index)
        outcome = runner.check(case, number, work)
        if outcome[0] and args.max_failures and \
                len(findings.failures) >= args.max_failures:
            stop.set()
        return case, outcome

    skipped = 0
    with concurrent.futures.ThreadPoolExecutor(max(1, args.jobs)) as pool:
        for case, outcome in pool.map(one, enumerate(cases)):
            if outcome is None:
                skipped += 1
                continue
            problem, result = outcome
            cpu[case.family] += result.cpu_s
            slowest.append((result.wall_s, result.cpu_s, case.what))
            if problem:
                counts[case.family][2] += 1
            elif result.code == 0:
                counts[case.family][0] += 1
            else:
                counts[case.family][1] += 1
    shutil.rmtree(work, ignore_errors=True)
    findings.report(args.details)
    failed = sum(c[2] for c in counts.values())
    if failed:
        print("failing cases kept in %s" % keep)
    else:
        shutil.rmtree(keep, ignore_errors=True)
    for family in families:
        a, r, f = counts[family]
        print("%s: %d cases (seed %d): %d accepted, %d refused, %d failed; "
              "%.0f s CPU in snnc" % (family, a + r + f, args.seed, a, r, f,
                                      cpu[family]))
    for wall, cpu_s, what in sorted(slowest, reverse=True)[:3]:
        if wall > 2:
            print("slow case: %.1f s wall, %.1f s CPU: %s" % (wall, cpu_s,
                                                             what[:150]))
    print("%.1f s wall" % (time.monotonic() - start))
    if skipped:
        print("stopped after %d failures: %d cases not run" % (
            args.max_failures, skipped))
    print("%d passed, %d failed" % (len(cases) - skipped - failed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
