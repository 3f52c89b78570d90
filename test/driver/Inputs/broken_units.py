#!/usr/bin/env python3
"""Broken code is input too: runs the driver over mutants of the check tests.

    broken_units.py --driver PERF_AUDIT --sources DIR --seed S --count N OUT

Writes N mutants of the C++ files under DIR (the lit inputs of the checks)
into OUT, each with one line or a few tokens removed, with a
compile_commands.json whose flags are those of the file's own RUN line; runs
the driver over them once, in parallel; and fails unless

* the driver ended normally (exit 0, or 3 when some units do not compile):
  no crash, no sanitizer report on its standard error;
* every mutant was either analysed or reported with its compiler error, and
  the report says which (translationUnits + failedTranslationUnits = N).

Clang recovers from the errors and hands the checks the ASTs it could make:
`RecoveryExpr`, invalid declarations, missing types, calls with fewer
arguments than parameters. The mutants are chosen by a seeded random
generator: the same seed gives the same mutants on every machine.
"""
import argparse
import json
import os
import random
import re
import shlex
import subprocess
import sys

TOKEN = re.compile(r"[A-Za-z_]\w*|\d[\w.]*|::|->|&&|\|\||<<|>>|[^\s\w]")
SANITIZER_REPORT = re.compile(
    r"ERROR: (Address|Leak|Thread|UndefinedBehavior)Sanitizer|"
    r"WARNING: ThreadSanitizer|runtime error: |Segmentation fault|"
    r"PLEASE submit a bug report")


def compile_flags(text, source_dir):
    """The compiler flags of the file's first %check_perf_audit RUN line."""
    lines = [l.split("RUN:", 1)[1].strip() for l in text.splitlines()
             if "RUN:" in l]
    commands, current = [], ""
    for line in lines:
        current += " " + line
        if current.endswith("\\"):
            current = current[:-1]
            continue
        commands.append(current.strip())
        current = ""
    for command in commands:
        if command.startswith("%check_perf_audit "):
            parts = command.replace("%S", source_dir).split(" -- ")
            flags = shlex.split(parts[2]) if len(parts) > 2 else []
            if not any(f.startswith("-std=") for f in flags):
                flags.insert(0, "-std=c++20")
            return flags
    return None


def code_lines(lines):
    """Indices of the lines worth removing: code, not comments or includes."""
    return [i for i, l in enumerate(lines)
            if l.strip() and not l.strip().startswith(("//", "#"))]


def mutate(lines, rng):
    """The file with one line, or one to three tokens of a line, removed."""
    candidates = code_lines(lines)
    if not candidates:
        return None, None
    index = rng.choice(candidates)
    mutated = list(lines)
    if rng.random() < 0.4:
        mutated[index] = ""
        return mutated, "line %d removed" % (index + 1)
    tokens = list(TOKEN.finditer(lines[index]))
    if not tokens:
        return None, None
    first = rng.randrange(len(tokens))
    last = min(len(tokens), first + rng.randint(1, 3)) - 1
    start, end = tokens[first].start(), tokens[last].end()
    mutated[index] = lines[index][:start] + lines[index][end:]
    return mutated, "line %d: '%s' removed" % (index + 1,
                                              lines[index][start:end])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--driver", required=True,
                        help="the driver's command (it may carry options)")
    parser.add_argument("--sources", required=True)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--count", type=int, default=200)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("out")
    args = parser.parse_args()

    originals = []
    for root, dirs, files in os.walk(args.sources):
        dirs[:] = sorted(d for d in dirs if d != "Inputs")
        for name in sorted(files):
            if name.endswith(".cpp"):
                path = os.path.join(root, name)
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                flags = compile_flags(text, root)
                if flags is not None:
                    originals.append((path, text.splitlines(), flags))
    if not originals:
        sys.exit("no check tests under %s" % args.sources)

    rng = random.Random(args.seed)
    os.makedirs(args.out, exist_ok=True)
    database, described = [], {}
    while len(database) < args.count:
        path, lines, flags = rng.choice(originals)
        mutated, what = mutate(lines, rng)
        if mutated is None:
            continue
        name = "m%03d-%s" % (len(database), os.path.basename(path))
        target = os.path.join(args.out, name)
        with open(target, "w", encoding="utf-8") as f:
            f.write("\n".join(mutated) + "\n")
        described[name] = "%s, %s" % (os.path.relpath(path, args.sources), what)
        database.append({"directory": args.out, "file": target,
                         "arguments": ["clang++", "-fsyntax-only"] + flags +
                                      ["-c", target]})
    with open(os.path.join(args.out, "compile_commands.json"), "w") as f:
        json.dump(database, f, indent=1)

    report = os.path.join(args.out, "report.json")
    run = subprocess.run(shlex.split(args.driver) + ["-p", args.out, "-j", str(args.jobs),
                          "--quiet", "--format=json", "-o", report],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    err = run.stderr.decode("utf-8", "replace")
    problems = []
    if run.returncode not in (0, 3):
        problems.append("the driver exited with %d" % run.returncode)
    if SANITIZER_REPORT.search(err):
        problems.append("the driver reported:\n" + err[-6000:])
    if not problems:
        with open(report, encoding="utf-8") as f:
            summary = json.load(f)["summary"]
        analysed = summary["translationUnits"]
        failed = summary["failedTranslationUnits"]
        if analysed + failed != args.count:
            problems.append("%d mutants, but %d analysed and %d failed" %
                            (args.count, analysed, failed))
    if problems:
        print("\n".join(problems))
        print("mutants (see %s):" % args.out)
        for name in sorted(described):
            print("  %s: %s" % (name, described[name]))
        sys.exit(1)
    print("%d mutants: %d analysed, %d reported with their compiler error" %
          (args.count, analysed, failed))


if __name__ == "__main__":
    main()
