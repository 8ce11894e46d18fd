#!/usr/bin/env python3
# Shared by the fuzzers in this folder: running a case under CPU, wall and memory limits, and judging it.
"""Running one fuzz case and judging how it ended.

Every command runs in its own process group with
  * RLIMIT_CPU (default 30 s of CPU, then SIGXCPU; SIGKILL 5 s later): the
    limit that decides a hang, since CPU time does not grow when ctest runs
    other tests beside the fuzzer on a loaded 2-core machine;
  * a wall-clock limit (default 120 s), generous, for what blocks without
    using CPU (a FIFO, a deadlock); the whole group is killed then;
  * RLIMIT_AS (default 4 GiB): a runaway allocation fails at once instead
    of swapping the machine;
  * RLIMIT_FSIZE (256 MiB): no file, captured stdout included, grows past
    it (SIGXFSZ);
  * no core files.
The CPU time and peak RSS of the command and its waited-for children come
from wait4(2).

A case is clean when the command
  * ends by itself: no signal, no time-out, inside the CPU limit;
  * exits 0 or 1, and prints "error:" on stderr when it exits 1;
  * prints no internal text (a C++ exception's name, "LLVM ERROR", a stack
    dump) even when it exits 0 or 1;
  * uses at most --slow-cpu seconds of CPU and --max-rss-mb of memory (the
    reliability report's criteria: under 20 s, under 1 GB);
and the caller checks what is specific to it (no output left behind on
failure, a refusal where the input is invalid, a sane report).
"""

import collections
import os
import re
import resource
import shutil
import signal
import subprocess
import tempfile
import threading
import time

DEFAULT_CPU_LIMIT = 30.0
DEFAULT_WALL_LIMIT = 120.0
DEFAULT_MEM_LIMIT_MB = 4096
DEFAULT_SLOW_CPU = 20.0
DEFAULT_MAX_RSS_MB = 1024
# RLIMIT_FSIZE: no file a command writes (its captured stdout included) may
# grow past this; an exponential printer fills no disk.
DEFAULT_FILE_LIMIT_MB = 256

Result = collections.namedtuple(
    "Result", "code signal timed_out cpu_s rss_mb wall_s stdout stderr")


class Limits:
    def __init__(self, cpu=DEFAULT_CPU_LIMIT, wall=DEFAULT_WALL_LIMIT,
                 mem_mb=DEFAULT_MEM_LIMIT_MB, slow_cpu=DEFAULT_SLOW_CPU,
                 max_rss_mb=DEFAULT_MAX_RSS_MB,
                 file_mb=DEFAULT_FILE_LIMIT_MB):
        self.cpu = cpu
        self.wall = wall
        self.mem_mb = mem_mb
        self.slow_cpu = slow_cpu
        self.max_rss_mb = max_rss_mb
        self.file_mb = file_mb


def add_limit_arguments(parser, wall=DEFAULT_WALL_LIMIT):
    parser.add_argument("--cpu-limit", type=float, default=DEFAULT_CPU_LIMIT,
                        help="CPU seconds per command before it counts as a "
                             "hang (default %(default)s)")
    parser.add_argument("--timeout", type=float, default=wall,
                        help="wall-clock seconds per command (default "
                             "%(default)s); generous, for commands that "
                             "block without using CPU")
    parser.add_argument("--mem-limit-mb", type=int,
                        default=DEFAULT_MEM_LIMIT_MB,
                        help="address-space limit per command (0: none)")
    parser.add_argument("--slow-cpu", type=float, default=DEFAULT_SLOW_CPU,
                        help="CPU seconds above which a case that ends "
                             "cleanly still counts as too slow")
    parser.add_argument("--max-rss-mb", type=int, default=DEFAULT_MAX_RSS_MB,
                        help="peak RSS above which a case counts as using "
                             "too much memory")
    parser.add_argument("--file-limit-mb", type=int,
                        default=DEFAULT_FILE_LIMIT_MB,
                        help="largest file (captured stdout included) a "
                             "command may write")


def limits_from(args):
    cpu = min(args.cpu_limit, args.timeout)
    return Limits(cpu=cpu, wall=args.timeout, mem_mb=args.mem_limit_mb,
                  slow_cpu=min(args.slow_cpu, cpu), max_rss_mb=args.max_rss_mb,
                  file_mb=args.file_limit_mb)


def _preexec(limits):
    cpu = max(1, int(limits.cpu + 0.999))
    mem = limits.mem_mb << 20 if limits.mem_mb else None

    def apply():
        resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 5))
        fsize = limits.file_mb << 20
        resource.setrlimit(resource.RLIMIT_FSIZE, (fsize, fsize))
        if mem:
            _, hard = resource.getrlimit(resource.RLIMIT_AS)
            limit = mem if hard == resource.RLIM_INFINITY else min(mem, hard)
            resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    return apply


def run(cmd, limits, cwd=None, stdin_data=None, capture_stdout=False):
    """Runs `cmd` under `limits`; returns a Result. stdout is kept only when
    `capture_stdout` (as bytes), stderr always (as text)."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        stdin = subprocess.DEVNULL
        stdin_file = None
        if stdin_data is not None:
            stdin_file = tempfile.TemporaryFile()
            stdin_file.write(stdin_data)
            stdin_file.seek(0)
            stdin = stdin_file
        began = time.monotonic()
        for attempt in range(30):
            try:
                proc = subprocess.Popen(
                    cmd, stdin=stdin,
                    stdout=out if capture_stdout else subprocess.DEVNULL,
                    stderr=err, cwd=cwd, start_new_session=True,
                    preexec_fn=_preexec(limits))
                break
            except OSError:
                # The binary may be being relinked under us (ETXTBSY,
                # ENOENT, ENOEXEC for a moment): try again for a minute.
                if attempt == 29:
                    raise
                time.sleep(2.0)
        began = time.monotonic()
        timed_out = threading.Event()

        def kill_group():
            timed_out.set()
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except OSError:
                pass

        timer = threading.Timer(limits.wall, kill_group)
        timer.start()
        try:
            _, status, usage = os.wait4(proc.pid, 0)
        finally:
            timer.cancel()
        proc.returncode = 0  # reaped here, not by Popen
        # Whatever the command left running in its group (an importer's
        # forked probe) goes with it.
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except OSError:
            pass
        wall = time.monotonic() - began
        if stdin_file is not None:
            stdin_file.close()
        out.seek(0)
        err.seek(0)
        stdout = out.read() if capture_stdout else b""
        stderr = err.read().decode("utf-8", "replace")
    code = sig = None
    if os.WIFSIGNALED(status):
        sig = os.WTERMSIG(status)
    else:
        code = os.WEXITSTATUS(status)
    return Result(code, sig, timed_out.is_set(),
                  usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0,
                  wall, stdout, stderr)


def signal_name(number):
    try:
        return signal.Signals(number).name
    except ValueError:
        return "signal %d" % number


# Text that only a crash or an internal error prints: it never belongs in a
# message to the user, whatever the exit code.
INTERNAL_TEXT = re.compile(
    r"terminate called|std::bad_alloc|bad_alloc|std::length_error|"
    r"std::out_of_range|std::invalid_argument|basic_string|vector::_M|"
    r"\[json\.exception\.|LLVM ERROR|Stack dump:|PLEASE submit a bug report|"
    r"Assertion .* failed|UNREACHABLE executed|AddressSanitizer|"
    r"HDF5-DIAG")


def judge(result, limits, expect=(0, 1), diagnostic=None):
    """None when `result` ended cleanly, else a short description. An exit
    of 1 needs a message: "error:", or a match of `diagnostic` (a compiled
    regex) when given."""
    if result.timed_out:
        return "time-out: no exit after %.0f s wall (%.1f s CPU)" % (
            limits.wall, result.cpu_s)
    if result.signal is not None:
        if result.signal in (signal.SIGXCPU, signal.SIGKILL) and \
                result.cpu_s >= limits.cpu - 0.5:
            return "hang: CPU limit of %.0f s reached" % limits.cpu
        if result.signal == signal.SIGXFSZ:
            return "output: a file or stdout grew past %d MB" % \
                limits.file_mb
        return "killed by %s" % signal_name(result.signal)
    if result.code not in expect:
        return "exit code %d" % result.code
    if result.code == 1 and diagnostic is None and \
            "error:" not in result.stderr:
        return "exit 1 without an 'error:' message"
    if result.code == 1 and diagnostic is not None and \
            not diagnostic.search(result.stderr):
        return "exit 1 without a diagnostic"
    internal = INTERNAL_TEXT.search(result.stderr)
    if internal:
        return "internal text in the message: '%s'" % internal.group(0)
    if result.cpu_s > limits.slow_cpu:
        return "slow: %.1f s CPU (limit %.0f s)" % (result.cpu_s,
                                                   limits.slow_cpu)
    if limits.max_rss_mb and result.rss_mb > limits.max_rss_mb:
        return "memory: %.0f MB peak RSS (limit %d MB)" % (
            result.rss_mb, limits.max_rss_mb)
    return None


def first_error(stderr):
    """The first "error:" line, without its location, for grouping."""
    for line in stderr.splitlines():
        if "error:" in line:
            return line[line.index("error:"):].strip()
    lines = [l for l in stderr.splitlines() if l.strip() and not
             l.startswith(("PLEASE submit", "Stack dump")) and not
             re.match(r"\s*(#\d+ 0x|\d+\.\t)", l)]
    return lines[0].strip() if lines else ""


NUMBER = re.compile(r"0x[0-9a-fA-F]+|-?\b\d[\d.e+-]*\b|'[^']*'|\"[^\"]*\"|"
                    r"(?<== )\S+|(?<=Value )\S+")
OPTION = re.compile(r"--[A-Za-z][\w-]*")
PATHLIKE = re.compile(r"\S*/\S*")


def signature(problem, stderr="", group=""):
    """A failure's class: its kind, with numbers, paths, options and quoted
    names in the first message blanked so that instances of one defect
    group together. `group` (a field or option) is kept for failures that
    print no message (a wrong acceptance, a bad report)."""
    kind = NUMBER.sub("N", problem.split(":")[0])
    msg = first_error(stderr)
    msg = OPTION.sub("--OPT", NUMBER.sub("N", PATHLIKE.sub("PATH", msg)))
    sig = kind + (" | " + msg[:120] if msg else "")
    if group and (not msg or problem.startswith(("accepted", "report",
                                                 "exit 0"))):
        sig += " [%s]" % group
    return sig


def tail(stderr, lines=6, width=300):
    text = [l[:width] for l in stderr.splitlines() if l.strip() and not
            l.startswith(("PLEASE submit", " #", "#"))]
    return text[-lines:]


def left_behind(paths):
    """The paths of `paths` that exist."""
    return [p for p in paths if os.path.lexists(p)]


def remove(path):
    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
    elif os.path.lexists(path):
        try:
            os.unlink(path)
        except OSError:
            pass


class Findings:
    """Collects failures, keeps their inputs, and prints a summary by class."""

    def __init__(self, keep_dir):
        self.keep_dir = keep_dir
        self.failures = []  # (family, name, problem, command, stderr)
        self.lock = threading.Lock()
        self.counter = 0

    def add(self, family, inputs, problem, command, stderr, note="",
            group=""):
        """Records a failure; copies `inputs` (paths) into the keep folder
        with a README of the command and the failure. Returns the folder."""
        with self.lock:
            self.counter += 1
            index = self.counter
        folder = os.path.join(self.keep_dir, family, "%05d" % index)
        os.makedirs(folder, exist_ok=True)
        kept = []
        for path in inputs:
            if not os.path.lexists(path):
                continue
            dest = os.path.join(folder, os.path.basename(path))
            try:
                if os.path.isdir(path) and not os.path.islink(path):
                    shutil.copytree(path, dest, symlinks=True)
                elif os.path.islink(path):
                    os.symlink(os.readlink(path), dest)
                else:
                    shutil.copyfile(path, dest)
                kept.append(dest)
            except OSError:
                pass
        with open(os.path.join(folder, "failure.txt"), "w") as f:
            f.write("command: %s\n" % " ".join(command))
            f.write("failure: %s\n" % problem)
            if note:
                f.write("case: %s\n" % note)
            f.write("stderr (tail):\n")
            for line in stderr.splitlines()[-40:]:
                f.write("  %s\n" % line[:400])
        with self.lock:
            self.failures.append((family, folder, problem, command, stderr,
                                  note, group))
        return folder

    def report(self, details=2):
        classes = collections.OrderedDict()
        for family, folder, problem, command, stderr, note, group in \
                self.failures:
            key = (family, signature(problem, stderr, group))
            classes.setdefault(key, []).append((folder, problem, command,
                                                stderr, note))
        for (family, sig), items in classes.items():
            print("FAIL [%s] %d x %s" % (family, len(items), sig))
            for folder, problem, command, stderr, note in items[:details]:
                print("    %s" % folder)
                print("      $ %s" % " ".join(command)[:400])
                print("      %s%s" % (problem, (" (%s)" % note) if note
                                      else ""))
                for line in tail(stderr, 3):
                    print("      | %s" % line)
        return classes
