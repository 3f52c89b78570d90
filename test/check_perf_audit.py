#!/usr/bin/env python3
"""Runs a perf-audit check on a test file and checks its output.

The contract of clang-tidy's check_clang_tidy.py, written for perf-audit:

    check_perf_audit.py [--mode=plugin|driver] [--check-suffix=S]
                        <source> <check> <temp> [-- <clang-tidy args>]
                        [-- <compiler args>]

* `// CHECK-MESSAGES: :[[@LINE-1]]:3: warning: ...` lines are matched against
  the diagnostics with an implicit "no other warning or error" rule.
* `// CHECK-NOTES:` lines are matched with "no other note, warning or error".
* `// CHECK-FIXES: ...` lines are matched, as whole lines (indentation
  aside), against the file after applying the fix-its.
* A file with no CHECK lines asserts that the check reports nothing.

--mode=plugin (the default) runs clang-tidy with PerfAudit.so, applies the
fixes and checks messages, notes and fixes. --mode=driver runs the same file
through the perf-audit driver and checks the same messages and notes, so the
two front ends cannot drift apart.

Paths to the tools come from the environment that lit sets:
PERF_AUDIT_CLANG_TIDY, PERF_AUDIT_PLUGIN, PERF_AUDIT_DRIVER, FILECHECK, and
in a sanitizer build PERF_AUDIT_PLUGIN_PRELOAD (the runtime clang-tidy
preloads for the plugin).
"""
import argparse
import os
import re
import shlex
import subprocess
import sys

CHECK_LINE = re.compile(r"// *CHECK-[A-Z0-9\-]*:[^\r\n]*")


def run(argv, **kwargs):
    result = subprocess.run(argv, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, **kwargs)
    return result.returncode, result.stdout.decode("utf-8", "replace")


def filecheck(input_text, source, prefix, extra):
    argv = [os.environ.get("FILECHECK", "FileCheck"), source,
            "--check-prefix=" + prefix, "--dump-input=fail"] + extra
    result = subprocess.run(argv, input=input_text.encode("utf-8"),
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    if result.returncode != 0:
        sys.stdout.write(result.stdout.decode("utf-8", "replace"))
        sys.exit("FileCheck failed for %s" % prefix)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=["plugin", "driver"],
                        default="plugin")
    parser.add_argument("--check-suffix", default="")
    parser.add_argument("source")
    parser.add_argument("check")
    parser.add_argument("temp")
    # argv: [options] source check temp [-- tool args... [-- compiler args]]
    argv = sys.argv[1:]
    rest = []
    if "--" in argv:
        split = argv.index("--")
        argv, rest = argv[:split], argv[split + 1:]
    args = parser.parse_args(argv)
    tidy_args, compile_args = rest, []
    if "--" in rest:
        split = rest.index("--")
        tidy_args, compile_args = rest[:split], rest[split + 1:]
    if not any(a.startswith("-std=") for a in compile_args):
        compile_args = ["-std=c++20"] + compile_args

    suffix = "-" + args.check_suffix if args.check_suffix else ""
    messages_prefix = "CHECK-MESSAGES" + suffix
    notes_prefix = "CHECK-NOTES" + suffix
    fixes_prefix = "CHECK-FIXES" + suffix

    with open(args.source, encoding="utf-8") as f:
        original = f.read()
    has_messages = messages_prefix + ":" in original
    has_notes = notes_prefix + ":" in original
    has_fixes = fixes_prefix + ":" in original
    if has_messages and has_notes:
        sys.exit("a test uses either CHECK-MESSAGES or CHECK-NOTES, not both")

    # Keep line numbers: CHECK comments become empty comments.
    cleaned = CHECK_LINE.sub("//", original)
    temp = args.temp + ".cpp" if not args.temp.endswith(".cpp") else args.temp
    os.makedirs(os.path.dirname(os.path.abspath(temp)), exist_ok=True)
    with open(temp, "w", encoding="utf-8") as f:
        f.write(cleaned)

    env = None
    if args.mode == "plugin":
        argv = [os.environ["PERF_AUDIT_CLANG_TIDY"],
                "--load=" + os.environ["PERF_AUDIT_PLUGIN"],
                "--checks=-*," + args.check, "--fix", temp] + tidy_args + \
               ["--"] + compile_args
        # A sanitizer build's plugin needs the runtime in clang-tidy.
        if os.environ.get("PERF_AUDIT_PLUGIN_PRELOAD"):
            env = dict(os.environ,
                       LD_PRELOAD=os.environ["PERF_AUDIT_PLUGIN_PRELOAD"])
    else:
        argv = [os.environ["PERF_AUDIT_DRIVER"], "--quiet",
                "--checks=" + args.check, temp] + tidy_args + \
               ["--"] + compile_args
    status, output = run(argv, env=env)
    print("command: " + " ".join(shlex.quote(a) for a in argv))
    print("------------------------ output ------------------------")
    print(output)
    print("--------------------------------------------------------")
    if status not in (0,):
        # clang-tidy returns non-zero only on errors; the driver on failed
        # translation units. Either way the test is broken.
        sys.exit("the tool failed with status %d" % status)

    # Only the diagnostic lines: clang-tidy also prints the source snippets.
    # "FIX-IT applied" notes are clang-tidy's record of --fix, not the
    # check's: the driver prints none, and CHECK-FIXES checks the fixes.
    lines = [line for line in output.splitlines()
             if re.search(r":\d+:\d+: (warning|error|note): ", line) and
             not line.endswith(": note: FIX-IT applied suggested code changes")]
    if args.mode == "driver":
        # The driver ranks by impact; clang-tidy orders by location. Compare
        # in source order: each warning with its notes.
        blocks = []
        for line in lines:
            if ": note: " in line and blocks:
                blocks[-1].append(line)
            else:
                blocks.append([line])
        def where(block):
            m = re.search(r":(\d+):(\d+): ", block[0])
            return (int(m.group(1)), int(m.group(2))) if m else (0, 0)
        blocks.sort(key=where)
        lines = [line for block in blocks for line in block]
    diagnostics = "\n".join(lines) + "\n"

    if has_notes:
        filecheck(diagnostics, args.source, notes_prefix,
                  ["-implicit-check-not={{note|warning|error}}:"])
    elif has_messages:
        filecheck(diagnostics, args.source, messages_prefix,
                  ["-implicit-check-not={{warning|error}}:"])
    elif re.search(r": (warning|error): ", diagnostics):
        sys.exit("expected no diagnostics, got:\n" + diagnostics)

    if args.mode == "plugin":
        with open(temp, encoding="utf-8") as f:
            fixed = f.read()
        if has_fixes:
            # Whole lines, indentation aside (FileCheck ignores leading and
            # trailing blanks with --match-full-lines).
            filecheck(fixed, args.source, fixes_prefix, ["--match-full-lines"])
        elif fixed != cleaned:
            sys.exit("the check applied fix-its but the test has no "
                     "CHECK-FIXES lines")


if __name__ == "__main__":
    main()
