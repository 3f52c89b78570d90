//===--- EnclosingFunctions.h - Which function a location is in -*- C++ -*-===//
//
// Part of perf-audit. A finding's fingerprint (Baseline.h) names the
// function it is in, so that the same line in two functions is two findings
// and a function moved within its file is still the same one.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_ENCLOSINGFUNCTIONS_H
#define PERF_AUDIT_ENCLOSINGFUNCTIONS_H

#include "llvm/ADT/StringMap.h"
#include <string>
#include <vector>

namespace clang {
class ASTContext;
} // namespace clang

namespace perf_audit {

/// The function definitions of a translation unit by file, as the ranges of
/// their file locations. Built from declarations only (no statement is
/// visited): nested classes, templates and namespaces, not local classes.
class EnclosingFunctions {
public:
  explicit EnclosingFunctions(clang::ASTContext &Ctx);

  /// The qualified name of the innermost function defined around Offset of
  /// File (a name as the SourceManager gives it), or "" outside any.
  std::string at(llvm::StringRef File, unsigned Offset) const;

private:
  struct Range {
    unsigned Begin, End;
    std::string Name;
  };
  llvm::StringMap<std::vector<Range>> Files;
};

} // namespace perf_audit

#endif // PERF_AUDIT_ENCLOSINGFUNCTIONS_H
