#!/usr/bin/env python3
"""Runs perf-audit over real open-source projects (docs/real-world.md).

For each project of the corpus: fetch its Debian source package (with a
deb-src entry in a private apt configuration, so the machine's own sources
are not touched), install its build dependencies, configure it with its own
CMake build to get a compile_commands.json, and run perf-audit over every
translation unit. Then, on a copy of the project, apply every fix-it with
`perf-audit --fix` and check that each changed translation unit still passes
`clang++ -fsyntax-only` with its own flags.

With --plugin, every unit also goes through the clang-tidy route (the plugin
in clang-tidy, all perf-audit checks), twice: it names the units whose
clang-tidy crashed (a crash of the driver stops the run), compares the findings of the two routes (the driver's own cross-unit
findings aside, which clang-tidy cannot see) and of the two clang-tidy runs.

Per project it prints the translation units, failures (with the clang error),
time, peak memory, findings per check and tier, the fix-it check, and writes
WORK/<project>/top30.md: the 30 most costly findings in the project's own
tree, for review.

  bench/real-world.py --perf-audit build/bin/perf-audit [--work /tmp/corpus]
                      [--projects leveldb,soci] [-j N] [--no-fix-check]
                      [--plugin build/lib/PerfAudit.so [--clang-tidy clang-tidy-19]]

Needs root for apt-get (it installs the build dependencies) and network
access to deb.debian.org.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import re
import shutil
import subprocess
import sys
import time

# The compile-command filtering bench.py uses for its -fsyntax-only floor.
from bench import compile_arguments, distinct_units

DEB_SRC = ("deb-src [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] "
           "http://deb.debian.org/debian bookworm main\n")

# The corpus: which family each project exercises, the Debian packages its
# build needs, and how to configure it. The CMake options enable the tests
# and examples, where the libraries are used the way applications use them.
PROJECTS = [
    {"name": "sqlitecpp", "families": "n-plus-one (SQLiteCpp), copies",
     "deps": ["libsqlite3-dev", "libgtest-dev"],
     "cmake": ["-DSQLITECPP_BUILD_EXAMPLES=ON", "-DSQLITECPP_BUILD_TESTS=ON",
               "-DSQLITECPP_INTERNAL_SQLITE=OFF", "-DSQLITECPP_RUN_CPPLINT=OFF",
               "-DSQLITECPP_RUN_CPPCHECK=OFF"]},
    {"name": "soci", "families": "n-plus-one (SOCI), copies",
     "deps": ["libsqlite3-dev", "libpq-dev", "libboost-dev",
              "libboost-date-time-dev"],
     "cmake": ["-DSOCI_TESTS=ON", "-DWITH_MYSQL=OFF", "-DWITH_FIREBIRD=OFF",
               "-DWITH_ODBC=OFF", "-DWITH_ORACLE=OFF", "-DWITH_DB2=OFF"]},
    {"name": "libpqxx", "families": "n-plus-one (libpqxx), copies",
     "deps": ["libpq-dev"], "cmake": ["-DSKIP_BUILD_TEST=OFF"]},
    {"name": "i2pd", "families": "blocking-in-async (Boost.Asio), allocations",
     "deps": ["libboost-system-dev", "libboost-date-time-dev",
              "libboost-filesystem-dev", "libboost-program-options-dev",
              "libminiupnpc-dev", "libssl-dev", "zlib1g-dev",
              "libwebsocketpp-dev"],
     "source_subdir": "build",
     "cmake": ["-DWITH_UPNP=ON", "-DBUILD_TESTING=OFF"],
     # Boost 1.74's MPL computes an out-of-range enum constant, an error
     # since clang 16 that can still be turned off.
     "extra_args": ["-Wno-enum-constexpr-conversion"]},
    {"name": "poco", "families": "all: Data (SQLite, PostgreSQL), Net, "
     "Foundation", "deps": ["libexpat1-dev", "libpcre3-dev", "libsqlite3-dev",
                            "libpq-dev", "libssl-dev", "zlib1g-dev"],
     "cmake": ["-DENABLE_DATA_MYSQL=OFF", "-DENABLE_DATA_ODBC=OFF",
               "-DENABLE_TESTS=ON", "-DPOCO_UNBUNDLED=ON"]},
    {"name": "leveldb", "families": "loops, copies, allocations (database "
     "engine)", "deps": ["libsnappy-dev", "libgmock-dev", "libgtest-dev",
                         "libbenchmark-dev"],
     "cmake": ["-DLEVELDB_BUILD_TESTS=ON", "-DLEVELDB_BUILD_BENCHMARKS=ON"]},
    {"name": "yaml-cpp", "families": "loops, copies, allocations (parser)",
     "deps": ["libgtest-dev", "libgmock-dev"],
     "cmake": ["-DYAML_CPP_BUILD_TESTS=ON"]},
    {"name": "cppcheck", "families": "loops, copies, allocations (large "
     "general code base)", "deps": ["libtinyxml2-dev", "libpcre3-dev"],
     "cmake": ["-DBUILD_TESTS=ON", "-DUSE_MATCHCOMPILER=Off"]},
    # Held out: these projects are measured on, never tuned on (precision on
    # code the checks were not written against).
    {"name": "flatbuffers", "families": "loops, copies, allocations "
     "(compiler: flatc)", "deps": [],
     # Benchmarks off: they fetch googletest and benchmark from GitHub.
     "cmake": ["-DFLATBUFFERS_BUILD_TESTS=ON"], "held_out": True},
    {"name": "cpprest", "families": "blocking-in-async (Boost.Asio), "
     "allocations (C++ REST SDK)",
     "deps": ["libbrotli-dev", "libboost-atomic-dev", "libboost-chrono-dev",
              "libboost-filesystem-dev", "libboost-random-dev",
              "libboost-regex-dev", "libboost-system-dev",
              "libboost-thread-dev", "libssl-dev", "libwebsocketpp-dev",
              "pkg-config", "zlib1g-dev"],
     "cmake": ["-DBUILD_TESTS=ON", "-DBUILD_SAMPLES=ON", "-DWERROR=OFF",
               "-DCPPREST_EXCLUDE_BROTLI=OFF"],
     # Boost 1.74's MPL, as for i2pd.
     "extra_args": ["-Wno-enum-constexpr-conversion"], "held_out": True},
    # Its Qt units need the moc, uic and rcc output (46 of 211 units include
    # it), which configure does not make: run `cmake -E cmake_autogen
    # <dir>/AutogenInfo.json ""` and `cmake -E cmake_autorcc <AutoRcc_*.json>
    # ""` for each build-perf-audit/**/CMakeFiles/*_autogen.dir, from its
    # target's build directory (ninja's *_autogen targets build the libraries
    # first); the lang qrc needs the .qm files first.
    {"name": "qbittorrent", "families": "loops, copies, allocations (Qt "
     "application)",
     "deps": ["libtorrent-rasterbar-dev", "libboost-dev", "libqt5svg5-dev",
              "qtbase5-dev", "qttools5-dev", "qttools5-dev-tools",
              "libssl-dev", "zlib1g-dev"],
     "cmake": ["-DGUI=ON", "-DWEBUI=ON", "-DTESTING=ON", "-DSTACKTRACE=OFF"],
     "held_out": True},
    {"name": "libjsoncpp", "families": "loops, copies, allocations (parser: "
     "jsoncpp)", "deps": [],
     "cmake": ["-DJSONCPP_WITH_TESTS=ON", "-DJSONCPP_WITH_EXAMPLE=ON",
               "-DJSONCPP_WITH_POST_BUILD_UNITTEST=OFF"], "held_out": True},
]


def run(cmd, **kw):
    kw.setdefault("check", True)
    return subprocess.run(cmd, **kw)


class Apt:
    """apt-get with a private source list and state, holding deb-src."""

    def __init__(self, work):
        self.dir = os.path.join(work, "apt")
        os.makedirs(os.path.join(self.dir, "lists", "partial"), exist_ok=True)
        self.sources = os.path.join(self.dir, "sources.list")
        with open(self.sources, "w") as f:
            f.write(DEB_SRC)
        self.opts = ["-o", "Dir::Etc::SourceList=" + self.sources,
                     "-o", "Dir::Etc::SourceParts=/nonexistent",
                     "-o", "Dir::State::Lists=" + os.path.join(self.dir, "lists")]
        self.updated = False

    def source(self, package, into):
        if not self.updated:
            run(["apt-get"] + self.opts + ["update", "-qq"])
            self.updated = True
        run(["apt-get"] + self.opts + ["source", "-qq", "--download-only",
                                      package], cwd=into,
            stdout=subprocess.DEVNULL)


def install(packages):
    missing = [p for p in packages if subprocess.run(
        ["dpkg-query", "-W", "-f=${Status}", p], capture_output=True,
        text=True).stdout.find("install ok installed") < 0]
    if missing:
        run(["apt-get", "install", "-y", "-qq", "--no-install-recommends"] +
            missing, env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"),
            stdout=subprocess.DEVNULL)


def fetch(apt, project, work):
    """Unpacks the source package (Debian patches applied); returns its dir."""
    for entry in sorted(os.listdir(work)):
        if (entry.startswith(project["name"] + "-") and
                not entry.endswith("-fixed") and
                os.path.isdir(os.path.join(work, entry))):
            return os.path.join(work, entry)
    apt.source(project["name"], work)
    dsc = sorted(f for f in os.listdir(work)
                 if f.startswith(project["name"] + "_") and f.endswith(".dsc"))
    run(["dpkg-source", "-q", "-x", dsc[-1]], cwd=work,
        stdout=subprocess.DEVNULL)
    return fetch(apt, project, work)


def configure(project, src, clang):
    build = os.path.join(src, "build-perf-audit")
    if not os.path.exists(os.path.join(build, "compile_commands.json")):
        run(["cmake", "-S", os.path.join(src, project.get("source_subdir", ".")),
             "-B", build, "-G", "Ninja", "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON",
             "-DCMAKE_C_COMPILER=" + clang.replace("clang++", "clang"),
             "-DCMAKE_CXX_COMPILER=" + clang] + project["cmake"],
            stdout=subprocess.DEVNULL)
    return build


# Runs a command and prints its peak resident memory (KiB) to stderr's last
# line: RUSAGE_CHILDREN of this script would mix the projects.
PEAK_WRAPPER = ("import resource, subprocess, sys; "
                "code = subprocess.call(sys.argv[1:]); "
                "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,"
                " file=sys.stderr); sys.exit(code)")


def perf_audit(args, build, extra):
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", PEAK_WRAPPER, args.perf_audit,
                           "-p", build, "--quiet", "-j", str(args.jobs)] + extra,
                          capture_output=True, text=True, errors="replace")
    seconds = time.monotonic() - start
    stderr_lines = proc.stderr.rstrip("\n").split("\n")
    peak_kib = int(stderr_lines[-1])
    proc.stderr = "\n".join(stderr_lines[:-1])
    if proc.returncode not in (0, 1, 3):
        sys.exit("perf-audit failed (%d) on %s:\n%s" %
                 (proc.returncode, build, proc.stderr))
    return proc, seconds, peak_kib


def syntax_check(command, clang, resource_dir, extra_args=()):
    """Runs a compile command as clang++ -fsyntax-only; returns the errors."""
    out = [clang, "-fsyntax-only", "-w", "-resource-dir", resource_dir]
    out += list(extra_args) + compile_arguments(command)
    proc = subprocess.run(out, cwd=command["directory"], capture_output=True,
                          text=True, errors="replace")
    return "" if proc.returncode == 0 else proc.stderr


def copy_project(src, build):
    """A copy of the project to apply fix-its to; returns its build dir."""
    copy = src.rstrip("/") + "-fixed"
    shutil.rmtree(copy, ignore_errors=True)
    shutil.copytree(src, copy, symlinks=True)
    copy_build = os.path.join(copy, os.path.relpath(build, src))
    db_path = os.path.join(copy_build, "compile_commands.json")
    with open(db_path) as f:
        text = f.read()
    with open(db_path, "w") as f:
        f.write(text.replace(src.rstrip("/") + "/", copy + "/"))
    return copy, copy_build


def fix_check(args, project, src, copy, copy_build, stderr):
    """Syntax-checks the units that the fix-its applied to copy changed."""
    applied = re.search(r"applied the fix-its of (\d+) finding", stderr)
    refused = re.findall(r"warning: .* not applied: .*", stderr)
    changed = []
    for root, _, files in os.walk(copy):
        for name in files:
            path = os.path.join(root, name)
            original = os.path.join(src, os.path.relpath(path, copy))
            if (name.endswith((".c", ".cc", ".cpp", ".cxx", ".h", ".hh",
                               ".hpp", ".hxx", ".ipp")) and
                    os.path.exists(original) and
                    open(path, "rb").read() != open(original, "rb").read()):
                changed.append(path)
    with open(os.path.join(copy_build, "compile_commands.json")) as f:
        db = json.load(f)
    headers_changed = any(not p.endswith((".c", ".cc", ".cpp", ".cxx"))
                          for p in changed)

    def unit_path(c):
        return os.path.normpath(os.path.join(c["directory"], c["file"]))

    units = db if headers_changed else [
        c for c in db if unit_path(c) in set(changed)]
    extra = project.get("extra_args", [])

    def check(c):
        errors = syntax_check(c, args.clang, args.resource_dir, extra)
        if not errors:
            return ""
        # A unit that did not compile before the fix-its is not broken by them.
        original = dict(c, directory=c["directory"].replace(copy, src),
                        file=c["file"].replace(copy, src))
        for key in ("command", "arguments"):
            if isinstance(c.get(key), str):
                original[key] = c[key].replace(copy, src)
            elif c.get(key):
                original[key] = [a.replace(copy, src) for a in c[key]]
        return errors if not syntax_check(original, args.clang,
                                          args.resource_dir, extra) else ""

    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        errors = list(pool.map(check, units))
    broken = [(os.path.relpath(unit_path(c), copy),
               [l for l in e.splitlines() if "error:" in l][:1])
              for c, e in zip(units, errors) if e]
    return {"findings_fixed": int(applied.group(1)) if applied else 0,
            "refused": refused, "files_changed": len(changed),
            "units_checked": len(units), "units_broken": broken,
            "changed": sorted(os.path.relpath(p, copy) for p in changed)}


# A clang-tidy diagnostic line: file:line:col: warning: message [check].
TIDY_FINDING = re.compile(
    r"^(?P<file>/[^:]+):(?P<line>\d+):(?P<col>\d+): warning: (?P<message>.*?)"
    r"(?: \[impact: [^\]]*\])? \[(?P<check>perf-audit-[a-z-]+)\]$")


def tidy_database(build):
    """A copy of build's compilation database for clang-tidy: each file with
    its first command (as the driver analyses it), without the precompiled
    header (the .pch exists only after a build; the driver drops it the same
    way). Returns its directory."""
    with open(os.path.join(build, "compile_commands.json")) as f:
        database = json.load(f)
    kept = distinct_units(database)
    for entry in kept:
        entry["file"] = os.path.normpath(os.path.join(entry["directory"],
                                                      entry["file"]))
    directory = build.rstrip("/") + "-clang-tidy"
    os.makedirs(directory, exist_ok=True)
    with open(os.path.join(directory, "compile_commands.json"), "w") as f:
        json.dump(kept, f)
    return directory


def clang_tidy_route(args, build, extra):
    """Runs the plugin in clang-tidy on every unit of build, in parallel.

    Returns (findings, crashes, failures): the set of (file, line, check,
    message) it reported, the units whose clang-tidy died of a signal or
    printed a crash report, and those that did not compile."""
    database = tidy_database(build)
    with open(os.path.join(database, "compile_commands.json")) as f:
        files = [c["file"] for c in json.load(f)]

    def one(path):
        proc = subprocess.run(
            # A project's .clang-tidy may turn warnings into errors
            # (cppcheck's does): findings are read as warnings.
            [args.clang_tidy, "--load=" + args.plugin, "--quiet",
             "-checks=-*,perf-audit-*", "--header-filter=.*",
             "--warnings-as-errors=-*", "-p", database] +
            ["--extra-arg=" + a for a in extra] + [path],
            capture_output=True, text=True, errors="replace")
        crashed = proc.returncode < 0 or "PLEASE submit a bug report" in \
            proc.stderr or "Stack dump" in proc.stderr
        failed = "[clang-diagnostic-error]" in proc.stdout or \
            "Error while processing" in proc.stderr
        found = set()
        for line in proc.stdout.splitlines():
            m = TIDY_FINDING.match(line)
            if m:
                found.add((os.path.normpath(m["file"]), int(m["line"]),
                           m["check"], m["message"]))
        return path, found, crashed, failed

    findings, crashes, failures = set(), [], []
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        for path, found, crashed, failed in pool.map(one, files):
            findings |= found
            if crashed:
                crashes.append(path)
            if failed:
                failures.append(path)
    return findings, crashes, failures


def compare_routes(args, build, driver, extra):
    """The clang-tidy route against the driver's findings (a set of
    (absolute file, line, check, message)), and against itself."""
    first, crashes, failures = clang_tidy_route(args, build, extra)
    second, crashes_again, _ = clang_tidy_route(args, build, extra)
    # The driver also has the join's findings (effects through other units),
    # which clang-tidy cannot have: they are among the driver-only ones.
    return {"units_crashed": sorted(set(crashes) | set(crashes_again)),
            "units_failed": sorted(failures),
            "findings": len(first),
            "same_on_second_run": first == second,
            "both_routes": len(first & driver),
            "clang_tidy_only": sorted(first - driver)[:20],
            "clang_tidy_only_count": len(first - driver),
            "driver_only_count": len(driver - first),
            "driver_only": sorted(driver - first)[:20]}


def under(path, root):
    """Whether a reported path (relative to the root when inside it) is in
    the project's tree."""
    path = os.path.normpath(os.path.join(root, path))
    return os.path.commonpath([path, os.path.abspath(root)]) == \
        os.path.abspath(root)


def review_table(findings, src, limit=30):
    rows = ["| # | score | tier | check | where | message | verdict |",
            "|---|---|---|---|---|---|---|"]
    for i, f in enumerate(findings[:limit], 1):
        where = "%s:%d" % (os.path.relpath(f["file"], src)
                           if os.path.isabs(f["file"]) else f["file"],
                           f["line"])
        message = f["message"].replace("|", "\\|")
        rows.append("| %d | %d | %s | %s | %s | %s | |" %
                    (i, f["score"], f["tier"],
                     f["check"].replace("perf-audit-", ""), where, message))
    return "\n".join(rows) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--perf-audit", required=True)
    parser.add_argument("--work", default="/tmp/perf-audit-corpus")
    parser.add_argument("--projects", default="",
                        help="comma-separated names (default: the tuning "
                        "corpus; held-out projects only by name)")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count())
    parser.add_argument("--clang", default="/usr/lib/llvm-19/bin/clang++")
    parser.add_argument("--no-fix-check", action="store_true")
    parser.add_argument("--plugin", default="",
                        help="PerfAudit.so: also run the clang-tidy route")
    parser.add_argument("--clang-tidy", default="clang-tidy-19")
    args = parser.parse_args()
    if args.plugin:
        args.plugin = os.path.abspath(args.plugin)
    args.perf_audit = os.path.abspath(args.perf_audit)
    args.resource_dir = subprocess.run(
        [args.clang, "-print-resource-dir"], capture_output=True,
        text=True, check=True).stdout.strip()
    os.makedirs(args.work, exist_ok=True)
    # The held-out projects are measured on by name, never by default.
    wanted = [p for p in PROJECTS
              if (p["name"] in args.projects.split(",") if args.projects
                  else not p.get("held_out"))]
    apt = Apt(args.work)
    install(["dpkg-dev", "cmake", "ninja-build"])
    totals = collections.Counter()
    results = {}
    for project in wanted:
        install(project["deps"])
        src = fetch(apt, project, args.work)
        build = configure(project, src, args.clang)
        with open(os.path.join(build, "compile_commands.json")) as f:
            units = len({c["file"] for c in json.load(f)})
        # One analysis: with the fix check, it runs on a copy of the project
        # and applies the fix-its after writing the report.
        root, root_build, extra = src, build, []
        if not args.no_fix_check:
            root, root_build = copy_project(src, build)
            extra = ["--fix"]
        extra += ["--extra-arg=" + a for a in project.get("extra_args", [])]
        proc, seconds, peak = perf_audit(
            args, root_build, ["--format=json", "--source-root=" + root] + extra)
        report = json.loads(proc.stdout)
        # The review covers the project's own code, as the SARIF upload does:
        # findings in sources the build takes from elsewhere (googletest from
        # /usr/src) are counted but not reviewed.
        own = [f for f in report["findings"] if under(f["file"], root)]
        by_check = collections.Counter(
            f["check"].replace("perf-audit-", "") for f in report["findings"])
        by_tier = collections.Counter(f["tier"] for f in report["findings"])
        result = {"version": os.path.basename(src), "units": units,
                  "failures": [(u["file"], u.get("error", ""))
                               for u in report["failures"]],
                  "seconds": round(seconds, 1), "peak_mib": peak // 1024,
                  "findings": len(report["findings"]),
                  "findings_outside_tree": len(report["findings"]) - len(own),
                  "by_check": dict(sorted(by_check.items())),
                  "by_tier": dict(sorted(by_tier.items()))}
        with open(os.path.join(args.work, project["name"] + "-top30.md"),
                  "w") as f:
            f.write(review_table(own, root))
        if args.plugin:
            # On the original tree: the copy has had its fix-its applied.
            # Without the fix check, the report above is of that tree.
            original = report
            if not args.no_fix_check:
                tree = subprocess.run(
                    [args.perf_audit, "-p", build, "--quiet", "-j",
                     str(args.jobs), "--format=json", "--source-root=" + src] +
                    ["--extra-arg=" + a for a in project.get("extra_args", [])],
                    capture_output=True, text=True, errors="replace")
                if tree.returncode not in (0, 1, 3):
                    sys.exit("perf-audit failed (%d) on %s:\n%s" %
                             (tree.returncode, build, tree.stderr))
                original = json.loads(tree.stdout)
            # Paths inside the tree are relative to it.
            driver = {(os.path.normpath(os.path.join(src, f["file"])),
                       f["line"], f["check"], f["message"])
                      for f in original["findings"]}
            result["clang_tidy_route"] = compare_routes(
                args, build, driver, project.get("extra_args", []))
        if not args.no_fix_check:
            result["fix_check"] = fix_check(args, project, src, root,
                                            root_build, proc.stderr)
        results[project["name"]] = result
        totals["units"] += units
        totals["findings"] += len(report["findings"])
        print(json.dumps({project["name"]: result}, indent=1), flush=True)
    with open(os.path.join(args.work, "results.json"), "w") as f:
        json.dump(results, f, indent=1, sort_keys=True)
    print("%d projects, %d translation units, %d findings" %
          (len(results), totals["units"], totals["findings"]))
    broken = sum(len(r.get("fix_check", {}).get("units_broken", []))
                 for r in results.values())
    failed = sum(len(r["failures"]) for r in results.values())
    print("units not analysed: %d; units broken by fix-its: %d" %
          (failed, broken))
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main())
