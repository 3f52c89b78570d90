#!/usr/bin/env python3
"""Checks that every registered check is documented consistently.

    check_docs.py SOURCE_ROOT CHECK...

For each check: checks/<Name>Check.h exists with a `///` summary, the module
registers it, docs/checks/<check>.md exists and its first paragraph is the
header's summary word for word, and the README lists it. Prints one line per
check and "docs consistent" when all hold.
"""
import os
import re
import sys


def summary_of_header(path):
    lines, inside = [], False
    with open(path) as f:
        for line in f:
            stripped = line.strip()
            if stripped.startswith("/// "):
                inside = True
                lines.append(stripped[4:])
            elif inside:
                break
    text = " ".join(lines)
    return text.split(" For the user-facing documentation")[0].strip()


def first_paragraph(path):
    paragraph = []
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("#"):
                continue
            if not line:
                if paragraph:
                    break
                continue
            paragraph.append(line)
    return " ".join(paragraph)


def main():
    root, checks = sys.argv[1], sys.argv[2:]
    problems = []
    module = open(os.path.join(root, "checks", "PerfAuditModule.cpp")).read()
    readme = open(os.path.join(root, "README.md")).read()
    for check in checks:
        stem = check[len("perf-audit-"):]
        name = "".join(p.capitalize() for p in stem.split("-"))
        header = os.path.join(root, "checks", name + "Check.h")
        doc = os.path.join(root, "docs", "checks", check + ".md")
        if not os.path.exists(header):
            problems.append("%s: no %s" % (check, header))
            continue
        if '"%s"' % check not in module:
            problems.append("%s: not registered in PerfAuditModule.cpp" % check)
        if not os.path.exists(doc):
            problems.append("%s: no %s" % (check, doc))
            continue
        summary, paragraph = summary_of_header(header), first_paragraph(doc)
        if summary != paragraph:
            problems.append("%s: the doc's first paragraph differs from the "
                            "header comment:\n  header: %s\n  doc:    %s"
                            % (check, summary, paragraph))
        if "docs/checks/%s.md" % check not in readme:
            problems.append("%s: not listed in README.md" % check)
        print("documented: " + check)
    for problem in problems:
        print(problem)
    if problems:
        return 1
    print("docs consistent")
    return 0


if __name__ == "__main__":
    sys.exit(main())
