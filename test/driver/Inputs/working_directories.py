#!/usr/bin/env python3
"""The driver's workers never depend on the process's working directory.

    working_directories.py --driver PERF_AUDIT --runs N --jobs J OUT

Makes a project in OUT whose units are compiled in four different
directories, each with `-I include` relative to its own directory and a
header of the same name that only that unit accepts (a static_assert), and
a compile_commands.json in OUT/build. Then runs, N times, from OUT,
`perf-audit -p build -o report.json -j J`, and fails unless every run

* wrote OUT/report.json, where the user asked, and no report.json anywhere
  else (a worker's chdir() into a command's directory once sent it there);
* analysed the four units, none failing (a relative include resolved
  against another unit's directory fails its static_assert);
* wrote the same bytes as the first run.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys

UNITS = 4

SOURCE = """#include "unit.h"
#include <string>
#include <vector>

static_assert(kUnit == %(unit)d, "unit.h of another directory");

// A nested loop over input, so that every unit has a finding.
int matches%(unit)d(const std::vector<std::string> &a,
                    const std::vector<std::string> &b) {
  int n = 0;
  for (const std::string &x : a)
    for (const std::string &y : b)
      n += x == y;
  return n;
}
"""


def make_project(out):
    database = []
    for unit in range(UNITS):
        directory = os.path.join(out, "unit%d" % unit)
        os.makedirs(os.path.join(directory, "include"), exist_ok=True)
        with open(os.path.join(directory, "include", "unit.h"), "w") as f:
            f.write("constexpr int kUnit = %d;\n" % unit)
        with open(os.path.join(directory, "source.cpp"), "w") as f:
            f.write(SOURCE % {"unit": unit})
        database.append({"directory": directory, "file": "source.cpp",
                         "arguments": ["clang++", "-std=c++17", "-I",
                                       "include", "-c", "source.cpp"]})
    os.makedirs(os.path.join(out, "build"), exist_ok=True)
    with open(os.path.join(out, "build", "compile_commands.json"), "w") as f:
        json.dump(database, f, indent=1)


def reports_under(out):
    return sorted(os.path.relpath(os.path.join(root, name), out)
                  for root, _, files in os.walk(out)
                  for name in files if name == "report.json")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--driver", required=True,
                        help="the driver's command (it may carry options)")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--jobs", type=int, default=4)
    parser.add_argument("out")
    args = parser.parse_args()
    out = os.path.abspath(args.out)
    driver = shlex.split(args.driver)
    make_project(out)

    first = None
    for run in range(1, args.runs + 1):
        for stale in reports_under(out):
            os.remove(os.path.join(out, stale))
        result = subprocess.run(
            [os.path.abspath(driver[0])] + driver[1:] +
            ["-p", "build", "-o", "report.json", "-j", str(args.jobs),
             "--quiet", "--format=json"],
            cwd=out, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        where = reports_under(out)
        if result.returncode != 0 or where != ["report.json"]:
            sys.exit("run %d: exit %d, reports at %s\n%s" %
                     (run, result.returncode, where or "nowhere",
                      result.stdout.decode("utf-8", "replace")))
        with open(os.path.join(out, "report.json"), "rb") as f:
            text = f.read()
        summary = json.loads(text)["summary"]
        if (summary["translationUnits"], summary["failedTranslationUnits"]) != (UNITS, 0):
            sys.exit("run %d: %s" % (run, text.decode("utf-8", "replace")))
        if first is None:
            first = text
        elif text != first:
            sys.exit("run %d: a report different from the first run's" % run)
    print("%d runs at -j %d: every report at report.json, %d units each, "
          "the same bytes" % (args.runs, args.jobs, UNITS))


if __name__ == "__main__":
    main()
