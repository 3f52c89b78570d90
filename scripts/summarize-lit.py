#!/usr/bin/env python3
"""Prints "N passed, N failed" from lit's JSON results (lit -o FILE) and
exits non-zero when anything failed or no result was recorded.

  summarize-lit.py [LABEL=]results.json...

With several files (one per LLVM major), failures are named with the label."""
import json
import sys

PASSED = {"PASS", "XFAIL"}
SKIPPED = {"UNSUPPORTED"}

passed = 0
failed = []
skipped = []
for arg in sys.argv[1:]:
    label, _, path = arg.rpartition("=")
    prefix = label + ": " if label else ""
    try:
        with open(path) as f:
            tests = json.load(f).get("tests", [])
    except (OSError, ValueError) as error:
        failed.append("%sno test results: %s" % (prefix, error))
        continue
    if not tests:
        failed.append(prefix + "(no tests ran)")
    passed += sum(1 for t in tests if t["code"] in PASSED)
    skipped += [prefix + t["name"] for t in tests if t["code"] in SKIPPED]
    failed += [prefix + t["name"] for t in tests
               if t["code"] not in PASSED and t["code"] not in SKIPPED]
if len(sys.argv) < 2:
    failed.append("(no results given)")
for name in failed:
    print("FAILED: " + name)
for name in skipped:
    print("SKIPPED: " + name)
print("%d passed, %d failed" % (passed, len(failed)))
sys.exit(1 if failed else 0)
