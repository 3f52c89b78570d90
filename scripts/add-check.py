#!/usr/bin/env python3
"""Writes what a new perf-audit check needs, as ../shared/style.md lists it.

  scripts/add-check.py NAME --summary "Finds ..." [--family TAG]
                       [--precision high|medium|low] [--root DIR]

NAME is the check's name without the `perf-audit-` prefix (`string-in-loop`).
The script writes

  checks/<Name>Check.h/.cpp   a working example check, to be rewritten: it
                              reports calls to the functions its `Functions`
                              option names when they run on every iteration
                              of a loop over input (the loop model, impact
                              and report() of every check, in a few lines)
  test/checks/perf-audit-NAME/calls-in-loops.cpp
                              its lit test: a positive, the traps (a call
                              outside loops, a small constant loop), plugin
                              and driver
  docs/checks/perf-audit-NAME.md
                              its page, whose first paragraph is the
                              header's summary (test/docs checks it)

and adds the check, in alphabetical order, to the module's registration
(checks/PerfAuditModule.cpp), the checks' CMake list, the SARIF rules
(lib/RuleCatalog.cpp) and the README's table. It refuses to overwrite a
check that exists, and changes nothing when anything is wrong.
"""

import argparse
import os
import re
import sys

HEADER = """\
//===--- {Name}Check.h - perf-audit-{name} {dashes}*- C++ -*-===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_CHECKS_{GUARD}CHECK_H
#define PERF_AUDIT_CHECKS_{GUARD}CHECK_H

#include "PerfAuditCheck.h"

namespace clang::tidy::perf_audit {{

{comment}
///
/// For the user-facing documentation see docs/checks/perf-audit-{name}.md
class {Name}Check : public PerfAuditCheck {{
public:
  {Name}Check(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// The functions whose calls are reported (`;`-separated model names).
  const std::string Functions;
}};

}} // namespace clang::tidy::perf_audit

#endif // PERF_AUDIT_CHECKS_{GUARD}CHECK_H
"""

SOURCE = """\
//===--- {Name}Check.cpp - perf-audit-{name} {dashes}===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "{Name}Check.h"
#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::perf_audit {{

{Name}Check::{Name}Check(StringRef Name, ClangTidyContext *Context)
    : PerfAuditCheck(Name, Context),
      Functions(Options.get("Functions", "")) {{}}

void {Name}Check::storeOptions(ClangTidyOptions::OptionMap &Opts) {{
  PerfAuditCheck::storeOptions(Opts);
  Options.store(Opts, "Functions", Functions);
}}

void {Name}Check::registerMatchers(MatchFinder *Finder) {{
  PerfAuditCheck::registerMatchers(Finder);
  Finder->addMatcher(callExpr(unless(isExpansionInSystemHeader())).bind("call"),
                     this);
}}

void {Name}Check::check(const MatchFinder::MatchResult &Result) {{
  ASTContext &Ctx = *Result.Context;
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return;
  // API knowledge belongs in a model file (lib/models/): this option only
  // shows how a check reads one.
  const std::string &Name = calls().nameOf(Callee);
  if (!llvm::is_contained(core::splitList(Functions), Name))
    return;
  // How often it runs is the loop model's to say: only loops over input (or
  // large constant ones) count.
  core::LoopModel &Loops = loops(Ctx);
  llvm::SmallVector<const Stmt *, 4> Around = Loops.enclosingLoops(Call);
  if (Around.empty() || !Loops.isLarge(Loops.info(Around.front())))
    return;
  core::Impact I =
      core::estimateImpact(core::CostKind::BlockingCall,
                           core::unitCostNs(core::CostKind::BlockingCall),
                           Loops.executionsPerCall(Call));
  if (!meetsMinimum(I))
    return;
  report(Call->getBeginLoc(),
         "'" + Name + "' is called on every iteration of " +
             Loops.info(Around.front()).Description,
         I, Ctx.getSourceManager());
  note(Around.front()->getBeginLoc(), "loop here");
}}

}} // namespace clang::tidy::perf_audit
"""

TEST = """\
// RUN: %check_perf_audit %s perf-audit-{name} %t -- \\
// RUN:   --config="{{CheckOptions: {{perf-audit-{name}.Functions: 'app::slow'}}}}" -- -std=c++20
// RUN: %check_perf_audit_driver %s perf-audit-{name} %t-driver -- \\
// RUN:   --config="{{CheckOptions: {{perf-audit-{name}.Functions: 'app::slow'}}}}" -- -std=c++20

#include <vector>

namespace app {{
int slow(int);
}}

// Positives first.
int total(const std::vector<int> &values) {{
  int n = 0;
  for (int v : values)
    n += app::slow(v);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'app::slow' is called on every iteration of the loop over 'values' [impact: {{{{.*}}}}] [perf-audit-{name}]
  // CHECK-NOTES: :[[@LINE-3]]:3: note: loop here
  return n;
}}

// Negatives, each with why it is fine.

// Once per call.
int once(int v) {{ return app::slow(v); }}

// A small constant loop is not input-sized.
int thrice() {{
  int n = 0;
  for (int i = 0; i < 3; ++i)
    n += app::slow(i);
  return n;
}}
"""

DOC = """\
# perf-audit-{name}

{summary}

## Why it costs

Say what one execution costs and why it repeats.

## What it reports

```
total.cpp:16:10: warning: 'app::slow' is called on every iteration of the loop over 'values' [impact: ...] [perf-audit-{name}]
total.cpp:15:3: note: loop here
```

Not reported: a call outside loops, and a call in a small constant loop.

## Options

| option | default | meaning |
|---|---|---|
| `Functions` | `''` | `;`-separated functions whose calls are reported |

The options every perf-audit check shares are in [clang-tidy.md](../clang-tidy.md).

## Limitations

Say what it does not see.
"""


def camel(name):
    return "".join(part.capitalize() for part in name.split("-"))


def insert_sorted(lines, start, end, new_line, key):
    """Inserts new_line among lines[start:end] (sorted by key)."""
    at = end
    for i in range(start, end):
        if key(lines[i]) > key(new_line):
            at = i
            break
    lines.insert(at, new_line)


def add_entry(lines, start, stop, terminator, entry):
    """Adds entry to the entries of lines[start:stop], each one or more lines
    ending with terminator, in the order of the check names they hold."""
    entries, i = [], start
    while i < stop:
        text = lines[i]
        while not text.rstrip().endswith(terminator):
            i += 1
            text += "\n" + lines[i]
        entries.append(text)
        i += 1
    entries.append(entry)
    entries.sort(key=lambda e: re.search(r'"(perf-audit-[^"]+)"', e)[1])
    lines[start:stop] = "\n".join(entries).split("\n")


def wrap_comment(text, width=80):
    words, lines, line = text.split(), [], "///"
    for word in words:
        if len(line) + 1 + len(word) > width:
            lines.append(line)
            line = "///"
        line += " " + word
    lines.append(line)
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("name")
    parser.add_argument("--summary", required=True,
                        help="one sentence: what the check finds")
    parser.add_argument("--family", default="performance-other",
                        help="SARIF tag of the check's family")
    parser.add_argument("--precision", default="medium",
                        choices=["high", "medium", "low", "very-high"])
    parser.add_argument("--root", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), ".."))
    args = parser.parse_args()

    name = args.name[len("perf-audit-"):] if args.name.startswith(
        "perf-audit-") else args.name
    if not re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*", name):
        sys.exit("add-check: '%s' is not a check name: lower-case words "
                 "joined by '-'" % args.name)
    summary = " ".join(args.summary.split())
    if not summary.endswith("."):
        summary += "."
    check, Name = "perf-audit-" + name, camel(name)
    root = os.path.abspath(args.root)

    def path(*parts):
        return os.path.join(root, *parts)

    new_files = {
        path("checks", Name + "Check.h"): HEADER.format(
            Name=Name, name=name, GUARD=Name.upper(),
            dashes="-" * max(1, 34 - len(Name) - len(name)),
            comment=wrap_comment(summary)),
        path("checks", Name + "Check.cpp"): SOURCE.format(
            Name=Name, name=name,
            dashes="-" * max(1, 42 - len(Name) - len(name))),
        path("test", "checks", check, "calls-in-loops.cpp"): TEST.format(
            name=name),
        path("docs", "checks", check + ".md"): DOC.format(
            name=name, summary=summary),
    }
    for f in new_files:
        if os.path.exists(f):
            sys.exit("add-check: %s exists: %s is already a check" % (f, check))

    # Every edit is worked out before anything is written.
    edits = {}

    def read(*parts):
        p = path(*parts)
        if p not in edits:
            try:
                with open(p) as f:
                    edits[p] = f.read().split("\n")
            except OSError as e:
                sys.exit("add-check: cannot read %s: %s" % (p, e.strerror))
        return edits[p]

    def find(lines, pattern, what):
        for i, line in enumerate(lines):
            if re.search(pattern, line):
                return i
        sys.exit("add-check: %s not found" % what)

    # The module: the include and the registration, alphabetical.
    module = read("checks", "PerfAuditModule.cpp")
    includes = [i for i, l in enumerate(module)
                if re.match(r'#include "[A-Za-z]+Check\.h"', l)]
    if not includes:
        sys.exit("add-check: no check includes in checks/PerfAuditModule.cpp")
    insert_sorted(module, includes[0], includes[-1] + 1,
                  '#include "%sCheck.h"' % Name, str)
    begin = find(module, r"addCheckFactories", "addCheckFactories")
    end = begin + 1
    while not module[end].startswith("}"):
        end += 1
    line = '  CheckFactories.registerCheck<%sCheck>("%s");' % (Name, check)
    if len(line) > 80:
        line = '  CheckFactories.registerCheck<%sCheck>(\n      "%s");' % (
            Name, check)
    add_entry(module, begin + 1, end, ";", line)

    # The checks' CMake list.
    cmake = read("checks", "CMakeLists.txt")
    start = find(cmake, r"add_library\(PerfAuditChecks OBJECT", "the checks' "
                 "add_library in checks/CMakeLists.txt") + 1
    stop = start
    while cmake[stop].strip() != ")":
        stop += 1
    sources = [i for i in range(start, stop)
               if cmake[i].strip().endswith(".cpp")]
    insert_sorted(cmake, sources[0], sources[-1] + 1,
                  "  %sCheck.cpp" % Name, lambda l: l.strip())

    # The SARIF rules.
    catalog = read("lib", "RuleCatalog.cpp")
    start = find(catalog, r"const RuleTraits Traits\[\] = \{", "the rule "
                 "table in lib/RuleCatalog.cpp") + 1
    stop = start
    while not catalog[stop].startswith("};"):
        stop += 1
    severity = "warning"
    row = '    {"%s", "%s", "%s", "%s", "%s"},' % (
        check, Name, args.precision, severity, args.family)
    if len(row) > 80:
        row = '    {"%s", "%s", "%s", "%s",\n     "%s"},' % (
            check, Name, args.precision, severity, args.family)
    add_entry(catalog, start, stop, "},", row)

    # The README's table of checks.
    readme = read("README.md")
    table = [i for i, l in enumerate(readme)
             if l.startswith("| [perf-audit-")]
    if not table:
        sys.exit("add-check: no table of checks in README.md")
    first_words = summary[0].lower() + summary[1:].rstrip(".")
    if first_words.startswith("finds "):
        first_words = first_words[len("finds "):]
    insert_sorted(readme, table[0], table[-1] + 1,
                  "| [%s](docs/checks/%s.md) | %s |" % (check, check,
                                                         first_words),
                  lambda l: l.split("]")[0])

    for f, text in new_files.items():
        os.makedirs(os.path.dirname(f), exist_ok=True)
        with open(f, "w") as out:
            out.write(text)
    for f, lines in edits.items():
        with open(f, "w") as out:
            out.write("\n".join(lines))
    print("add-check: wrote %s" % check)
    for f in sorted(list(new_files) + list(edits)):
        print("  " + os.path.relpath(f, root))


if __name__ == "__main__":
    main()
