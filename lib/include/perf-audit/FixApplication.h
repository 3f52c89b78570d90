//===--- FixApplication.h - Applying the fix-its of a report ----*- C++ -*-===//
//
// Part of perf-audit. `perf-audit --fix` applies the fix-its of the reported
// findings with clang's replacement machinery; docs/driver.md#applying-fix-its.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_FIXAPPLICATION_H
#define PERF_AUDIT_FIXAPPLICATION_H

#include "perf-audit/Finding.h"
#include "clang/Tooling/Core/Replacement.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <map>
#include <string>
#include <vector>

namespace perf_audit {

/// A finding whose fix-it was not applied because one of its edits overlaps
/// an edit of a finding taken before it.
struct RefusedFix {
  std::string Check;
  SourcePoint Loc;
  std::string OtherCheck; ///< The finding whose edit was kept.
  SourcePoint OtherLoc;
};

/// The edits to make, file by file, and what was left out.
struct FixPlan {
  /// Absolute path -> its replacements; ordered, so files are written in a
  /// stable order.
  std::map<std::string, clang::tooling::Replacements> Files;
  unsigned FindingsFixed = 0;
  /// Findings whose every edit was already in the plan: the same fix-it
  /// reported through a header that several translation units include.
  unsigned Duplicates = 0;
  std::vector<RefusedFix> Refused;
  /// Findings left out because an edit falls outside the source root: a
  /// third-party source or header that the build compiles but the user does
  /// not own (googletest's sources built from /usr/src).
  unsigned OutsideRoot = 0;
  /// The findings whose fix-its are in the plan, in order, each with the
  /// edits it brought (not those another finding brought first).
  struct TakenFix {
    const Finding *Owner;
    std::vector<const FixEdit *> Edits;
  };
  std::vector<TakenFix> Taken;
};

/// Plans the fix-its of Findings, taken in the given order (most costly first
/// when ranked): a finding's edits are taken all together or not at all, and a
/// finding whose edit overlaps one already taken is refused. When Root is
/// given, a finding with an edit in a file outside it is left out.
FixPlan planFixes(llvm::ArrayRef<Finding> Findings, llvm::StringRef Root = {});

/// Writes the fix-its of Plan as clang-tidy's --export-fixes does (YAML of
/// clang::tooling::TranslationUnitDiagnostics), one diagnostic per finding,
/// for clang-apply-replacements.
void writeExportedFixes(llvm::raw_ostream &OS, const FixPlan &Plan,
                        llvm::StringRef MainSourceFile);

/// Writes Path through a temporary file in the same directory renamed into
/// place, so that an interrupted run leaves either the old or the new
/// contents. An existing file keeps its permissions.
llvm::Error writeFileAtomically(llvm::StringRef Path,
                                llvm::function_ref<void(llvm::raw_ostream &)> Write);

/// Applies Plan to the files on disk. Every file is read and rewritten in
/// memory first; nothing is written unless all of them apply cleanly.
/// Returns the paths written.
llvm::Expected<std::vector<std::string>> applyFixPlan(const FixPlan &Plan);

} // namespace perf_audit

#endif // PERF_AUDIT_FIXAPPLICATION_H
