#!/usr/bin/env python3
"""Applies every fix-it perf-audit offers on the check tests' inputs, then
compiles the result with each template explicitly instantiated.

    fix_every_input.py --driver PERF_AUDIT --instantiations TOOL
                       --clangxx CLANG++ --inputs DIR --work DIR

For each input of DIR/<check>/*.cpp and each distinct configuration its RUN
lines analyse it with (compiler flags, model files), a copy is analysed with
all perf-audit checks at once, low confidence included, and `--fix` applies
every fix-it of that one run. The fixed copy gets an explicit instantiation
definition of every implicit instantiation of the input's templates (from
perf-audit-explicit-instantiations, run on the input), so that members no
code calls are instantiated too, and must compile. A second analysis of the
fixed copy must not find a `std::move` that copies: that is what two fix-its
that contradict each other leave (a local made `const &` by one, moved by
the other); the input's own such moves are in the first report too.

Prints one line per failure and a summary line; exits 1 on any failure.
"""
import argparse
import concurrent.futures
import json
import os
import re
import shlex
import shutil
import subprocess
import sys

RUN_LINE = re.compile(r"^// RUN:(.*)$")
# The message excess-copy gives a std::move of a const object that is then
# copied: what a const-reference fix-it and a move fix-it on the same
# variable would leave.
MOVE_THAT_COPIES = "is copied, not moved"


def run_commands(path):
    """The RUN lines of a test, continuation lines joined."""
    commands, current = [], ""
    with open(path, encoding="utf-8") as source:
        for line in source:
            match = RUN_LINE.match(line.rstrip("\n"))
            if not match:
                continue
            text = match.group(1).strip()
            if text.endswith("\\"):
                current += text[:-1] + " "
                continue
            commands.append(current + text)
            current = ""
    return commands


def configurations(path):
    """(config, compiler flags) of each %check_perf_audit RUN line."""
    directory = os.path.dirname(os.path.abspath(path))
    found = []
    for command in run_commands(path):
        command = command.replace("%S", directory)
        words = shlex.split(command)
        if not words or not words[0].startswith("%check_perf_audit"):
            continue
        rest = words[words.index("--") + 1:] if "--" in words else []
        tidy_args, compiler_args = rest, []
        if "--" in rest:
            split = rest.index("--")
            tidy_args, compiler_args = rest[:split], rest[split + 1:]
        config = ""
        for arg in tidy_args:
            if arg.startswith("--config="):
                config = arg[len("--config="):]
        if not any(a.startswith("-std=") for a in compiler_args):
            compiler_args = ["-std=c++20"] + compiler_args
        # The copy is analysed elsewhere: includes relative to the input.
        compiler_args = compiler_args + ["-I", directory]
        key = (config, tuple(compiler_args))
        if key not in found:
            found.append(key)
    return found


def moves_that_copy(report):
    """The messages of a report's moves that copy (the input's own ones are
    there before the fixes, and stay)."""
    return [finding["message"] for finding in report["findings"]
            if MOVE_THAT_COPIES in finding["message"]]


def run(argv, cwd=None):
    result = subprocess.run(argv, cwd=cwd, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    return (result.returncode, result.stdout.decode("utf-8", "replace"),
            result.stderr.decode("utf-8", "replace"))


def fix_and_compile(args, source, index, config, compiler_args):
    """Returns (failures, fixed findings, instantiations) of one run."""
    name = os.path.relpath(source, args.inputs)
    label = name + ("" if index == 0 else " (run %d)" % (index + 1))
    work = os.path.join(args.work, "%s.%d" % (name.replace(os.sep, "__"),
                                              index))
    os.makedirs(work)
    copy = os.path.join(work, os.path.basename(source))
    shutil.copyfile(source, copy)
    analyse = [args.driver, "--quiet", "--checks=perf-audit-*",
               "--min-confidence=low", "--format=json", "--source-root=" +
               work]
    if config:
        analyse.append("--config=" + config)

    code, _, errors = run(analyse + ["--fix", "-o", os.path.join(
        work, "report.json"), copy, "--"] + list(compiler_args), cwd=work)
    if code != 0:
        return ["%s: perf-audit --fix exited with %d:\n%s" % (label, code,
                                                               errors)], 0, 0
    applied = re.search(r"applied the fix-its of (\d+) findings", errors)
    fixed = int(applied.group(1)) if applied else 0
    with open(os.path.join(work, "report.json"), encoding="utf-8") as report:
        moves_before = moves_that_copy(json.load(report))

    code, listed, errors = run([args.instantiations, source, "--"] +
                               list(compiler_args))
    if code != 0:
        return ["%s: listing its instantiations failed:\n%s" % (label,
                                                                errors)], 0, 0
    instantiations = [line for line in listed.splitlines() if line]
    if instantiations:
        with open(copy, "a", encoding="utf-8") as out:
            out.write("\n// Every instantiation, all members:\n")
            out.write("\n".join(instantiations) + "\n")

    failures = []
    code, _, errors = run([args.clangxx, "-fsyntax-only",
                           "-Wno-instantiation-after-specialization"] +
                          list(compiler_args) + [copy])
    if code != 0:
        failures.append("%s: the fixed file does not compile:\n%s" %
                        (label, errors))
        return failures, fixed, len(instantiations)

    code, output, errors = run(analyse + [copy, "--"] + list(compiler_args),
                               cwd=work)
    if code != 0:
        failures.append("%s: analysing the fixed file exited with %d:\n%s" %
                        (label, code, errors))
    else:
        for message in moves_that_copy(json.loads(output)):
            if message in moves_before:
                moves_before.remove(message)
            else:
                failures.append("%s: after the fixes: %s" % (label, message))
    return failures, fixed, len(instantiations)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--driver", required=True)
    parser.add_argument("--instantiations", required=True)
    parser.add_argument("--clangxx", required=True)
    parser.add_argument("--inputs", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("-j", type=int, default=os.cpu_count() or 1)
    args = parser.parse_args()
    for tool in ("driver", "instantiations", "clangxx", "inputs", "work"):
        setattr(args, tool, os.path.abspath(getattr(args, tool)))

    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(args.work)
    jobs = []
    for check in sorted(os.listdir(args.inputs)):
        directory = os.path.join(args.inputs, check)
        if not os.path.isdir(directory):
            continue
        for name in sorted(os.listdir(directory)):
            if name.endswith(".cpp"):
                source = os.path.join(directory, name)
                for index, (config, flags) in enumerate(
                        configurations(source)):
                    jobs.append((source, index, config, flags))

    failures, fixed, instantiations = [], 0, 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.j) as pool:
        results = pool.map(lambda job: fix_and_compile(args, *job), jobs)
        for run_failures, run_fixed, run_instantiations in results:
            failures += run_failures
            fixed += run_fixed
            instantiations += run_instantiations
    for failure in failures:
        print("FAIL: " + failure)
    inputs = len({job[0] for job in jobs})
    print("%d inputs, %d runs: fix-its of %d findings applied, %d explicit "
          "instantiations added, %d failures" %
          (inputs, len(jobs), fixed, instantiations, len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
