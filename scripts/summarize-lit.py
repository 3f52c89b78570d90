#!/usr/bin/env python3
"""Prints "N passed, N failed" from lit's JSON results (lit -o FILE) and
exits non-zero when anything failed or no result was recorded."""
import json
import sys

PASSED = {"PASS", "XFAIL"}
SKIPPED = {"UNSUPPORTED"}

try:
    with open(sys.argv[1]) as f:
        tests = json.load(f).get("tests", [])
except (OSError, ValueError) as error:
    print("no test results: %s" % error)
    print("0 passed, 1 failed")
    sys.exit(1)

passed = sum(1 for t in tests if t["code"] in PASSED)
skipped = [t["name"] for t in tests if t["code"] in SKIPPED]
failed = [t["name"] for t in tests
          if t["code"] not in PASSED and t["code"] not in SKIPPED]
for name in failed:
    print("FAILED: " + name)
for name in skipped:
    print("SKIPPED: " + name)
if not tests:
    failed = ["(no tests ran)"]
print("%d passed, %d failed" % (passed, len(failed)))
sys.exit(1 if failed else 0)
