//===--- EffectAnalysis.cpp - What a function does, through calls ---------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/EffectAnalysis.h"
#include "perf-audit/Async.h"
#include "perf-audit/FindingText.h"
#include <functional>
#include "perf-audit/CallClassifier.h"
#include "perf-audit/LoopModel.h"
#include "perf-audit/ProgramSummaries.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/SmallPtrSet.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

using namespace clang;

namespace perf_audit {

const FunctionDecl *analysableDefinition(const FunctionDecl *FD) {
  if (!FD)
    return nullptr;
  const FunctionDecl *Def = nullptr;
  if (!FD->hasBody(Def) || !Def)
    return nullptr;
  const SourceManager &SM = Def->getASTContext().getSourceManager();
  if (SM.isInSystemHeader(Def->getLocation()))
    return nullptr;
  return Def;
}

std::string displayName(const FunctionDecl *FD) {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (isa<CXXConstructorDecl>(MD))
      return MD->getParent()->getNameAsString();
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    if (MD->getParent()->isLambda())
      return "lambda";
  return FD->getNameAsString();
}

/// Nanoseconds in one unit of a model's duration-unit.
static double unitNs(StringRef Unit) {
  if (Unit == "ms")
    return 1e6;
  if (Unit == "us")
    return 1e3;
  if (Unit == "ns")
    return 1;
  return 1e9;
}

/// Nanoseconds per tick of a std::chrono::duration type, or none.
static std::optional<double> chronoPeriodNs(QualType T) {
  const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      T.getNonReferenceType()->getAsRecordDecl());
  if (!Spec || modelName(Spec) != "std::chrono::duration" ||
      Spec->getTemplateArgs().size() != 2 ||
      Spec->getTemplateArgs()[1].getKind() != TemplateArgument::Type)
    return std::nullopt;
  QualType Period = Spec->getTemplateArgs()[1].getAsType();
  const auto *Ratio = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
      Period->getAsRecordDecl());
  if (!Ratio || Ratio->getTemplateArgs().size() != 2)
    return std::nullopt;
  const TemplateArgument &Num = Ratio->getTemplateArgs()[0];
  const TemplateArgument &Den = Ratio->getTemplateArgs()[1];
  if (Num.getKind() != TemplateArgument::Integral ||
      Den.getKind() != TemplateArgument::Integral || Den.getAsIntegral() == 0)
    return std::nullopt;
  const llvm::APSInt &N = Num.getAsIntegral(), &D = Den.getAsIntegral();
  return 1e9 * N.roundToDouble(N.isSigned()) / D.roundToDouble(D.isSigned());
}

/// A constant number as a double, whatever its width.
static std::optional<double> numberValue(const APValue &V,
                                         const ASTContext &Ctx) {
  if (V.isInt())
    return V.getInt().roundToDouble(V.getInt().isSigned());
  if (V.isFloat()) {
    // The semantics of double come from the context, not from
    // APFloat::IEEEdouble(): since LLVM 22 that reads a static data member,
    // a symbol the loader must bind when the plugin is opened, and an
    // older clang-tidy has none, so the plugin could not even say that it
    // was built for another major.
    llvm::APFloat F = V.getFloat();
    bool LosesInfo;
    F.convert(Ctx.getFloatTypeSemantics(Ctx.DoubleTy),
              llvm::APFloat::rmNearestTiesToEven, &LosesInfo);
    return F.convertToDouble();
  }
  return std::nullopt;
}

/// The value of a constant duration argument in ns: `100ms`,
/// `std::chrono::seconds(2)`, `1s + 500ms`, a constexpr duration, or an
/// integer in the model's unit.
///
/// The argument is evaluated whole, as the compiler would. Taking literals
/// apart is not safe: libstdc++'s `operator""ms` is a literal operator
/// template, whose call has no argument to read as the "cooked" literal.
static std::optional<double> constantDurationNs(const Expr *Arg, StringRef Unit,
                                                const ASTContext &Ctx) {
  if (!Arg)
    return std::nullopt;
  const Expr *E = Arg->IgnoreImplicit();
  if (E->isValueDependent() || E->containsErrors())
    return std::nullopt;
  std::optional<double> Period = chronoPeriodNs(E->getType());
  if (!Period && !E->getType()->isArithmeticType())
    return std::nullopt;
  Expr::EvalResult R;
  if (!E->EvaluateAsRValue(R, Ctx))
    return std::nullopt;
  if (!Period) {
    if (std::optional<double> Count = numberValue(R.Val, Ctx))
      return *Count * unitNs(Unit);
    return std::nullopt;
  }
  // A duration holds one member: its count of ticks (`__r` in libstdc++,
  // `__rep_` in libc++).
  if (!R.Val.isStruct() || R.Val.getStructNumBases() != 0 ||
      R.Val.getStructNumFields() != 1)
    return std::nullopt;
  if (std::optional<double> Ticks = numberValue(R.Val.getStructField(0), Ctx))
    return *Ticks * *Period;
  return std::nullopt;
}

class EffectAnalysis::Impl {
public:
  Impl(LoopModel &Loops, CallClassifier &Calls, EffectOptions Options)
      : Loops(Loops), Calls(Calls), Options(Options) {}

  LoopModel &Loops;
  CallClassifier &Calls;
  EffectOptions Options;
  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<FunctionSummary>>
      Summaries;
  llvm::SmallPtrSet<const FunctionDecl *, 8> InProgress;
  FunctionSummary Empty;

  llvm::DenseMap<const FunctionDecl *, std::unique_ptr<FunctionSummary>>
      External;

  const FunctionSummary &summary(const FunctionDecl *FD);
  const FunctionSummary &external(const FunctionDecl *FD);
  std::optional<BlockingEffect> directBlocking(const Expr *Call);
};

EffectAnalysis::EffectAnalysis(LoopModel &Loops, CallClassifier &Calls,
                               EffectOptions Options)
    : State(std::make_unique<Impl>(Loops, Calls, Options)) {}

EffectAnalysis::~EffectAnalysis() = default;

const FunctionSummary &EffectAnalysis::summary(const FunctionDecl *FD) {
  return State->summary(FD);
}

std::optional<BlockingEffect>
EffectAnalysis::directBlocking(const Expr *Call) {
  return State->directBlocking(Call);
}

bool FunctionSummary::reachesFrom(const Expr *Call,
                                  const EffectTrace &Trace) const {
  if (Trace.empty() || !Call)
    return true;
  auto It = Conditions.find(Trace.front().Site);
  if (It == Conditions.end())
    return true;
  const FunctionDecl *Callee = calleeOf(Call);
  auto Args = argumentsOf(Call);
  for (const ParamTest &T : It->second) {
    if (T.Index >= Args.size() || !Callee)
      continue;
    const Expr *Arg = Args[T.Index];
    Expr::EvalResult Value;
    if (Arg->isValueDependent() ||
        !Arg->EvaluateAsInt(Value, Callee->getASTContext()))
      continue;
    bool Same = Value.Val.getInt().getExtValue() == T.Value;
    if (Same != T.Equal)
      return false;
  }
  return true;
}

std::string callName(const Expr *Call) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Call)) {
    // The type as the declaration spells it: std::ifstream, not
    // std::basic_ifstream<char>.
    const ASTContext &Ctx = Construct->getConstructor()->getASTContext();
    for (const DynTypedNode &Parent :
         const_cast<ASTContext &>(Ctx).getParents(*Construct))
      if (const auto *VD = Parent.get<VarDecl>())
        return VD->getType().getUnqualifiedType().getAsString(
            Ctx.getPrintingPolicy());
    return Construct->getType().getUnqualifiedType().getAsString(
        Ctx.getPrintingPolicy());
  }
  const FunctionDecl *Callee = calleeOf(Call);
  if (!Callee)
    return "call";
  if (isa<CXXMethodDecl>(Callee))
    return displayName(Callee);
  return modelName(Callee);
}

/// True when the path Call opens is spelled as a string literal that starts
/// with one of M's memory path prefixes: in an argument (`QFile::exists(
/// ":/a")`, `QStringLiteral(":/a")` too), or in the initialiser of the
/// object it is called on (`QFile f(":/a"); f.open(...)`).
static bool namesMemoryPath(const Expr *Call, const BlockingCallModel &M) {
  const FunctionDecl *Callee = calleeOf(Call);
  const ASTContext &Ctx = Callee->getASTContext();
  const SourceManager &SM = Ctx.getSourceManager();
  auto Spells = [&](SourceRange Range) {
    if (Range.isInvalid())
      return false;
    StringRef Text = Lexer::getSourceText(
        CharSourceRange::getTokenRange(SM.getExpansionRange(Range).getAsRange()),
        SM, Ctx.getLangOpts());
    return llvm::any_of(M.MemoryPathPrefixes, [&](const std::string &Prefix) {
      return Text.contains("\"" + Prefix);
    });
  };
  for (const Expr *Arg : argumentsOf(Call))
    if (Spells(Arg->getSourceRange()))
      return true;
  const Expr *Object = objectOf(Call);
  Object = Object ? LoopModel::strip(Object) : nullptr;
  if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Object))
    if (const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
        VD && VD->hasLocalStorage() && VD->getInit())
      return Spells(VD->getInit()->getSourceRange());
  return Object && !isa<DeclRefExpr, MemberExpr, CXXThisExpr>(Object) &&
         Spells(Object->getSourceRange());
}

/// The object of a member call, else its first argument: what a file call
/// works on (`dir.mkpath(".")`: dir; `QFile::exists(path)`: path).
static const Expr *fileSubject(const Expr *Call) {
  if (const Expr *Object = objectOf(Call))
    return Object;
  auto Args = argumentsOf(Call);
  return Args.empty() ? nullptr : Args.front();
}

/// True when Call creates what a guard found missing: it is in the
/// then-branch of `if (!X.exists())` (or `!exists(X)`) and works on the
/// same X (`if (!dir.exists()) dir.mkpath(".");`). It runs once per
/// installation, not on every call.
static bool createsWhatIsMissing(const Expr *Call, LoopModel &Loops) {
  const Expr *Subject = fileSubject(Call);
  if (!Subject)
    return false;
  std::string Spelled = Loops.spelling(Subject);
  ASTContext &Ctx = Loops.context();
  DynTypedNode Node = DynTypedNode::create(*Call);
  for (unsigned Depth = 0; Depth < 16; ++Depth) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return false;
    if (const auto *If = Parents[0].get<IfStmt>();
        If && If->getThen() == Node.get<Stmt>()) {
      const auto *Not = dyn_cast<UnaryOperator>(LoopModel::strip(If->getCond()));
      const Expr *Test = Not && Not->getOpcode() == UO_LNot
                             ? LoopModel::strip(Not->getSubExpr())
                             : nullptr;
      const FunctionDecl *Tested = Test ? calleeOf(Test) : nullptr;
      if (Tested && identifierName(Tested) == "exists")
        if (const Expr *Checked = fileSubject(Test))
          return Loops.spelling(Checked) == Spelled;
    }
    if (Parents[0].get<FunctionDecl>() || Parents[0].get<LambdaExpr>())
      return false;
    Node = Parents[0];
  }
  return false;
}

std::optional<BlockingEffect>
EffectAnalysis::Impl::directBlocking(const Expr *Call) {
  const FunctionDecl *Callee = calleeOf(Call);
  if (!Callee)
    return std::nullopt;
  BlockingEffect Effect;
  if (const BlockingCallModel *M = Calls.blocking(Call)) {
    if (M->OptIn && !Options.IncludeOptInBlocking)
      return std::nullopt;
    if (M->BlocksWhenArg) {
      auto Args = argumentsOf(Call);
      if (*M->BlocksWhenArg >= Args.size() ||
          !isWrittenArgument(Args[*M->BlocksWhenArg]))
        return std::nullopt;
    }
    if (M->BlocksInWaitLoop) {
      // The innermost loop around it runs until a condition changes: not a
      // count, not a walk over data.
      auto Enclosing = Loops.enclosingLoops(Call);
      if (Enclosing.empty() ||
          Loops.info(Enclosing.front()).Trip.Kind != TripKind::Unknown)
        return std::nullopt;
    }
    if (!M->MemoryPathPrefixes.empty() && namesMemoryPath(Call, *M))
      return std::nullopt;
    if (M->Kind == BlockingKind::FileIO && createsWhatIsMissing(Call, Loops))
      return std::nullopt;
    Effect.Model = M;
    Effect.Kind = M->Kind;
    Effect.AsyncForm = M->AsyncForm;
    if (M->Kind == BlockingKind::Sleep && M->DurationArg) {
      auto Args = argumentsOf(Call);
      if (*M->DurationArg < Args.size())
        Effect.SleepNs = constantDurationNs(Args[*M->DurationArg],
                                            M->DurationUnit,
                                            Callee->getASTContext());
    }
  } else if (Calls.isRoundTrip(Call)) {
    // A database call waits for the server (or the disk).
    Effect.Kind = BlockingKind::Database;
    Effect.Query = Calls.query(Call);
    Effect.EmbeddedQuery = Effect.Query && Effect.Query->Embedded;
  } else if (!hasAnnotation(Callee, "perf-audit:blocking")) {
    return std::nullopt;
  }
  return Effect;
}

namespace {
/// The variable or field an lvalue names: `x`, `this->m`, `m`.
const ValueDecl *stateNamed(const Expr *E) {
  E = LoopModel::strip(E);
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    return DRE->getDecl();
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(E))
    if (isa<CXXThisExpr>(LoopModel::strip(ME->getBase())))
      return ME->getMemberDecl();
  return nullptr;
}

/// True for what can be stepped like a cursor: a number, a pointer, an
/// iterator (a class with operator++). `text += part` on a string appends.
static bool isCursorType(QualType T) {
  T = T.getNonReferenceType();
  // `level_ptrs_[lvl]++`: an array of cursors, one per level.
  while (const ArrayType *Array = T->getAsArrayTypeUnsafe())
    T = Array->getElementType();
  if (T->isScalarType())
    return true;
  const CXXRecordDecl *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  return llvm::any_of(RD->methods(), [](const CXXMethodDecl *MD) {
    return MD->getOverloadedOperator() == OO_PlusPlus;
  });
}

/// The variables and fields a statement writes: assigned, incremented, or
/// changed through a non-const member function or operator (`m[k] = v`,
/// `m.insert(x)`, `flag = true`, `++it`).
class StateWrites : public RecursiveASTVisitor<StateWrites> {
public:
  llvm::SmallPtrSet<const ValueDecl *, 4> Written;
  /// The subset stepped like a cursor: `++it`, `it += n`, `p--`.
  llvm::SmallPtrSet<const ValueDecl *, 4> Stepped;

  bool VisitBinaryOperator(BinaryOperator *B) {
    if (B->isAssignmentOp())
      add(B->getLHS(), B->getOpcode() == BO_AddAssign ||
                           B->getOpcode() == BO_SubAssign);
    return true;
  }
  bool VisitUnaryOperator(UnaryOperator *U) {
    if (U->isIncrementDecrementOp())
      add(U->getSubExpr(), /*Step=*/true);
    return true;
  }
  bool VisitCXXOperatorCallExpr(CXXOperatorCallExpr *Op) {
    OverloadedOperatorKind Kind = Op->getOperator();
    bool Step = Kind == OO_PlusPlus || Kind == OO_MinusMinus ||
                Kind == OO_PlusEqual || Kind == OO_MinusEqual;
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Op->getCalleeDecl());
        (Step || (MD && !MD->isConst())) && Op->getNumArgs() > 0)
      add(Op->getArg(0), Step);
    return true;
  }
  bool VisitCXXMemberCallExpr(CXXMemberCallExpr *Call) {
    if (const CXXMethodDecl *MD = Call->getMethodDecl(); MD && !MD->isConst())
      add(Call->getImplicitObjectArgument());
    return true;
  }

private:
  void add(const Expr *E, bool Step = false) {
    if (const ValueDecl *D = stateNamed(E)) {
      Written.insert(D);
      if (Step && isCursorType(D->getType()))
        Stepped.insert(D);
    }
  }
};

StateWrites writesIn(const Stmt *S) {
  StateWrites Writes;
  Writes.TraverseStmt(const_cast<Stmt *>(S));
  return Writes;
}

/// The fields and static variables that Cond reads: the state a guard such
/// as `if (cache_.empty())` or `if (!initialised)` tests.
class StateReads : public RecursiveASTVisitor<StateReads> {
public:
  llvm::SmallPtrSet<const ValueDecl *, 4> Read;
  bool VisitMemberExpr(MemberExpr *ME) {
    if (isa<CXXThisExpr>(LoopModel::strip(ME->getBase())))
      Read.insert(ME->getMemberDecl());
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *DRE) {
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl());
        VD && VD->hasGlobalStorage())
      Read.insert(VD);
    return true;
  }
};

/// Walks one function body and fills its summary.
class SummaryBuilder : public RecursiveASTVisitor<SummaryBuilder> {
public:
  SummaryBuilder(EffectAnalysis::Impl &A, const FunctionDecl *FD,
                 FunctionSummary &Out)
      : A(A), FD(FD), Out(Out) {}

  bool shouldVisitTemplateInstantiations() const { return true; }

  // A lambda's body is this function's work only where it runs here
  // (CallClassifier::isInvokedWhereWritten); a function of the project that
  // calls it is followed through its own summary. Its captures are
  // initialised here.
  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    for (Expr *Init : Lambda->capture_inits())
      if (!TraverseStmt(Init))
        return false;
    return !A.Calls.isInvokedWhereWritten(Lambda, A.Loops.context()) ||
           TraverseStmt(Lambda->getBody());
  }

  bool TraverseStmt(Stmt *S) {
    if (!S)
      return true;
    if (isLoopStmt(S))
      visitLoop(S);
    if (auto *E = dyn_cast<Expr>(S); E && isa<CallExpr, CXXConstructExpr>(E))
      visitCall(E);
    return RecursiveASTVisitor::TraverseStmt(S);
  }

  // Unevaluated operands execute nothing.
  bool TraverseUnaryExprOrTypeTraitExpr(UnaryExprOrTypeTraitExpr *) {
    return true;
  }
  // LLVM 22 passes a second argument (TraverseQualifier); the default keeps
  // this override matching the one-argument call of LLVM 19.
  bool TraverseDecltypeTypeLoc(DecltypeTypeLoc, bool = true) { return true; }
  bool TraverseCXXTypeidExpr(CXXTypeidExpr *E) {
    return E->isPotentiallyEvaluated()
               ? RecursiveASTVisitor::TraverseCXXTypeidExpr(E)
               : true;
  }
  bool TraverseCXXNoexceptExpr(CXXNoexceptExpr *) { return true; }

  // The branches a loop sits in, to tell a cache filled once from a scan.
  bool TraverseIfStmt(IfStmt *If) {
    // A branch that a constant condition disables (`if (kVerbose >= 2)
    // DumpFilter();` with `const int kVerbose = 1`) never runs.
    bool Value = false;
    if (const Expr *Cond = If->getCond();
        Cond && !If->getConditionVariable() && !Cond->isValueDependent() &&
        Cond->EvaluateAsBooleanCondition(Value, A.Loops.context()) &&
        !Cond->HasSideEffects(A.Loops.context())) {
      Stmt *Taken = Value ? If->getThen() : If->getElse();
      return !Taken || TraverseStmt(Taken);
    }
    Guards.push_back(If);
    bool Continue = RecursiveASTVisitor::TraverseIfStmt(If);
    Guards.pop_back();
    return Continue;
  }

  // The initialiser of a static local runs once in the program's life
  // (`static Settings instance;` in a getInstance()).
  bool TraverseVarDecl(VarDecl *VD) {
    bool Once = VD && VD->isStaticLocal();
    StaticInitDepth += Once;
    bool Continue = RecursiveASTVisitor::TraverseVarDecl(VD);
    StaticInitDepth -= Once;
    return Continue;
  }

private:
  /// True when Loop fills a cache once: it sits in the then-branch of an
  /// `if` that tests a field or static variable which that branch writes
  /// (`if (names_.empty()) { for (...) names_[n] = i; }`). Callers pay for
  /// it once per object, not once per call.
  bool isMemoised(const Stmt *Loop) const {
    return guardedByStateItWrites(Loop, /*StaticLocalOnly=*/false);
  }

  /// True when S runs once in the program's life, whoever calls it: in the
  /// initialiser of a static local, or in a branch that tests a static
  /// local flag which only that branch sets (`static bool first = true;
  /// if (first) { ...; first = false; }`). Its blocking calls and queries
  /// are a start-up cost, not a cost of each caller. A global flag may be
  /// set again elsewhere (`dirty = true`), so it does not count.
  bool runsOncePerProgram(const Stmt *S) const {
    return StaticInitDepth > 0 ||
           guardedByStateItWrites(S, /*StaticLocalOnly=*/true);
  }

  /// True when some statement of this function other than Excluded (and
  /// what it contains) writes D.
  bool writtenOutside(const Stmt *Node, const Stmt *Excluded,
                      const ValueDecl *D) const {
    const SourceManager &SM = A.Loops.context().getSourceManager();
    for (const Stmt *Child : Node->children()) {
      if (!Child || Child == Excluded)
        continue;
      bool Contains = SM.isPointWithin(Excluded->getBeginLoc(),
                                       Child->getBeginLoc(), Child->getEndLoc());
      if (Contains ? writtenOutside(Child, Excluded, D)
                   : writesIn(Child).Written.count(D) > 0)
        return true;
    }
    return false;
  }

  /// The value of Cond when Flag holds Value, when Cond is `flag`, `!flag`,
  /// `flag == C` or `flag != C`.
  static std::optional<bool> valueWith(const Expr *Cond, const VarDecl *Flag,
                                       const llvm::APSInt &Value,
                                       const ASTContext &Ctx) {
    Cond = LoopModel::strip(Cond);
    if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Cond))
      return Ref->getDecl() == Flag ? std::optional<bool>(Value != 0)
                                    : std::nullopt;
    if (const auto *Not = dyn_cast_or_null<UnaryOperator>(Cond);
        Not && Not->getOpcode() == UO_LNot) {
      std::optional<bool> Inner = valueWith(Not->getSubExpr(), Flag, Value, Ctx);
      return Inner ? std::optional<bool>(!*Inner) : std::nullopt;
    }
    const auto *BO = dyn_cast_or_null<BinaryOperator>(Cond);
    if (!BO || !BO->isEqualityOp())
      return std::nullopt;
    const Expr *L = BO->getLHS(), *R = BO->getRHS();
    for (int Side = 0; Side < 2; ++Side, std::swap(L, R)) {
      const auto *Ref = dyn_cast<DeclRefExpr>(LoopModel::strip(L));
      std::optional<llvm::APSInt> C =
          R->isValueDependent() ? std::nullopt : R->getIntegerConstantExpr(Ctx);
      if (Ref && Ref->getDecl() == Flag && C)
        return (llvm::APSInt::compareValues(Value, *C) == 0) ==
               (BO->getOpcode() == BO_EQ);
    }
    return std::nullopt;
  }

  /// True when Cond tests a static local flag of this function that starts
  /// with a value for which Cond holds, and that the function only ever sets
  /// to constants for which it does not (`static bool first = true;
  /// if (first) {...} first = false;`): the branch runs on the first call.
  bool clearsOnce(const Expr *Cond) const {
    StateReads Reads;
    Reads.TraverseStmt(const_cast<Expr *>(Cond));
    if (Reads.Read.size() != 1 || !FD->getBody())
      return false;
    const auto *Flag = dyn_cast<VarDecl>(*Reads.Read.begin());
    const ASTContext &Ctx = A.Loops.context();
    if (!Flag || !Flag->isStaticLocal() || !Flag->getInit() ||
        !Flag->getType()->isIntegralOrEnumerationType() ||
        Flag->getInit()->isValueDependent())
      return false;
    std::optional<llvm::APSInt> Initial =
        Flag->getInit()->getIntegerConstantExpr(Ctx);
    if (!Initial || valueWith(Cond, Flag, *Initial, Ctx) != true)
      return false;
    // Every write of the flag: `flag = C`, with Cond false for C.
    bool Clears = true;
    unsigned Assignments = 0;
    std::function<void(const Stmt *)> Visit = [&](const Stmt *Node) {
      if (!Node || !Clears)
        return;
      if (const auto *B = dyn_cast<BinaryOperator>(Node); B && B->isAssignmentOp()) {
        const auto *Ref = dyn_cast<DeclRefExpr>(LoopModel::strip(B->getLHS()));
        if (Ref && Ref->getDecl() == Flag) {
          std::optional<llvm::APSInt> C =
              B->getOpcode() == BO_Assign && !B->getRHS()->isValueDependent()
                  ? B->getRHS()->getIntegerConstantExpr(Ctx)
                  : std::nullopt;
          Clears = C && valueWith(Cond, Flag, *C, Ctx) == false;
          ++Assignments;
        }
      }
      if (const auto *U = dyn_cast<UnaryOperator>(Node);
          U && (U->isIncrementDecrementOp() || U->getOpcode() == UO_AddrOf))
        if (const auto *Ref = dyn_cast<DeclRefExpr>(LoopModel::strip(U->getSubExpr()));
            Ref && Ref->getDecl() == Flag)
          Clears = false;
      for (const Stmt *Child : Node->children())
        Visit(Child);
    };
    Visit(FD->getBody());
    return Clears && Assignments > 0;
  }

  bool guardedByStateItWrites(const Stmt *S, bool StaticLocalOnly) const {
    const SourceManager &SM = A.Loops.context().getSourceManager();
    for (const IfStmt *If : Guards) {
      const Stmt *Then = If->getThen();
      if (!Then || !SM.isPointWithin(S->getBeginLoc(), Then->getBeginLoc(),
                                     Then->getEndLoc()))
        continue;
      // What a guard is does not depend on the statement asked about: one
      // walk of its branch per guard, not per call inside it.
      auto [It, New] = GuardKinds.try_emplace(If);
      if (New)
        It->second = guardKind(If);
      if (It->second == GuardKind::OncePerProgram ||
          (!StaticLocalOnly && It->second == GuardKind::OncePerObject))
        return true;
    }
    return false;
  }

  enum class GuardKind { Other, OncePerObject, OncePerProgram };

  /// OncePerProgram: the guard tests a static local flag that only its
  /// branch sets, or that the function only ever sets to close the branch;
  /// OncePerObject: it tests a field or static its branch writes.
  GuardKind guardKind(const IfStmt *If) const {
    const Stmt *Then = If->getThen();
    StateReads Reads;
    Reads.TraverseStmt(const_cast<Expr *>(If->getCond()));
    if (Reads.Read.empty())
      return GuardKind::Other;
    GuardKind Kind = GuardKind::Other;
    for (const ValueDecl *Written : writesIn(Then).Written) {
      if (!Reads.Read.count(Written))
        continue;
      Kind = GuardKind::OncePerObject;
      const auto *Flag = dyn_cast<VarDecl>(Written);
      if (Flag && Flag->isStaticLocal() && FD->getBody() &&
          !writtenOutside(FD->getBody(), Then, Flag))
        return GuardKind::OncePerProgram;
    }
    return clearsOnce(If->getCond()) ? GuardKind::OncePerProgram : Kind;
  }

  /// The container a condition looks a key up in and finds it:
  /// `it != table.end()` (it from `table.find(k)`), `table.count(k)`,
  /// `table.contains(k)`; null for anything else.
  static const ValueDecl *foundIn(const Expr *Cond) {
    Cond = Cond ? LoopModel::strip(Cond->IgnoreUnlessSpelledInSource())
                : nullptr;
    auto ObjectOf = [](const Expr *E, StringRef Method,
                       bool WithKey) -> const ValueDecl * {
      const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(
          E ? LoopModel::strip(E->IgnoreUnlessSpelledInSource()) : nullptr);
      if (!Call || !Call->getMethodDecl() ||
          identifierName(Call->getMethodDecl()) != Method ||
          (Call->getNumArgs() > 0) != WithKey)
        return nullptr;
      const Expr *Object = LoopModel::strip(Call->getImplicitObjectArgument());
      if (const auto *Ref = dyn_cast<DeclRefExpr>(Object))
        return Ref->getDecl();
      if (const auto *Member = dyn_cast<MemberExpr>(Object))
        return Member->getMemberDecl();
      return nullptr;
    };
    if (const ValueDecl *C = ObjectOf(Cond, "count", true))
      return C;
    if (const ValueDecl *C = ObjectOf(Cond, "contains", true))
      return C;
    const Expr *LHS = nullptr, *RHS = nullptr;
    if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(Cond);
        Op && Op->getOperator() == OO_ExclaimEqual && Op->getNumArgs() == 2) {
      LHS = Op->getArg(0);
      RHS = Op->getArg(1);
    } else if (const auto *BO = dyn_cast_or_null<BinaryOperator>(Cond);
               BO && BO->getOpcode() == BO_NE) {
      LHS = BO->getLHS();
      RHS = BO->getRHS();
    } else if (const auto *Rewritten =
                   dyn_cast_or_null<CXXRewrittenBinaryOperator>(Cond);
               Rewritten && Rewritten->getOperator() == BO_NE) {
      // C++20 spells `a != b` as `!(a == b)`.
      LHS = Rewritten->getLHS();
      RHS = Rewritten->getRHS();
    }
    const ValueDecl *End = ObjectOf(RHS, "end", false);
    if (!End)
      return nullptr;
    // The other side is the lookup, or a variable initialised with it.
    const Expr *Found = LoopModel::strip(LHS);
    if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Found))
      if (const auto *V = dyn_cast<VarDecl>(Ref->getDecl()))
        Found = V->getInit()
                    ? LoopModel::strip(V->getInit()->IgnoreUnlessSpelledInSource())
                    : nullptr;
    return ObjectOf(Found, "find", true) == End ? End : nullptr;
  }

  /// True when S runs only when a lookup that the function returns on misses
  /// (`auto it = table.find(k); if (it != table.end()) return it->second;`)
  /// and the function fills that container after S: a memo table, so S
  /// runs once per distinct key, not on every call.
  bool isBehindMemoLookup(const Stmt *S) const {
    const auto *Body = dyn_cast_or_null<CompoundStmt>(FD->getBody());
    if (!Body)
      return false;
    const SourceManager &SM = A.Loops.context().getSourceManager();
    SourceLocation At = SM.getExpansionLoc(S->getBeginLoc());
    auto Before = [&](SourceLocation L) {
      return SM.isBeforeInTranslationUnit(SM.getExpansionLoc(L), At);
    };
    auto Returns = [](const Stmt *Then) {
      if (const auto *Block = dyn_cast_or_null<CompoundStmt>(Then))
        Then = Block->body_empty() ? nullptr : Block->body_back();
      return isa_and_nonnull<ReturnStmt>(Then);
    };
    const ValueDecl *Table = nullptr;
    for (const Stmt *Statement : Body->body()) {
      if (!Before(Statement->getEndLoc()))
        break;
      const auto *If = dyn_cast<IfStmt>(Statement);
      if (If && !If->getElse() && !If->getInit() && Returns(If->getThen()))
        if (const ValueDecl *C = foundIn(If->getCond()))
          Table = C;
    }
    if (!Table)
      return false;
    // Filled after S: a non-const member call on the table.
    bool Filled = false;
    std::function<void(const Stmt *)> Visit = [&](const Stmt *Node) {
      if (!Node || Filled)
        return;
      if (const auto *Call = dyn_cast<CXXMemberCallExpr>(Node);
          Call && !Before(Call->getBeginLoc()) && Call->getMethodDecl() &&
          !Call->getMethodDecl()->isConst()) {
        const Expr *Object = LoopModel::strip(Call->getImplicitObjectArgument());
        const ValueDecl *D = nullptr;
        if (const auto *Ref = dyn_cast<DeclRefExpr>(Object))
          D = Ref->getDecl();
        else if (const auto *Member = dyn_cast<MemberExpr>(Object))
          D = Member->getMemberDecl();
        Filled = D == Table;
      }
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Node);
          Op && Op->getOperator() == OO_Subscript && Op->getNumArgs() > 0 &&
          !Before(Op->getBeginLoc())) {
        const Expr *Object = LoopModel::strip(Op->getArg(0));
        if (const auto *Ref = dyn_cast<DeclRefExpr>(Object))
          Filled = Ref->getDecl() == Table;
        else if (const auto *Member = dyn_cast<MemberExpr>(Object))
          Filled = Member->getMemberDecl() == Table;
      }
      for (const Stmt *Child : Node->children())
        Visit(Child);
    };
    Visit(Body);
    return Filled;
  }

  /// True when Loop advances a cursor that outlives the call: an iterator
  /// the caller passed by reference (`while (it != end) { ...; ++it; }` with
  /// `Iter &it`), or a field the loop steps without resetting it (leveldb's
  /// `while (...) ++restart_index_;`). It continues a traversal where the
  /// last call stopped; the calls together walk the data once.
  bool advancesCallersCursor(const Stmt *Loop) const {
    llvm::SmallPtrSet<const ValueDecl *, 4> Reset;
    if (const auto *For = dyn_cast<ForStmt>(Loop); For && For->getInit())
      Reset = writesIn(For->getInit()).Written;
    for (const ValueDecl *Stepped : writesIn(Loop).Stepped) {
      if (Reset.count(Stepped))
        continue;
      if (isa<FieldDecl>(Stepped))
        return true;
      if (const auto *P = dyn_cast<ParmVarDecl>(Stepped);
          P && P->getDeclContext() == FD && P->getType()->isLValueReferenceType() &&
          !P->getType().getNonReferenceType().isConstQualified())
        return true;
    }
    return false;
  }

  /// True when Loop's cursor starts at a position the caller passes by
  /// value (`for (i = from; i < v.size(); ++i)`, tsl's
  /// shift_indexes_in_buckets): it walks the tail after that position, whose
  /// length the callee cannot know; callers that insert or erase at the end
  /// walk nothing. Like vector::insert, it is charged only at the front.
  bool startsAtCallersPosition(const Stmt *Loop, const LoopInfo &L) const {
    const auto *For = dyn_cast<ForStmt>(Loop);
    if (!For || !For->getInit())
      return false;
    const Expr *Start = nullptr;
    const VarDecl *Cursor = nullptr;
    if (const auto *DS = dyn_cast<DeclStmt>(For->getInit());
        DS && DS->isSingleDecl())
      if (const auto *VD = dyn_cast<VarDecl>(DS->getSingleDecl())) {
        Cursor = VD;
        Start = VD->getInit();
      }
    if (const auto *BO = dyn_cast<BinaryOperator>(For->getInit());
        BO && BO->getOpcode() == BO_Assign)
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(LoopModel::strip(BO->getLHS()))) {
        Cursor = dyn_cast<VarDecl>(DRE->getDecl());
        Start = BO->getRHS();
      }
    if (!Cursor || !Start || !llvm::is_contained(L.IterationVars, Cursor))
      return false;
    const auto *Ref = dyn_cast<DeclRefExpr>(LoopModel::strip(Start));
    const auto *Position = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
    return Position && Position->getDeclContext() == FD &&
           !Position->getType()->isReferenceType() && L.Trip.Root != Position;
  }

  /// True when Loop walks a member that the function empties after the loop,
  /// unconditionally (`for (node *d : deps_) d->mark(); deps_.clear();`,
  /// leveldb's `Build` of a bloom filter from `keys_`): the loop drains what
  /// earlier calls queued, so over all calls each element is visited once.
  bool drainsMember(const Stmt *Loop, const LoopInfo &L) const {
    const auto *Field = dyn_cast_or_null<FieldDecl>(L.Trip.Root);
    if (!Field)
      return false;
    auto Clears = [&](const Stmt *S) {
      const auto *Call = dyn_cast<CXXMemberCallExpr>(S);
      if (!Call || !Call->getMethodDecl() ||
          !A.Calls.model().isClearingMethod(
              identifierName(Call->getMethodDecl())))
        return false;
      const auto *Object = dyn_cast_or_null<MemberExpr>(
          LoopModel::strip(Call->getImplicitObjectArgument()));
      return Object && Object->getMemberDecl() == Field &&
             isa<CXXThisExpr>(LoopModel::strip(Object->getBase()));
    };
    ASTContext &Ctx = A.Loops.context();
    DynTypedNode Node = DynTypedNode::create(*Loop);
    while (true) {
      DynTypedNodeList Parents = Ctx.getParents(Node);
      if (Parents.empty())
        return false;
      const auto *Block = Parents[0].get<CompoundStmt>();
      if (!Block)
        return false; // Only blocks of statements up to the function body.
      bool After = false;
      for (const Stmt *Next : Block->body()) {
        if (After && isa<Expr>(Next) && Clears(cast<Expr>(Next)->IgnoreImplicit()))
          return true;
        After |= Next == Node.get<Stmt>();
      }
      if (Block == FD->getBody())
        return false;
      Node = Parents[0];
    }
  }

  /// True when Loop only waits (`while (!w.done && &w != writers_.front())
  /// w.cv.Wait();`, leveldb's writer queue): it repeats once per wake-up of
  /// a condition variable or per sleep, not once per element of what its
  /// condition names.
  bool isWaitLoop(const Stmt *Loop) const {
    const Stmt *Body = loopBody(Loop);
    if (const auto *Block = dyn_cast_or_null<CompoundStmt>(Body))
      Body = Block->size() == 1 ? Block->body_front() : nullptr;
    const auto *Call = dyn_cast_or_null<Expr>(Body);
    if (!Call || !isa<CallExpr>(Call->IgnoreImplicit()))
      return false;
    Call = Call->IgnoreImplicit();
    std::optional<BlockingEffect> Blocks = A.directBlocking(Call);
    if (!Blocks)
      if (const FunctionDecl *Callee = calleeOf(Call))
        Blocks = A.summary(Callee).Blocking;
    return Blocks &&
           (Blocks->Kind == BlockingKind::Wait || Blocks->Kind == BlockingKind::Sleep);
  }

  /// True when Loop has no index of its own and consumes the member its
  /// condition reads (`while (in_ && isSpace(in_.peek())) in_.eat(1);`,
  /// yaml-cpp's scanner; `while (!queue_.empty()) queue_.pop();`): each call
  /// takes what is left, so over all calls every element is consumed once.
  bool consumesMember(const Stmt *Loop, const LoopInfo &L) const {
    const auto *Field = dyn_cast_or_null<FieldDecl>(L.Trip.Root);
    if (!Field || !L.IterationVars.empty() || isa<CXXForRangeStmt>(Loop))
      return false;
    const Stmt *Body = loopBody(Loop);
    if (writesIn(Body).Written.count(Field))
      return true;
    // Or through a method of this object (`PopIndent()` pops `m_indents`).
    bool Consumed = false;
    std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
      if (!S || Consumed)
        return;
      if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S))
        if (const Expr *Object = Call->getImplicitObjectArgument();
            Object && isa<CXXThisExpr>(LoopModel::strip(Object)))
          if (const FunctionDecl *Def =
                  analysableDefinition(Call->getMethodDecl()))
            Consumed = writesIn(Def->getBody()).Written.count(Field) != 0;
      for (const Stmt *Child : S->children())
        Visit(Child);
    };
    Visit(Body);
    return Consumed;
  }

  std::optional<unsigned> paramIndex(const ValueDecl *D) const {
    if (const auto *P = dyn_cast_or_null<ParmVarDecl>(D))
      if (P->getDeclContext() == FD)
        return P->getFunctionScopeIndex();
    return std::nullopt;
  }

  /// True when Param, a reference through which the function hands back a
  /// result, is assigned as a whole before At, unconditionally and from
  /// values not derived from it (Poco's `doubleToStr(str, v)`: `str =
  /// buffer;` then scans `str`): what the function walks then is what it
  /// wrote, not the caller's data.
  bool isOverwrittenBefore(const ParmVarDecl *Param, const Stmt *At) const {
    const auto *Body = dyn_cast_or_null<CompoundStmt>(FD->getBody());
    QualType T = Param->getType();
    if (!Body || !At || !T->isLValueReferenceType() ||
        T.getNonReferenceType().isConstQualified())
      return false;
    const SourceManager &SM = A.Loops.context().getSourceManager();
    SourceLocation Site = At->getBeginLoc();
    for (const Stmt *S : Body->body()) {
      if (SM.isPointWithin(Site, S->getBeginLoc(), S->getEndLoc()))
        return false;
      if (A.Loops.resets(S, Param))
        return true;
    }
    return false;
  }

  /// What, of this function's inputs, the work on Dep (a loop's subject,
  /// an argument of a call at At) grows with.
  ArgumentSource sourceOf(const Dependence &Dep, const Stmt *At) const {
    ArgumentSource Source;
    if (!Dep.isInput())
      return Source;
    if (std::optional<unsigned> Index = paramIndex(Dep.Root)) {
      if (isOverwrittenBefore(cast<ParmVarDecl>(Dep.Root), At))
        return Source;
      Source.Kind = ArgumentSource::CallerParam;
      Source.Param = *Index;
      // A member of the parameter (`ns.components`, `p->items`).
      Source.Part =
          Dep.Subject && isa<MemberExpr>(LoopModel::strip(Dep.Subject));
      return Source;
    }
    if (const auto *Field = dyn_cast_or_null<FieldDecl>(Dep.Root))
      if (const auto *ME = dyn_cast_or_null<MemberExpr>(Dep.Subject))
        if (isa<CXXThisExpr>(LoopModel::strip(ME->getBase()))) {
          Source.Kind = ArgumentSource::CallerMember;
          Source.Field = Field;
          Source.Member = Field->getNameAsString();
        }
    return Source;
  }

  /// Records that the function's work grows with what Dep names.
  void recordScan(const Dependence &Dep, EffectTrace Trace) {
    ArgumentSource Source = sourceOf(Dep, Trace.front().Site);
    bool Added = false;
    if (Source.Kind == ArgumentSource::CallerParam)
      Added = Out.addParamScan(ParamScan{Source.Param, Trace, Source.Part});
    else if (Source.Kind == ArgumentSource::CallerMember)
      Added = Out.addMemberScan(MemberScan{Source.Member, Source.Field, Trace});
    if (Added)
      noteConditions(Trace);
  }

  void visitLoop(const Stmt *Loop) {
    const LoopInfo &L = A.Loops.info(Loop);
    if (L.Trip.Source == InputSource::QueryRows || !L.Trip.isInput() ||
        isMemoised(Loop) || isBehindMemoLookup(Loop) ||
        advancesCallersCursor(Loop) ||
        startsAtCallersPosition(Loop, L) || drainsMember(Loop, L) ||
        consumesMember(Loop, L) || isWaitLoop(Loop))
      return;
    recordScan(L.Trip, {EffectStep{Loop, {}, "loops over '" +
                                             A.Loops.spelling(L.Trip.Subject) +
                                             "' here"}});
  }

  void visitCall(const Expr *Call) {
    const FunctionDecl *Callee = calleeOf(Call);
    if (!Callee)
      return;
    std::string Name = displayName(Callee);
    if (runsOncePerProgram(Call))
      return;

    if (!Out.Query && A.Calls.isRoundTrip(Call)) {
      QuerySite Site;
      Site.Trace.push_back(EffectStep{Call, {}, "query executed here"});
      Site.Model = A.Calls.query(Call);
      Site.Embedded = Site.Model && Site.Model->Embedded;
      Site.Writes = A.Calls.writes(Call);
      Site.LoadsRelation = Site.Model && Site.Model->LazyRelation;
      noteConditions(Site.Trace);
      Out.Query = std::move(Site);
    }
    // The costliest blocking call is the one the summary names.
    if (std::optional<BlockingEffect> B = A.directBlocking(Call);
        B && (!Out.Blocking || costlierBlocking(*B, *Out.Blocking))) {
      B->Trace.push_back(
          EffectStep{Call, {}, "'" + callName(Call) + "' blocks here"});
      noteConditions(B->Trace);
      Out.Blocking = std::move(*B);
    }
    if (const LinearFunctionModel *Linear = A.Calls.linear(Call);
        Linear && !Linear->ConditionOnly) {
      if (const Expr *Scanned = CallClassifier::scannedBy(Call, *Linear))
        recordScan(A.Loops.classify(Scanned),
                   {EffectStep{Call, {}, "'" + Name + "' scans it here"}});
    }

    const FunctionDecl *Def = analysableDefinition(Callee);
    // Past a [[noreturn]] call nothing of this function runs again: its
    // loops are paid once, not per call of this function's caller loop.
    if (Def == FD || Callee->isNoReturn())
      return;
    const FunctionSummary &S = A.summary(Callee);
    if (S.empty())
      return;
    CallEdge Edge;
    Edge.Site.Site = Call;
    Edge.CalleeName = Name;
    Edge.CalleeIsCoroutine = Def && runsInOwnCoroutine(Def, A.Calls);
    // A call that fills a cache once (`if (!node_) { node_ = make();
    // node_->init(); }`) costs its loops once per object, like a loop there.
    Edge.ChargesScans = !isMemoised(Call) && !isBehindMemoLookup(Call);
    // Arguments of a member call start after the object.
    for (const Expr *Arg : argumentsOf(Call))
      Edge.Arguments.push_back(sourceOf(A.Loops.classify(Arg), Call));
    const Expr *Object = objectOf(Call);
    Object = Object ? LoopModel::strip(Object) : nullptr;
    // A constructor's loops over its members walk the object it is
    // building (a fresh task's empty continuation list), not anything of
    // the caller's; only a method of the caller's own object walks the
    // caller's members.
    const auto *Method = dyn_cast<CXXMethodDecl>(FD);
    if (isa<CXXConstructExpr>(Call))
      Edge.Object.Kind = ArgumentSource::Unrelated;
    else if (Object && !isa<CXXThisExpr>(Object))
      Edge.Object = sourceOf(A.Loops.classify(Object), Call);
    else if (Method && Method->isInstance())
      Edge.Object.Kind = ArgumentSource::CallerObject;
    auto Reaches = [&](const EffectTrace &Trace) {
      return S.reachesFrom(Call, Trace);
    };
    Edge.Reaches = Reaches;
    if (inheritEffects(Out, S, Edge))
      noteConditions({EffectStep{Call, {}, {}}});
  }

  /// `P == C` or `C == P` (or `!=`) with P a parameter of this function
  /// and C an integer or enumerator constant.
  std::optional<ParamTest> paramTest(const Expr *Cond) const {
    Cond = LoopModel::strip(Cond);
    // A flag: `if (withDetails)` is `withDetails != 0`, `if (!quiet)` is
    // `quiet == 0`.
    bool Negated = false;
    const Expr *Flag = Cond;
    if (const auto *Not = dyn_cast_or_null<UnaryOperator>(Cond);
        Not && Not->getOpcode() == UO_LNot) {
      Negated = true;
      Flag = LoopModel::strip(Not->getSubExpr());
    }
    if (const auto *Ref = dyn_cast_or_null<DeclRefExpr>(Flag))
      if (const auto *P = dyn_cast<ParmVarDecl>(Ref->getDecl());
          P && P->getDeclContext() == FD &&
          P->getType()->isIntegralOrEnumerationType() &&
          !writesIn(FD->getBody()).Written.count(P))
        return ParamTest{P->getFunctionScopeIndex(), 0, Negated};
    const Expr *L = nullptr, *R = nullptr;
    bool Equal = true;
    if (const auto *BO = dyn_cast_or_null<BinaryOperator>(Cond);
        BO && BO->isEqualityOp()) {
      L = BO->getLHS();
      R = BO->getRHS();
      Equal = BO->getOpcode() == BO_EQ;
    } else if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(Cond);
               Op && Op->getNumArgs() == 2 &&
               (Op->getOperator() == OO_EqualEqual ||
                Op->getOperator() == OO_ExclaimEqual)) {
      L = Op->getArg(0);
      R = Op->getArg(1);
      Equal = Op->getOperator() == OO_EqualEqual;
    }
    if (!L || !R)
      return std::nullopt;
    ASTContext &Ctx = A.Loops.context();
    for (int Side = 0; Side < 2; ++Side, std::swap(L, R)) {
      const auto *Ref = dyn_cast<DeclRefExpr>(LoopModel::strip(L));
      const auto *P = Ref ? dyn_cast<ParmVarDecl>(Ref->getDecl()) : nullptr;
      // A parameter the function assigns no longer holds the argument.
      if (!P || P->getDeclContext() != FD ||
          !P->getType()->isIntegralOrEnumerationType() || R->isValueDependent() ||
          writesIn(FD->getBody()).Written.count(P))
        continue;
      Expr::EvalResult Value;
      if (R->EvaluateAsInt(Value, Ctx))
        return ParamTest{P->getFunctionScopeIndex(),
                         Value.Val.getInt().getExtValue(), Equal};
    }
    return std::nullopt;
  }

  /// Records the parameter tests of the `if`s around Trace's first step:
  /// the condition (each `&&` term) on the then-branch, its negation on the
  /// else-branch.
  void noteConditions(const EffectTrace &Trace) {
    if (Trace.empty() || !Trace.front().Site || Guards.empty())
      return;
    const Stmt *Site = Trace.front().Site;
    const SourceManager &SM = A.Loops.context().getSourceManager();
    SourceLocation At = SM.getExpansionLoc(Site->getBeginLoc());
    auto Within = [&](const Stmt *Branch) {
      return Branch &&
             SM.isPointWithin(At, SM.getExpansionLoc(Branch->getBeginLoc()),
                              SM.getExpansionLoc(Branch->getEndLoc()));
    };
    llvm::SmallVector<ParamTest, 1> Tests;
    for (const IfStmt *If : Guards) {
      if (Within(If->getThen())) {
        llvm::SmallVector<const Expr *, 2> Terms{If->getCond()};
        while (!Terms.empty()) {
          const Expr *Term = LoopModel::strip(Terms.pop_back_val());
          if (const auto *And = dyn_cast_or_null<BinaryOperator>(Term);
              And && And->getOpcode() == BO_LAnd) {
            Terms.push_back(And->getLHS());
            Terms.push_back(And->getRHS());
          } else if (std::optional<ParamTest> T = paramTest(Term)) {
            Tests.push_back(*T);
          }
        }
      } else if (Within(If->getElse())) {
        if (std::optional<ParamTest> T = paramTest(If->getCond())) {
          T->Equal = !T->Equal;
          Tests.push_back(*T);
        }
      }
    }
    if (!Tests.empty())
      Out.Conditions[Site] = std::move(Tests);
  }

  EffectAnalysis::Impl &A;
  const FunctionDecl *FD;
  FunctionSummary &Out;
  llvm::SmallVector<const IfStmt *, 4> Guards;
  /// Inside the initialiser of a static local.
  unsigned StaticInitDepth = 0;
  mutable llvm::DenseMap<const IfStmt *, GuardKind> GuardKinds;
};
} // namespace

const FunctionSummary &EffectAnalysis::Impl::summary(const FunctionDecl *FD) {
  if (!FD)
    return Empty;
  const FunctionDecl *Def = analysableDefinition(FD);
  if (!Def)
    return external(FD);
  FD = Def;
  auto It = Summaries.find(FD);
  if (It != Summaries.end())
    return *It->second;
  // A recursive call adds nothing the outer visit will not find.
  if (!InProgress.insert(FD).second)
    return Empty;
  auto Summary = std::make_unique<FunctionSummary>();
  SummaryBuilder Builder(*this, FD, *Summary);
  Builder.TraverseStmt(FD->getBody());
  InProgress.erase(FD);
  // A batching API's statements and loops are paid once per batch; what it
  // does to the calling thread (waiting for results) still counts.
  if (Calls.model().isBatchingFunction(Calls.nameOf(FD))) {
    Summary->Query.reset();
    Summary->ScannedParams.clear();
    Summary->ScannedMembers.clear();
  }
  return *(Summaries[FD] = std::move(Summary));
}

const FunctionSummary &EffectAnalysis::Impl::external(const FunctionDecl *FD) {
  if (!Options.Program || FD->isDependentContext())
    return Empty;
  FD = FD->getCanonicalDecl();
  if (FD->getASTContext().getSourceManager().isInSystemHeader(FD->getLocation()))
    return Empty;
  auto It = External.find(FD);
  if (It != External.end())
    return *It->second;
  auto Summary = std::make_unique<FunctionSummary>();
  std::optional<std::string> Usr = usrOf(FD);
  const FunctionRecord *Record =
      Usr ? Options.Program->lookup(*Usr) : nullptr;
  if (Record) {
    // The record's steps are in other files: Site null, Loc set.
    Summary->Query = Record->Query;
    // Calling a coroutine creates its frame; its body blocks where it runs.
    if (!Record->Coroutine)
      Summary->Blocking = Record->Blocking;
    for (const ParamScan &Scan : Record->ScannedParams)
      if (Scan.Param < FD->getNumParams())
        Summary->addParamScan(Scan);
    if (const auto *Method = dyn_cast<CXXMethodDecl>(FD))
      for (const MemberScan &Scan : Record->ScannedMembers)
        for (const FieldDecl *Field : Method->getParent()->fields())
          if (Field->getName() == Scan.Member)
            Summary->addMemberScan(MemberScan{Scan.Member, Field, Scan.Trace});
  }
  return *(External[FD] = std::move(Summary));
}

} // namespace perf_audit
