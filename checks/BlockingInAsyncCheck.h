//===--- BlockingInAsyncCheck.h - perf-audit-blocking-in-async --*- C++ -*-===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_CHECKS_BLOCKINGINASYNCCHECK_H
#define PERF_AUDIT_CHECKS_BLOCKINGINASYNCCHECK_H

#include "PerfAuditCheck.h"
#include "perf-audit/Async.h"
#include "llvm/ADT/DenseMap.h"

namespace clang::tidy::perf_audit {

/// Finds blocking calls on an event loop: sleeps, blocking file and socket
/// I/O, waits on futures, condition variables and threads, synchronous asio
/// operations and database calls inside C++20 and stackful coroutines,
/// completion handlers, posted work and the callbacks of event loops,
/// directly or through functions that block.
///
/// For the user-facing documentation see docs/checks/perf-audit-blocking-in-async.md
class BlockingInAsyncCheck : public PerfAuditCheck {
public:
  BlockingInAsyncCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

private:
  /// A blocking call whose function may run on an event loop; decided at the
  /// end of the translation unit, once every handler registration is known.
  struct Candidate {
    const Expr *Call;
    const FunctionDecl *Function;
    core::BlockingEffect Effect;
    bool Direct;
  };
  /// Records Call, of FD, when it blocks directly or through its callee.
  void consider(const Expr *Call, const FunctionDecl *FD);
  void report(const Candidate &C, const core::AsyncContext &Context);
  std::vector<const Candidate *>
  oncePerStatement(const std::vector<Candidate> &All) const;

  ASTContext *Ctx = nullptr;
  std::vector<Candidate> Candidates;
  /// Function bodies handed to an event loop, with the first registration.
  llvm::DenseMap<const FunctionDecl *, core::AsyncContext> Handlers;
  /// Handlers handed over by name, whose calls are looked at once the unit
  /// is done, in the order they were registered.
  std::vector<const FunctionDecl *> NamedHandlers;
};

} // namespace clang::tidy::perf_audit

#endif // PERF_AUDIT_CHECKS_BLOCKINGINASYNCCHECK_H
