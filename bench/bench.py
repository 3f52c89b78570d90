#!/usr/bin/env python3
"""Times perf-audit against the parse floor on the files of a compilation
database, in one run:

  clang++ -fsyntax-only   every TU, one at a time (the floor: perf-audit
                          cannot be faster than parsing) and N at a time
  clang-tidy              -checks='-*,performance-*', one TU at a time
  perf-audit              all checks, at -j1 and -jN (with --time-phases:
                          the share of the whole-program join)

and prints wall time, peak memory (the largest resident set of any process
of the step) and each time's ratio to the floor.

  bench/bench.py -p BUILD_DIR [--jobs N] [--perf-audit PATH] [--clang PATH]
                 [--clang-tidy PATH] [--repeat K]
                 [--profile FILE [--profile-binary PATH] | --synthetic-profile-mb M]

With a profile (an lcov tracefile or an indexed profile with its binary), or
a synthetic lcov tracefile of M MB that counts every line of every file
(and of made-up files up to that size), perf-audit -j1 runs once more with
--profile, and the time it spent reading and matching the profile is shown
as a share of that run.

Every unit is parsed once, untimed, before the first step, so that no step
pays for reading headers from disk. Each step runs --repeat times (default
1) and the fastest run counts. See
docs/performance.md for the figures and the machine they were taken on.
"""

import argparse
import atexit
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor


def run(argv, cwd=None):
    """Runs argv; returns (seconds, peak RSS in MiB of it and its children,
    stderr). Fails loudly: a benchmark of a command that failed (a unit that
    did not compile, for one) is void."""
    start = time.monotonic()
    proc = subprocess.Popen(argv, cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.monotonic() - start
    code = os.waitstatus_to_exitcode(status)
    if code != 0:
        sys.exit("bench: %s failed with %d:\n%s" %
                 (shlex.join(argv), code, err.decode(errors="replace")))
    return seconds, usage.ru_maxrss / 1024.0, err.decode(errors="replace")


def read_database(build):
    """(path, entries) of build's compile_commands.json; exits naming the
    file when it cannot be read."""
    path = os.path.join(build, "compile_commands.json")
    try:
        with open(path) as f:
            return path, json.load(f)
    except (OSError, ValueError) as e:
        sys.exit("bench: cannot read %s: %s" % (path, e))


def compile_arguments(entry):
    """A database entry's compiler arguments without the compiler, its output
    (-o, -c), dependency files (-MD, -MF...) and precompiled header
    (-include-pch, also as -Xclang -include-pch -Xclang X): what a
    -fsyntax-only run of the same unit needs. The .pch exists only after a
    build; perf-audit drops it the same way and parses the header it was
    made from, which CMake also passes."""
    argv = entry.get("arguments") or shlex.split(entry["command"])
    out = []
    skip = 0
    for i, arg in enumerate(argv[1:], start=1):
        if skip:
            skip -= 1
            continue
        if arg == "-Xclang" and argv[i + 1:i + 2] == ["-include-pch"]:
            skip = 3 if argv[i + 2:i + 3] == ["-Xclang"] else 2
            continue
        if arg in ("-o", "-MF", "-MT", "-MQ", "-include-pch"):
            skip = 1
            continue
        if (arg in ("-c", "-MD", "-MMD") or arg.startswith("-o") or
                arg.startswith("-include-pch=")):
            continue
        out.append(arg)
    return out


def distinct_units(database):
    """The database as every step parses it: each file with its first
    command (as perf-audit and run-clang-tidy analyse it), with "arguments"
    that parse it and write nothing."""
    units = []
    seen = set()
    for entry in database:
        argv = entry.get("arguments") or shlex.split(entry["command"])
        arguments = argv[:1] + compile_arguments(entry)
        path = os.path.normpath(os.path.join(entry["directory"], entry["file"]))
        if path not in seen:
            seen.add(path)
            units.append({"directory": entry["directory"],
                          "file": entry["file"], "arguments": arguments})
    return units


def syntax_only_commands(units, clang):
    """The units, compiled by clang with -fsyntax-only (a C file by the clang
    driver next to clang++: clang++ would parse it as C++)."""
    c_driver = re.sub(r"\+\+(?=[^/]*$)", "", clang)
    return [([c_driver if unit["file"].endswith(".c") else clang] +
             unit["arguments"][1:] + ["-fsyntax-only"], unit["directory"])
            for unit in units]


def parallel(commands, jobs):
    """Runs the commands jobs at a time: (seconds, peak MiB)."""
    start = time.monotonic()
    with ThreadPoolExecutor(jobs) as pool:
        results = list(pool.map(lambda c: run(c[0], c[1]), commands))
    return time.monotonic() - start, max(r[1] for r in results)


def synthetic_lcov(path, files, megabytes):
    """Writes an lcov tracefile of about `megabytes` MB: every line of
    every analysed file counted, then made-up files until the size is
    reached, as a coverage job of a large project writes."""
    limit = int(megabytes * 1024 * 1024)
    written = 0
    with open(path, "w") as out:
        def record(name, lines):
            nonlocal written
            text = "SF:%s\n%send_of_record\n" % (
                name, "".join("DA:%d,%d\n" % (i, i * 7) for i in range(1, lines + 1)))
            out.write(text)
            written += len(text)
        for f in files:
            with open(f, errors="replace") as source:
                record(f, sum(1 for _ in source))
        k = 0
        while written < limit:
            record("/synthetic/src/file%d.cpp" % k, 2000)
            k += 1
    return written / (1024.0 * 1024.0)


def best(step, repeat):
    runs = [step() for _ in range(repeat)]
    return min(runs, key=lambda r: r[0])


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-p", dest="build", required=True,
                        help="directory holding compile_commands.json")
    parser.add_argument("--jobs", type=int, default=os.cpu_count())
    here = os.path.dirname(os.path.abspath(__file__))
    parser.add_argument("--perf-audit",
                        default=os.path.join(here, "..", "build", "bin", "perf-audit"))
    parser.add_argument("--clang", default="/usr/lib/llvm-19/bin/clang++")
    parser.add_argument("--clang-tidy", default="/usr/lib/llvm-19/bin/clang-tidy")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--profile", help="lcov tracefile or .profdata")
    parser.add_argument("--profile-binary", action="append", default=[])
    parser.add_argument("--synthetic-profile-mb", type=float)
    args = parser.parse_args()
    if args.profile and args.synthetic_profile_mb:
        sys.exit("bench: --profile and --synthetic-profile-mb exclude each other")

    db_path, database = read_database(args.build)
    files = sorted({os.path.normpath(os.path.join(e["directory"], e["file"]))
                    for e in database})
    units = distinct_units(database)
    commands = syntax_only_commands(units, args.clang)
    # clang-tidy and perf-audit read the same units from a database of their
    # own.
    work = tempfile.mkdtemp(prefix="perf-audit-bench-")
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    with open(os.path.join(work, "compile_commands.json"), "w") as f:
        json.dump(units, f)
    jobs = max(1, args.jobs)

    # An untimed parse of every unit first: whichever step ran first would
    # otherwise also pay for reading the headers from disk.
    parallel(commands, jobs)
    rows = []
    floor1 = best(lambda: parallel(commands, 1), args.repeat)
    rows.append(("clang++ -fsyntax-only -j1", *floor1))
    floorN = best(lambda: parallel(commands, jobs), args.repeat)
    rows.append(("clang++ -fsyntax-only -j%d" % jobs, *floorN))
    # A project's .clang-tidy may turn warnings into errors (cppcheck's
    # does): clang-tidy would then exit 1 on its findings.
    tidy = best(lambda: run([args.clang_tidy, "-checks=-*,performance-*",
                             "--warnings-as-errors=-*", "--quiet",
                             "-p", work] + files)[:2],
                args.repeat)
    rows.append(("clang-tidy performance-* -j1", *tidy))

    join_share = {}
    for j in (1, jobs):
        def step():
            seconds, peak, err = run([args.perf_audit, "-p", work,
                                      "--quiet", "--time-phases", "-j", str(j),
                                      "-o", os.devnull])
            m = re.search(r"analysis ([\d.]+) s, join ([\d.]+) s", err)
            join_share[j] = float(m.group(2)) / seconds if m else float("nan")
            return seconds, peak
        rows.append(("perf-audit -j%d" % j, *best(step, args.repeat)))

    profile_line = None
    if args.profile or args.synthetic_profile_mb:
        profile = args.profile
        if not profile:
            profile = os.path.join(work, "synthetic.info")
            size = synthetic_lcov(profile, files, args.synthetic_profile_mb)
        else:
            size = os.path.getsize(profile) / (1024.0 * 1024.0)
        shares = []
        def profiled():
            argv = [args.perf_audit, "-p", work, "--quiet", "--time-phases",
                    "-j", "1", "-o", os.devnull, "--profile=" + profile]
            argv += ["--profile-binary=" + b for b in args.profile_binary]
            seconds, peak, err = run(argv)
            m = re.search(r"profile ([\d.]+) s \(read ([\d.]+) s", err)
            if not m:
                sys.exit("bench: perf-audit printed no profile time:\n" + err)
            shares.append((float(m.group(1)), seconds))
            return seconds, peak
        best(profiled, args.repeat)
        profile_seconds, total = min(shares, key=lambda s: s[1])
        profile_line = ("profile (%.1f MB): read and matched in %.3f s, "
                        "%.2f%% of the -j1 run with it" %
                        (size, profile_seconds, 100 * profile_seconds / total))

    print("%d files (the first compile command of each) from %s, %d cores" %
          (len(commands), db_path, jobs))
    print("%-32s %9s %9s %12s" % ("step", "seconds", "peak MiB", "x floor"))
    for name, seconds, peak in rows:
        floor = floorN[0] if name.endswith("-j%d" % jobs) and jobs > 1 else floor1[0]
        print("%-32s %9.2f %9.0f %11.2fx" % (name, seconds, peak, seconds / floor))
    pa1 = next(r for r in rows if r[0] == "perf-audit -j1")[1]
    paN = next(r for r in rows if r[0] == "perf-audit -j%d" % jobs)[1]
    print("whole-program join: %.2f%% of the -j1 run" % (100 * join_share[1]))
    if jobs > 1:
        print("perf-audit -j%d scaling: %.0f%% of linear" %
              (jobs, 100 * pa1 / paN / jobs))
    if profile_line:
        print(profile_line)


if __name__ == "__main__":
    main()
