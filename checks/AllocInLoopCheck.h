//===--- AllocInLoopCheck.h - perf-audit-alloc-in-loop ----------*- C++ -*-===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_CHECKS_ALLOCINLOOPCHECK_H
#define PERF_AUDIT_CHECKS_ALLOCINLOOPCHECK_H

#include "PerfAuditCheck.h"
#include "llvm/ADT/DenseSet.h"

namespace clang::tidy::perf_audit {

/// Finds heap allocations made on every iteration of a loop that could be
/// made once: containers and strings re-created per iteration, allocations
/// that do not outlive the iteration, expensive objects (regexes, string
/// streams) rebuilt from the same arguments, growth without reserve, and
/// `s = s + x` on strings.
///
/// For the user-facing documentation see docs/checks/perf-audit-alloc-in-loop.md
class AllocInLoopCheck : public PerfAuditCheck {
public:
  AllocInLoopCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;

private:
  void checkLocal(const VarDecl *Var, ASTContext &Ctx);
  void checkExpensiveObject(const Expr *Construct, const VarDecl *Var,
                            ASTContext &Ctx);
  void checkContainerPerIteration(const VarDecl *Var, const Stmt *Loop,
                                  ASTContext &Ctx);
  void checkAllocation(const Expr *Allocation, ASTContext &Ctx);
  void checkAppend(const CXXMemberCallExpr *Call, ASTContext &Ctx);
  void checkConcatenation(const Expr *Assignment, ASTContext &Ctx);

  /// The innermost loop around S that is large, or null.
  const Stmt *largeLoopAround(const Stmt *S, ASTContext &Ctx);

  const bool CheckReserve;
  const bool CheckConcatenation;
  /// Containers already reported for growing in a loop.
  llvm::DenseSet<std::pair<const VarDecl *, const Stmt *>> Reported;
};

} // namespace clang::tidy::perf_audit

#endif // PERF_AUDIT_CHECKS_ALLOCINLOOPCHECK_H
