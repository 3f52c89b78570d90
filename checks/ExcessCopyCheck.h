//===--- ExcessCopyCheck.h - perf-audit-excess-copy -------------*- C++ -*-===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_CHECKS_EXCESSCOPYCHECK_H
#define PERF_AUDIT_CHECKS_EXCESSCOPYCHECK_H

#include "PerfAuditCheck.h"
#include "perf-audit/CopyCost.h"
#include "perf-audit/VarUses.h"
#include "clang-tidy/utils/IncludeInserter.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/MapVector.h"

namespace clang::tidy::perf_audit {

/// Finds copies of expensive objects that are only read afterwards:
/// range-for variables, by-value parameters, locals copied from a const
/// reference, and copies on a variable's last use that could be moves.
///
/// For the user-facing documentation see docs/checks/perf-audit-excess-copy.md
class ExcessCopyCheck : public PerfAuditCheck {
public:
  ExcessCopyCheck(StringRef Name, ClangTidyContext *Context);
  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  void registerPPCallbacks(const SourceManager &SM, Preprocessor *PP,
                           Preprocessor *ModuleExpanderPP) override;
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  void check(const ast_matchers::MatchFinder::MatchResult &Result) override;
  void onStartOfTranslationUnit() override;
  void onEndOfTranslationUnit() override;

private:
  /// core::isOnlyRead with the model's reading functions (`std::find`).
  template <typename ScopeT>
  bool isOnlyRead(const ValueDecl *Var, const ScopeT &Scope, ASTContext &Ctx) {
    return core::isOnlyRead(Var, Scope, Ctx, [this](const FunctionDecl &F) {
      return model().isReadingFunction(calls().nameOf(&F));
    });
  }
  void checkRangeLoop(const CXXForRangeStmt *Loop, ASTContext &Ctx);
  /// True when Callee builds an object from its arguments: a container's
  /// inserting member or a model's allocating function (make_shared).
  bool buildsFromArguments(const FunctionDecl *Callee);
  void checkParameters(const FunctionDecl *FD, ASTContext &Ctx);
  std::optional<FixItHint>
  parameterToConstReference(const ParmVarDecl *P,
                            const SourceManager &SM) const;
  void checkLocal(const VarDecl *Local, ASTContext &Ctx);
  void checkLastUse(const DeclRefExpr *Ref, const Expr *Copy, ASTContext &Ctx);
  /// A by-value parameter of a dependent type, from the instantiations.
  void checkTemplateParameter(const FunctionDecl *Pattern,
                              const ParmVarDecl *Param, ASTContext &Ctx);
  /// The impact of a copy of CostNs that Move makes each time it runs; none
  /// below the reporting minimum.
  std::optional<core::Impact> moveImpact(const CallExpr *Move, double CostNs,
                                         ASTContext &Ctx);
  /// ", ~N copies per call if ..." when Move runs more than once a call.
  std::string copiesPerCall(const CallExpr *Move, const core::Impact &I,
                            ASTContext &Ctx);
  /// `std::move` of a const object: the copy constructor is chosen.
  void checkConstMove(const CallExpr *Move, ASTContext &Ctx);
  /// `std::move(x)` of a trivially copyable object: it copies.
  void checkTrivialMove(const CallExpr *Move, ASTContext &Ctx);
  /// `std::move(x)` of a class without a move constructor or assignment.
  void checkUnmovableMove(const CallExpr *Move, ASTContext &Ctx);

  /// What one instantiation's copy would be reported as: a range-for
  /// variable or local of a dependent type is reported once, at the
  /// template's pattern, from what its instantiations in the unit do.
  struct InstanceCopy {
    core::Impact Impact;
    std::string Head;    ///< "loop variable 'v'", "local 'copy'".
    std::string Spelled; ///< The instantiated type.
    std::string Tail;    ///< What the message says after the type.
    /// False for a last use whose move saves nothing in this instantiation
    /// but would be taken.
    bool Saves = true;
  };
  struct InstanceGroup {
    std::vector<const VarDecl *> Vars;
    std::vector<std::optional<InstanceCopy>> Copies;
  };
  /// Runs Check on Var, an instantiation's variable, gathering what it would
  /// report with the other instantiations of the same pattern variable.
  void collectInstance(const VarDecl *Var, llvm::function_ref<void()> Check);
  void reportInstances(ASTContext &Ctx);
  /// The last-use moves of instantiations, once at the pattern's use.
  void reportLastUses(ASTContext &Ctx);

  const bool CheckRangeLoops;
  const bool CheckParameters;
  const bool CheckLocals;
  const bool CheckLastUse;
  utils::IncludeInserter Inserter;

  /// Parameters are judged at the end of the translation unit, once the
  /// loop model has indexed every call and every address taken.
  std::vector<const FunctionDecl *> Functions;
  /// By the pattern variable's location, in the order first seen.
  llvm::MapVector<unsigned, InstanceGroup> Instances;
  /// Where checkRangeLoop and checkLocal put what they would report, while
  /// an instantiation is checked.
  std::optional<InstanceCopy> *Collecting = nullptr;
  /// The instantiations' last-use copies, by the use's location.
  llvm::MapVector<unsigned,
                  std::vector<std::pair<const DeclRefExpr *, InstanceCopy>>>
      LastUses;
  /// The uses the pattern's own check reported.
  llvm::DenseSet<unsigned> LastUsesReported;
  ASTContext *Ctx = nullptr;
};

} // namespace clang::tidy::perf_audit

#endif // PERF_AUDIT_CHECKS_EXCESSCOPYCHECK_H
