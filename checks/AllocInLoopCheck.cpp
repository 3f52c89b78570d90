//===--- AllocInLoopCheck.cpp - perf-audit-alloc-in-loop ------------------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "AllocInLoopCheck.h"
#include "perf-audit/VarUses.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/Lex/Lexer.h"
#include <cmath>

using namespace clang::ast_matchers;

namespace clang::tidy::perf_audit {

AllocInLoopCheck::AllocInLoopCheck(StringRef Name, ClangTidyContext *Context)
    : PerfAuditCheck(Name, Context),
      CheckReserve(Options.get("CheckReserve", true)),
      CheckConcatenation(Options.get("CheckConcatenation", true)) {}

void AllocInLoopCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  PerfAuditCheck::storeOptions(Opts);
  Options.store(Opts, "CheckReserve", CheckReserve);
  Options.store(Opts, "CheckConcatenation", CheckConcatenation);
}

void AllocInLoopCheck::registerMatchers(MatchFinder *Finder) {
  PerfAuditCheck::registerMatchers(Finder);
  auto AnyLoop =
      stmt(anyOf(forStmt(), cxxForRangeStmt(), whileStmt(), doStmt()));
  auto InLoop = hasAncestor(AnyLoop);
  auto InUserCode = unless(isExpansionInSystemHeader());
  Finder->addMatcher(
      varDecl(hasLocalStorage(), unless(parmVarDecl()), InUserCode, InLoop)
          .bind("local"),
      this);
  Finder->addMatcher(
      cxxConstructExpr(InUserCode, InLoop, unless(hasParent(varDecl())))
          .bind("temporary"),
      this);
  Finder->addMatcher(expr(anyOf(cxxNewExpr(), callExpr()), InUserCode, InLoop)
                         .bind("allocation"),
                     this);
  if (CheckReserve)
    Finder->addMatcher(cxxMemberCallExpr(InUserCode, InLoop).bind("append"),
                       this);
  if (CheckConcatenation)
    Finder->addMatcher(cxxOperatorCallExpr(hasOverloadedOperatorName("="),
                                           InUserCode, InLoop)
                           .bind("assign"),
                       this);
}

void AllocInLoopCheck::onStartOfTranslationUnit() {
  Reported.clear();
}

void AllocInLoopCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  const auto &Nodes = Result.Nodes;
  auto Dependent = [&](const Stmt *S) {
    const FunctionDecl *FD = loops(Ctx).enclosingFunction(S);
    return !FD || FD->isDependentContext();
  };
  if (const auto *Var = Nodes.getNodeAs<VarDecl>("local")) {
    DynTypedNodeList Parents = Ctx.getParents(*Var);
    const auto *Declaration = Parents.empty() ? nullptr : Parents[0].get<DeclStmt>();
    if (Declaration && !Dependent(Declaration))
      checkLocal(Var, Ctx);
    return;
  }
  if (const auto *Construct = Nodes.getNodeAs<CXXConstructExpr>("temporary")) {
    if (!Dependent(Construct))
      checkExpensiveObject(Construct, nullptr, Ctx);
    return;
  }
  if (const auto *Allocation = Nodes.getNodeAs<Expr>("allocation")) {
    if (!Dependent(Allocation))
      checkAllocation(Allocation, Ctx);
    return;
  }
  if (const auto *Call = Nodes.getNodeAs<CXXMemberCallExpr>("append")) {
    if (!Dependent(Call))
      checkAppend(Call, Ctx);
    return;
  }
  if (const auto *Assign = Nodes.getNodeAs<Expr>("assign"))
    if (!Dependent(Assign))
      checkConcatenation(Assign, Ctx);
}

const Stmt *AllocInLoopCheck::largeLoopAround(const Stmt *S, ASTContext &Ctx) {
  core::LoopModel &Loops = loops(Ctx);
  for (const Stmt *Loop : Loops.enclosingLoops(S))
    if (Loops.isLarge(Loops.info(Loop)))
      return Loop;
  return nullptr;
}

/// The record of T, looking through sugar.
static const CXXRecordDecl *recordOf(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->hasDefinition() ? RD->getDefinition() : nullptr;
}

static bool hasMethod(const CXXRecordDecl *RD, StringRef Name) {
  return RD && !RD->lookup(&RD->getASTContext().Idents.get(Name)).empty();
}

/// The statement that declares Var.
static const DeclStmt *declarationOf(const VarDecl *Var, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(*Var);
  return Parents.empty() ? nullptr : Parents[0].get<DeclStmt>();
}

//===----------------------------------------------------------------------===//
// Locals created on every iteration
//===----------------------------------------------------------------------===//

void AllocInLoopCheck::checkLocal(const VarDecl *Var, ASTContext &Ctx) {
  const DeclStmt *Declaration = declarationOf(Var, Ctx);
  if (!Declaration || Var->getType()->isReferenceType() ||
      Var->getType()->isDependentType() || Var->isStaticLocal())
    return;
  // A range-for variable is copied, not allocated anew (perf-audit-excess-copy).
  DynTypedNodeList Parents = Ctx.getParents(*Declaration);
  if (!Parents.empty())
    if (const auto *Range = Parents[0].get<CXXForRangeStmt>();
        Range && Range->getLoopVarStmt() == Declaration)
      return;
  const Stmt *Loop = largeLoopAround(Declaration, Ctx);
  if (!Loop || !loops(Ctx).isDeclaredIn(Var, Loop))
    return;
  const CXXRecordDecl *RD = recordOf(Var->getType());
  if (!RD)
    return;
  const std::string &Name = calls().nameOf(RD);
  if (model().expensiveType(Name)) {
    const Expr *Init = Var->getInit();
    if (const auto *Cleanups = dyn_cast_or_null<ExprWithCleanups>(Init))
      Init = Cleanups->getSubExpr();
    checkExpensiveObject(Init ? Init->IgnoreImplicit() : nullptr, Var, Ctx);
    return;
  }
  const core::OwningTypeModel *Owning = model().owningType(Name);
  if (Owning && !Owning->NodeBased && hasMethod(RD, "capacity") &&
      hasMethod(RD, "clear"))
    checkContainerPerIteration(Var, Loop, Ctx);
}

/// A variable whose buffer leaves the iteration: moved, swapped, returned,
/// aliased.
static bool bufferEscapes(const VarDecl *Var, const FunctionDecl *FD,
                          ASTContext &Ctx) {
  if (core::isAliased(Var, FD))
    return true;
  bool Escapes = false;
  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S || Escapes)
      return;
    auto RefersToVar = [&](const Expr *E) {
      const auto *Ref = E ? dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts()) : nullptr;
      return Ref && Ref->getDecl() == Var;
    };
    if (const auto *Return = dyn_cast<ReturnStmt>(S))
      Escapes |= RefersToVar(Return->getRetValue());
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      StringRef CalleeName = Callee && Callee->getIdentifier() ? Callee->getName() : "";
      bool MovesOrSwaps = CalleeName == "move" || CalleeName == "swap" ||
                          CalleeName == "forward" || CalleeName == "exchange";
      if (MovesOrSwaps) {
        for (const Expr *Arg : Call->arguments())
          Escapes |= RefersToVar(Arg);
        if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
          Escapes |= RefersToVar(Member->getImplicitObjectArgument());
      }
    }
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  for (const Stmt *S : core::functionCode(FD))
    Visit(S);
  return Escapes;
}

void AllocInLoopCheck::checkContainerPerIteration(const VarDecl *Var,
                                                  const Stmt *Loop,
                                                  ASTContext &Ctx) {
  core::LoopModel &Loops = loops(Ctx);
  const DeclStmt *Declaration = declarationOf(Var, Ctx);
  const FunctionDecl *FD = Loops.enclosingFunction(Declaration);
  if (!FD || !FD->getBody() || !core::startsEmpty(Var) ||
      core::isOnlyRead(Var, FD, Ctx) || bufferEscapes(Var, FD, Ctx))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  double Executions = Loops.executionsPerCall(Declaration);
  core::Impact I = core::estimateImpact(
      core::CostKind::HeapAllocation,
      core::unitCostNs(core::CostKind::HeapAllocation), Executions);
  I.Certainty = Loops.confidence(Declaration);
  if (!meetsMinimum(I))
    return;
  std::string Name = Var->getName().str();
  std::string Type = Var->getType().getUnqualifiedType().getAsString(
      Ctx.getPrintingPolicy());
  report(Var->getLocation(),
         "'" + Name + "' (" + Type + ") allocates anew on every iteration of " +
             Loops.info(Loop).Description + ": ~" +
             core::formatCount(Executions) + " allocations per call" +
             assumption(Declaration, Ctx),
         I, SM);
  note(Loop->getBeginLoc(), "loop here");
  note(Var->getLocation(),
       "declare it once before the loop and call '" + Name +
           ".clear()' at the start of each iteration: clear() keeps the "
           "capacity, so later iterations reuse the buffer");
}

//===----------------------------------------------------------------------===//
// Expensive objects rebuilt from the same arguments
//===----------------------------------------------------------------------===//

void AllocInLoopCheck::checkExpensiveObject(const Expr *Construct,
                                            const VarDecl *Var,
                                            ASTContext &Ctx) {
  const auto *CE = dyn_cast_or_null<CXXConstructExpr>(Construct);
  QualType Type = Var ? Var->getType() : (CE ? CE->getType() : QualType());
  const CXXRecordDecl *RD = Type.isNull() ? nullptr : recordOf(Type);
  if (!RD)
    return;
  const core::ExpensiveTypeModel *Expensive =
      model().expensiveType(calls().nameOf(RD));
  if (!Expensive)
    return;
  // A temporary's own copy or move (from a prvalue) is not a construction
  // from arguments.
  if (CE && !Var && CE->getConstructor()->isCopyOrMoveConstructor())
    return;
  core::LoopModel &Loops = loops(Ctx);
  const Stmt *Site = Var ? static_cast<const Stmt *>(declarationOf(Var, Ctx))
                         : static_cast<const Stmt *>(CE);
  if (!Site)
    return;
  // The innermost large loop that repeats the same constructions: every
  // argument stays the same in it, or only takes the values of an inner
  // loop whose range stays the same (a regex per pattern, rebuilt for every
  // line: compile the patterns once).
  llvm::SmallVector<const Expr *, 4> Args;
  if (CE)
    for (const Expr *Arg : CE->arguments())
      if (!isa<CXXDefaultArgExpr>(Arg))
        Args.push_back(Arg);
  llvm::SmallVector<const ValueDecl *, 4> Referenced;
  std::function<void(const Stmt *)> Collect = [&](const Stmt *S) {
    if (!S)
      return;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
      Referenced.push_back(Ref->getDecl());
    for (const Stmt *Child : S->children())
      Collect(Child);
  };
  for (const Expr *Arg : Args)
    Collect(Arg);
  const Stmt *Loop = nullptr;
  llvm::SmallVector<const Stmt *, 4> Inner;
  for (const Stmt *Candidate : Loops.enclosingLoops(Site)) {
    bool Repeats = llvm::all_of(Referenced, [&](const ValueDecl *D) {
      if (!Loops.isVariantIn(D, Candidate))
        return true;
      return llvm::any_of(Inner, [&](const Stmt *L) {
        const core::LoopInfo &Info = Loops.info(L);
        return llvm::is_contained(Info.IterationVars, D) && Info.Driver &&
               Loops.isInvariantIn(Info.Driver, Candidate);
      });
    });
    if (Repeats && Loops.isLarge(Loops.info(Candidate))) {
      Loop = Candidate;
      break;
    }
    Inner.push_back(Candidate);
  }
  if (!Loop)
    return;

  std::optional<core::CostKind> Kind = core::parseCostKind(Expensive->Cost);
  core::CostKind CostKind = Kind.value_or(core::CostKind::HeapAllocation);
  double Executions = Loops.executionsPerCall(Site);
  core::Impact I =
      core::estimateImpact(CostKind, core::unitCostNs(CostKind), Executions);
      I.Certainty = Loops.confidence(Site);
  if (!meetsMinimum(I))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  std::string TypeName =
      Type.getUnqualifiedType().getAsString(Ctx.getPrintingPolicy());
  std::string What = Var ? "'" + Var->getName().str() + "' (" + TypeName + ")"
                         : "a temporary " + TypeName;
  std::string Reason =
      Args.empty()     ? ""
      : Inner.empty()  ? " from arguments that do not change in it"
                       : ", repeating the same constructions on each of its "
                         "iterations";
  report(Var ? Var->getLocation() : CE->getBeginLoc(),
         What + " is constructed on every iteration of " +
             Loops.info(Loop).Description + Reason + ": ~" +
             core::formatCount(Executions) + " constructions per call" +
             assumption(Site, Ctx),
         I, SM);
  note(Loop->getBeginLoc(), "loop here");
  bool Constant = !Args.empty() && llvm::all_of(Args, [&](const Expr *Arg) {
    const Expr *Value = Arg->IgnoreImplicit();
    return (!Value->isValueDependent() && Value->isEvaluatable(Ctx)) ||
           isa<StringLiteral>(Value->IgnoreUnlessSpelledInSource());
  });
  bool Stream = CostKind == core::CostKind::StreamConstruction;
  std::string Fix =
      Stream ? "construct it once before the loop and reset it at the start "
               "of each iteration with .str(\"\") and .clear()"
      : Constant ? "its arguments are constant: make it 'static const' (built "
                   "once), or construct it once before the loop"
                 : "construct it once before the loop";
  note(Var ? Var->getLocation() : CE->getBeginLoc(), Fix);
}

//===----------------------------------------------------------------------===//
// Allocations that do not outlive the iteration
//===----------------------------------------------------------------------===//

/// The local variable an allocation initialises, looking through the
/// smart-pointer construction and implicit nodes.
static const VarDecl *initialisedVariable(const Expr *Allocation,
                                          ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*Allocation);
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return nullptr;
    if (const auto *VD = Parents[0].get<VarDecl>())
      return VD->getInit() ? VD : nullptr;
    const auto *E = Parents[0].get<Expr>();
    if (!E || !isa<ImplicitCastExpr, ExprWithCleanups, MaterializeTemporaryExpr,
                   CXXBindTemporaryExpr, CXXConstructExpr, ParenExpr,
                   CXXFunctionalCastExpr, CStyleCastExpr, CXXStaticCastExpr>(E))
      return nullptr;
    Node = Parents[0];
  }
}

/// True when every use of Var in Body only reaches through it (`p->x`,
/// `*p`, `if (p)`) or frees it: the object cannot outlive the iteration.
static bool onlyUsedLocally(const VarDecl *Var, const Stmt *Body,
                            ASTContext &Ctx) {
  bool Local = true;
  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S || !Local)
      return;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(S); Ref && Ref->getDecl() == Var) {
      const Stmt *Parent = nullptr;
      DynTypedNode Node = DynTypedNode::create(*Ref);
      while (true) {
        DynTypedNodeList Parents = Ctx.getParents(Node);
        Parent = Parents.empty() ? nullptr : Parents[0].get<Stmt>();
        if (Parent && isa<ImplicitCastExpr, ParenExpr>(Parent)) {
          if (const auto *Cast = dyn_cast<ImplicitCastExpr>(Parent);
              Cast && Cast->getCastKind() == CK_PointerToBoolean)
            break; // if (p)
          Node = Parents[0];
          continue;
        }
        break;
      }
      bool Allowed = false;
      if (!Parent)
        Allowed = false;
      else if (const auto *Member = dyn_cast<MemberExpr>(Parent)) {
        // p->field, p->method(); p.get() and p.release() hand it out.
        StringRef Name = core::identifierName(Member->getMemberDecl());
        Allowed = Member->isArrow() || !(Name == "get" || Name == "release");
      } else if (const auto *UO = dyn_cast<UnaryOperator>(Parent))
        Allowed = UO->getOpcode() == UO_Deref;
      else if (const auto *Subscript = dyn_cast<ArraySubscriptExpr>(Parent))
        Allowed = Subscript->getBase()->IgnoreParenImpCasts() == Ref; // p[i]
      else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Parent))
        Allowed = OC->getOperator() == OO_Star || OC->getOperator() == OO_Arrow ||
                  OC->getOperator() == OO_EqualEqual ||
                  OC->getOperator() == OO_ExclaimEqual;
      else if (isa<CXXDeleteExpr, ImplicitCastExpr>(Parent))
        Allowed = true;
      else if (const auto *BO = dyn_cast<BinaryOperator>(Parent))
        Allowed = BO->isEqualityOp();
      else if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
        const FunctionDecl *Callee = Call->getDirectCallee();
        Allowed = Callee && Callee->getIdentifier() && Callee->getName() == "free";
      } else if (const auto *Conversion = dyn_cast<CXXMemberCallExpr>(Parent))
        Allowed = isa<CXXConversionDecl>(Conversion->getMethodDecl()); // if (p)
      Local = Allowed;
    }
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  Visit(Body);
  return Local;
}

void AllocInLoopCheck::checkAllocation(const Expr *Allocation, ASTContext &Ctx) {
  std::string What;
  if (const auto *New = dyn_cast<CXXNewExpr>(Allocation)) {
    What = "'new " +
           New->getAllocatedType().getUnqualifiedType().getAsString(
               Ctx.getPrintingPolicy()) +
           (New->isArray() ? "[]'" : "'");
  } else if (const auto *Call = dyn_cast<CallExpr>(Allocation)) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee || !model().isAllocatingFunction(calls().nameOf(Callee)))
      return;
    What = "'" + calls().nameOf(Callee);
    if (const TemplateArgumentList *Args = Callee->getTemplateSpecializationArgs();
        Args && Args->size() > 0 && Args->get(0).getKind() == TemplateArgument::Type)
      What += "<" +
              Args->get(0).getAsType().getAsString(Ctx.getPrintingPolicy()) + ">";
    What += "'";
  } else {
    return;
  }
  core::LoopModel &Loops = loops(Ctx);
  const VarDecl *Var = initialisedVariable(Allocation, Ctx);
  if (!Var)
    return; // Handed straight to something else: it escapes.
  const Stmt *Loop = largeLoopAround(Allocation, Ctx);
  if (!Loop || !Loops.isDeclaredIn(Var, Loop))
    return;
  const FunctionDecl *FD = Loops.enclosingFunction(Allocation);
  if (!FD || core::isAliased(Var, FD))
    return;
  const DeclStmt *Declaration = declarationOf(Var, Ctx);
  const Stmt *Scope = nullptr;
  if (Declaration) {
    DynTypedNodeList Parents = Ctx.getParents(*Declaration);
    Scope = Parents.empty() ? nullptr : Parents[0].get<Stmt>();
  }
  if (!Scope || !onlyUsedLocally(Var, Scope, Ctx))
    return;

  const SourceManager &SM = Ctx.getSourceManager();
  double Executions = Loops.executionsPerCall(Allocation);
  core::Impact I = core::estimateImpact(
      core::CostKind::HeapAllocation,
      core::unitCostNs(core::CostKind::HeapAllocation), Executions);
  I.Certainty = Loops.confidence(Allocation);
  if (!meetsMinimum(I))
    return;
  report(Allocation->getBeginLoc(),
         What + " allocates on every iteration of " +
             Loops.info(Loop).Description +
             ", and the object does not outlive the iteration: ~" +
             core::formatCount(Executions) + " allocations per call" +
             assumption(Allocation, Ctx),
         I, SM);
  note(Loop->getBeginLoc(), "loop here");
  note(Allocation->getBeginLoc(),
       "use a local object (or std::optional) instead, or allocate once "
       "before the loop and reuse it");
}

//===----------------------------------------------------------------------===//
// Growth without reserve
//===----------------------------------------------------------------------===//

/// True when Call hands Container to its callee as something it can grow:
/// a non-const reference or a pointer (`&buf`), or an argument of a call
/// whose callee is not known yet (a dependent call in a template).
static bool passesForGrowth(const CallExpr *Call, const VarDecl *Container) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  unsigned Offset =
      isa<CXXOperatorCallExpr>(Call) && isa_and_nonnull<CXXMethodDecl>(Callee)
          ? 1 : 0;
  for (unsigned I = 0; I < Call->getNumArgs(); ++I) {
    const Expr *Arg = Call->getArg(I)->IgnoreParenImpCasts();
    bool AddressOf = false;
    if (const auto *Unary = dyn_cast<UnaryOperator>(Arg);
        Unary && Unary->getOpcode() == UO_AddrOf) {
      Arg = Unary->getSubExpr()->IgnoreParenImpCasts();
      AddressOf = true;
    }
    const auto *Ref = dyn_cast<DeclRefExpr>(Arg);
    if (!Ref || Ref->getDecl() != Container)
      continue;
    if (!Callee || AddressOf)
      return true;
    if (I < Offset)
      continue;
    unsigned Index = I - Offset;
    if (Index >= Callee->getNumParams())
      return true; // variadic
    QualType Param = Callee->getParamDecl(Index)->getType();
    if (Param->isDependentType() ||
        (Param->isReferenceType() &&
         !Param.getNonReferenceType().isConstQualified()))
      return true;
  }
  return false;
}

void AllocInLoopCheck::checkAppend(const CXXMemberCallExpr *Call,
                                   ASTContext &Ctx) {
  const CXXMethodDecl *Method = Call->getMethodDecl();
  if (!Method || !Method->getIdentifier() ||
      !model().isAppendingMethod(Method->getName()))
    return;
  const Expr *Object = core::LoopModel::strip(Call->getImplicitObjectArgument());
  const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Object);
  const auto *Container = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
  if (!Container || !hasMethod(recordOf(Container->getType()), "reserve"))
    return;
  core::LoopModel &Loops = loops(Ctx);
  auto Enclosing = Loops.enclosingLoops(Call);
  if (Enclosing.empty())
    return;
  const Stmt *Loop = Enclosing.front();
  const core::LoopInfo &Info = Loops.info(Loop);
  // A conditional append filters, and the rows of a query or the matches
  // of a search are counted only by running the loop: the final size is
  // not known.
  if (!Loops.isLarge(Info) || Info.Trip.Source == core::InputSource::QueryRows ||
      Info.Trip.Basis == core::TripBasis::SearchMatches ||
      Loops.isDeclaredIn(Container, Loop) || !Loops.runsOnEveryIteration(Call, Loop))
    return;
  const FunctionDecl *FD = Loops.enclosingFunction(Call);
  if (!FD || !FD->getBody())
    return;

  // Already reserved; the number of appends per iteration; whether the
  // container is untouched between its declaration and the loop.
  const SourceManager &SM = Ctx.getSourceManager();
  bool Reserved = false, TouchedBefore = false, GrownByCallee = false;
  unsigned AppendsInLoop = 0;
  auto InLoop = [&](const Stmt *S) {
    return !SM.isBeforeInTranslationUnit(S->getBeginLoc(), Loop->getBeginLoc()) &&
           !SM.isBeforeInTranslationUnit(Loop->getEndLoc(), S->getBeginLoc());
  };
  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S)
      return;
    if (const auto *Other = dyn_cast<CallExpr>(S); Other && InLoop(Other))
      GrownByCallee |= passesForGrowth(Other, Container);
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(S))
      if (const auto *Obj = dyn_cast_or_null<DeclRefExpr>(
              core::LoopModel::strip(Member->getImplicitObjectArgument()));
          Obj && Obj->getDecl() == Container && Member->getMethodDecl() &&
          Member->getMethodDecl()->getIdentifier()) {
        StringRef Name = Member->getMethodDecl()->getName();
        Reserved |= Name == "reserve" || Name == "resize" || Name == "assign";
        if (model().isAppendingMethod(Name) &&
            !SM.isBeforeInTranslationUnit(Member->getBeginLoc(), Loop->getBeginLoc()) &&
            !SM.isBeforeInTranslationUnit(Loop->getEndLoc(), Member->getBeginLoc()))
          ++AppendsInLoop;
      }
    if (const auto *Use = dyn_cast<DeclRefExpr>(S);
        Use && Use->getDecl() == Container &&
        SM.isBeforeInTranslationUnit(Use->getBeginLoc(), Loop->getBeginLoc()))
      TouchedBefore = true;
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  Visit(FD->getBody());
  // A callee in the loop that is handed the container may append to it too
  // (a recursive writer's `element.format(str)`): how much each iteration
  // adds is not known, and reserving the iteration count is no fix.
  if (Reserved || GrownByCallee)
    return;

  double Trips = Loops.estimate(Info);
  double Reallocations = std::max(1.0, std::ceil(std::log2(Trips)));
  // A string grows inside its small buffer first: only what goes beyond it
  // reallocates.
  if (const core::OwningTypeModel *Owning = model().owningType(
          calls().nameOf(recordOf(Container->getType())));
      Owning && Owning->Characters) {
    Reallocations = std::ceil(std::log2(Trips / core::SmallStringCapacity));
    if (Reallocations < 1)
      return;
  }
  double PerRun = Reallocations * core::unitCostNs(core::CostKind::HeapAllocation) +
                  Trips * core::unitCostNs(core::CostKind::LinearScan);
  double Runs = Loops.executionsPerCall(Loop);
  core::Impact I =
      core::estimateImpact(core::CostKind::HeapAllocation, PerRun, Runs);
  // The append's line runs once per iteration: a share of one run's cost.
  I.CostPerLineExecutionNs = PerRun / std::max(1.0, Trips);
      // The loop's own count is part of the claim: judge from its body.
      I.Certainty = Loops.confidence(core::loopBody(Loop));
  if (!meetsMinimum(I))
    return;

  // One finding per container and loop, on its first append.
  if (!Reported.insert({Container, Loop}).second)
    return;
  std::string Name = Container->getName().str();
  std::optional<std::string> Count = Loops.tripCountSpelling(Loop);
  bool EmptyAtStart = Container->isLocalVarDecl() && core::startsEmpty(Container) &&
                      !TouchedBefore;
  DynTypedNodeList LoopParents = Ctx.getParents(*Loop);
  bool InBlock = !LoopParents.empty() && LoopParents[0].get<CompoundStmt>();
  bool Exact = Count && EmptyAtStart && AppendsInLoop == 1 && InBlock &&
               !Loop->getBeginLoc().isMacroID();
  {
    DiagnosticBuilder D = report(
        Call->getExprLoc(),
        "'" + Name + "' grows on every iteration of " + Info.Description +
            " without a reserve: ~" + core::formatCount(Reallocations) +
            " reallocations per loop, each moving every element" +
            assumption(nullptr, Ctx,
                       Info.Trip.isInput()
                           ? std::vector<core::AssumedSize>{Loops.assumedSize(Info)}
                           : std::vector<core::AssumedSize>{}),
        I, SM);
    if (Exact) {
      // The loop's indentation, repeated after the inserted statement.
      StringRef Line = SM.getBufferData(SM.getFileID(Loop->getBeginLoc()))
                           .substr(SM.getFileOffset(Loop->getBeginLoc()) -
                                   (SM.getSpellingColumnNumber(Loop->getBeginLoc()) - 1));
      std::string Indent = Line.take_while([](char C) { return C == ' ' || C == '\t'; }).str();
      D << FixItHint::CreateInsertion(Loop->getBeginLoc(),
                                      Name + ".reserve(" + *Count + ");\n" + Indent);
    }
  }
  note(Loop->getBeginLoc(), "loop here");
  if (!Exact)
    note(Call->getExprLoc(),
         "reserve the final size before the loop ('" + Name + ".reserve(" +
             (EmptyAtStart ? "" : Name + ".size() + ") +
             (Count ? *Count : "<iterations>") +
             (AppendsInLoop > 1 ? " * " + std::to_string(AppendsInLoop) : "") +
             ")')");
}

//===----------------------------------------------------------------------===//
// s = s + x
//===----------------------------------------------------------------------===//

/// The operands of a left-leaning `a + b + c` chain, leftmost first.
static void plusOperands(const Expr *E, llvm::SmallVectorImpl<const Expr *> &Out) {
  E = E->IgnoreImplicit();
  if (const auto *Bind = dyn_cast<CXXBindTemporaryExpr>(E))
    E = Bind->getSubExpr()->IgnoreImplicit();
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
      OC && OC->getOperator() == OO_Plus && OC->getNumArgs() == 2) {
    plusOperands(OC->getArg(0), Out);
    Out.push_back(OC->getArg(1));
    return;
  }
  Out.push_back(E);
}

static bool refersTo(const Stmt *S, const ValueDecl *D) {
  if (!S)
    return false;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S); Ref && Ref->getDecl() == D)
    return true;
  return llvm::any_of(S->children(), [&](const Stmt *C) { return refersTo(C, D); });
}

void AllocInLoopCheck::checkConcatenation(const Expr *Assignment, ASTContext &Ctx) {
  const auto *Assign = cast<CXXOperatorCallExpr>(Assignment);
  if (Assign->getNumArgs() != 2)
    return;
  const auto *Target = dyn_cast<DeclRefExpr>(Assign->getArg(0)->IgnoreParenImpCasts());
  const CXXRecordDecl *RD = Target ? recordOf(Target->getType()) : nullptr;
  if (!RD || calls().nameOf(RD) != "std::basic_string")
    return;
  llvm::SmallVector<const Expr *, 4> Operands;
  plusOperands(Assign->getArg(1), Operands);
  if (Operands.size() < 2)
    return;
  auto IsTarget = [&](const Expr *E) {
    const auto *Ref = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return Ref && Ref->getDecl() == Target->getDecl();
  };
  bool Appends = IsTarget(Operands.front());
  bool Prepends = !Appends && IsTarget(Operands.back());
  if (!Appends && !Prepends)
    return;
  core::LoopModel &Loops = loops(Ctx);
  const Stmt *Loop = largeLoopAround(Assign, Ctx);
  // Emptied at the start of each iteration (`code.clear();` or `code =
  // header;`), the string holds one iteration's text: nothing accumulates.
  if (!Loop || Loops.isDeclaredIn(Target->getDecl(), Loop) ||
      Loops.isResetBefore(Target->getDecl(), Assign, Loop))
    return;

  // Each iteration copies the whole string built so far into a temporary.
  double N = static_cast<double>(loopOptions().AssumedTripCount);
  double PerExecution = core::unitCostNs(core::CostKind::HeapAllocation) +
                        N / 2 * 32 * core::unitCostNs(core::CostKind::Copy);
  double Executions = Loops.executionsPerCall(Assign);
  core::Impact I =
      core::estimateImpact(core::CostKind::HeapAllocation, PerExecution, Executions);
      I.Certainty = Loops.confidence(Assign);
  if (!meetsMinimum(I))
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  const LangOptions &LO = getLangOpts();
  std::string Name = Target->getDecl()->getName().str();
  auto Text = [&](const Expr *E) {
    return Lexer::getSourceText(CharSourceRange::getTokenRange(E->getSourceRange()),
                                SM, LO)
        .str();
  };
  llvm::ArrayRef<const Expr *> Terms(Operands);
  Terms = Terms.drop_front();
  bool Clean = Appends && !Assign->getBeginLoc().isMacroID() &&
               !Assign->getEndLoc().isMacroID() &&
               llvm::none_of(Terms, [&](const Expr *T) {
                 return refersTo(T, Target->getDecl()) || T->getBeginLoc().isMacroID();
               });
  std::optional<std::string> Replacement;
  if (Clean && Terms.size() == 1) {
    Replacement = Name + " += " + Text(Terms.front());
  } else if (Clean && llvm::none_of(Terms, [](const Expr *T) {
               return T->IgnoreImplicit()->getType()->isIntegralOrEnumerationType();
             })) {
    // No char among the terms: append() takes strings and C strings alike.
    std::string Chain = Name;
    for (const Expr *T : Terms)
      Chain += ".append(" + Text(T) + ")";
    Replacement = Chain;
  }
  {
    DiagnosticBuilder D = report(
        Assign->getBeginLoc(),
        std::string("'") + Name + " = " + (Appends ? Name + " + ...'" : "... + " + Name + "'") +
            " builds a new string on every iteration of " +
            Loops.info(Loop).Description + ", copying '" + Name +
            "' each time: O(n^2), ~" + core::formatCount(Executions) +
            " allocations per call" + assumption(Assign, Ctx),
        I, SM);
    if (Replacement)
      D << FixItHint::CreateReplacement(
          CharSourceRange::getTokenRange(Assign->getSourceRange()), *Replacement);
  }
  note(Loop->getBeginLoc(), "loop here");
  if (Prepends)
    note(Assign->getBeginLoc(),
         "prepending copies the whole string each time: collect the parts "
         "and join them once after the loop");
  else if (!Replacement)
    note(Assign->getBeginLoc(), "append in place with '" + Name + " += ...'");
}

} // namespace clang::tidy::perf_audit
