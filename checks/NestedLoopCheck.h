//===--- NestedLoopCheck.h - perf-audit-nested-loop -------------*- C++ -*-===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_CHECKS_NESTEDLOOPCHECK_H
#define PERF_AUDIT_CHECKS_NESTEDLOOPCHECK_H

#include "PerfAuditCheck.h"

namespace clang::tidy::perf_audit {

/// Finds work that grows as n*m or n^2: a loop over input nested in another
/// loop over input, and linear work hidden in each iteration (a linear
/// search, strlen in a loop condition, erasing the front of a vector, a call
/// to a function that loops over its argument).
///
/// For the user-facing documentation see docs/checks/perf-audit-nested-loop.md
class NestedLoopCheck : public PerfAuditCheck {
public:
  NestedLoopCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;

private:
  void checkNestedLoop(const Stmt *Inner, ASTContext &Ctx);
  void checkLinearCall(const Expr *Call, const core::LinearFunctionModel &M,
                       ASTContext &Ctx);
  /// A generic search of a set or map outside a loop that could hoist it.
  void reportOwnLookupMissed(const Expr *Call, const core::LinearFunctionModel &M,
                             const Expr *Container, StringRef LookupCost,
                             double Size, bool KnownSize, ASTContext &Ctx);
  void checkFrontOperation(const CXXMemberCallExpr *Call, ASTContext &Ctx);
  void checkCallee(const Expr *Call, ASTContext &Ctx);

  /// The innermost loop enclosing S that iterates over input and in which
  /// Scanned does not change, if no loop in between derives Scanned from its
  /// iteration.
  const Stmt *hoistableLoop(const Stmt *S, const Expr *Scanned,
                            ASTContext &Ctx);

  /// "O(n*m)" or "O(n^2)" for Scanned inside Loop.
  std::string complexity(const Stmt *Loop, const Expr *Scanned,
                         ASTContext &Ctx);
};

} // namespace clang::tidy::perf_audit

#endif // PERF_AUDIT_CHECKS_NESTEDLOOPCHECK_H
