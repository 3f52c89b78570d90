//===--- NPlusOneCheck.h - perf-audit-n-plus-one ----------------*- C++ -*-===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_CHECKS_NPLUSONECHECK_H
#define PERF_AUDIT_CHECKS_NPLUSONECHECK_H

#include "PerfAuditCheck.h"

namespace clang::tidy::perf_audit {

/// Finds a database round trip per iteration: a query executed inside a loop
/// over input (above all over the rows of another query), directly, through
/// the application's own repository and model accessors, or through helper
/// functions.
///
/// For the user-facing documentation see docs/checks/perf-audit-n-plus-one.md
class NPlusOneCheck : public PerfAuditCheck {
public:
  NPlusOneCheck(StringRef Name, ClangTidyContext *Context);
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  /// Reports Site (a call, or the range of a loop over a lazy relation) when
  /// it runs a query once per iteration of a loop over input.
  void checkQuery(const Stmt *Site, const Stmt *ExcludedLoop,
                  const core::QuerySite &Query, bool Direct, ASTContext &Ctx);
};

} // namespace clang::tidy::perf_audit

#endif // PERF_AUDIT_CHECKS_NPLUSONECHECK_H
