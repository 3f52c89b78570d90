//===--- ChangedLines.h - The lines a change touches ------------*- C++ -*-===//
//
// Part of perf-audit. `--changed-lines=DIFF` keeps the findings a change is
// responsible for: those whose flagged line, or a line of their chain (the
// loop, a callee's query in another file), the change added or modified.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_CHANGEDLINES_H
#define PERF_AUDIT_CHANGEDLINES_H

#include "perf-audit/Finding.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/Error.h"
#include <utility>
#include <vector>

namespace perf_audit {

/// The lines, after the change, that it added or modified, by absolute path.
struct ChangedLines {
  /// Closed ranges of 1-based lines, sorted.
  llvm::StringMap<std::vector<std::pair<unsigned, unsigned>>> Files;

  bool contains(llvm::StringRef File, unsigned Line) const;
  /// The finding's line or the line of one of its notes is changed.
  bool touches(const Finding &F) const;
};

/// Reads a unified diff (`git diff -U0`, `diff -u`): the new side of every
/// hunk. Paths are resolved against Root, without git's "b/" prefix; a hunk
/// that only deletes marks the lines on both sides of the deletion. Name is
/// the diff's file name for errors.
llvm::Expected<ChangedLines> parseUnifiedDiff(llvm::StringRef Diff,
                                              llvm::StringRef Root,
                                              llvm::StringRef Name);

} // namespace perf_audit

#endif // PERF_AUDIT_CHANGEDLINES_H
