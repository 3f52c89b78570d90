#!/usr/bin/env python3
"""Times the perf-audit plugin in clang-tidy against clang-tidy's own floor,
file by file, interleaved:

  floor          clang-tidy with one trivial check (FLOOR_CHECK below): what
                 any clang-tidy run costs (parsing, the matchers' traversal)
  performance-*  clang-tidy's own performance module: what a clang-tidy user
                 pays today for the peer's checks
  perf-audit-*   clang-tidy --load=PerfAudit.so with every perf-audit check

and prints each step's total time as a ratio to the floor's, with the
median and the worst ratio of the files.

  bench/clang-tidy-route.py -p BUILD_DIR --plugin build/lib/PerfAudit.so
                            [--clang-tidy clang-tidy-19] [--repeat K]
                            [--extra-arg ARG]... [--limit N]

Each file is analysed with its first compile command (as run-clang-tidy
does). For every file the three steps run one after the other, in an order
that rotates from file to file, so that a slow minute of the machine falls
on all three alike; each runs --repeat times (default 1) and the fastest
counts. Every file is parsed once, untimed, first. A run that fails stops
the benchmark (bench.py's run): a timing of a failure is void. See docs/performance.md
for the figures.
"""

import argparse
import atexit
import json
import os
import shutil
import statistics
import tempfile

from bench import distinct_units, read_database, run

# One check that registers a single narrow matcher (assignment operators)
# and reports nothing on ordinary code: the cost of clang-tidy itself.
FLOOR_CHECK = "misc-unconventional-assign-operator"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-p", dest="build", required=True,
                        help="directory holding compile_commands.json")
    parser.add_argument("--plugin", required=True, help="PerfAudit.so")
    parser.add_argument("--clang-tidy", default="clang-tidy-19")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--extra-arg", action="append", default=[])
    parser.add_argument("--limit", type=int, default=0,
                        help="only the first N files (in path order)")
    args = parser.parse_args()

    db_path, database = read_database(args.build)
    entries = sorted(distinct_units(database), key=lambda e: e["file"])
    if args.limit:
        entries = entries[:args.limit]
    work = tempfile.mkdtemp(prefix="perf-audit-tidy-bench-")
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    with open(os.path.join(work, "compile_commands.json"), "w") as f:
        json.dump(entries, f)

    base = [args.clang_tidy, "--quiet", "-p", work,
            "--warnings-as-errors=-*"] + \
        ["--extra-arg=" + a for a in args.extra_arg]
    steps = [
        ("floor (%s)" % FLOOR_CHECK, base + ["-checks=-*," + FLOOR_CHECK]),
        ("performance-*", base + ["-checks=-*,performance-*"]),
        ("perf-audit-* (plugin)", base + ["--load=" + os.path.abspath(args.plugin),
                                          "-checks=-*,perf-audit-*"]),
    ]
    times = {name: [] for name, _ in steps}
    for i, entry in enumerate(entries):
        # Untimed: the first read of the file's headers.
        path = os.path.normpath(os.path.join(entry["directory"],
                                             entry["file"]))
        run(steps[0][1] + [path])
        order = steps[i % len(steps):] + steps[:i % len(steps)]
        for name, argv in order:
            times[name].append(min(run(argv + [path])[0]
                                   for _ in range(max(1, args.repeat))))

    floor = times[steps[0][0]]
    print("%d files (first command each) from %s, %s" %
          (len(entries), db_path, args.clang_tidy))
    print("%-44s %9s %10s %13s %12s" %
          ("step", "seconds", "x floor", "median file", "worst file"))
    for name, _ in steps:
        ratios = [t / f for t, f in zip(times[name], floor) if f > 0]
        print("%-44s %9.2f %9.2fx %12.2fx %11.2fx" %
              (name, sum(times[name]), sum(times[name]) / sum(floor),
               statistics.median(ratios), max(ratios)))


if __name__ == "__main__":
    main()
