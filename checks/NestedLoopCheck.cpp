//===--- NestedLoopCheck.cpp - perf-audit-nested-loop ---------------------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "NestedLoopCheck.h"
#include "perf-audit/FindingText.h"
#include "perf-audit/VarUses.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::perf_audit {

using core::Dependence;
using core::LoopInfo;
using core::LoopModel;

NestedLoopCheck::NestedLoopCheck(StringRef Name, ClangTidyContext *Context)
    : PerfAuditCheck(Name, Context) {}

void NestedLoopCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  PerfAuditCheck::storeOptions(Opts);
  // Read with the other analysis options: the API model is shared.
  Options.store(Opts, core::option::ExtraLinearFunctions,
                analysisOptions().ExtraLinearFunctions);
}

void NestedLoopCheck::registerMatchers(MatchFinder *Finder) {
  PerfAuditCheck::registerMatchers(Finder);
  auto AnyLoop = stmt(anyOf(forStmt(), cxxForRangeStmt(), whileStmt(), doStmt()));
  auto InUserCode = unless(isExpansionInSystemHeader());
  Finder->addMatcher(stmt(AnyLoop, InUserCode, hasAncestor(AnyLoop)).bind("loop"),
                     this);
  Finder->addMatcher(callExpr(InUserCode, hasAncestor(AnyLoop)).bind("call"),
                     this);
  // Outside loops only a generic search over an iterator pair and a value
  // can be a finding (of a set or a map).
  Finder->addMatcher(callExpr(InUserCode, unless(hasAncestor(AnyLoop)),
                              argumentCountIs(3))
                         .bind("search"),
                     this);
}

/// Whether S belongs to a template pattern: instantiations are analysed
/// instead, where types and callees are known.
static bool inDependentContext(const Stmt *S, LoopModel &Loops) {
  const FunctionDecl *FD = Loops.enclosingFunction(S);
  return !FD || FD->isDependentContext();
}

void NestedLoopCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  LoopModel &Loops = loops(Ctx);
  if (const auto *Loop = Result.Nodes.getNodeAs<Stmt>("loop")) {
    if (!inDependentContext(Loop, Loops))
      checkNestedLoop(Loop, Ctx);
    return;
  }
  if (const auto *Search = Result.Nodes.getNodeAs<CallExpr>("search")) {
    if (const core::LinearFunctionModel *M = calls().linear(Search);
        M && !inDependentContext(Search, Loops))
      checkLinearCall(Search, *M, Ctx);
    return;
  }
  const auto *Call = Result.Nodes.getNodeAs<CallExpr>("call");
  if (!Call || inDependentContext(Call, Loops))
    return;
  if (const core::LinearFunctionModel *M = calls().linear(Call)) {
    checkLinearCall(Call, *M, Ctx);
    return;
  }
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    if (const CXXMethodDecl *MD = Member->getMethodDecl();
        MD && MD->getIdentifier() &&
        model().isFrontOperation(calls().nameOf(MD->getParent()), MD->getName())) {
      checkFrontOperation(Member, Ctx);
      return;
    }
  checkCallee(Call, Ctx);
}

//===----------------------------------------------------------------------===//
// Helpers
//===----------------------------------------------------------------------===//

/// True when E is arithmetic over variables and constants only: no element
/// access, member or call on the way (`i`, `i + 1`, `n - i`).
static bool isPureArithmetic(const Expr *E) {
  E = LoopModel::strip(E);
  if (!E || !E->getType()->isIntegralOrEnumerationType())
    return false;
  if (isa<DeclRefExpr, IntegerLiteral>(E))
    return true;
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return BO->isAdditiveOp() || BO->isMultiplicativeOp()
               ? isPureArithmetic(BO->getLHS()) && isPureArithmetic(BO->getRHS())
               : false;
  if (const auto *UO = dyn_cast<UnaryOperator>(E))
    return isPureArithmetic(UO->getSubExpr());
  return false;
}

static bool containsRange(const SourceManager &SM, SourceRange Outer,
                          SourceRange Inner) {
  SourceLocation OB = SM.getExpansionLoc(Outer.getBegin());
  SourceLocation OE = SM.getExpansionLoc(Outer.getEnd());
  SourceLocation IB = SM.getExpansionLoc(Inner.getBegin());
  SourceLocation IE = SM.getExpansionLoc(Inner.getEnd());
  return !SM.isBeforeInTranslationUnit(IB, OB) &&
         !SM.isBeforeInTranslationUnit(OE, IE);
}

/// True when E's value comes from V: it names V, or a local initialised from
/// V (`Token *tok3 = tok2->next(); tok2 = tok3->tokAt(3);`).
static bool isDerivedFrom(const Expr *E, const VarDecl *V) {
  bool Derived = false;
  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S || Derived)
      return;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (const auto *Var = dyn_cast<VarDecl>(DRE->getDecl()))
        Derived = Var == V || (Var->isLocalVarDecl() && Var->getInit() &&
                               LoopModel::referencesAny(Var->getInit(), {V}));
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  Visit(E);
  return Derived;
}

/// True when V is assigned inside Outer before Inner's body begins: a cursor
/// that is reset on every outer iteration, so the inner loop starts over.
/// Moving it on from where it is (`tok2 = tok2->next()`) is no reset: the
/// two loops then share one walk.
static bool isResetBefore(const VarDecl *V, const Stmt *Outer, const Stmt *Inner,
                          const SourceManager &SM) {
  SourceLocation InnerBody;
  if (const auto *For = dyn_cast<ForStmt>(Inner))
    InnerBody = For->getBody()->getBeginLoc();
  else if (const auto *While = dyn_cast<WhileStmt>(Inner))
    InnerBody = While->getBody()->getBeginLoc();
  else if (const auto *Do = dyn_cast<DoStmt>(Inner))
    InnerBody = Do->getBeginLoc();
  bool Found = false;
  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S || Found)
      return;
    auto Assignment = LoopModel::assignmentOf(S);
    if (Assignment && LoopModel::referencedVar(Assignment->first) == V &&
        !isDerivedFrom(Assignment->second, V) &&
        SM.isBeforeInTranslationUnit(SM.getExpansionLoc(S->getBeginLoc()),
                                     SM.getExpansionLoc(InnerBody)))
      Found = true;
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  Visit(Outer);
  return Found;
}

/// An index that addresses one element (`i`, `i * w + j`), not an element.
static bool isIndexExpr(const Expr *E) {
  E = LoopModel::strip(E);
  return E && E->getType()->isIntegralOrEnumerationType() &&
         !isa<ArraySubscriptExpr, CallExpr>(E);
}

/// True when Body addresses single elements by both loops' indices at once
/// (`m[i][j]`, `data[i * w + j]`, `img.at(x, y)`): a walk over the cells of
/// a grid, linear in its size.
static bool isGridWalk(const Stmt *Body, ArrayRef<const VarDecl *> OuterVars,
                       ArrayRef<const VarDecl *> InnerVars) {
  if (!Body)
    return false;
  SmallVector<const Expr *, 4> Indices;
  if (const auto *ASE = dyn_cast<ArraySubscriptExpr>(Body)) {
    const Expr *E = ASE;
    while (const auto *Sub = dyn_cast<ArraySubscriptExpr>(LoopModel::strip(E))) {
      Indices.push_back(Sub->getIdx());
      E = Sub->getBase();
    }
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Body);
             OC && OC->getOperator() == OO_Subscript) {
    const Expr *E = OC;
    while (const auto *Sub = dyn_cast<CXXOperatorCallExpr>(LoopModel::strip(E))) {
      if (Sub->getOperator() != OO_Subscript || Sub->getNumArgs() != 2)
        break;
      Indices.push_back(Sub->getArg(1));
      E = Sub->getArg(0);
    }
  } else if (const auto *CE = dyn_cast<CallExpr>(Body)) {
    for (const Expr *Arg : core::argumentsOf(CE))
      Indices.push_back(Arg);
  }
  if (!Indices.empty()) {
    bool UsesOuter = false, UsesInner = false;
    for (const Expr *Index : Indices) {
      if (!isIndexExpr(Index))
        continue;
      UsesOuter |= LoopModel::referencesAny(Index, OuterVars);
      UsesInner |= LoopModel::referencesAny(Index, InnerVars);
    }
    if (UsesOuter && UsesInner)
      return true;
  }
  return llvm::any_of(Body->children(), [&](const Stmt *Child) {
    return isGridWalk(Child, OuterVars, InnerVars);
  });
}

static bool allIntegral(ArrayRef<const VarDecl *> Vars) {
  return !Vars.empty() && llvm::all_of(Vars, [](const VarDecl *V) {
    return V->getType()->isIntegralOrEnumerationType();
  });
}

/// "loop over 'b'" from "the loop over 'b'".
static std::string withoutArticle(const std::string &Description) {
  StringRef D(Description);
  D.consume_front("the ");
  return D.str();
}

const Stmt *NestedLoopCheck::hoistableLoop(const Stmt *S, const Expr *Scanned,
                                           ASTContext &Ctx) {
  LoopModel &Loops = loops(Ctx);
  for (const Stmt *Loop : Loops.enclosingLoops(S)) {
    if (!Loops.isInvariantIn(Scanned, Loop))
      return nullptr; // Derived from this loop's element: a nested walk.
    if (Loops.isLarge(Loops.info(Loop)))
      return Loop;
  }
  return nullptr;
}

std::string NestedLoopCheck::complexity(const Stmt *Loop, const Expr *Scanned,
                                        ASTContext &Ctx) {
  LoopModel &Loops = loops(Ctx);
  const Dependence &Outer = Loops.info(Loop).Trip;
  Dependence Inner = Loops.classify(Scanned);
  bool Same = Outer.Root && Outer.Root == Inner.Root;
  return Same ? "O(n^2)" : "O(n*m)";
}

//===----------------------------------------------------------------------===//
// Nested loops
//===----------------------------------------------------------------------===//

/// True when the `for` loop Outer steps its index by the trip count of the
/// inner loop In (`i += batch` around `j < batch`).
static bool stepsByInnerCount(const Stmt *Outer, const LoopInfo &In) {
  const auto *For = dyn_cast<ForStmt>(Outer);
  if (!For || !For->getInc() || !In.Driver)
    return false;
  const Expr *Step = nullptr;
  const Expr *Inc = LoopModel::strip(For->getInc());
  if (const auto *Compound = dyn_cast<CompoundAssignOperator>(Inc);
      Compound && Compound->getOpcode() == BO_AddAssign)
    Step = Compound->getRHS();
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Inc);
           Op && Op->getOperator() == OO_PlusEqual && Op->getNumArgs() == 2)
    Step = Op->getArg(1);
  if (!Step)
    return false;
  auto DeclOf = [](const Expr *E) -> const ValueDecl * {
    E = LoopModel::strip(E);
    if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(E))
      return Ref->getDecl();
    if (const auto *Member = dyn_cast_or_null<MemberExpr>(E))
      return Member->getMemberDecl();
    return nullptr;
  };
  const ValueDecl *StepDecl = DeclOf(Step);
  return StepDecl && StepDecl == DeclOf(In.Driver);
}

/// True when Buffer is bound to the query whose rows the loop Out walks, as
/// its output: `statement st = (sql.prepare << q, into(buffer));` then
/// `while (st.fetch())` (SOCI's bulk fetch). The buffer then holds the rows
/// of one fetch, not a second input.
static bool isFetchBuffer(const ValueDecl *Buffer, const LoopInfo &Out) {
  if (!Buffer || Out.Trip.Source != core::InputSource::QueryRows)
    return false;
  for (const Expr *Call : {Out.Trip.Query, Out.Trip.Subject}) {
    const auto *Cursor =
        dyn_cast_or_null<CXXMemberCallExpr>(Call ? LoopModel::strip(Call) : nullptr);
    if (!Cursor)
      continue;
    const auto *Object = dyn_cast_or_null<DeclRefExpr>(
        LoopModel::strip(Cursor->getImplicitObjectArgument()));
    const auto *Statement =
        Object ? dyn_cast<VarDecl>(Object->getDecl()) : nullptr;
    if (!Statement || !Statement->getInit())
      continue;
    auto Bound = match(
        findAll(declRefExpr(to(valueDecl(equalsNode(Buffer))))),
        *Statement->getInit(), Statement->getASTContext());
    if (!Bound.empty())
      return true;
  }
  return false;
}

/// Calls Visit on each variable a call in S passes to a non-const lvalue
/// reference parameter (`getline(in, line)`, `into(id)`).
template <typename Fn>
static void forEachPassedByReference(const Stmt *S, Fn Visit) {
  if (!S)
    return;
  if (const auto *Call = dyn_cast<CallExpr>(S))
    if (const FunctionDecl *Callee = Call->getDirectCallee()) {
      unsigned Offset =
          isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
      for (unsigned I = Offset; I < Call->getNumArgs(); ++I) {
        if (I - Offset >= Callee->getNumParams())
          break;
        QualType T = Callee->getParamDecl(I - Offset)->getType();
        if (!T->isLValueReferenceType() ||
            T.getNonReferenceType().isConstQualified())
          continue;
        if (const auto *Ref =
                dyn_cast<DeclRefExpr>(LoopModel::strip(Call->getArg(I))))
          if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
            Visit(V);
      }
    }
  for (const Stmt *Child : S->children())
    forEachPassedByReference(Child, Visit);
}

/// The variables that change from one turn of the loop Outer to the next,
/// outside Inner: the locals of its body, and what its condition, increment
/// or body assigns, steps or changes through a non-const member call.
static void collectVarying(const Stmt *S, const Stmt *Inner,
                           llvm::SmallVectorImpl<const VarDecl *> &Out) {
  if (!S || S == Inner)
    return;
  auto Add = [&](const Expr *E) {
    if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
            E ? LoopModel::strip(E) : nullptr))
      if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
        Out.push_back(V);
  };
  if (const auto *Decl = dyn_cast<DeclStmt>(S))
    for (const clang::Decl *D : Decl->decls())
      if (const auto *V = dyn_cast<VarDecl>(D))
        Out.push_back(V);
  if (const auto *Op = dyn_cast<BinaryOperator>(S); Op && Op->isAssignmentOp())
    Add(Op->getLHS());
  if (const auto *Op = dyn_cast<UnaryOperator>(S); Op && Op->isIncrementDecrementOp())
    Add(Op->getSubExpr());
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
      Op && Op->isAssignmentOp() && Op->getNumArgs() > 0)
    Add(Op->getArg(0));
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S))
    if (const CXXMethodDecl *Method = Call->getMethodDecl();
        Method && !Method->isConst())
      Add(Call->getImplicitObjectArgument());
  for (const Stmt *Child : S->children())
    collectVarying(Child, Inner, Out);
}

/// The variables S reads; ReadsMembers when it reads through `this`. What
/// is only written or accumulated into (`out += x`, `n = f()`,
/// `out.push_back(x)`) is not read: the same is appended on every turn.
static void collectRead(const Stmt *S, llvm::SmallVectorImpl<const VarDecl *> &Out,
                        bool &ReadsMembers) {
  if (!S)
    return;
  // A variable, or a member of this, written as a whole.
  auto IsTarget = [](const Expr *E) {
    E = LoopModel::strip(E);
    if (isa<DeclRefExpr>(E))
      return true;
    const auto *Member = dyn_cast<MemberExpr>(E);
    return Member && isa<CXXThisExpr>(Member->getBase()->IgnoreImpCasts());
  };
  const Expr *Written = nullptr;
  if (const auto *Op = dyn_cast<BinaryOperator>(S); Op && Op->isAssignmentOp())
    Written = Op->getLHS();
  else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
           Op && Op->isAssignmentOp() && Op->getNumArgs() > 0)
    Written = Op->getArg(0);
  else if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S))
    if (const CXXMethodDecl *Method = Call->getMethodDecl();
        Method && !Method->isConst() && Call->getType()->isVoidType())
      Written = Call->getImplicitObjectArgument();
  if (Written && !IsTarget(Written))
    Written = nullptr;
  // A member call's object is inside its callee.
  if (Written && isa<CXXMemberCallExpr>(S))
    Written = cast<CXXMemberCallExpr>(S)->getCallee();
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
      Out.push_back(V);
  if (isa<CXXThisExpr>(S))
    ReadsMembers = true;
  for (const Stmt *Child : S->children())
    if (!Written || Child != Written)
      collectRead(Child, Out, ReadsMembers);
}

/// True when the loop Inner reads nothing that changes with the turns of the
/// loop Outer around it: no variable Outer changes, no local that something
/// else may change (its address taken, a reference bound to it, passed by
/// non-const reference anywhere in FD: a fetch writing into it), no global
/// that is not const, no member.
static bool isIndependentOf(const Stmt *Inner, const Stmt *Outer,
                            const LoopInfo &Out, const FunctionDecl *FD,
                            LoopModel &Loops) {
  if (!FD)
    return false;
  llvm::SmallVector<const VarDecl *, 8> Varying(Out.IterationVars.begin(),
                                                Out.IterationVars.end());
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Outer))
    Varying.push_back(Range->getLoopVariable());
  collectVarying(Outer, Inner, Varying);
  for (const Stmt *S : core::functionCode(FD))
    forEachPassedByReference(S, [&](const VarDecl *V) { Varying.push_back(V); });

  llvm::SmallVector<const VarDecl *, 8> Read;
  bool ReadsMembers = false;
  collectRead(Inner, Read, ReadsMembers);
  if (ReadsMembers)
    return false;
  for (const VarDecl *V : Read) {
    if (Loops.isDeclaredIn(V, Inner))
      continue;
    if (llvm::is_contained(Varying, V))
      return false;
    if (!V->hasLocalStorage()) {
      if (!V->getType().isConstQualified())
        return false;
      continue;
    }
    if (core::isAliased(V, FD))
      return false;
  }
  return true;
}

/// True when S names one of Vars.
static bool namesAny(const Stmt *S, llvm::ArrayRef<const VarDecl *> Vars) {
  return !Vars.empty() && LoopModel::referencesAny(S, Vars);
}

/// True when the body of the loop Inner looks for something the outer turn
/// gives: it compares a value of its own turn with one of the outer turn
/// (`==`, an ordering, a `!=` that skips to the next element, a predicate
/// call taking both), or leaves early (`break`, `return`: the first match).
/// A body that does neither visits every pair, and what it does per pair
/// (writes a line for each other namespace, emits a signal per column) is
/// as large as its output: no index makes it smaller.
static bool searchesFor(const Stmt *S, const Stmt *Inner,
                        llvm::ArrayRef<const VarDecl *> OuterVars,
                        llvm::ArrayRef<const VarDecl *> InnerVars) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (S != Inner && core::isLoopStmt(S) &&
      searchesFor(core::loopBody(S), Inner, OuterVars, InnerVars))
    return true;
  if (isa<BreakStmt, ReturnStmt, GotoStmt>(S))
    return true;
  auto Both = [&](const Expr *A, const Expr *B) {
    return (namesAny(A, OuterVars) && namesAny(B, InnerVars)) ||
           (namesAny(A, InnerVars) && namesAny(B, OuterVars));
  };
  BinaryOperatorKind Op = BO_Comma;
  const Expr *LHS = nullptr, *RHS = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
    Op = BO->getOpcode();
    LHS = BO->getLHS();
    RHS = BO->getRHS();
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S);
             OC && OC->isComparisonOp() && OC->getNumArgs() == 2) {
    Op = BinaryOperator::getOverloadedOpcode(OC->getOperator());
    LHS = OC->getArg(0);
    RHS = OC->getArg(1);
  } else if (const auto *Rewritten = dyn_cast<CXXRewrittenBinaryOperator>(S)) {
    // `a != b` spelled through `!(a == b)`: judge what was written.
    CXXRewrittenBinaryOperator::DecomposedForm Form =
        Rewritten->getDecomposedForm();
    if (Form.Opcode != BO_NE && Both(Form.LHS, Form.RHS))
      return true;
    return searchesFor(Form.LHS, Inner, OuterVars, InnerVars) ||
           searchesFor(Form.RHS, Inner, OuterVars, InnerVars);
  }
  if (LHS && RHS && BinaryOperator::isComparisonOp(Op) && Op != BO_NE &&
      Both(LHS, RHS))
    return true;
  // `if (a != b) continue;`: the rest of the body is for the match.
  if (const auto *If = dyn_cast<IfStmt>(S))
    if (const auto *Then = If->getThen();
        Then && (isa<ContinueStmt>(Then) ||
                 (isa<CompoundStmt>(Then) &&
                  cast<CompoundStmt>(Then)->size() == 1 &&
                  isa<ContinueStmt>(cast<CompoundStmt>(Then)->body_front()))) &&
        namesAny(If->getCond(), OuterVars) && namesAny(If->getCond(), InnerVars))
      return true;
  // A predicate of both: `matches(rule, item)`, `a.sameAs(b)`.
  if (const auto *Call = dyn_cast<CallExpr>(S);
      Call && Call->getType()->isBooleanType() &&
      !isa<CXXOperatorCallExpr>(Call) && namesAny(Call, OuterVars) &&
      namesAny(Call, InnerVars))
    return true;
  for (const Stmt *Child : S->children())
    if (searchesFor(Child, Inner, OuterVars, InnerVars))
      return true;
  return false;
}

/// True when S, the body of an inner loop, writes something out for its
/// element: appends to a string, container or stream declared outside it
/// (`code += "import " + name`, `out << x`, `lines.push_back(x)`), or calls
/// a function that returns nothing with its element (`emit changed(row,
/// column)`).
static bool producesOutput(const Stmt *S, const Stmt *Inner,
                           llvm::ArrayRef<const VarDecl *> InnerVars,
                           const core::ApiModel &Model, LoopModel &Loops) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  auto Outside = [&](const Expr *Target) {
    const auto *Ref = dyn_cast_or_null<DeclRefExpr>(
        Target ? LoopModel::strip(Target) : nullptr);
    const auto *V = Ref ? dyn_cast<VarDecl>(Ref->getDecl()) : nullptr;
    return !V || !Loops.isDeclaredIn(V, Inner);
  };
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
      Op && Op->getNumArgs() == 2 &&
      (Op->getOperator() == OO_PlusEqual || Op->getOperator() == OO_LessLess) &&
      Op->getArg(0)->getType()->isRecordType() && Outside(Op->getArg(0)) &&
      namesAny(Op->getArg(1), InnerVars))
    return true;
  if (const auto *Call = dyn_cast<CallExpr>(S);
      Call && !isa<CXXOperatorCallExpr>(Call) && namesAny(Call, InnerVars)) {
    if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call)) {
      StringRef Name = core::identifierName(Member->getMethodDecl());
      if ((Model.isAppendingMethod(Name) || Name == "insert" ||
           Name == "emplace" || Name == "append") &&
          Outside(Member->getImplicitObjectArgument()))
        return true;
    }
    if (Call->getType()->isVoidType())
      return true;
  }
  for (const Stmt *Child : S->children())
    if (producesOutput(Child, Inner, InnerVars, Model, Loops))
      return true;
  return false;
}

void NestedLoopCheck::checkNestedLoop(const Stmt *Inner, ASTContext &Ctx) {
  LoopModel &Loops = loops(Ctx);
  const SourceManager &SM = Ctx.getSourceManager();
  const LoopInfo &In = Loops.info(Inner);

  // Find the outer loop the inner one multiplies with. A bound derived from
  // an enclosing loop's element walks a nested container (each row, then its
  // cells): linear in the cells. A bound that is plain arithmetic on an outer
  // index (`j < i`) is a triangle: still quadratic.
  const Stmt *Outer = nullptr;
  bool Triangular = false;
  for (const Stmt *Candidate : Loops.enclosingLoops(Inner)) {
    const LoopInfo &C = Loops.info(Candidate);
    if (In.Driver && !Loops.isInvariantIn(In.Driver, Candidate)) {
      if (!isa<ForStmt>(Inner) || In.Multiplicative ||
          !isPureArithmetic(In.Driver) ||
          !LoopModel::referencesAny(In.Driver, C.IterationVars))
        return;
      Triangular = true;
    }
    if (Loops.isLarge(C)) {
      Outer = Candidate;
      break;
    }
  }
  if (!Outer || (!Loops.isLarge(In) && !Triangular))
    return;
  const LoopInfo &Out = Loops.info(Outer);

  // A cursor shared with the outer loop (`while (p < end && *p != ' ') ++p;`
  // inside `while (p < end)`) advances through the input once in total.
  if (!isa<CXXForRangeStmt>(Inner)) {
    if (In.IterationVars.empty())
      return; // No visible progress: nothing to say about its trip count.
    // The outer `for`'s own init variable is declared once, not per
    // iteration: `for (auto i = v.begin(); i != e;) for (; i != e; ++i)`.
    const auto *OuterFor = dyn_cast<ForStmt>(Outer);
    const auto *OuterInit =
        OuterFor ? dyn_cast_or_null<DeclStmt>(OuterFor->getInit()) : nullptr;
    for (const VarDecl *V : In.IterationVars) {
      bool OuterCursor =
          OuterInit && llvm::is_contained(OuterInit->decls(), V);
      if (OuterCursor ||
          (!Loops.isDeclaredIn(V, Outer) && !isResetBefore(V, Outer, Inner, SM)))
        return;
    }
  }

  // The path from the root to the current element (pushed and popped on
  // every turn of the outer loop): as long as the nesting is deep.
  if (In.Trip.Root && Loops.isPathStack(In.Trip.Root, Outer))
    return;

  // Blocks: `for (i = 0; i < n; i += batch) for (j = 0; j < batch; ++j)`
  // visits n elements in all.
  if (stepsByInnerCount(Outer, In))
    return;

  // A bulk fetch: each turn of the cursor loop refills the buffer the inner
  // loop walks, so together they visit each row once.
  if (isFetchBuffer(In.Trip.Root, Out))
    return;

  // Both indices addressing one cell: a walk over a grid.
  if (allIntegral(Out.IterationVars) && allIntegral(In.IterationVars) &&
      isGridWalk(core::loopBody(Inner), Out.IterationVars, In.IterationVars))
    return;

  double PerRun = Loops.estimate(In);
  if (Triangular)
    PerRun = static_cast<double>(loopOptions().AssumedTripCount) / 2;
  core::Impact I = core::estimateImpact(
      core::CostKind::LoopIteration,
      PerRun * core::unitCostNs(core::CostKind::LoopIteration),
      Loops.executionsPerCall(Inner));
  // A profile counts the inner loop's body: once per turn, not per run.
  I.CostPerLineExecutionNs = core::unitCostNs(core::CostKind::LoopIteration);
  I.CountedLineDelta = lineDelta(Inner->getBeginLoc(),
                                 firstStatement(core::loopBody(Inner)), SM);
  I.Certainty = Loops.confidence(core::loopBody(Inner));
  // An inner loop that reads nothing of the outer loop's turn does the same
  // on every one: mostly a short fixed list (a name's components, an
  // indentation) walked for output, rarely a result worth hoisting.
  bool Independent =
      !Triangular &&
      isIndependentOf(Inner, Outer, Out, Loops.enclosingFunction(Inner),
                      Loops);
  if (Independent)
    I.Certainty = core::lowered(I.Certainty);
  // Every pair written out, nothing looked for: the work is the output's.
  bool AllPairs = false;
  if (!Independent && !Triangular) {
    llvm::SmallVector<const VarDecl *, 8> OuterVars(Out.IterationVars.begin(),
                                                    Out.IterationVars.end());
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(Outer))
      OuterVars.push_back(Range->getLoopVariable());
    collectVarying(Outer, Inner, OuterVars);
    llvm::SmallVector<const VarDecl *, 8> InnerVars(In.IterationVars.begin(),
                                                    In.IterationVars.end());
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(Inner))
      InnerVars.push_back(Range->getLoopVariable());
    collectVarying(core::loopBody(Inner), nullptr, InnerVars);
    AllPairs = !searchesFor(core::loopBody(Inner), Inner, OuterVars, InnerVars);
    // Writing out every pair is the output's cost, not a search to index
    // (arithmetic over every pair stays: it may have a closed form).
    AllPairs = AllPairs && producesOutput(core::loopBody(Inner), Inner,
                                          InnerVars, model(), Loops);
    if (AllPairs)
      I.Certainty = core::Confidence::Low;
  }
  if (!meetsMinimum(I))
    return;

  bool SameData = Triangular || (In.Trip.Root && In.Trip.Root == Out.Trip.Root);
  std::string InnerWhat =
      In.Trip.Subject ? withoutArticle(In.Description) : "inner loop";
  std::string Message =
      "nested " + InnerWhat + " runs on every iteration of " + Out.Description +
      ": " + (SameData ? "O(n^2)" : "O(n*m)") + ", ~" +
      core::formatCount(PerRun * Loops.executionsPerCall(Inner)) +
      " iterations per call" +
      assumption(Inner, Ctx,
                 In.Trip.isInput()
                     ? std::vector<core::AssumedSize>{Loops.assumedSize(In)}
                     : std::vector<core::AssumedSize>{});
  report(Inner->getBeginLoc(), Message, I, SM);
  note(Outer->getBeginLoc(), "outer loop here");
  if (Independent) {
    note(Inner->getBeginLoc(),
         "the inner loop reads nothing that changes with the outer loop: if "
         "it computes the same on every iteration, compute it once before "
         "the outer loop");
    return;
  }
  if (AllPairs) {
    note(Inner->getBeginLoc(),
         "the inner loop looks for nothing: it writes something out for "
         "every pair, and the work is as large as that output; an index "
         "does not help");
    return;
  }
  note(Inner->getBeginLoc(),
       SameData
           ? "to make it linear, index the data once before the outer loop "
             "(a hash map or set keyed on what the inner loop looks for), or "
             "sort it once and walk it with two iterators"
           : "to make it linear, build a hash map or set from the inner "
             "loop's data once before the outer loop and look up in it");
}

//===----------------------------------------------------------------------===//
// Hidden linear work
//===----------------------------------------------------------------------===//

/// The cost of an associative container's own lookup ("O(1)" hashed,
/// "O(log n)" ordered), or null when T has none.
static const char *ownLookupCost(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD)
    return nullptr;
  auto Has = [&](StringRef Name) {
    return !RD->lookup(&RD->getASTContext().Idents.get(Name)).empty();
  };
  if (!Has("find"))
    return nullptr;
  if (Has("hash_function"))
    return "O(1)";
  return Has("key_comp") ? "O(log n)" : nullptr;
}

/// The impact of walking ~Size elements each time Call runs.
static core::Impact linearScanImpact(const Expr *Call, double Size,
                                     LoopModel &Loops) {
  core::Impact I = core::estimateImpact(
      core::CostKind::LinearScan,
      Size * core::unitCostNs(core::CostKind::LinearScan),
      Loops.executionsPerCall(Call));
  I.Certainty = Loops.confidence(Call);
  return I;
}

/// True when Container is a member of the element of a large range-for
/// around Call (`app.categories` inside `for (const App &app : apps)`): a
/// part of one element, a few items, not the input again.
static bool isPartOfOuterElement(const Expr *Container, const Expr *Call,
                                 LoopModel &Loops) {
  const auto *Member = dyn_cast<MemberExpr>(LoopModel::strip(Container));
  if (!Member)
    return false;
  const auto *Base = dyn_cast<DeclRefExpr>(LoopModel::strip(Member->getBase()));
  if (!Base)
    return false;
  for (const Stmt *Loop : Loops.enclosingLoops(Call))
    if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop);
        Range && Range->getLoopVariable() == Base->getDecl() &&
        Loops.isLarge(Loops.info(Loop)))
      return true;
  return false;
}

/// The advice for a generic search of a container with a lookup of its own;
/// What is the container's spelling, quoted.
static std::string ownLookupNote(const std::string &What) {
  return "use the container's own lookup (" + What +
         ".find or .count), which is not linear";
}

/// True when the call after the iterator pair is given a value to look for
/// (`std::find(b, e, x)`), not a predicate the container's own lookup cannot
/// take (`std::find_if(b, e, pred)`).
static bool searchesForValue(const Expr *Call, const core::LinearFunctionModel &M) {
  auto Args = core::argumentsOf(Call);
  if (M.Scans != core::ScanShape::IteratorPair || Args.size() <= M.Arg + 2)
    return false;
  QualType T = Args[M.Arg + 2]->IgnoreParenImpCasts()->getType();
  if (T->isFunctionPointerType() || T->isFunctionType() ||
      T->isMemberPointerType())
    return false;
  if (const CXXRecordDecl *RD = T.getNonReferenceType()->getAsCXXRecordDecl())
    if (RD->isLambda() ||
        !RD->lookup(RD->getASTContext().DeclarationNames.getCXXOperatorName(
                        OO_Call))
             .empty())
      return false;
  return true;
}

void NestedLoopCheck::checkLinearCall(const Expr *Call,
                                      const core::LinearFunctionModel &M,
                                      ASTContext &Ctx) {
  LoopModel &Loops = loops(Ctx);
  const SourceManager &SM = Ctx.getSourceManager();
  const Expr *Scanned = core::CallClassifier::scannedBy(Call, M);
  if (!Scanned)
    return;
  const Expr *Container = LoopModel::containerOfAccessor(Scanned);
  const Expr *Named = Container ? Container : Scanned;
  Dependence Data = Loops.classify(Scanned);
  bool LargeConstant = Data.Kind == core::TripKind::Constant &&
                       Data.Constant >= loopOptions().LargeTripCount;
  if (!Data.isInput() && !LargeConstant)
    return;

  const Stmt *Loop = nullptr;
  bool InCondition = false;
  if (M.ConditionOnly) {
    auto Enclosing = Loops.enclosingLoops(Call);
    if (Enclosing.empty())
      return;
    const Stmt *Innermost = Enclosing.front();
    const Expr *Cond = core::loopCondition(Innermost);
    if (!Cond || !containsRange(SM, Cond->getSourceRange(), Call->getSourceRange()) ||
        !Loops.isInvariantIn(Scanned, Innermost) ||
        !Loops.isLarge(Loops.info(Innermost)))
      return;
    Loop = Innermost;
    InCondition = true;
  } else {
    Loop = hoistableLoop(Call, Scanned, Ctx);
  }
  double Size = LargeConstant ? static_cast<double>(Data.Constant)
                              : static_cast<double>(loopOptions().AssumedTripCount);
  // A scan of an element's few parts (`app.categories` in the loop over
  // apps) costs a constant per element: the loops around it are the cost,
  // and they are reported as such.
  if (!LargeConstant && isPartOfOuterElement(Named, Call, Loops))
    return;
  if (!Loop) {
    // Outside a loop that could hoist it, a search of a set or map with a
    // generic algorithm is still linear where the container's own lookup
    // is not (performance-inefficient-algorithm's case).
    if (Container && M.Fix == core::LinearFix::Index &&
        searchesForValue(Call, M))
      if (const char *Cost = ownLookupCost(Container->getType()))
        reportOwnLookupMissed(Call, M, Container, Cost, Size, LargeConstant,
                              Ctx);
    return;
  }
  double Executions = Loops.executionsPerCall(Call);
  core::Impact I = linearScanImpact(Call, Size, Loops);
  if (!meetsMinimum(I))
    return;

  std::string What = "'" + Loops.spelling(Named) + "'";
  std::vector<core::AssumedSize> ScannedSize;
  if (!LargeConstant)
    ScannedSize.push_back({core::AssumedSize::Elements, Loops.spelling(Named)});
  std::string Count = ", ~" + core::formatCount(Size * Executions) +
                      " element visits per call" +
                      assumption(Call, Ctx, ScannedSize);
  if (InCondition) {
    report(Call->getBeginLoc(),
           "'" + M.Name + "' in the loop condition re-scans " + What +
               " on every iteration: O(n^2)" + Count,
           I, SM);
    note(Call->getBeginLoc(), "compute the length once before the loop, or "
                              "test for the terminating character instead");
    return;
  }
  report(Call->getBeginLoc(),
         "'" + M.Name + "' scans " + What + " on every iteration of " +
             Loops.info(Loop).Description + ": " +
             complexity(Loop, Scanned, Ctx) + Count,
         I, SM);
  note(Loop->getBeginLoc(), "loop here");
  if (Container && ownLookupCost(Container->getType()))
    note(Call->getBeginLoc(), ownLookupNote(What));
  else if (M.Fix == core::LinearFix::Hoist)
    note(Call->getBeginLoc(), "if " + What +
                                  " does not change inside the loop, compute "
                                  "the result once before it");
  else
    note(Call->getBeginLoc(), "build a hash set or map of " + What +
                                  " once before the loop and look up in it");
}

void NestedLoopCheck::reportOwnLookupMissed(const Expr *Call,
                                            const core::LinearFunctionModel &M,
                                            const Expr *Container,
                                            StringRef LookupCost, double Size,
                                            bool KnownSize, ASTContext &Ctx) {
  LoopModel &Loops = loops(Ctx);
  core::Impact I = linearScanImpact(Call, Size, Loops);
  if (!meetsMinimum(I))
    return;
  double Executions = Loops.executionsPerCall(Call);
  std::string Name = Loops.spelling(Container);
  std::vector<core::AssumedSize> Sizes;
  if (!KnownSize)
    Sizes.push_back({core::AssumedSize::Elements, Name});
  report(Call->getBeginLoc(),
         "'" + M.Name + "' walks '" + Name + "' element by element: O(n) " +
             "where its own lookup is " + LookupCost.str() +
             ", ~" + core::formatCount(Size * Executions) +
             " element visits per call" + assumption(Call, Ctx, Sizes),
         I, Ctx.getSourceManager());
  // Not a fix-it: the member compares by the container's key (its ordering
  // or hash), the algorithm by operator==, and a map's elements are pairs.
  note(Call->getBeginLoc(), ownLookupNote("'" + Name + "'"));
}

void NestedLoopCheck::checkFrontOperation(const CXXMemberCallExpr *Call,
                                          ASTContext &Ctx) {
  LoopModel &Loops = loops(Ctx);
  const SourceManager &SM = Ctx.getSourceManager();
  const Expr *Object = Call->getImplicitObjectArgument();
  if (!Object || Call->getNumArgs() == 0)
    return;
  // The first argument must be the object's own begin().
  const auto *Begin =
      dyn_cast<CXXMemberCallExpr>(LoopModel::strip(Call->getArg(0)));
  const CXXMethodDecl *BeginDecl = Begin ? Begin->getMethodDecl() : nullptr;
  if (!BeginDecl || !BeginDecl->getIdentifier() ||
      (BeginDecl->getName() != "begin" && BeginDecl->getName() != "cbegin") ||
      Loops.spelling(Begin->getImplicitObjectArgument()) !=
          Loops.spelling(Object))
    return;
  if (!Loops.classify(Object).isInput())
    return;
  const Stmt *Loop = hoistableLoop(Call, Object, Ctx);
  if (!Loop)
    return;

  double Size = static_cast<double>(loopOptions().AssumedTripCount);
  double Executions = Loops.executionsPerCall(Call);
  core::Impact I = core::estimateImpact(
      core::CostKind::LinearScan,
      Size * core::unitCostNs(core::CostKind::LinearScan), Executions);
  I.Certainty = Loops.confidence(Call);
  if (!meetsMinimum(I))
    return;
  StringRef Method = Call->getMethodDecl()->getName();
  std::string What = "'" + Loops.spelling(Object) + "'";
  bool Erases = Method == "erase";
  report(Call->getExprLoc(),
         "'" + Method.str() + "' at the front of " + What +
             " moves every element, on every iteration of " +
             Loops.info(Loop).Description + ": O(n^2), ~" +
             core::formatCount(Size * Executions) + " element moves per call" +
             assumption(Call, Ctx,
                        {{core::AssumedSize::Elements, Loops.spelling(Object)}}),
         I, SM);
  note(Loop->getBeginLoc(), "loop here");
  note(Call->getExprLoc(),
       Erases ? "a std::deque removes its front in O(1); or keep the index of "
                "the next element and erase the consumed prefix once after "
                "the loop"
              : "a std::deque inserts at its front in O(1); or append and "
                "reverse once after the loop");
}

void NestedLoopCheck::checkCallee(const Expr *Call, ASTContext &Ctx) {
  const FunctionDecl *Callee = core::calleeOf(Call);
  // A [[noreturn]] callee (an error reporter that throws) ends the function:
  // it runs once, whatever loops surround the call.
  if (!Callee || Callee->isNoReturn())
    return;
  LoopModel &Loops = loops(Ctx);
  // A function that calls itself in its loop walks a tree (the fields of a
  // table, then each sub-table's): every node is visited once in all, not
  // once per iteration of the loop that recurses.
  if (const FunctionDecl *Caller = Loops.enclosingFunction(Call);
      Caller && Caller->getCanonicalDecl() == Callee->getCanonicalDecl())
    return;
  const core::FunctionSummary &Summary = effects(Ctx).summary(Callee);
  if (Summary.ScannedParams.empty() && Summary.ScannedMembers.empty())
    return;
  const SourceManager &SM = Ctx.getSourceManager();
  std::string Name = core::displayName(Callee);
  auto Args = core::argumentsOf(Call);

  // A callee that calls this function back (`verifyVector` ->
  // `verifyTable` -> `verifyVector`), or a chain that does: the same walk of
  // a tree, mutually recursive. Computed only when a loop is reported.
  const FunctionDecl *Caller = Loops.enclosingFunction(Call);
  auto CallsCaller = [&](const Stmt *S) {
    std::function<bool(const Stmt *)> Visit = [&](const Stmt *Node) {
      if (!Node)
        return false;
      if (const auto *E = dyn_cast<CallExpr>(Node))
        if (const FunctionDecl *Target = E->getDirectCallee();
            Target && Target->getCanonicalDecl() == Caller->getCanonicalDecl())
          return true;
      return llvm::any_of(Node->children(), Visit);
    };
    return Visit(S);
  };
  auto Recurses = [&](const core::EffectTrace &Trace) {
    const FunctionDecl *CalleeDef = core::analysableDefinition(Callee);
    return (Caller && CalleeDef && CallsCaller(CalleeDef->getBody())) ||
           (Caller && llvm::any_of(Trace, [&](const core::EffectStep &Step) {
             const auto *StepCall = dyn_cast_or_null<Expr>(Step.Site);
             const FunctionDecl *Target =
                 StepCall ? core::calleeOf(StepCall) : nullptr;
             return Target &&
                    Target->getCanonicalDecl() == Caller->getCanonicalDecl();
           }));
  };

  auto Report = [&](const Stmt *Loop, const std::string &What,
                    const std::string &Data, const Expr *Scanned,
                    const core::EffectTrace &Trace, bool Part) {
    if (Recurses(Trace))
      return;
    double Size = static_cast<double>(loopOptions().AssumedTripCount);
    double Executions = Loops.executionsPerCall(Call);
    core::Impact I = core::estimateImpact(
        core::CostKind::LoopIteration,
        Size * core::unitCostNs(core::CostKind::LoopIteration), Executions);
    I.Certainty = Loops.confidence(Call);
    if (Trace.size() > 1) // Reached through a callee.
      I.Certainty = core::lowered(I.Certainty);
    // The callee walks a part of the object passed (a namespace's
    // components): as unsure a size as a member's.
    if (Part)
      I.Certainty = core::lowered(I.Certainty);
    if (!meetsMinimum(I))
      return;
    report(Call->getBeginLoc(),
           core::calleeScanMessage(
               Name, What, Loops.info(Loop).Description,
               Scanned ? complexity(Loop, Scanned, Ctx) : "O(n*m)",
               Size * Executions,
               assumption(Call, Ctx, {{core::AssumedSize::Elements, Data}})),
           I, SM);
    note(Loop->getBeginLoc(), "loop here");
    noteTrace(Trace, Call->getBeginLoc(), SM);
  };

  for (const core::ParamScan &Scan : Summary.ScannedParams) {
    unsigned Index = Scan.Param;
    if (Index >= Args.size() || Index >= Callee->getNumParams() ||
        !Summary.reachesFrom(Call, Scan.Trace))
      continue;
    // A count parameter (`repeat(n)`, or one wrapped in a struct:
    // `out << IndentTo(col)`) is a loop bound, not data: the work per call is
    // what the caller asked for.
    QualType ParamType = Callee->getParamDecl(Index)->getType().getNonReferenceType();
    if ((!ParamType->isRecordType() && !ParamType->isPointerType()) ||
        core::isCountType(ParamType))
      continue;
    const Expr *Arg = Args[Index];
    if (!Loops.classify(Arg).isInput())
      continue;
    if (const Stmt *Loop = hoistableLoop(Call, Arg, Ctx)) {
      Report(Loop, "'" + Loops.spelling(Arg) + "'", Loops.spelling(Arg), Arg,
             Scan.Trace, Scan.Part);
      return;
    }
  }
  if (Summary.ScannedMembers.empty())
    return;
  const Expr *Object = core::objectOf(Call);
  if (!Object && !isa<CXXMemberCallExpr>(Call))
    return;
  for (const core::MemberScan &Scan : Summary.ScannedMembers) {
    if (!Summary.reachesFrom(Call, Scan.Trace))
      continue;
    if (const Stmt *Loop = hoistableLoop(Call, Object, Ctx)) {
      Report(Loop, "member '" + Scan.Member + "'", Scan.Member, nullptr,
             Scan.Trace, /*Part=*/false);
      return;
    }
  }
}

} // namespace clang::tidy::perf_audit
