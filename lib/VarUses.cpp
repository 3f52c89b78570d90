//===--- VarUses.cpp - How a variable is used in a function ---------------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/VarUses.h"
#include "perf-audit/LoopModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace perf_audit {

namespace {
/// Finds `std::move(Var)` and `std::forward<T>(Var)`: moving from a variable
/// is not reading it.
class MoveFinder : public RecursiveASTVisitor<MoveFinder> {
public:
  explicit MoveFinder(const ValueDecl *Var) : Var(Var) {}
  bool shouldVisitLambdaBodies() const { return true; }
  bool VisitCallExpr(CallExpr *CE) {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
        (Callee->getName() == "move" || Callee->getName() == "forward") &&
        CE->getNumArgs() == 1)
      if (const auto *Ref = dyn_cast<DeclRefExpr>(CE->getArg(0)->IgnoreParenImpCasts());
          Ref && Ref->getDecl() == Var)
        Found = true;
    return !Found;
  }
  const ValueDecl *Var;
  bool Found = false;
};
} // namespace

llvm::SmallVector<const Stmt *, 4> functionCode(const FunctionDecl *FD) {
  llvm::SmallVector<const Stmt *, 4> Code;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten() && Init->getInit())
        Code.push_back(Init->getInit());
  if (const Stmt *Body = FD->getBody())
    Code.push_back(Body);
  return Code;
}

bool isOnlyRead(const ValueDecl *Var, const Stmt &Scope, ASTContext &Ctx) {
  MoveFinder Moves(Var);
  Moves.TraverseStmt(const_cast<Stmt *>(&Scope));
  return !Moves.Found && !ExprMutationAnalyzer(Scope, Ctx).isMutated(Var);
}

bool isOnlyRead(const ValueDecl *Var, const FunctionDecl *FD, ASTContext &Ctx) {
  return llvm::all_of(functionCode(FD), [&](const Stmt *S) {
    return isOnlyRead(Var, *S, Ctx);
  });
}

namespace {
class AliasFinder : public RecursiveASTVisitor<AliasFinder> {
public:
  explicit AliasFinder(const VarDecl *Var) : Var(Var) {}

  static bool refersTo(const Expr *E, const VarDecl *Var) {
    if (!E)
      return false;
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == Var;
  }

  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_AddrOf && refersTo(UO->getSubExpr(), Var))
      Found = true;
    return !Found;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (VD != Var && VD->getType()->isReferenceType() &&
        refersTo(VD->getInit(), Var))
      Found = true;
    return !Found;
  }
  bool VisitLambdaExpr(LambdaExpr *L) {
    for (const LambdaCapture &C : L->captures())
      if (C.capturesVariable() && C.getCapturedVar() == Var &&
          C.getCaptureKind() == LCK_ByRef)
        Found = true;
    return !Found;
  }

  const VarDecl *Var;
  bool Found = false;
};

class LaterUseFinder : public RecursiveASTVisitor<LaterUseFinder> {
public:
  LaterUseFinder(const DeclRefExpr *Ref, const SourceManager &SM)
      : Ref(Ref), SM(SM) {}

  bool shouldVisitLambdaBodies() const { return true; }

  // Inside a lambda, a reference to a variable captured by copy names the
  // lambda's own copy (the capture's initializer is the use that counts); a
  // capture by reference makes the variable aliased, checked separately.
  bool VisitDeclRefExpr(DeclRefExpr *Other) {
    if (Other != Ref && Other->getDecl() == Ref->getDecl() &&
        !Other->refersToEnclosingVariableOrCapture() &&
        SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Ref->getBeginLoc()),
                                     SM.getExpansionLoc(Other->getBeginLoc())))
      Found = true;
    return !Found;
  }

  const DeclRefExpr *Ref;
  const SourceManager &SM;
  bool Found = false;
};
} // namespace

bool isAliased(const VarDecl *Var, const FunctionDecl *FD) {
  AliasFinder Finder(Var);
  for (const Stmt *S : functionCode(FD))
    Finder.TraverseStmt(const_cast<Stmt *>(S));
  return Finder.Found;
}

bool isLastUse(const DeclRefExpr *Ref, const Stmt *Site, const FunctionDecl *FD,
               LoopModel &Loops, ASTContext &Ctx) {
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  if (!Var)
    return false;
  LaterUseFinder Finder(Ref, Ctx.getSourceManager());
  for (const Stmt *S : functionCode(FD))
    Finder.TraverseStmt(const_cast<Stmt *>(S));
  if (Finder.Found)
    return false;
  // A loop around the use, but not around the declaration, uses it again.
  for (const Stmt *Loop : Loops.enclosingLoops(Site))
    if (!Loops.isDeclaredIn(Var, Loop))
      return false;
  return true;
}

} // namespace perf_audit
