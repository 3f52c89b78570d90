//===--- LoopModel.cpp - Enclosing loops and trip-count estimates ---------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/LoopModel.h"
#include "perf-audit/ApiModel.h"
#include "perf-audit/CallClassifier.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "clang/Lex/Lexer.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"
#include <algorithm>
#include <cmath>
#include <functional>

using namespace clang;

namespace perf_audit {

/// How deep classify() follows local variables to their initializers.
static constexpr unsigned MaxClassifyDepth = 6;
/// Messages quote at most this many characters of source.
static constexpr size_t MaxSpellingLength = 40;

bool isLoopStmt(const Stmt *S) {
  return isa_and_nonnull<ForStmt, CXXForRangeStmt, WhileStmt, DoStmt>(S);
}

const Stmt *loopBody(const Stmt *Loop) {
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    return For->getBody();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop))
    return Range->getBody();
  if (const auto *While = dyn_cast<WhileStmt>(Loop))
    return While->getBody();
  if (const auto *Do = dyn_cast<DoStmt>(Loop))
    return Do->getBody();
  return nullptr;
}

const Expr *loopCondition(const Stmt *Loop) {
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    return For->getCond();
  if (const auto *While = dyn_cast<WhileStmt>(Loop))
    return While->getCond();
  if (const auto *Do = dyn_cast<DoStmt>(Loop))
    return Do->getCond();
  return nullptr;
}

class LoopModel::Impl {
public:
  Impl(const ApiModel &Model) : Calls(Model) {}

  CallClassifier Calls;
  llvm::DenseMap<const Stmt *, std::unique_ptr<LoopInfo>> Infos;
  llvm::DenseMap<const Stmt *, std::unique_ptr<ExprMutationAnalyzer>>
      Mutations;
  llvm::DenseMap<const VarDecl *, bool> MutatedVars;
  /// Local containers filled by a few insertions (Classifier).
  llvm::DenseMap<const VarDecl *, std::optional<Dependence>> FewInsertions;
  /// Container members filled only from the command line (Classifier).
  llvm::DenseMap<const FieldDecl *, bool> CommandLineFields;
  /// Functions that report a failure (isFailureReport).
  llvm::DenseMap<const FunctionDecl *, bool> FailureReports;

  /// The calls of each function in the unit's own code, and the functions
  /// named other than as a callee (their address taken, connected as a
  /// slot): built on first use.
  struct CallSiteIndex {
    llvm::DenseMap<const FunctionDecl *, llvm::SmallVector<const CallExpr *, 4>>
        Calls;
    llvm::DenseSet<const FunctionDecl *> Escaping;
    /// Every use of each data member (`options.filenames`).
    llvm::DenseMap<const FieldDecl *, llvm::SmallVector<const MemberExpr *, 4>>
        FieldUses;
  };
  std::unique_ptr<CallSiteIndex> CallSites;
  const CallSiteIndex &callSites(ASTContext &Ctx);

  ExprMutationAnalyzer &mutationsIn(const Stmt &Root, ASTContext &Ctx) {
    auto &Slot = Mutations[&Root];
    if (!Slot)
      Slot = std::make_unique<ExprMutationAnalyzer>(Root, Ctx);
    return *Slot;
  }
};

namespace {
class CallSiteCollector : public RecursiveASTVisitor<CallSiteCollector> {
public:
  explicit CallSiteCollector(LoopModel::Impl::CallSiteIndex &Index)
      : Index(Index) {}
  // A call written in a template is dependent in the pattern; its
  // instantiations say what it calls and with what (pplx's
  // `_Perform(_M_function)` converts the user's lambda).
  bool shouldVisitTemplateInstantiations() const { return true; }
  bool VisitCallExpr(CallExpr *Call) {
    if (const FunctionDecl *Callee = Call->getDirectCallee()) {
      Index.Calls[Callee->getCanonicalDecl()].push_back(Call);
      if (const auto *Ref =
              dyn_cast<DeclRefExpr>(Call->getCallee()->IgnoreParenImpCasts()))
        Callees.insert(Ref);
      else if (const auto *Member = dyn_cast<MemberExpr>(
                   Call->getCallee()->IgnoreParenImpCasts()))
        Callees.insert(Member);
    }
    return true;
  }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (const auto *Fn = dyn_cast<FunctionDecl>(Ref->getDecl()))
      Named.push_back({Ref, Fn});
    return true;
  }
  bool VisitMemberExpr(MemberExpr *Member) {
    if (const auto *Fn = dyn_cast<FunctionDecl>(Member->getMemberDecl()))
      Named.push_back({Member, Fn});
    else if (const auto *Field = dyn_cast<FieldDecl>(Member->getMemberDecl()))
      Index.FieldUses[Field->getCanonicalDecl()].push_back(Member);
    return true;
  }
  void finish() {
    for (const auto &[E, Fn] : Named)
      if (!Callees.contains(E))
        Index.Escaping.insert(Fn->getCanonicalDecl());
  }

private:
  LoopModel::Impl::CallSiteIndex &Index;
  llvm::DenseSet<const Expr *> Callees;
  llvm::SmallVector<std::pair<const Expr *, const FunctionDecl *>, 16> Named;
};
} // namespace

const LoopModel::Impl::CallSiteIndex &
LoopModel::Impl::callSites(ASTContext &Ctx) {
  if (!CallSites) {
    CallSites = std::make_unique<CallSiteIndex>();
    CallSiteCollector Collector(*CallSites);
    for (Decl *D : Ctx.getTraversalScope())
      Collector.TraverseDecl(D);
    Collector.finish();
  }
  return *CallSites;
}

LoopModel::LoopModel(ASTContext &Ctx, const ApiModel &Model,
                     LoopModelOptions Options)
    : Ctx(Ctx), Options(Options),
      State(std::make_unique<Impl>(Model)) {}

LoopModel::~LoopModel() = default;

//===----------------------------------------------------------------------===//
// Enclosing loops
//===----------------------------------------------------------------------===//

/// True when Child (a direct child of Loop in the parent map) is executed on
/// every iteration of Loop.
static bool isPerIterationChild(const Stmt *Loop, const DynTypedNode &Child) {
  const Stmt *S = Child.get<Stmt>();
  if (const auto *For = dyn_cast<ForStmt>(Loop))
    return !S || S != For->getInit();
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop)) {
    if (!S)
      return Child.get<Decl>() == Range->getLoopVariable();
    return S == Range->getBody() || S == Range->getLoopVarStmt() ||
           S == Range->getCond() || S == Range->getInc();
  }
  return true; // while and do: condition and body both run per iteration.
}

/// How the statements after a point of a block leave it, unconditionally.
enum class ExitAfter { None, Break, Function };

/// The first unconditional jump among Block's statements after Child, or
/// null: a `return`, a `throw`, a call to a [[noreturn]] function or a
/// `goto` leave the function (or at least every loop around it); a `break`
/// leaves the innermost loop or switch around Block; a `continue` ends the
/// search. Statements in branches do not count.
static const Stmt *nextExit(const CompoundStmt *Block, const Stmt *Child) {
  bool After = false;
  for (const Stmt *Next : Block->body()) {
    if (Next == Child) {
      After = true;
      continue;
    }
    if (!After)
      continue;
    // `case X:` and `default:` wrap the statement that follows them.
    while (const auto *Case = dyn_cast<SwitchCase>(Next))
      Next = Case->getSubStmt();
    while (const auto *Label = dyn_cast<LabelStmt>(Next))
      Next = Label->getSubStmt();
    if (isa<ContinueStmt, BreakStmt, ReturnStmt, GotoStmt, IndirectGotoStmt>(
            Next))
      return Next;
    if (const auto *E = dyn_cast<Expr>(Next)) {
      E = E->IgnoreImplicit();
      if (isa<CXXThrowExpr>(E))
        return E;
      if (const auto *Call = dyn_cast<CallExpr>(E))
        if (const FunctionDecl *Callee = Call->getDirectCallee();
            Callee && Callee->isNoReturn())
          return E;
    }
  }
  return nullptr;
}

/// How Block goes on after Child (nextExit).
static ExitAfter exitAfter(const CompoundStmt *Block, const Stmt *Child) {
  const Stmt *Exit = nextExit(Block, Child);
  if (!Exit || isa<ContinueStmt>(Exit))
    return ExitAfter::None;
  return isa<BreakStmt>(Exit) ? ExitAfter::Break : ExitAfter::Function;
}

/// A statement whose evaluation ends the function: `return E`, `throw E`,
/// a call to a [[noreturn]] function.
static bool leavesWith(const Stmt *P) {
  if (isa<ReturnStmt, CXXThrowExpr>(P))
    return true;
  if (const auto *Call = dyn_cast<CallExpr>(P))
    if (const FunctionDecl *Callee = Call->getDirectCallee())
      return Callee->isNoReturn();
  return false;
}

/// The variable or member of `*this` that E names, or null.
static const ValueDecl *namedVariable(const Expr *E) {
  E = LoopModel::strip(E);
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    return dyn_cast<VarDecl>(DRE->getDecl());
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(E))
    if (isa<CXXThisExpr>(ME->getBase()->IgnoreParenImpCasts()))
      return dyn_cast<FieldDecl>(ME->getMemberDecl());
  return nullptr;
}

/// The variable a guard tests, in a condition that holds until the guarded
/// block sets it: `!flag`, `flag == false`, `!ptr`, `ptr == nullptr`,
/// `cache.empty()`.
static const ValueDecl *guardedVariable(const Expr *Cond) {
  Cond = LoopModel::strip(Cond);
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot)
    return namedVariable(Not->getSubExpr());
  if (const auto *Cmp = dyn_cast<BinaryOperator>(Cond);
      Cmp && Cmp->getOpcode() == BO_EQ) {
    const Expr *RHS = Cmp->getRHS()->IgnoreParenImpCasts();
    if (isa<CXXBoolLiteralExpr, CXXNullPtrLiteralExpr, GNUNullExpr>(RHS) ||
        (isa<IntegerLiteral>(RHS) &&
         cast<IntegerLiteral>(RHS)->getValue() == 0))
      return namedVariable(Cmp->getLHS());
  }
  if (const auto *Empty = dyn_cast<CXXMemberCallExpr>(Cond))
    if (const CXXMethodDecl *Method = Empty->getMethodDecl();
        Method && Method->getIdentifier() && Method->getName() == "empty")
      return namedVariable(Empty->getImplicitObjectArgument());
  return nullptr;
}

/// True when S assigns to D or calls a non-const member of it: what turns a
/// guard on `D` off.
static bool writes(const Stmt *S, const ValueDecl *D) {
  if (!S)
    return false;
  auto Names = [D](const Expr *E) { return namedVariable(E) == D; };
  if (const auto *BO = dyn_cast<BinaryOperator>(S);
      BO && BO->isAssignmentOp() && Names(BO->getLHS()))
    return true;
  if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(S);
      Op && Op->isAssignmentOp() && Op->getNumArgs() > 0 &&
      Names(Op->getArg(0)))
    return true;
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(S))
    if (const CXXMethodDecl *Method = Call->getMethodDecl();
        Method && !Method->isConst() &&
        Names(Call->getImplicitObjectArgument()))
      return true;
  if (isa<LambdaExpr>(S))
    return false;
  return llvm::any_of(S->children(),
                      [D](const Stmt *Child) { return writes(Child, D); });
}

/// For an `if` whose then-branch holds Child and turns the if's own guard
/// off (`if (!ready_) { ...; ready_ = true; }`), the guard's variable.
static const ValueDecl *onceGuardOf(const Stmt *P, const DynTypedNode &Child) {
  const auto *If = dyn_cast<IfStmt>(P);
  if (!If || If->getThen() != Child.get<Stmt>() || If->getInit() ||
      If->getConditionVariable())
    return nullptr;
  const ValueDecl *Guard = guardedVariable(If->getCond());
  return Guard && writes(If->getThen(), Guard) ? Guard : nullptr;
}

llvm::SmallVector<const Stmt *, 4>
LoopModel::enclosingLoops(const Stmt *S) {
  llvm::SmallVector<const Stmt *, 4> Loops;
  DynTypedNode Node = DynTypedNode::create(*S);
  // A block that goes on to `break` runs S at most once per run of the loop
  // (or switch) that the break leaves: that loop does not repeat S.
  bool BreakPending = false;
  // The variable of a run-once guard around S: loops that do not declare
  // it do not repeat S.
  const ValueDecl *OnceGuard = nullptr;
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      break;
    const DynTypedNode &Parent = Parents[0];
    if (const auto *P = Parent.get<Stmt>()) {
      if (isa<LambdaExpr, BlockExpr>(P))
        break;
      // The value of a `return` or a `throw`, the arguments of a
      // [[noreturn]] call (`return lexer.Error(...)` in a parse loop) are
      // computed as the function leaves: once per call.
      if (leavesWith(P))
        return Loops;
      // `if (!initialized_) { fill(); initialized_ = true; }`: the block
      // turns its own guard off, so it runs once for all the iterations of
      // the loops outside the guard's variable.
      if (const ValueDecl *Guard = onceGuardOf(P, Node)) {
        if (!OnceGuard)
          OnceGuard = Guard;
      }
      if (const auto *Block = dyn_cast<CompoundStmt>(P)) {
        // An error path (build a message, throw) or an early exit (find,
        // act, return) runs once, whatever loops surround the block; the
        // loops inside it still repeat S.
        switch (exitAfter(Block, Node.get<Stmt>())) {
        case ExitAfter::Function:
          return Loops;
        case ExitAfter::Break:
          BreakPending = true;
          break;
        case ExitAfter::None:
          break;
        }
      }
      if (isa<SwitchStmt>(P))
        BreakPending = false; // The break leaves the switch, not a loop.
      if (isLoopStmt(P) && isPerIterationChild(P, Node)) {
        if (BreakPending)
          BreakPending = false;
        else if (!OnceGuard || isDeclaredIn(OnceGuard, P))
          Loops.push_back(P); // A guard declared inside P starts afresh.
      }
    } else if (const auto *D = Parent.get<Decl>()) {
      if (isa<FunctionDecl, BlockDecl, ObjCMethodDecl, CapturedDecl>(D) ||
          isa<TranslationUnitDecl, RecordDecl>(D))
        break;
    }
    Node = Parent;
  }
  return Loops;
}

const FunctionDecl *LoopModel::enclosingFunction(const Stmt *S) {
  DynTypedNode Node = DynTypedNode::create(*S);
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return nullptr;
    Node = Parents[0];
    if (const auto *Lambda = Node.get<LambdaExpr>())
      return Lambda->getCallOperator();
    if (const auto *FD = Node.get<FunctionDecl>())
      return FD;
  }
}

//===----------------------------------------------------------------------===//
// Expression helpers
//===----------------------------------------------------------------------===//

const Expr *LoopModel::strip(const Expr *E) {
  if (!E)
    return nullptr;
  const Expr *Prev = nullptr;
  while (E != Prev) {
    Prev = E;
    E = E->IgnoreUnlessSpelledInSource()->IgnoreParens();
    if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(E))
      E = Cleanups->getSubExpr();
    if (const auto *Init = dyn_cast<CXXStdInitializerListExpr>(E))
      E = Init->getSubExpr();
  }
  return E;
}

/// Accessor names whose object is the container they describe.
static bool isAccessorName(StringRef Name) {
  static const char *const Names[] = {
      "size",  "length", "begin",  "end",  "cbegin", "cend", "rbegin",
      "rend",  "crbegin", "crend", "data", "c_str",  "empty"};
  return llvm::is_contained(Names, Name);
}

const Expr *LoopModel::containerOfAccessor(const Expr *E) {
  E = strip(E);
  if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(E)) {
    const CXXMethodDecl *MD = MC->getMethodDecl();
    if (MD && MD->getIdentifier() && isAccessorName(MD->getName()) &&
        MC->getNumArgs() == 0)
      return MC->getImplicitObjectArgument();
    return nullptr;
  }
  if (const auto *CE = dyn_cast_or_null<CallExpr>(E)) {
    const FunctionDecl *FD = CE->getDirectCallee();
    if (!FD || CE->getNumArgs() != 1 || !FD->getIdentifier() ||
        isa<CXXMethodDecl>(FD))
      return nullptr;
    std::string Name = modelName(FD);
    StringRef Short = StringRef(Name);
    if (!Short.consume_front("std::"))
      return nullptr;
    Short.consume_front("ranges::");
    if (isAccessorName(Short) || Short == "ssize")
      return CE->getArg(0);
  }
  return nullptr;
}

std::string LoopModel::spelling(const Expr *E) const {
  if (!E)
    return {};
  const SourceManager &SM = Ctx.getSourceManager();
  CharSourceRange Range = CharSourceRange::getTokenRange(E->getSourceRange());
  Range = Lexer::makeFileCharRange(Range, SM, Ctx.getLangOpts());
  StringRef Text = Range.isValid()
                       ? Lexer::getSourceText(Range, SM, Ctx.getLangOpts())
                       : StringRef();
  // What a macro made around what the user wrote (Q_FOREACH's
  // `auto _container_ = qMakeForeachContainer(container)`, iterated through
  // `_container_.i`) is named by the argument written.
  for (const Expr *Made = E; Text.empty() && Made;) {
    Made = Made->IgnoreParenImpCasts();
    if (const auto *ME = dyn_cast<MemberExpr>(Made))
      Made = ME->getBase();
    else if (const auto *DRE = dyn_cast<DeclRefExpr>(Made))
      Made = isa<VarDecl>(DRE->getDecl()) ? cast<VarDecl>(DRE->getDecl())->getInit()
                                          : nullptr;
    else if (const auto *Call = dyn_cast<CallExpr>(strip(Made));
             Call && Call->getNumArgs() == 1)
      Made = Call->getArg(0);
    else
      Made = nullptr;
    if (!Made)
      break;
    CharSourceRange Written = Lexer::makeFileCharRange(
        CharSourceRange::getTokenRange(Made->getSourceRange()), SM,
        Ctx.getLangOpts());
    if (Written.isValid())
      Text = Lexer::getSourceText(Written, SM, Ctx.getLangOpts());
  }
  std::string OneLine;
  bool PendingSpace = false;
  for (char C : Text) {
    if (isspace(static_cast<unsigned char>(C))) {
      PendingSpace = !OneLine.empty();
      continue;
    }
    if (PendingSpace)
      OneLine += ' ';
    PendingSpace = false;
    OneLine += C;
  }
  if (OneLine.empty())
    return "expression";
  if (OneLine.size() > MaxSpellingLength)
    OneLine = OneLine.substr(0, MaxSpellingLength - 3) + "...";
  return OneLine;
}

//===----------------------------------------------------------------------===//
// Classification of sizes and bounds
//===----------------------------------------------------------------------===//

static unsigned rank(const Dependence &D) {
  switch (D.Kind) {
  case TripKind::Constant:
    return 1;
  case TripKind::Bounded:
    return 2;
  case TripKind::Logarithmic:
    return 3;
  case TripKind::Unknown:
    return 4;
  case TripKind::InputDependent:
    return D.Source == InputSource::QueryRows ? 6 : 5;
  }
  return 0;
}

/// The stronger of two dependences: query rows over input over unknown over
/// constant.
static Dependence strongest(const Dependence &A, const Dependence &B) {
  if (rank(B) > rank(A))
    return B;
  if (rank(A) == rank(B) && A.Kind == TripKind::Constant)
    return A.Constant >= B.Constant ? A : B;
  return A;
}

static Dependence constant(uint64_t Value) {
  Dependence D;
  D.Kind = TripKind::Constant;
  D.Constant = Value;
  return D;
}

static Dependence unknown() { return Dependence(); }

/// What the user typed on the command line: a handful (Root is the
/// parameter or the member holding it).
static Dependence commandLine(const ValueDecl *Root, const Expr *Subject) {
  Dependence D;
  D.Kind = TripKind::Bounded;
  D.Basis = TripBasis::CommandLine;
  D.Root = Root;
  D.Subject = Subject;
  return D;
}

static Dependence input(InputSource Source, const ValueDecl *Root,
                        const Expr *Subject) {
  Dependence D;
  D.Kind = TripKind::InputDependent;
  D.Source = Source;
  D.Root = Root;
  D.Subject = Subject;
  return D;
}

/// The element count of a type with a compile-time size: a C array or a
/// std::array.
static std::optional<uint64_t> fixedElementCount(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *CAT = dyn_cast_or_null<ConstantArrayType>(
          T->getAsArrayTypeUnsafe()))
    return CAT->getSize().getZExtValue();
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          T->getAsRecordDecl())) {
    if (modelName(Spec) == "std::array" && Spec->getTemplateArgs().size() == 2 &&
        Spec->getTemplateArgs()[1].getKind() == TemplateArgument::Integral)
      return Spec->getTemplateArgs()[1].getAsIntegral().getZExtValue();
  }
  return std::nullopt;
}

/// Types whose value is a flag, not a quantity: a bool, or an atomic bool.
static bool isFlagType(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isBooleanType())
    return true;
  if (const auto *Spec = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          T->getAsRecordDecl()))
    if (Spec->getName() == "atomic" && Spec->getTemplateArgs().size() == 1 &&
        Spec->getTemplateArgs()[0].getKind() == TemplateArgument::Type &&
        Spec->getTemplateArgs()[0].getAsType()->isBooleanType())
      return true;
  return false;
}

/// Class and pointer types hold data whose size is not known statically.
static bool isDataType(QualType T) {
  T = T.getNonReferenceType();
  return T->isPointerType() || T->isRecordType() || T->isArrayType();
}

static bool isContainerType(QualType T);

bool isCountType(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (T->isIntegralOrEnumerationType() || T->isRealFloatingType())
    return true;
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() || RD->isUnion() || RD->isPolymorphic())
    return false;
  RD = RD->getDefinition();
  // A class with its own begin() or size() is a container of counts.
  if (isContainerType(T))
    return false;
  bool AnyField = false;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (!isCountType(Base.getType()))
      return false;
  for (const FieldDecl *Field : RD->fields()) {
    if (!Field->getType()->isIntegralOrEnumerationType() &&
        !Field->getType()->isRealFloatingType())
      return false;
    AnyField = true;
  }
  return AnyField || RD->getNumBases() > 0;
}

/// True for an element reached through a container or an iterator into one
/// (`v[i]`, `*it`, `it->second` after `m.find(k)`): data derived from it is
/// that element's own, not the container's (`for (r : it->second.refs)`
/// walks one element's references, however large the map).
static bool isElementAccess(const Expr *E) {
  const auto *Op = dyn_cast<CXXOperatorCallExpr>(E);
  if (!Op || Op->getNumArgs() == 0)
    return false;
  QualType Operand = Op->getArg(0)->getType();
  switch (Op->getOperator()) {
  case OO_Subscript:
    return isContainerType(Operand);
  case OO_Star:
  case OO_Arrow: {
    const auto *RD = Operand.getNonReferenceType()->getAsCXXRecordDecl();
    return Op->getNumArgs() == 1 && RD && RD->hasDefinition() &&
           !isContainerType(Operand) &&
           llvm::any_of(RD->methods(), [](const CXXMethodDecl *MD) {
             return MD->getOverloadedOperator() == OO_PlusPlus;
           });
  }
  default:
    return false;
  }
}

/// Member functions that add one element (beyond the model's appending
/// methods): a container changed only by them (and by removals) holds at
/// most what was added.
static constexpr llvm::StringLiteral InsertingNames[] = {
    "insert", "emplace", "emplace_hint", "push_front", "emplace_front",
    "push", "append"};

/// True when a member function of this name adds one element to its
/// container: a model `appending-methods` entry or one of InsertingNames.
static bool addsAnElement(const ApiModel &Model, StringRef Name) {
  return Model.isAppendingMethod(Name) ||
         llvm::is_contained(InsertingNames, Name);
}

/// The element types of the container D names (or returns, for a
/// function: `for (const auto &E : errors())`): an array's, or a
/// container's `value_type`, a map's pair standing for its key and its
/// value. Empty when D is not a container.
static llvm::SmallVector<QualType, 2> elementTypesOf(const ValueDecl *D) {
  QualType T = D->getType();
  if (const auto *Fn = dyn_cast<FunctionDecl>(D))
    T = Fn->getReturnType();
  T = T.getNonReferenceType();
  if (T->isPointerType())
    T = T->getPointeeType();
  QualType Element;
  if (const auto *Array = dyn_cast<ArrayType>(T.getCanonicalType()))
    Element = Array->getElementType();
  else if (const CXXRecordDecl *RD = T->getAsCXXRecordDecl())
    for (const NamedDecl *Member : RD->lookup(
             &D->getASTContext().Idents.get("value_type")))
      if (const auto *Alias = dyn_cast<TypedefNameDecl>(Member))
        Element = Alias->getUnderlyingType();
  if (Element.isNull())
    return {};
  llvm::SmallVector<QualType, 2> Elements{Element};
  if (const auto *Pair = dyn_cast_or_null<ClassTemplateSpecializationDecl>(
          Element->getAsCXXRecordDecl());
      Pair && Pair->getName() == "pair" && Pair->isInStdNamespace()) {
    Elements.clear();
    for (const TemplateArgument &Arg : Pair->getTemplateArgs().asArray())
      if (Arg.getKind() == TemplateArgument::Type)
        Elements.push_back(Arg.getAsType());
  }
  return Elements;
}

/// True when D is a container of error records: its name or the class of
/// its elements says so (`errors_`, `std::vector<Diagnostic>`), and its
/// elements are records or strings, not numbers (`std::vector<double>
/// errors` holds a residual per sample). A program that works adds
/// nothing to one, and one that fails usually stops at the first failure:
/// it holds a handful, whatever the size of the input.
static bool holdsErrorRecords(const ValueDecl *D, const ApiModel &Model) {
  bool RecordElements = false;
  for (QualType Element : elementTypesOf(D)) {
    const auto *RD = Element->getAsCXXRecordDecl();
    if (!RD)
      continue;
    if (Model.namesErrorRecords(RD->getName()))
      return true;
    RecordElements = true;
  }
  return RecordElements && D->getIdentifier() &&
         Model.namesErrorRecords(D->getName());
}

/// True when T is text: `std::basic_string`, `std::basic_string_view`,
/// `QString`, `QByteArray`, or a pointer to characters.
static bool isTextType(QualType T) {
  T = T.getNonReferenceType().getCanonicalType();
  if (const auto *Pointer = T->getAs<PointerType>())
    return Pointer->getPointeeType()->isAnyCharacterType();
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->getIdentifier())
    return false;
  StringRef Name = RD->getName();
  return Name == "basic_string" || Name == "basic_string_view" ||
         Name == "QString" || Name == "QByteArray";
}

/// True when D holds the parts of one qualified name or path: strings, in
/// a container whose name says so (`components` of a namespace `a.b.c`,
/// `path_segments`; model list `name-part-words`). It is as long as the
/// name is deep, a handful, whatever the size of the input.
static bool holdsNameParts(const ValueDecl *D, const ApiModel &Model) {
  if (!D->getIdentifier() || !Model.namesNameParts(D->getName()))
    return false;
  llvm::SmallVector<QualType, 2> Elements = elementTypesOf(D);
  return Elements.size() == 1 && isTextType(Elements.front());
}

/// True when D is a string that holds one name, token or number (a string,
/// not a container of them, whose name has a `short-text-words` word:
/// `type_name`, `value.constant`, `token_`): a few characters, however
/// large the input. Text, lines and documents have other names.
static bool holdsShortText(const ValueDecl *D, const ApiModel &Model) {
  return D->getIdentifier() && Model.namesShortText(D->getName()) &&
         isTextType(D->getType());
}

/// The member or variable E names last: `components` for
/// `it.second.ns->components`, where the data it depends on is `it`'s.
static const ValueDecl *lastNamed(const Expr *E) {
  E = E ? LoopModel::strip(E) : nullptr;
  if (const Expr *Container = LoopModel::containerOfAccessor(E))
    E = LoopModel::strip(Container);
  if (const auto *ME = dyn_cast_or_null<MemberExpr>(E))
    return ME->getMemberDecl();
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(E))
    return DRE->getDecl();
  return nullptr;
}

namespace {
/// Recursive classification with a depth limit (locals may refer to each
/// other through their initializers).
class Classifier {
public:
  Classifier(LoopModel &Loops, LoopModel::Impl &State, ASTContext &Ctx)
      : Loops(Loops), State(State), Ctx(Ctx) {}

  /// What E depends on, with a container that holds a handful whatever
  /// the input (error records, the parts of one name) bounded: judged by
  /// the data's root and by what E names last, at every step of the walk
  /// (`N = components.size() - skip` is bounded by `components`).
  Dependence classify(const Expr *E, unsigned Depth) {
    Dependence D = classifyExpr(E, Depth);
    if (!D.isInput())
      return D;
    const ApiModel &Model = State.Calls.model();
    const ValueDecl *Named = lastNamed(E);
    auto Either = [&](bool (*Holds)(const ValueDecl *, const ApiModel &)) {
      return (D.Root && Holds(D.Root, Model)) || (Named && Holds(Named, Model));
    };
    if (Either(holdsErrorRecords)) {
      D.Kind = TripKind::Bounded;
      D.Basis = TripBasis::ErrorRecords;
      D.Source = InputSource::None;
    } else if (Either(holdsNameParts)) {
      D.Kind = TripKind::Bounded;
      D.Basis = TripBasis::NameParts;
      D.Source = InputSource::None;
    } else if (Either(holdsShortText)) {
      D.Kind = TripKind::Bounded;
      D.Basis = TripBasis::ShortText;
      D.Source = InputSource::None;
    }
    return D;
  }

  Dependence classifyExpr(const Expr *E, unsigned Depth) {
    // Broken code: clang's recovery expressions may have no type.
    if (!E || Depth > MaxClassifyDepth || E->getType().isNull() ||
        E->containsErrors())
      return unknown();
    // An implicit conversion may run the query (soci's `rowset<row> rows =
    // (sql.prepare << ...)`); look at it before stripping it away.
    if (const Expr *Query = implicitQuery(E)) {
      Dependence D = input(InputSource::QueryRows, nullptr, Query);
      D.Query = Query;
      return D;
    }
    E = LoopModel::strip(E);

    if (!E->isValueDependent() && !E->isTypeDependent() &&
        E->getType()->isIntegralOrEnumerationType()) {
      Expr::EvalResult Result;
      if (E->EvaluateAsInt(Result, Ctx)) {
        const llvm::APSInt &V = Result.Val.getInt();
        return constant(V.isNegative() ? 0 : V.getLimitedValue());
      }
    }
    if (std::optional<uint64_t> N = fixedElementCount(E->getType()))
      return constant(*N);
    if (const auto *List = dyn_cast<InitListExpr>(E))
      return constant(List->getNumInits());

    // A relation collection loads its rows when iterated (a local one is
    // classified by the query that initialised it).
    const auto *Local = dyn_cast<DeclRefExpr>(E);
    bool InitialisedLocal = Local && isa<VarDecl>(Local->getDecl()) &&
                            cast<VarDecl>(Local->getDecl())->getInit();
    if (const auto *RD = E->getType()->getAsCXXRecordDecl();
        RD && !InitialisedLocal)
      if (State.Calls.model().isLazyCollection(State.Calls.nameOf(RD))) {
        Dependence D = input(InputSource::QueryRows, nullptr, E);
        D.Query = E;
        return D;
      }

    if (isa<CallExpr, CXXConstructExpr>(E) &&
        (State.Calls.isRoundTrip(E) || State.Calls.isRowCursor(E))) {
      Dependence D = input(InputSource::QueryRows, nullptr, E);
      D.Query = E;
      return D;
    }

    if (const Expr *Container = LoopModel::containerOfAccessor(E))
      return classify(Container, Depth + 1);

    if (const auto *DRE = dyn_cast<DeclRefExpr>(E))
      return classifyDecl(DRE->getDecl(), DRE, Depth);

    if (const auto *ME = dyn_cast<MemberExpr>(E)) {
      if (const auto *Field = dyn_cast<FieldDecl>(ME->getMemberDecl());
          Field && filledFromCommandLine(Field))
        return commandLine(Field, ME);
      const Expr *Base = LoopModel::strip(ME->getBase());
      if (isa<CXXThisExpr>(Base)) {
        if (isFlagType(ME->getType()))
          return unknown();
        if (const auto *VD = dyn_cast<VarDecl>(ME->getMemberDecl()))
          return classifyDecl(VD, ME, Depth); // a static member
        return input(InputSource::Member, ME->getMemberDecl(), ME);
      }
      Dependence D = classify(Base, Depth + 1);
      if (D.isInput() && !isFlagType(ME->getType()))
        D.Subject = ME;
      else if (D.isInput())
        return unknown();
      return D;
    }

    if (const auto *MC = dyn_cast<CXXMemberCallExpr>(E)) {
      const Expr *Object = LoopModel::strip(MC->getImplicitObjectArgument());
      if (!Object || isa<CXXThisExpr>(Object)) {
        if (isFlagType(MC->getType()))
          return unknown();
        Dependence D = input(InputSource::Member, MC->getMethodDecl(), MC);
        return strongest(D, classifyArgs(MC, Depth));
      }
      Dependence D = classify(Object, Depth + 1);
      // The rows of a result are reached through its container accessors
      // and row cursors (above); any other member (`columns()`,
      // `column_number(name)`) describes its shape, not how many rows came.
      if (D.Source == InputSource::QueryRows)
        return strongest(unknown(), classifyArgs(MC, Depth));
      if (D.isInput())
        D.Subject = Object;
      return strongest(D, classifyArgs(MC, Depth));
    }

    if (isElementAccess(E))
      return unknown();
    if (const auto *CE = dyn_cast<CallExpr>(E)) {
      if (const Expr *Returned = singleReturnValue(CE)) {
        // A helper that computes a count from its arguments
        // (`PaddingBytes(size, align)`): what it returns decides, read with
        // the call's arguments for its parameters.
        Frames.push_back({CE->getDirectCallee(), CE});
        Dependence D = classify(Returned, Depth + 1);
        Frames.pop_back();
        return D;
      }
      return classifyArgs(CE, Depth);
    }

    if (const auto *BO = dyn_cast<BinaryOperator>(E))
      if (std::optional<Dependence> Bounded = classifyBounding(BO, Depth))
        return *Bounded;

    if (isa<CXXThisExpr>(E))
      return unknown();

    Dependence Result = constant(0);
    bool Any = false;
    for (const Stmt *Child : E->children())
      if (const auto *ChildExpr = dyn_cast_or_null<Expr>(Child);
          ChildExpr && !isa<CXXDefaultArgExpr>(ChildExpr)) {
        // A defaulted allocator says nothing about `std::vector<T> v(10)`.
        Result = strongest(Result, classify(ChildExpr, Depth + 1));
        Any = true;
      }
    return Any ? Result : unknown();
  }

private:
  /// A call being read through its callee's return value: the callee's
  /// parameters stand for the call's arguments.
  struct Frame {
    const FunctionDecl *Callee;
    const CallExpr *Call;
  };
  static constexpr unsigned MaxFrames = 3;

  /// The value a free function returns when its body is only `return E;`,
  /// for a call of it that is not already being read (recursion).
  const Expr *singleReturnValue(const CallExpr *CE) const {
    const FunctionDecl *Callee = CE->getDirectCallee();
    if (!Callee || isa<CXXMethodDecl>(Callee) || Frames.size() >= MaxFrames ||
        CE->getNumArgs() != Callee->getNumParams())
      return nullptr;
    const FunctionDecl *Def = nullptr;
    if (!Callee->hasBody(Def) || !Def)
      return nullptr;
    for (const Frame &F : Frames)
      if (F.Callee->getCanonicalDecl() == Callee->getCanonicalDecl())
        return nullptr;
    const auto *Body = dyn_cast_or_null<CompoundStmt>(Def->getBody());
    if (!Body || Body->size() != 1)
      return nullptr;
    const auto *Return = dyn_cast<ReturnStmt>(Body->body_front());
    return Return ? Return->getRetValue() : nullptr;
  }

  /// The argument a parameter of a callee being read stands for.
  const Expr *argumentFor(const ParmVarDecl *Parm) const {
    if (Frames.empty())
      return nullptr;
    const Frame &F = Frames.back();
    const auto *Fn = dyn_cast<FunctionDecl>(Parm->getDeclContext());
    if (!Fn || Fn->getCanonicalDecl() != F.Callee->getCanonicalDecl() ||
        Parm->getFunctionScopeIndex() >= F.Call->getNumArgs())
      return nullptr;
    return F.Call->getArg(Parm->getFunctionScopeIndex());
  }

  /// A value that an operand bounds whatever the other one is: `x % m` is
  /// below `m`; `x & mask` is at most `mask` (the mask is conventionally on
  /// the right: `size & (align - 1)`); `x >> k` is at most `x`.
  std::optional<Dependence> classifyBounding(const BinaryOperator *BO,
                                             unsigned Depth) {
    switch (BO->getOpcode()) {
    case BO_Rem:
      return classify(BO->getRHS(), Depth + 1);
    case BO_And: {
      Dependence L = classify(BO->getLHS(), Depth + 1);
      Dependence R = classify(BO->getRHS(), Depth + 1);
      return rank(L) < rank(R) ? L : R;
    }
    case BO_Shr:
      return classify(BO->getLHS(), Depth + 1);
    default:
      return std::nullopt;
    }
  }

  /// A query call among the implicit nodes on top of E.
  const Expr *implicitQuery(const Expr *E) {
    while (E) {
      if (isa<CallExpr, CXXConstructExpr>(E) &&
          (State.Calls.isRoundTrip(E) || State.Calls.isRowCursor(E)))
        return E;
      if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
        if (Construct->getNumArgs() != 1)
          return nullptr;
        E = Construct->getArg(0);
      } else if (isa<ImplicitCastExpr, MaterializeTemporaryExpr,
                     CXXBindTemporaryExpr, ExprWithCleanups, ParenExpr,
                     CXXFunctionalCastExpr>(E)) {
        E = cast<Expr>(*E->child_begin());
      } else {
        return nullptr;
      }
    }
    return nullptr;
  }

  Dependence classifyArgs(const CallExpr *CE, unsigned Depth) {
    Dependence Result = unknown();
    for (const Expr *Arg : CE->arguments())
      Result = strongest(Result, classify(Arg, Depth + 1));
    return Result;
  }

  bool isMutatedInFunction(const VarDecl *VD) {
    auto It = State.MutatedVars.find(VD);
    if (It != State.MutatedVars.end())
      return It->second;
    bool Mutated = true;
    if (const auto *FD =
            dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod()))
      if (const Stmt *Body = FD->getBody())
        Mutated = State.mutationsIn(*Body, Ctx).isMutated(VD);
    State.MutatedVars[VD] = Mutated;
    return Mutated;
  }

  /// True when every use of the local container VD in its function reads it
  /// or writes its elements in place (`ids[i] = sid`, `v.at(i)`, `v.begin()`):
  /// nothing can change how many elements it was constructed with.
  bool keepsItsSize(const VarDecl *VD) {
    const auto *FD =
        dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
    const Stmt *Body = FD ? FD->getBody() : nullptr;
    if (!Body || !VD->getType()->isRecordType())
      return false;
    bool Keeps = true;
    std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
      if (!S || !Keeps)
        return;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(S); DRE && DRE->getDecl() == VD)
        Keeps = isInPlaceUse(DRE);
      for (const Stmt *Child : S->children())
        Visit(Child);
    };
    Visit(Body);
    return Keeps;
  }

  bool isInPlaceUse(const DeclRefExpr *Ref) {
    DynTypedNode Node = DynTypedNode::create(*Ref);
    // Up through implicit casts and parentheses to the use.
    while (true) {
      DynTypedNodeList Parents = Ctx.getParents(Node);
      if (Parents.empty())
        return false;
      // Returning it ends the function.
      if (Parents[0].get<ReturnStmt>())
        return true;
      const auto *Parent = Parents[0].get<Expr>();
      if (!Parent)
        return false;
      if (isa<ImplicitCastExpr, ParenExpr>(Parent)) {
        Node = Parents[0];
        continue;
      }
      // Copied (`auto copy = v;`, or moved into the return value).
      if (const auto *Construct = dyn_cast<CXXConstructExpr>(Parent)) {
        if (Construct->getConstructor()->isCopyConstructor())
          return true;
        Node = Parents[0];
        continue;
      }
      if (const auto *ME = dyn_cast<MemberExpr>(Parent)) {
        const auto *Method = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
        StringRef Name = identifierName(Method);
        return Method && (Method->isConst() || isAccessorName(Name) ||
                          llvm::is_contained(ElementAccessNames, Name));
      }
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Parent))
        return Op->getOperator() == OO_Subscript && Op->getNumArgs() > 0 &&
               LoopModel::strip(Op->getArg(0)) == Ref;
      return false;
    }
  }

  static constexpr llvm::StringLiteral ElementAccessNames[] = {"at", "front",
                                                               "back"};

  /// Member functions that take elements away: they leave a container no
  /// larger than what was added to it.
  static constexpr llvm::StringLiteral RemovingNames[] = {
      "clear", "pop_back", "pop_front", "pop", "erase"};

  /// For a local container filled only by single-element insertions
  /// (`files.push_back(argv[i])`) under loops of constant or bounded count,
  /// and otherwise only read: at most as many elements as those loops run.
  /// flatc's input files, gathered from the command line, are a handful.
  std::optional<Dependence> filledByFewInsertions(const VarDecl *VD,
                                                  const Expr *Ref) {
    if (auto It = State.FewInsertions.find(VD);
        It != State.FewInsertions.end()) {
      std::optional<Dependence> Known = It->second;
      if (Known && Known->Kind == TripKind::Bounded)
        Known->Subject = Ref;
      return Known;
    }
    State.FewInsertions[VD] = std::nullopt; // while it is being worked out
    std::optional<Dependence> Result = countInsertions(VD, Ref);
    State.FewInsertions[VD] = Result;
    return Result;
  }

  /// A container member that the unit fills only on the command line's
  /// turns: every use of it in the unit reads it or inserts one element in
  /// a loop over the program's arguments (`for (argi = 1; argi < argc;
  /// ++argi) options.filenames.push_back(argv[argi]);`), at least one of
  /// them. It holds what the user typed, a handful: flatc's input files.
  bool filledFromCommandLine(const FieldDecl *Field) {
    Field = Field->getCanonicalDecl();
    if (auto It = State.CommandLineFields.find(Field);
        It != State.CommandLineFields.end())
      return It->second;
    State.CommandLineFields[Field] = false; // while it is being worked out
    if (!isContainerType(Field->getType()))
      return false;
    const auto &Uses = State.callSites(Ctx).FieldUses;
    auto Found = Uses.find(Field);
    if (Found == Uses.end())
      return false;
    bool FromArguments = false;
    for (const MemberExpr *Use : Found->second) {
      std::optional<const CallExpr *> Insertion = insertionOf(Use);
      if (!Insertion)
        return false;
      if (!*Insertion)
        continue;
      for (const Stmt *Loop : Loops.enclosingLoops(*Insertion)) {
        const Dependence &Trip = Loops.info(Loop).Trip;
        if (Trip.Kind == TripKind::Bounded &&
            Trip.Basis == TripBasis::CommandLine)
          FromArguments = true;
        else if (Trip.Kind != TripKind::Constant)
          return false;
      }
    }
    // Looked up again: the loops above may have grown the map.
    return State.CommandLineFields[Field] = FromArguments;
  }

  std::optional<Dependence> countInsertions(const VarDecl *VD,
                                            const Expr *Ref) {
    const auto *FD =
        dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod());
    const Stmt *Body = FD ? FD->getBody() : nullptr;
    if (!Body || !isContainerType(VD->getType()))
      return std::nullopt;
    bool Valid = true, Bounded = false, Inserted = false;
    uint64_t Total = 0;
    std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
      if (!S || !Valid)
        return;
      if (const auto *DRE = dyn_cast<DeclRefExpr>(S);
          DRE && DRE->getDecl() == VD) {
        std::optional<const CallExpr *> Insertion = insertionOf(DRE);
        if (!Insertion) {
          Valid = false;
          return;
        }
        if (*Insertion) {
          Inserted = true;
          uint64_t Times = 1;
          for (const Stmt *Loop : Loops.enclosingLoops(*Insertion)) {
            const Dependence &Trip = Loops.info(Loop).Trip;
            if (Trip.Kind == TripKind::Bounded)
              Bounded = true;
            else if (Trip.Kind == TripKind::Constant)
              Times *= std::max<uint64_t>(Trip.Constant, 1);
            else
              Valid = false;
          }
          Total += Times;
        }
      }
      for (const Stmt *Child : S->children())
        Visit(Child);
    };
    Visit(Body);
    if (!Valid || !Inserted)
      return std::nullopt;
    if (!Bounded)
      return constant(Total);
    Dependence Few;
    Few.Kind = TripKind::Bounded;
    Few.Root = VD;
    Few.Subject = Ref;
    return Few;
  }

  /// How the reference Ref to a local container is used: the insertion call
  /// it is the object of, null for a read (or a removal), none for anything
  /// else (assigned, swapped, passed by non-const reference, captured).
  std::optional<const CallExpr *> insertionOf(const Expr *Ref) {
    if (const auto *DRE = dyn_cast<DeclRefExpr>(Ref);
        DRE && DRE->refersToEnclosingVariableOrCapture())
      return std::nullopt;
    DynTypedNode Node = DynTypedNode::create(*Ref);
    while (true) {
      DynTypedNodeList Parents = Ctx.getParents(Node);
      if (Parents.empty())
        return std::nullopt;
      // The hidden `auto &&__range = files;` of a range-for.
      // Or a const reference to it (`const Value &cj = j;`): a read.
      if (const auto *Bound = Parents[0].get<VarDecl>())
        return Bound->isImplicit() || isConstReference(Bound->getType())
                   ? std::optional<const CallExpr *>(nullptr)
                   : std::nullopt;
      if (Parents[0].get<ReturnStmt>())
        return nullptr;
      const auto *Parent = Parents[0].get<Expr>();
      if (!Parent)
        return std::nullopt;
      if (isa<ImplicitCastExpr, ParenExpr>(Parent)) {
        Node = Parents[0];
        continue;
      }
      if (const auto *Construct = dyn_cast<CXXConstructExpr>(Parent))
        return Construct->getConstructor()->isCopyConstructor()
                   ? std::optional<const CallExpr *>(nullptr)
                   : std::nullopt;
      // `m["k1"] = a;`: a subscript by key adds at most that key (a map's
      // operator[], a JSON object's). By position (`v[i]`), a user's class
      // may grow to the index: that is not one element.
      if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Parent)) {
        if (Op->getOperator() != OO_Subscript || Op->getNumArgs() != 2 ||
            LoopModel::strip(Op->getArg(0)) != Ref)
          return std::nullopt;
        QualType Key = Op->getArg(1)->IgnoreImpCasts()->getType();
        if (Key->isIntegralOrEnumerationType())
          return std::nullopt;
        return Op;
      }
      if (const auto *ME = dyn_cast<MemberExpr>(Parent)) {
        const auto *Method = dyn_cast<CXXMethodDecl>(ME->getMemberDecl());
        if (!Method)
          return std::nullopt;
        StringRef Name = identifierName(Method);
        if (Method->isConst() || isAccessorName(Name) ||
            llvm::is_contained(ElementAccessNames, Name) ||
            llvm::is_contained(RemovingNames, Name))
          return nullptr;
        DynTypedNodeList Calls = Ctx.getParents(*ME);
        const auto *Call =
            Calls.empty() ? nullptr : Calls[0].get<CXXMemberCallExpr>();
        // `for (auto &m : j.members())`: a view of the elements, walked by
        // the loop; changing an element through it keeps the count.
        if (Call && Call->getNumArgs() == 0 && isRangeOfRangeFor(Call))
          return nullptr;
        if (Call && Call->getNumArgs() >= 1 &&
            addsAnElement(State.Calls.model(), Name) &&
            (Name != "insert" || Call->getNumArgs() == 1 ||
             (Call->getNumArgs() == 2 &&
              !Call->getArg(1)->getType()->isIntegerType() &&
              Call->getArg(0)->getType().getCanonicalType() !=
                  Call->getArg(1)->getType().getCanonicalType())))
          return Call;
        return std::nullopt;
      }
      if (const auto *Call = dyn_cast<CallExpr>(Parent)) {
        const FunctionDecl *Callee = Call->getDirectCallee();
        if (!Callee || isa<CXXOperatorCallExpr>(Call))
          return std::nullopt;
        for (unsigned I = 0;
             I < Call->getNumArgs() && I < Callee->getNumParams(); ++I)
          if (Call->getArg(I)->IgnoreParenImpCasts() == Ref) {
            QualType Param = Callee->getParamDecl(I)->getType();
            if (Param->isLValueReferenceType() &&
                Param.getNonReferenceType().isConstQualified())
              return nullptr;
          }
        return std::nullopt;
      }
      return std::nullopt;
    }
  }

  static bool isConstReference(QualType T) {
    return T->isLValueReferenceType() &&
           T.getNonReferenceType().isConstQualified();
  }

  /// True when E is the range of a range-for (the initializer of its
  /// hidden `__range` variable).
  bool isRangeOfRangeFor(const Expr *E) {
    DynTypedNode Node = DynTypedNode::create(*E);
    while (true) {
      DynTypedNodeList Parents = Ctx.getParents(Node);
      if (Parents.empty())
        return false;
      if (const auto *Hidden = Parents[0].get<VarDecl>())
        return Hidden->isImplicit();
      const auto *Parent = Parents[0].get<Expr>();
      if (!Parent || !isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
                          CXXBindTemporaryExpr, ExprWithCleanups>(Parent))
        return false;
      Node = Parents[0];
    }
  }

  /// An array of C strings: `char **`, `const char *argv[]` (a parameter's
  /// array type is adjusted to a pointer), `char *const *`.
  static bool isStringArray(QualType T) {
    QualType Element = T->getPointeeType();
    if (Element.isNull())
      return false;
    QualType Character = Element->getPointeeType();
    return !Character.isNull() && Character->isAnyCharacterType();
  }

  /// A parameter of main, or of a function shaped like it that main hands
  /// its arguments on to (`int Compile(int argc, const char **argv)`,
  /// `parseArgs(argc, argv)`): a count followed by an array of C strings.
  static bool isCommandLineParameter(const ParmVarDecl *Parm) {
    const auto *Fn = dyn_cast<FunctionDecl>(Parm->getDeclContext());
    if (!Fn)
      return false;
    if (Fn->isMain())
      return true;
    unsigned Index = Parm->getFunctionScopeIndex();
    if (Index >= Fn->getNumParams())
      return false;
    auto IsCount = [](const ParmVarDecl *P) {
      return P->getType()->isIntegerType() && !P->getType()->isBooleanType();
    };
    auto IsStrings = [](const ParmVarDecl *P) {
      return isStringArray(P->getType().getNonReferenceType());
    };
    if (IsStrings(Parm))
      return Index > 0 && IsCount(Fn->getParamDecl(Index - 1));
    return IsCount(Parm) && Index + 1 < Fn->getNumParams() &&
           IsStrings(Fn->getParamDecl(Index + 1));
  }

  Dependence classifyDecl(const ValueDecl *D, const Expr *Ref, unsigned Depth) {
    if (isFlagType(D->getType()))
      return unknown();
    if (const auto *Parm = dyn_cast<ParmVarDecl>(D)) {
      if (const Expr *Arg = argumentFor(Parm)) {
        // Read in the caller, where the argument was written.
        Frame Caller = Frames.pop_back_val();
        Dependence D = classify(Arg, Depth + 1);
        Frames.push_back(Caller);
        return D;
      }
      if (std::optional<Dependence> Given = fromEveryCaller(Parm, Depth))
        return *Given;
      // A program is given a handful of arguments, not its data.
      if (isCommandLineParameter(Parm))
        return commandLine(Parm, Ref);
      return input(InputSource::Parameter, Parm, Ref);
    }
    if (const auto *Binding = dyn_cast<BindingDecl>(D)) {
      if (const Expr *Bound = Binding->getBinding())
        return classify(Bound, Depth + 1);
      return unknown();
    }
    const auto *VD = dyn_cast<VarDecl>(D);
    if (!VD)
      return unknown();

    if (!VD->isLocalVarDecl() || VD->isStaticLocal()) {
      // A constant table keeps the size it was initialised with.
      if (VD->getType().isConstQualified() && VD->getInit()) {
        Dependence Init = classify(VD->getInit(), Depth + 1);
        if (Init.Kind == TripKind::Constant)
          return Init;
      }
      return input(InputSource::Global, VD, Ref);
    }

    // A file opened from a path holds the file's data, whatever the length
    // of the path it was given (`QFile f(path); while (!f.atEnd())`).
    if (const CXXRecordDecl *RD = VD->getType()->getAsCXXRecordDecl();
        RD && State.Calls.model().isNamedResourceType(State.Calls.nameOf(RD)))
      return input(InputSource::Container, VD, Ref);

    const Expr *Init = VD->getInit();
    Dependence FromInit = Init ? classify(Init, Depth + 1) : unknown();
    if (FromInit.Kind == TripKind::Constant) {
      if (!isMutatedInFunction(VD) || keepsItsSize(VD))
        return FromInit;
      // A position in a container of a constant size (`auto it = j.end();`
      // then `--it`): moving it walks that container.
      if (LoopModel::containerOfAccessor(Init) &&
          !isContainerType(VD->getType()))
        return FromInit;
      if (FromInit.Constant == 0)
        if (std::optional<Dependence> Few = filledByFewInsertions(VD, Ref))
          return *Few;
      // A container filled after its declaration holds data.
      return isDataType(VD->getType())
                 ? input(InputSource::Container, VD, Ref)
                 : unknown();
    }
    // A copy of, a const reference to or a count of a container of a few
    // (`const Value &cj = j;`, `const size_t N = parts.size() - 1;`),
    // changed nowhere.
    if (FromInit.Kind == TripKind::Bounded &&
        (isConstReference(VD->getType()) || !isMutatedInFunction(VD))) {
      FromInit.Subject = Ref;
      return FromInit;
    }
    if (FromInit.isInput()) {
      if (FromInit.Source != InputSource::QueryRows)
        FromInit.Subject = Ref;
      return FromInit;
    }
    if (isDataType(VD->getType())) {
      if (FromInit.Kind == TripKind::Unknown && isEmptyConstruction(Init))
        if (std::optional<Dependence> Few = filledByFewInsertions(VD, Ref))
          return *Few;
      return input(InputSource::Container, VD, Ref);
    }
    return unknown();
  }

  /// For a parameter of a function only this unit can call (internal
  /// linkage, or a private non-virtual member) whose address is never taken,
  /// and which every call gives a constant-size argument
  /// (`notifyUpdated(index, {{Name, Name}})`, a local braced table): the
  /// largest of those sizes.
  std::optional<Dependence> fromEveryCaller(const ParmVarDecl *Parm,
                                            unsigned Depth) {
    const auto *Fn = dyn_cast<FunctionDecl>(Parm->getDeclContext());
    const llvm::SmallVectorImpl<const CallExpr *> *Calls =
        Fn ? Loops.everyCallOf(Fn) : nullptr;
    if (!Calls)
      return std::nullopt;
    const auto *Method = dyn_cast<CXXMethodDecl>(Fn);
    unsigned Position = Parm->getFunctionScopeIndex();
    uint64_t Largest = 0;
    for (const CallExpr *Call : *Calls) {
      unsigned Offset =
          isa<CXXOperatorCallExpr>(Call) && Method ? 1 : 0;
      const Expr *Arg = Position + Offset < Call->getNumArgs()
                            ? Call->getArg(Position + Offset)
                            : nullptr;
      if (const auto *Default = dyn_cast_or_null<CXXDefaultArgExpr>(Arg))
        Arg = Default->getExpr();
      if (!Arg)
        return std::nullopt;
      Dependence Given = classify(Arg, Depth + 1);
      if (Given.Kind != TripKind::Constant)
        return std::nullopt;
      Largest = std::max(Largest, Given.Constant);
    }
    return constant(Largest);
  }

  /// A declaration that starts a container empty: no initializer, a default
  /// constructor, `{}`.
  static bool isEmptyConstruction(const Expr *Init) {
    if (!Init)
      return true;
    Init = Init->IgnoreImplicit();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init))
      return Construct->getConstructor()->isDefaultConstructor();
    if (const auto *List = dyn_cast<InitListExpr>(Init))
      return List->getNumInits() == 0;
    return false;
  }

  LoopModel &Loops;
  LoopModel::Impl &State;
  ASTContext &Ctx;
  llvm::SmallVector<Frame, MaxFrames> Frames;
};
} // namespace

Dependence LoopModel::classify(const Expr *E) {
  return Classifier(*this, *State, Ctx).classify(E, 0);
}

//===----------------------------------------------------------------------===//
// Trip counts
//===----------------------------------------------------------------------===//

/// A type with its own begin() or size(): a container, not a position in one.
static bool isContainerType(QualType T) {
  const auto *RD = T.getNonReferenceType()->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return false;
  auto Has = [&](StringRef Name) {
    return !RD->lookup(&RD->getASTContext().Idents.get(Name)).empty();
  };
  return Has("begin") || Has("size");
}

/// The steps that double a value from Lo until it reaches Hi.
static uint64_t doublingsBetween(uint64_t Lo, uint64_t Hi) {
  uint64_t Steps = 0;
  for (uint64_t V = std::max<uint64_t>(Lo, 1); V < Hi; V *= 2)
    ++Steps;
  return std::max<uint64_t>(Steps, 1);
}

/// A condition that is only a call reporting success or failure (`done()`,
/// `!tryLock()`, `remove(x)`): a bool, not a count or a position.
static bool isStatusCall(const Expr *Cond) {
  Cond = LoopModel::strip(Cond);
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot)
    Cond = LoopModel::strip(Not->getSubExpr());
  const auto *Call = dyn_cast_or_null<CallExpr>(Cond);
  if (!Call || isa<CXXOperatorCallExpr>(Call) ||
      !Call->getType()->isBooleanType())
    return false;
  // `while (!queue.empty())` asks a container about its data.
  if (const auto *Member = dyn_cast<CXXMemberCallExpr>(Call))
    if (const Expr *Object = Member->getImplicitObjectArgument())
      return !isContainerType(Object->getType());
  return true;
}

/// A condition made of lookups of one key in a container
/// (`ids.contains(id)`, `seen.count(key) != 0`, `m.find(k) != m.end()`, and
/// `||` of them): the key may change each time round; the container is not
/// walked.
static bool isKeyLookup(const Expr *Cond) {
  Cond = LoopModel::strip(Cond);
  if (!Cond)
    return false;
  if (const auto *Not = dyn_cast<UnaryOperator>(Cond);
      Not && Not->getOpcode() == UO_LNot)
    return isKeyLookup(Not->getSubExpr());
  const Expr *LHS = nullptr, *RHS = nullptr;
  bool Logical = false;
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    if (!BO->isLogicalOp() && !BO->isEqualityOp())
      return false;
    Logical = BO->isLogicalOp();
    LHS = BO->getLHS();
    RHS = BO->getRHS();
  } else if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Cond);
             Op && Op->getNumArgs() == 2 &&
             (Op->getOperator() == OO_EqualEqual ||
              Op->getOperator() == OO_ExclaimEqual)) {
    LHS = Op->getArg(0);
    RHS = Op->getArg(1);
  }
  if (LHS)
    return Logical ? isKeyLookup(LHS) && isKeyLookup(RHS) : isKeyLookup(LHS);
  const auto *Member = dyn_cast<CXXMemberCallExpr>(Cond);
  const Expr *Object = Member ? Member->getImplicitObjectArgument() : nullptr;
  return Object && Member->getNumArgs() > 0 &&
         isContainerType(Object->getType());
}

namespace {
/// The variables a loop's increment or body steps, and how.
struct Induction {
  llvm::SmallVector<const VarDecl *, 2> Vars;
  bool Multiplicative = false;
};
} // namespace

const VarDecl *LoopModel::referencedVar(const Expr *E) {
  if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(strip(E)))
    return dyn_cast<VarDecl>(DRE->getDecl());
  return nullptr;
}

/// Collects the variables stepped by an increment expression.
static void collectSteps(const Expr *E, Induction &Out) {
  E = LoopModel::strip(E);
  if (!E)
    return;
  auto Add = [&](const Expr *Target, bool Multiplicative) {
    if (const VarDecl *VD = LoopModel::referencedVar(Target)) {
      Out.Vars.push_back(VD);
      Out.Multiplicative |= Multiplicative;
    }
  };
  if (const auto *BO = dyn_cast<BinaryOperator>(E)) {
    switch (BO->getOpcode()) {
    case BO_Comma:
      collectSteps(BO->getLHS(), Out);
      collectSteps(BO->getRHS(), Out);
      return;
    case BO_MulAssign:
    case BO_DivAssign:
    case BO_ShlAssign:
    case BO_ShrAssign:
      Add(BO->getLHS(), true);
      return;
    case BO_AddAssign:
    case BO_SubAssign:
      Add(BO->getLHS(), false);
      return;
    case BO_Assign: {
      const auto *RHS = dyn_cast<BinaryOperator>(LoopModel::strip(BO->getRHS()));
      bool Mul = RHS && (RHS->getOpcode() == BO_Mul || RHS->getOpcode() == BO_Div ||
                         RHS->getOpcode() == BO_Shl || RHS->getOpcode() == BO_Shr);
      Add(BO->getLHS(), Mul);
      return;
    }
    default:
      return;
    }
  }
  if (const auto *UO = dyn_cast<UnaryOperator>(E)) {
    if (UO->isIncrementDecrementOp())
      Add(UO->getSubExpr(), false);
    return;
  }
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E)) {
    switch (OC->getOperator()) {
    case OO_PlusPlus:
    case OO_MinusMinus:
    case OO_PlusEqual:
    case OO_MinusEqual:
    case OO_Equal:
      if (OC->getNumArgs() > 0)
        Add(OC->getArg(0), false);
      return;
    case OO_StarEqual:
    case OO_SlashEqual:
    case OO_LessLessEqual:
    case OO_GreaterGreaterEqual:
      if (OC->getNumArgs() > 0)
        Add(OC->getArg(0), true);
      return;
    case OO_Comma:
      for (const Expr *Arg : OC->arguments())
        collectSteps(Arg, Out);
      return;
    default:
      return;
    }
  }
}

static void collectVarRefs(const Stmt *S,
                           llvm::SmallVectorImpl<const VarDecl *> &Out) {
  if (!S)
    return;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()))
      if (!llvm::is_contained(Out, VD))
        Out.push_back(VD);
  for (const Stmt *Child : S->children())
    collectVarRefs(Child, Out);
}

bool LoopModel::referencesAny(const Stmt *S,
                              llvm::ArrayRef<const VarDecl *> Vars) {
  if (!S)
    return false;
  if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
    if (llvm::is_contained(Vars, DRE->getDecl()))
      return true;
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return referencesAny(Child, Vars);
  });
}

namespace {
/// A comparison `Var op Bound` found in a loop condition.
struct BoundComparison {
  const Expr *Bound = nullptr;
  bool Inclusive = false;
};
} // namespace

/// Finds, in a condition made of comparisons joined by `&&`, one that compares
/// an induction variable with something else.
static std::optional<BoundComparison>
findBound(const Expr *Cond, llvm::ArrayRef<const VarDecl *> Vars) {
  Cond = LoopModel::strip(Cond);
  if (!Cond)
    return std::nullopt;
  const Expr *LHS = nullptr, *RHS = nullptr;
  bool Inclusive = false;
  if (const auto *Rewritten = dyn_cast<CXXRewrittenBinaryOperator>(Cond)) {
    // C++20 spells `it != end` through operator==.
    CXXRewrittenBinaryOperator::DecomposedForm Form =
        Rewritten->getDecomposedForm();
    if (!BinaryOperator::isComparisonOp(Form.Opcode))
      return std::nullopt;
    LHS = Form.LHS;
    RHS = Form.RHS;
    Inclusive = Form.Opcode == BO_LE || Form.Opcode == BO_GE;
  } else if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    if (BO->getOpcode() == BO_LAnd) {
      if (auto Found = findBound(BO->getLHS(), Vars))
        return Found;
      return findBound(BO->getRHS(), Vars);
    }
    if (!BO->isRelationalOp() && !BO->isEqualityOp())
      return std::nullopt;
    LHS = BO->getLHS();
    RHS = BO->getRHS();
    Inclusive = BO->getOpcode() == BO_LE || BO->getOpcode() == BO_GE;
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Cond)) {
    switch (OC->getOperator()) {
    case OO_Less:
    case OO_Greater:
    case OO_LessEqual:
    case OO_GreaterEqual:
    case OO_ExclaimEqual:
    case OO_EqualEqual:
      break;
    default:
      return std::nullopt;
    }
    if (OC->getNumArgs() != 2)
      return std::nullopt;
    LHS = OC->getArg(0);
    RHS = OC->getArg(1);
    Inclusive = OC->getOperator() == OO_LessEqual ||
                OC->getOperator() == OO_GreaterEqual;
  } else {
    return std::nullopt;
  }
  bool InLHS = LoopModel::referencesAny(LHS, Vars);
  bool InRHS = LoopModel::referencesAny(RHS, Vars);
  if (InLHS && !InRHS)
    return BoundComparison{RHS, Inclusive};
  if (InRHS && !InLHS)
    return BoundComparison{LHS, Inclusive};
  return std::nullopt;
}

/// In a condition of comparisons joined by `&&`, the level a container is
/// filled to: X in `buf.size() < X`, `buf.size() <= X` or `X > buf.size()`.
/// Such a loop (yaml-cpp's `while (m_input.good() && m_readahead.size() <= i)
/// StreamIn();`) runs until the container reaches X: at most X times, however
/// much data the rest of its condition reads from.
static const Expr *fillLevel(const Expr *Cond) {
  Cond = LoopModel::strip(Cond);
  if (!Cond)
    return nullptr;
  BinaryOperatorKind Op;
  const Expr *LHS = nullptr, *RHS = nullptr;
  if (const auto *BO = dyn_cast<BinaryOperator>(Cond)) {
    if (BO->getOpcode() == BO_LAnd) {
      if (const Expr *Found = fillLevel(BO->getLHS()))
        return Found;
      return fillLevel(BO->getRHS());
    }
    Op = BO->getOpcode();
    LHS = BO->getLHS();
    RHS = BO->getRHS();
  } else if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(Cond);
             OC && OC->getNumArgs() == 2 && OC->isComparisonOp()) {
    Op = BinaryOperator::getOverloadedOpcode(OC->getOperator());
    LHS = OC->getArg(0);
    RHS = OC->getArg(1);
  } else {
    return nullptr;
  }
  auto IsSize = [](const Expr *E) {
    const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(LoopModel::strip(E));
    StringRef Name = Call ? identifierName(Call->getMethodDecl()) : "";
    return Name == "size" || Name == "length";
  };
  if ((Op == BO_LT || Op == BO_LE) && IsSize(LHS) && !IsSize(RHS))
    return RHS;
  if ((Op == BO_GT || Op == BO_GE) && IsSize(RHS) && !IsSize(LHS))
    return LHS;
  return nullptr;
}

/// In a condition of comparisons joined by `&&`, a constant that a count is
/// kept below: K in `n < K`, `n <= K`, `K > n` (qBittorrent's
/// `while (context->processingResumeDataCount < MAX_PROCESSING_RESUMEDATA_COUNT)`,
/// the count raised by a callee). Such a loop ends when the count reaches
/// K, or never ends through that test: either way it does not run once per
/// element of anything.
static std::optional<uint64_t> countCeiling(const Expr *Cond,
                                            const ASTContext &Ctx) {
  Cond = LoopModel::strip(Cond);
  if (!Cond)
    return std::nullopt;
  const auto *BO = dyn_cast<BinaryOperator>(Cond);
  if (!BO)
    return std::nullopt;
  if (BO->getOpcode() == BO_LAnd) {
    if (std::optional<uint64_t> Found = countCeiling(BO->getLHS(), Ctx))
      return Found;
    return countCeiling(BO->getRHS(), Ctx);
  }
  // Either side may keep it going: bounded when both are, by their sum
  // (`while (hand.high < 17 || (hand.high > 21 && hand.low < 17))`).
  if (BO->getOpcode() == BO_LOr) {
    std::optional<uint64_t> Left = countCeiling(BO->getLHS(), Ctx);
    std::optional<uint64_t> Right =
        Left ? countCeiling(BO->getRHS(), Ctx) : std::nullopt;
    if (!Right)
      return std::nullopt;
    return *Left + *Right;
  }
  const Expr *Count = nullptr, *Ceiling = nullptr;
  bool Inclusive = false;
  switch (BO->getOpcode()) {
  case BO_LT:
  case BO_LE:
    Count = BO->getLHS();
    Ceiling = BO->getRHS();
    Inclusive = BO->getOpcode() == BO_LE;
    break;
  case BO_GT:
  case BO_GE:
    Count = BO->getRHS();
    Ceiling = BO->getLHS();
    Inclusive = BO->getOpcode() == BO_GE;
    break;
  default:
    return std::nullopt;
  }
  Count = LoopModel::strip(Count);
  Ceiling = LoopModel::strip(Ceiling);
  if (!Count || !Ceiling || Count->isValueDependent() ||
      Ceiling->isValueDependent() || !Count->getType()->isIntegerType() ||
      Count->isEvaluatable(Ctx))
    return std::nullopt;
  Expr::EvalResult Result;
  if (!Ceiling->EvaluateAsInt(Result, Ctx))
    return std::nullopt;
  const llvm::APSInt &V = Result.Val.getInt();
  if (V.isNegative() || V.isZero() || V.getActiveBits() > 32)
    return std::nullopt;
  return V.getZExtValue() + (Inclusive ? 1 : 0);
}

/// True when S decrements Var (`--i`, `i--`, `i -= k`): the loop counts down.
static bool decrements(const Stmt *S, const VarDecl *Var) {
  if (!S)
    return false;
  if (const auto *UO = dyn_cast<UnaryOperator>(S);
      UO && UO->isDecrementOp() &&
      LoopModel::referencedVar(UO->getSubExpr()) == Var)
    return true;
  if (const auto *BO = dyn_cast<BinaryOperator>(S);
      BO && BO->getOpcode() == BO_SubAssign &&
      LoopModel::referencedVar(BO->getLHS()) == Var)
    return true;
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S);
      OC &&
      (OC->getOperator() == OO_MinusMinus ||
       OC->getOperator() == OO_MinusEqual) &&
      OC->getNumArgs() > 0 && LoopModel::referencedVar(OC->getArg(0)) == Var)
    return true;
  return llvm::any_of(S->children(),
                      [&](const Stmt *Child) { return decrements(Child, Var); });
}

/// The first expression in S that names Root (`query` of
/// `query.find('&', pos)`), outside lambdas.
static const Expr *findReference(const Stmt *S, const ValueDecl *Root) {
  if (!S || !Root || isa<LambdaExpr>(S))
    return nullptr;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S); Ref && Ref->getDecl() == Root)
    return Ref;
  if (const auto *Member = dyn_cast<MemberExpr>(S);
      Member && Member->getMemberDecl() == Root)
    return Member;
  for (const Stmt *Child : S->children())
    if (const Expr *Found = findReference(Child, Root))
      return Found;
  return nullptr;
}

/// Adds to Values what S assigns to Var (`pos = s.find(c, pos)`), outside
/// lambdas.
static void collectAssignedValues(const Stmt *S, const VarDecl *Var,
                                  llvm::SmallVectorImpl<const Expr *> &Values) {
  if (!S || isa<LambdaExpr>(S))
    return;
  if (auto Assignment = LoopModel::assignmentOf(S);
      Assignment && LoopModel::referencedVar(Assignment->first) == Var)
    Values.push_back(Assignment->second);
  for (const Stmt *Child : S->children())
    collectAssignedValues(Child, Var, Values);
}

/// The value an induction variable starts from: its initializer in the for
/// init-statement, an assignment there, or its declaration.
static const Expr *startValue(const VarDecl *Var, const Stmt *Init) {
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(Init))
    for (const Decl *D : DS->decls())
      if (D == Var)
        return Var->getInit();
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(Init))
    if (BO->getOpcode() == BO_Assign &&
        LoopModel::referencedVar(BO->getLHS()) == Var)
      return BO->getRHS();
  return Var->getInit();
}

/// An index reduced to the size of a table: `h % n`, `h & mask`,
/// `i + 1 < n ? i + 1 : 0`, or a call of a function returning one
/// (`next_bucket(i)`, `bucket_for_hash(h)`).
static bool isWrappedIndex(const Expr *E, unsigned Depth = 0) {
  E = LoopModel::strip(E);
  if (!E)
    return false;
  if (const auto *BO = dyn_cast<BinaryOperator>(E))
    return BO->getOpcode() == BO_Rem || BO->getOpcode() == BO_And;
  if (const auto *CO = dyn_cast<ConditionalOperator>(E)) {
    auto IsZero = [](const Expr *Arm) {
      const auto *Lit = dyn_cast_or_null<IntegerLiteral>(LoopModel::strip(Arm));
      return Lit && Lit->getValue() == 0;
    };
    return IsZero(CO->getTrueExpr()) || IsZero(CO->getFalseExpr());
  }
  const auto *Call = dyn_cast<CallExpr>(E);
  if (!Call || Depth > 1)
    return false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  const FunctionDecl *Def = nullptr;
  if (!Callee || !Callee->hasBody(Def) || !Def)
    return false;
  bool Returns = false, AllWrapped = true;
  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S || isa<LambdaExpr>(S))
      return;
    if (const auto *Ret = dyn_cast<ReturnStmt>(S)) {
      Returns = true;
      AllWrapped &= isWrappedIndex(Ret->getRetValue(), Depth + 1);
      return;
    }
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  Visit(Def->getBody());
  return Returns && AllWrapped;
}

/// The index of a subscript (`t[i]`, `v[i]` through operator[]), or null.
static const Expr *subscriptIndex(const Stmt *S) {
  if (const auto *AS = dyn_cast<ArraySubscriptExpr>(S))
    return AS->getIdx();
  if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(S))
    if (OC->getOperator() == OO_Subscript && OC->getNumArgs() == 2)
      return OC->getArg(1);
  return nullptr;
}

/// True when a loop probes an open-addressing hash table: its condition
/// reads a slot whose index wraps around the table (`t[h % n]`), or is a
/// variable that starts or steps through a wrapped value
/// (`i = next_bucket(i)`). Such a loop stops at the first empty or matching
/// slot: amortised O(1), not a walk of the table.
static bool isProbeLoop(const Stmt *Loop, const Expr *Cond,
                        llvm::ArrayRef<const VarDecl *> Stepped) {
  llvm::SmallVector<const Expr *, 4> Indexes;
  std::function<void(const Stmt *)> Collect = [&](const Stmt *S) {
    if (!S)
      return;
    if (const Expr *Index = subscriptIndex(S))
      Indexes.push_back(Index);
    for (const Stmt *Child : S->children())
      Collect(Child);
  };
  Collect(Cond);
  llvm::SmallVector<const VarDecl *, 2> Cursors;
  for (const Expr *Index : Indexes) {
    if (isWrappedIndex(Index))
      return true;
    if (const VarDecl *Var = LoopModel::referencedVar(Index);
        Var && llvm::is_contained(Stepped, Var))
      Cursors.push_back(Var);
  }
  if (Cursors.empty())
    return false;
  bool Wrapped = false;
  std::function<void(const Stmt *)> Steps = [&](const Stmt *S) {
    if (!S || Wrapped)
      return;
    if (const auto *BO = dyn_cast<BinaryOperator>(S)) {
      const VarDecl *Target = LoopModel::referencedVar(BO->getLHS());
      if (Target && llvm::is_contained(Cursors, Target))
        Wrapped = BO->getOpcode() == BO_RemAssign ||
                  BO->getOpcode() == BO_AndAssign ||
                  (BO->getOpcode() == BO_Assign && isWrappedIndex(BO->getRHS()));
    }
    for (const Stmt *Child : S->children())
      Steps(Child);
  };
  Steps(Loop);
  if (Wrapped)
    return true;
  return llvm::any_of(Cursors, [](const VarDecl *Var) {
    return isWrappedIndex(Var->getInit());
  });
}

/// The first call in S (pre-order) that the model knows as a row cursor.
static const Expr *findRowCursor(const Stmt *S, CallClassifier &Calls) {
  if (!S)
    return nullptr;
  if (const auto *E = dyn_cast<Expr>(S))
    if (isa<CallExpr>(E) && Calls.isRowCursor(E))
      return E;
  for (const Stmt *Child : S->children())
    if (const Expr *Found = findRowCursor(Child, Calls))
      return Found;
  return nullptr;
}

namespace {
/// The round-trip calls on one variable, in source order.
class QueryCallCollector : public RecursiveASTVisitor<QueryCallCollector> {
public:
  QueryCallCollector(const VarDecl *Cursor, CallClassifier &Calls)
      : Cursor(Cursor), Calls(Calls) {}

  bool VisitCallExpr(CallExpr *CE) {
    if (!Calls.isRoundTrip(CE))
      return true;
    const Expr *Object = objectOf(CE);
    if (!Object && CE->getNumArgs() > 0)
      Object = CE->getArg(0); // C APIs take the statement first.
    if (Object && LoopModel::referencedVar(Object) == Cursor)
      Found.push_back(CE);
    return true;
  }

  const VarDecl *Cursor;
  CallClassifier &Calls;
  llvm::SmallVector<const Expr *, 4> Found;
};
} // namespace

const Expr *LoopModel::queryOfCursor(const Expr *CursorCall,
                                     const Stmt *Before) {
  const Expr *Object = objectOf(CursorCall);
  if (!Object)
    if (const auto *CE = dyn_cast<CallExpr>(CursorCall); CE && CE->getNumArgs())
      Object = CE->getArg(0);
  const VarDecl *Cursor = LoopModel::referencedVar(Object);
  if (!Cursor)
    return CursorCall;
  const SourceManager &SM = Ctx.getSourceManager();
  if (const auto *FD =
          dyn_cast_or_null<FunctionDecl>(Cursor->getParentFunctionOrMethod()))
    if (Stmt *Body = FD->getBody()) {
      QueryCallCollector Collector(Cursor, State->Calls);
      Collector.TraverseStmt(Body);
      const Expr *Last = nullptr;
      for (const Expr *Call : Collector.Found)
        if (Call != CursorCall &&
            SM.isBeforeInTranslationUnit(Call->getBeginLoc(),
                                         Before->getBeginLoc()))
          Last = Call;
      if (Last)
        return Last;
    }
  if (const Expr *Init = Cursor->getInit())
    if (Cursor->getParentFunctionOrMethod())
      return Init;
  return CursorCall;
}

static std::string lineOf(const ASTContext &Ctx, SourceLocation Loc) {
  return std::to_string(
      Ctx.getSourceManager().getExpansionLineNumber(Loc));
}

/// True when a `for` loop's increment sets what its condition tests to zero
/// or false (`for (v = *it; control; control = 0)`, Qt's Q_FOREACH before
/// C++17): the body runs at most once.
static bool clearsItsCondition(const Stmt *Loop, const Expr *Cond) {
  const auto *For = dyn_cast<ForStmt>(Loop);
  const auto *Inc = For ? dyn_cast_or_null<BinaryOperator>(For->getInc()) : nullptr;
  if (!Inc || Inc->getOpcode() != BO_Assign)
    return false;
  const Expr *Value = Inc->getRHS()->IgnoreParenImpCasts();
  bool Zero = false;
  if (const auto *I = dyn_cast<IntegerLiteral>(Value))
    Zero = I->getValue() == 0;
  else if (const auto *B = dyn_cast<CXXBoolLiteralExpr>(Value))
    Zero = !B->getValue();
  if (!Zero)
    return false;
  const Expr *Tested = Cond->IgnoreParenImpCasts();
  const Expr *Target = Inc->getLHS()->IgnoreParenImpCasts();
  auto SameVariable = [](const Expr *A, const Expr *B) {
    if (const auto *DA = dyn_cast<DeclRefExpr>(A))
      if (const auto *DB = dyn_cast<DeclRefExpr>(B))
        return DA->getDecl() == DB->getDecl();
    if (const auto *MA = dyn_cast<MemberExpr>(A))
      if (const auto *MB = dyn_cast<MemberExpr>(B))
        return MA->getMemberDecl() == MB->getMemberDecl();
    return false;
  };
  return SameVariable(Tested, Target);
}

const LoopInfo &LoopModel::info(const Stmt *Loop) {
  auto &Slot = State->Infos[Loop];
  if (Slot)
    return *Slot;
  Slot = std::make_unique<LoopInfo>();
  LoopInfo &L = *Slot;
  L.Loop = Loop;

  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop)) {
    L.Driver = Range->getRangeInit();
    L.Trip = classify(L.Driver);
    L.IterationVars.push_back(Range->getLoopVariable());
  } else {
    const Expr *Cond = loopCondition(Loop);
    const Stmt *Init = nullptr;
    Induction Steps;
    if (const auto *For = dyn_cast<ForStmt>(Loop)) {
      Init = For->getInit();
      collectSteps(For->getInc(), Steps);
    }

    if (!Cond) {
      L.Trip = unknown(); // for (;;)
    } else if (clearsItsCondition(Loop, Cond)) {
      L.Trip = constant(1);
    } else if (const Expr *Cursor = findRowCursor(Cond, State->Calls)) {
      L.Driver = Cursor;
      L.Trip = input(InputSource::QueryRows, nullptr, Cursor);
      L.Trip.Query = queryOfCursor(Cursor, Loop);
    } else {
      // Induction variables: stepped by the increment, or referenced by the
      // condition and modified inside the loop.
      if (Steps.Vars.empty()) {
        llvm::SmallVector<const VarDecl *, 4> CondVars;
        collectVarRefs(Cond, CondVars);
        ExprMutationAnalyzer &Mutations = State->mutationsIn(*Loop, Ctx);
        for (const VarDecl *VD : CondVars)
          if (Mutations.isMutated(VD))
            Steps.Vars.push_back(VD);
        // `while (n /= 2)`, `while ((x >>= 1) != 0)`.
        collectSteps(Cond, Steps);
      }
      for (const VarDecl *V : Steps.Vars)
        if (!isContainerType(V->getType()))
          L.IterationVars.push_back(V);

      if (isProbeLoop(Loop, Cond, Steps.Vars)) {
        L.Driver = Cond;
        L.Trip = unknown();
      } else if (std::optional<BoundComparison> Cmp =
                     findBound(Cond, Steps.Vars)) {
        L.Driver = Cmp->Bound;
        Dependence Bound = classify(Cmp->Bound);
        if (Bound.Kind == TripKind::Constant && !Steps.Vars.empty()) {
          Dependence Start = classify(startValue(Steps.Vars.front(), Init));
          if (Start.Kind == TripKind::Constant) {
            uint64_t Lo = std::min(Start.Constant, Bound.Constant);
            uint64_t Hi = std::max(Start.Constant, Bound.Constant);
            // `for (limit = 1 << 10; limit < 1 << 20; limit *= 2)` runs ten
            // times: doubling from Lo to Hi takes log2(Hi / Lo) steps.
            Bound = Steps.Multiplicative
                        ? constant(doublingsBetween(Lo, Hi))
                        : constant(Hi - Lo + (Cmp->Inclusive ? 1 : 0));
          } else if (Start.isInput() &&
                     decrements(isa<ForStmt>(Loop) ? cast<ForStmt>(Loop)->getInc()
                                                   : loopBody(Loop),
                                Steps.Vars.front())) {
            // for (i = n; i > 0; --i). Counting up from n to a constant
            // (`for (l = level + 2; l < kNumLevels; ++l)`) runs at most the
            // constant's count.
            Bound = Start;
            L.Driver = startValue(Steps.Vars.front(), Init);
          }
        }
        // A bound near the top of its type is a sentinel, not a count:
        // `while ((pos = s.find(c, pos)) != std::string::npos)` walks the
        // places found in `s`, as many as `s` holds.
        if (Bound.Kind == TripKind::Constant &&
            Bound.Constant >= (uint64_t(1) << 32)) {
          Bound = unknown();
          llvm::SmallVector<const Expr *, 4> Values;
          for (const VarDecl *V : Steps.Vars) {
            collectAssignedValues(Cond, V, Values);
            collectAssignedValues(loopBody(Loop), V, Values);
          }
          for (const Expr *Value : Values)
            if (Dependence Found = classify(Value); Found.isInput()) {
              // Named by the data searched ('query'), not by the cursor.
              if (const Expr *Named = findReference(Loop, Found.Root))
                Found.Subject = Named;
              Found.Basis = TripBasis::SearchMatches;
              Bound = Found;
              L.Driver = Value;
              break;
            }
        }
        L.Trip = Bound;
      } else if (const VarDecl *Counter = LoopModel::referencedVar(Cond);
                 Counter && llvm::is_contained(Steps.Vars, Counter)) {
        // while (n--), while (n): counts down from where n starts.
        L.Driver = startValue(Counter, Init);
        L.Trip = L.Driver ? classify(L.Driver) : unknown();
      } else if (const Expr *Level = fillLevel(Cond)) {
        L.Driver = Level;
        L.Trip = classify(Level);
      } else if (std::optional<uint64_t> Cap = countCeiling(Cond, Ctx)) {
        L.Driver = Cond;
        L.Trip = constant(*Cap);
      } else if ((L.IterationVars.empty() && isStatusCall(Cond)) ||
                 isKeyLookup(Cond)) {
        // `while (!done()) wait();`, `while (remove(x));`: a wait, poll or
        // retry loop runs until a call reports success, not once per
        // element of anything.
        L.Driver = Cond;
        L.Trip = unknown();
        L.Trip.Basis = TripBasis::WaitOrRetry;
      } else {
        // A condition on data: while (!queue.empty()), while (*p),
        // while (std::getline(in, line)), while (node).
        L.Driver = Cond;
        L.Trip = classify(Cond);
        if (L.Trip.Kind == TripKind::Constant)
          L.Trip = unknown(); // while (true), while (1)
      }
      L.Multiplicative = Steps.Multiplicative;
      if (Steps.Multiplicative && L.Trip.isInput())
        L.Trip.Kind = TripKind::Logarithmic;
    }
  }

  // Describe the loop for messages.
  const Dependence &T = L.Trip;
  if (T.Source == InputSource::QueryRows && T.Query)
    L.Description = "the loop over the rows of the query at line " +
                    lineOf(Ctx, T.Query->getBeginLoc());
  else if (T.Basis == TripBasis::CommandLine)
    L.Description = "the loop over the command-line arguments";
  else if (T.Basis == TripBasis::ErrorRecords && T.Subject)
    L.Description = "the loop over the errors in '" + spelling(T.Subject) + "'";
  else if (T.Basis == TripBasis::NameParts && T.Subject)
    L.Description = "the loop over the parts of '" + spelling(T.Subject) + "'";
  else if (T.Basis == TripBasis::ShortText && T.Subject)
    L.Description =
        "the loop over the characters of '" + spelling(T.Subject) + "'";
  else if ((T.isInput() || T.Kind == TripKind::Logarithmic) && T.Subject)
    L.Description = "the loop over '" + spelling(T.Subject) + "'";
  else
    L.Description = "the loop at line " + lineOf(Ctx, Loop->getBeginLoc());
  return L;
}

bool LoopModel::isLarge(const LoopInfo &L) const {
  if (L.Trip.isInput())
    return true;
  return L.Trip.Kind == TripKind::Constant &&
         L.Trip.Constant >= Options.LargeTripCount;
}

double LoopModel::estimate(const LoopInfo &L) const {
  double N = static_cast<double>(Options.AssumedTripCount);
  switch (L.Trip.Kind) {
  case TripKind::Constant:
    return static_cast<double>(L.Trip.Constant);
  case TripKind::Logarithmic:
    return std::max(1.0, std::ceil(std::log2(N)));
  case TripKind::Bounded:
    // What went wrong in one run: an error, usually none.
    if (L.Trip.Basis == TripBasis::ErrorRecords)
      return 1;
    // A name or a number as text: about as long as a short string holds
    // without allocating.
    if (L.Trip.Basis == TripBasis::ShortText)
      return static_cast<double>(ShortTextLength);
    return static_cast<double>(BoundedTripCount);
  case TripKind::InputDependent:
    return N;
  case TripKind::Unknown:
    // A flag, `for (;;)`, a wait loop: only a loop seen to run over input
    // multiplies as N; this one runs the statement at least once.
    return 1;
  }
  return N;
}

const llvm::SmallVectorImpl<const CallExpr *> *
LoopModel::everyCallOf(const FunctionDecl *Fn) {
  if (Fn->isDependentContext() || Fn->isTemplateInstantiation())
    return nullptr;
  const auto *Method = dyn_cast<CXXMethodDecl>(Fn);
  bool OnlyHere = Method ? Method->getAccess() == AS_private &&
                               !Method->isVirtual() &&
                               !Method->getParent()->isLocalClass()
                         : !Fn->isExternallyVisible();
  return OnlyHere ? callsInUnit(Fn) : nullptr;
}

bool LoopModel::isNamedOtherThanCalled(const FunctionDecl *Fn) {
  return State->callSites(Ctx).Escaping.contains(Fn->getCanonicalDecl());
}

const llvm::SmallVectorImpl<const CallExpr *> *
LoopModel::callsInUnit(const FunctionDecl *Fn) {
  const Impl::CallSiteIndex &Index = State->callSites(Ctx);
  const FunctionDecl *Key = Fn->getCanonicalDecl();
  auto It = Index.Calls.find(Key);
  if (It == Index.Calls.end() || Index.Escaping.contains(Key))
    return nullptr;
  return &It->second;
}

AssumedSize LoopModel::assumedSize(const LoopInfo &L) const {
  AssumedSize Size;
  if (L.Trip.Source == InputSource::QueryRows && L.Trip.Query) {
    Size.Kind = AssumedSize::Rows;
    Size.Name = lineOf(Ctx, L.Trip.Query->getBeginLoc());
  } else if (L.Trip.Subject) {
    Size.Name = spelling(L.Trip.Subject);
    if (isCountType(L.Trip.Subject->getType()))
      Size.Kind = AssumedSize::Count;
  } else {
    Size.Kind = AssumedSize::Turns;
    Size.Name = lineOf(Ctx, L.Loop->getBeginLoc());
  }
  return Size;
}

std::vector<AssumedSize> LoopModel::assumedSizes(const Stmt *S) {
  std::vector<AssumedSize> Sizes;
  for (const Stmt *Loop : enclosingLoops(S))
    if (const LoopInfo &L = info(Loop); L.Trip.isInput()) {
      Sizes.push_back(assumedSize(L));
      if (walksElementPart(Loop))
        Sizes.back().Kind = AssumedSize::Parts;
    }
  std::reverse(Sizes.begin(), Sizes.end());
  return Sizes;
}

double LoopModel::executionsPerCall(const Stmt *S) {
  double Executions = 1;
  for (const Stmt *Loop : enclosingLoops(S))
    Executions *= walksElementPart(Loop) ? static_cast<double>(BoundedTripCount)
                                         : estimate(info(Loop));
  return Executions;
}

bool LoopModel::walksElementPart(const Stmt *Loop) {
  const LoopInfo &L = info(Loop);
  if (!L.Trip.isInput() || !L.Driver)
    return false;
  // A container reached from the element (`group.definitions`); not the
  // rows of a query or the lines of a stream opened per element, which
  // hold as much as any input.
  if (L.Trip.Source == InputSource::QueryRows || !L.Trip.Subject ||
      !isContainerType(L.Trip.Subject->getType().getNonReferenceType()))
    return false;
  // Plain arithmetic on indices (`j < i`, `j < n - i`) is a triangle, not
  // a part: it names no container.
  bool NamesData = !L.Driver->getType()->isIntegralOrEnumerationType();
  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S || NamesData)
      return;
    if (isa<CallExpr, MemberExpr, ArraySubscriptExpr>(S))
      NamesData = true;
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  Visit(L.Driver);
  if (!NamesData)
    return false;
  for (const Stmt *Outer : enclosingLoops(Loop))
    if (isLarge(info(Outer)) && !isInvariantIn(L.Driver, Outer))
      return true;
  return false;
}

/// True when S is on a branch inside Loop: a side of an `if`, a case of a
/// `switch`, an arm of `?:`, the right of `&&` or `||`.
bool LoopModel::isInBranchOf(const Stmt *S, const Stmt *Loop) {
  DynTypedNode Node = DynTypedNode::create(*S);
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return false;
    const Stmt *Parent = Parents[0].get<Stmt>();
    if (!Parent || Parent == Loop)
      return false;
    const Stmt *Child = Node.get<Stmt>();
    if (const auto *If = dyn_cast<IfStmt>(Parent);
        If && Child && Child != If->getCond())
      return true;
    if (const auto *Switch = dyn_cast<SwitchStmt>(Parent);
        Switch && Child == Switch->getBody())
      return true;
    if (const auto *Cond = dyn_cast<AbstractConditionalOperator>(Parent);
        Cond && Child != Cond->getCond())
      return true;
    if (const auto *Logic = dyn_cast<BinaryOperator>(Parent);
        Logic && Logic->isLogicalOp() && Child == Logic->getRHS())
      return true;
    Node = Parents[0];
  }
}

/// True when the unit's main file is a source file: a header opened on its
/// own (clangd, clang-tidy on a header) defines classes for other files.
static bool isSourceFile(const SourceManager &SM) {
  OptionalFileEntryRef Main = SM.getFileEntryRefForID(SM.getMainFileID());
  if (!Main)
    return false;
  StringRef Ext = llvm::sys::path::extension(Main->getName());
  return llvm::is_contained({".cpp", ".cc", ".cxx", ".c++", ".cp", ".C", ".c",
                             ".mm", ".m", ".cu"},
                            Ext);
}

bool LoopModel::isNeverCalled(const FunctionDecl *Fn) const {
  if (!Fn || Fn->isDependentContext() || Fn->isTemplateInstantiation() ||
      Fn->getDescribedFunctionTemplate() || Fn->isMain() ||
      Fn->hasAttr<UsedAttr>() || Fn->hasAttr<ConstructorAttr>() ||
      Fn->hasAttr<DestructorAttr>())
    return false;
  // Sema marks a function referenced wherever it is named or called,
  // implicitly too (range-for's begin(), a comparator's operator() inside
  // std::sort's instantiation): what a walk of the AST would miss.
  for (const FunctionDecl *Redecl : Fn->redecls())
    if (Redecl->isReferenced() || Redecl->isUsed(false))
      return false;
  const SourceManager &SM = Ctx.getSourceManager();
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Fn)) {
    const CXXRecordDecl *Class = Method->getParent();
    // Called through the vtable, by the compiler, or from the lambda's
    // creator.
    if (Method->isVirtual() || isa<CXXConstructorDecl, CXXDestructorDecl,
                                   CXXConversionDecl>(Method) ||
        Class->isLambda() || Class->isDependentContext() ||
        isa<ClassTemplateSpecializationDecl>(Class))
      return false;
    const CXXRecordDecl *Def = Class->getDefinition();
    if (!Def || !isSourceFile(SM) ||
        !SM.isInMainFile(SM.getExpansionLoc(Def->getLocation())))
      return false;
    // The class is in use and this member is not: dead code, not a class
    // still being written. No other file can name a class this file
    // defines, so a public member is dead too once the unit makes objects
    // of the class; until then it is the interface of a class not yet
    // used.
    if (Method->getAccess() == AS_public && !Method->isStatic())
      return llvm::any_of(Def->ctors(), [](const CXXConstructorDecl *Ctor) {
        return Ctor->isUsed(false);
      });
    return llvm::any_of(Def->methods(), [](const CXXMethodDecl *Other) {
      return !Other->isImplicit() && Other->isUsed(false);
    });
  }
  return !Fn->isExternallyVisible() && isSourceFile(SM) &&
         SM.isInMainFile(SM.getExpansionLoc(Fn->getLocation()));
}

static bool returnsOnlyFalse(const FunctionDecl *Fn, unsigned Depth);

/// True when Return gives `false`, or the value of a call to a function
/// that returns nothing else.
static bool givesFalse(const ReturnStmt *Return, unsigned Depth) {
  const Expr *Value = Return->getRetValue();
  Value = Value ? Value->IgnoreParenImpCasts() : nullptr;
  if (const auto *Literal = dyn_cast_or_null<CXXBoolLiteralExpr>(Value))
    return !Literal->getValue();
  if (const auto *Call = dyn_cast_or_null<CallExpr>(Value))
    return returnsOnlyFalse(Call->getDirectCallee(), Depth + 1);
  return false;
}

/// True when every `return` of Fn's own code (not of its lambdas) gives
/// `false`, or the value of a call to a function that does, a few calls
/// deep (`return recoverFromError(skipUntil);`).
static bool returnsOnlyFalse(const FunctionDecl *Fn, unsigned Depth) {
  const Stmt *Body = Fn ? Fn->getBody() : nullptr;
  if (!Body || Depth > 3 || !Fn->getReturnType()->isBooleanType())
    return false;
  bool Any = false, OnlyFalse = true;
  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S || !OnlyFalse || isa<LambdaExpr, BlockExpr>(S))
      return;
    if (const auto *Return = dyn_cast<ReturnStmt>(S)) {
      Any = true;
      OnlyFalse = givesFalse(Return, Depth);
      return;
    }
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  Visit(Body);
  return Any && OnlyFalse;
}

/// True when the call leaves its caller with a failure: it is the value of a
/// `return`, or its block goes on to `return false` or to throw.
static bool isOnFailurePath(const CallExpr *Call, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*Call);
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return false;
    const Stmt *P = Parents[0].get<Stmt>();
    if (!P || isa<LambdaExpr, BlockExpr>(P))
      return false;
    if (isa<ReturnStmt, CXXThrowExpr>(P))
      return true;
    if (const auto *Block = dyn_cast<CompoundStmt>(P))
      if (const Stmt *Exit = nextExit(Block, Node.get<Stmt>())) {
        if (isa<CXXThrowExpr>(Exit))
          return true;
        const auto *Return = dyn_cast<ReturnStmt>(Exit);
        return Return && givesFalse(Return, 0);
      }
    Node = Parents[0];
  }
}

bool LoopModel::isFailureReport(const FunctionDecl *Fn) {
  if (!Fn)
    return false;
  Fn = Fn->getCanonicalDecl();
  if (auto It = State->FailureReports.find(Fn);
      It != State->FailureReports.end())
    return It->second;
  const FunctionDecl *Definition = nullptr;
  bool Result = false;
  if (Fn->hasBody(Definition) && returnsOnlyFalse(Definition, 0))
    if (const auto *Calls = callsInUnit(Fn))
      Result = llvm::all_of(*Calls, [&](const CallExpr *Call) {
        return isOnFailurePath(Call, Ctx);
      });
  State->FailureReports[Fn] = Result;
  return Result;
}

bool LoopModel::recordsAnError(const Stmt *S) {
  DynTypedNode Node = DynTypedNode::create(*S);
  for (unsigned Up = 0; Up < 8; ++Up) {
    if (const auto *Call = Node.get<CXXMemberCallExpr>()) {
      const CXXMethodDecl *Method = Call->getMethodDecl();
      StringRef Name = Method ? identifierName(Method) : StringRef();
      if (addsAnElement(State->Calls.model(), Name) &&
          classify(Call->getImplicitObjectArgument()).Basis ==
              TripBasis::ErrorRecords)
        return true;
    }
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty() || !Parents[0].get<Expr>())
      return false;
    Node = Parents[0];
  }
  return false;
}

Confidence LoopModel::confidence(const Stmt *S) {
  // A finding in a function nothing calls: only the code's shape is known.
  const FunctionDecl *Fn = enclosingFunction(S);
  while (const auto *Method = dyn_cast_or_null<CXXMethodDecl>(Fn)) {
    if (!Method->getParent()->isLambda())
      break;
    Fn = dyn_cast<FunctionDecl>(
        Method->getParent()->getDeclContext()->getNonClosureAncestor());
  }
  if (isNeverCalled(Fn) || isFailureReport(Fn) || recordsAnError(S))
    return Confidence::Low;
  Confidence C = Confidence::High;
  for (const Stmt *Loop : enclosingLoops(S)) {
    const LoopInfo &L = info(Loop);
    // Only a run that failed has errors to walk.
    if (L.Trip.Basis == TripBasis::ErrorRecords)
      return Confidence::Low;
    if (!L.Trip.isInput())
      continue;
    if (L.Trip.Source == InputSource::Member ||
        L.Trip.Source == InputSource::Global) {
      C = lowered(C);
      if (isInBranchOf(S, Loop))
        C = lowered(C);
    }
  }
  return C;
}

//===----------------------------------------------------------------------===//
// Invariance
//===----------------------------------------------------------------------===//

static bool containsLoc(const SourceManager &SM, SourceRange Range,
                        SourceLocation Loc) {
  Loc = SM.getExpansionLoc(Loc);
  SourceLocation Begin = SM.getExpansionLoc(Range.getBegin());
  SourceLocation End = SM.getExpansionLoc(Range.getEnd());
  return Loc.isValid() && Begin.isValid() && End.isValid() &&
         !SM.isBeforeInTranslationUnit(Loc, Begin) &&
         !SM.isBeforeInTranslationUnit(End, Loc);
}

bool LoopModel::isVariantIn(const ValueDecl *D, const Stmt *Loop) {
  if (!D || !Loop)
    return false;
  const LoopInfo &L = info(Loop);
  if (llvm::is_contained(L.IterationVars, D))
    return true;
  return isDeclaredIn(D, Loop);
}

bool LoopModel::isDeclaredIn(const ValueDecl *D, const Stmt *Loop) {
  if (!D || !Loop || !isa<VarDecl, BindingDecl>(D))
    return false;
  if (const auto *VD = dyn_cast<VarDecl>(D); VD && !VD->isLocalVarDeclOrParm())
    return false;
  return containsLoc(Ctx.getSourceManager(), Loop->getSourceRange(),
                     D->getLocation());
}

bool LoopModel::isInvariantIn(const Expr *E, const Stmt *Loop) {
  if (!E)
    return true;
  bool Invariant = true;
  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S || !Invariant)
      return;
    if (const auto *DRE = dyn_cast<DeclRefExpr>(S))
      if (isVariantIn(DRE->getDecl(), Loop))
        Invariant = false;
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  Visit(E);
  return Invariant;
}

} // namespace perf_audit

namespace perf_audit {

/// Statements that leave an iteration early. A break inside a nested loop
/// or a switch, and a continue inside a nested loop, stay there; lambdas
/// have their own control flow.
static bool leavesEarly(const Stmt *S, bool BreakContained,
                        bool ContinueContained) {
  if (!S || isa<LambdaExpr>(S))
    return false;
  if (isa<ReturnStmt, GotoStmt, CoreturnStmt>(S))
    return true;
  if ((isa<BreakStmt>(S) && !BreakContained) ||
      (isa<ContinueStmt>(S) && !ContinueContained))
    return true;
  bool Loop = isLoopStmt(S);
  bool Switch = isa<SwitchStmt>(S);
  return llvm::any_of(S->children(), [&](const Stmt *Child) {
    return leavesEarly(Child, BreakContained || Loop || Switch,
                       ContinueContained || Loop);
  });
}

bool LoopModel::runsOnEveryIteration(const Stmt *S, const Stmt *Loop) {
  const Stmt *Body = loopBody(Loop);
  if (!Body || leavesEarly(Body, false, false))
    return false;
  DynTypedNode Node = DynTypedNode::create(*S);
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return false;
    const Stmt *Parent = Parents[0].get<Stmt>();
    if (!Parent)
      return false;
    if (Parent == Loop)
      return Node.get<Stmt>() == Body;
    // Only sequencing on the way up: blocks, full expressions, implicit
    // nodes, the object of a call.
    if (!isa<CompoundStmt, ExprWithCleanups, ImplicitCastExpr,
             MaterializeTemporaryExpr, CXXBindTemporaryExpr, ParenExpr,
             CXXMemberCallExpr, MemberExpr>(Parent))
      return false;
    Node = Parents[0];
  }
}

std::optional<std::pair<const Expr *, const Expr *>>
LoopModel::assignmentOf(const Stmt *S) {
  if (const auto *BO = dyn_cast_or_null<BinaryOperator>(S);
      BO && BO->getOpcode() == BO_Assign)
    return std::make_pair(BO->getLHS(), BO->getRHS());
  if (const auto *Op = dyn_cast_or_null<CXXOperatorCallExpr>(S);
      Op && Op->getOperator() == OO_Equal && Op->getNumArgs() == 2)
    return std::make_pair(Op->getArg(0), Op->getArg(1));
  return std::nullopt;
}

bool LoopModel::resets(const Stmt *S, const VarDecl *V) const {
  const auto *E = dyn_cast_or_null<Expr>(S);
  if (!E || !V)
    return false;
  E = E->IgnoreImplicit();
  if (const auto *Call = dyn_cast<CXXMemberCallExpr>(E))
    return referencedVar(Call->getImplicitObjectArgument()) == V &&
           Call->getMethodDecl() &&
           State->Calls.model().isClearingMethod(
               identifierName(Call->getMethodDecl()));
  auto Assignment = assignmentOf(E);
  return Assignment && referencedVar(Assignment->first) == V &&
         !referencesAny(Assignment->second, {V});
}

/// True when S holds a `continue` of the loop S is in (not of a loop inside
/// S), or a `goto`.
static bool containsContinue(const Stmt *S) {
  if (!S || isa<LambdaExpr>(S) || isLoopStmt(S))
    return false;
  if (isa<ContinueStmt, GotoStmt>(S))
    return true;
  return llvm::any_of(S->children(), containsContinue);
}

bool LoopModel::isPathStack(const ValueDecl *V, const Stmt *Loop) const {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(loopBody(Loop));
  if (!Body || !V)
    return false;
  // The container a statement calls a method of, and the method's name.
  auto MethodOn = [&](const Stmt *S) -> std::pair<const ValueDecl *, StringRef> {
    const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(
        isa_and_nonnull<Expr>(S) ? cast<Expr>(S)->IgnoreImplicit() : nullptr);
    if (!Call || !Call->getMethodDecl())
      return {nullptr, ""};
    const Expr *Object = strip(Call->getImplicitObjectArgument());
    const ValueDecl *Decl = nullptr;
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Object))
      Decl = Ref->getDecl();
    else if (const auto *Member = dyn_cast<MemberExpr>(Object))
      Decl = Member->getMemberDecl();
    return {Decl, identifierName(Call->getMethodDecl())};
  };
  bool Pushed = false;
  for (const Stmt *Statement : Body->body()) {
    auto [Decl, Name] = MethodOn(Statement);
    if (Decl == V && State->Calls.model().isAppendingMethod(Name)) {
      Pushed = true;
      continue;
    }
    if (Decl == V && Pushed && State->Calls.model().isRemovingLastMethod(Name))
      return true;
    // A `continue` of this loop would skip the pop.
    if (Pushed && containsContinue(Statement))
      return false;
  }
  return false;
}

bool LoopModel::isResetBefore(const ValueDecl *V, const Stmt *S,
                              const Stmt *Loop) {
  const auto *Body = dyn_cast_or_null<CompoundStmt>(loopBody(Loop));
  const auto *Var = dyn_cast_or_null<VarDecl>(V);
  if (!Body || !Var)
    return false;
  // Only the body's own statements: a reset in a branch may not happen.
  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation At = SM.getExpansionLoc(S->getBeginLoc());
  for (const Stmt *Statement : Body->body()) {
    if (!SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Statement->getEndLoc()),
                                      At))
      return false;
    if (resets(Statement, Var))
      return true;
  }
  return false;
}

std::optional<std::string> LoopModel::tripCountSpelling(const Stmt *Loop) {
  auto InScope = [&](const Expr *E) {
    return isInvariantIn(E, Loop) && !E->HasSideEffects(Ctx);
  };
  if (const auto *Range = dyn_cast<CXXForRangeStmt>(Loop)) {
    const Expr *R = strip(Range->getRangeInit());
    if (Range->getInit() || !R || !R->isGLValue() || !InScope(R))
      return std::nullopt;
    const auto *RD = R->getType()->getAsCXXRecordDecl();
    if (!RD || RD->lookup(&Ctx.Idents.get("size")).empty())
      return std::nullopt;
    std::string Text = spelling(R);
    if (Text.find("...") != std::string::npos)
      return std::nullopt;
    bool Simple = isa<DeclRefExpr, MemberExpr>(R);
    return (Simple ? Text : "(" + Text + ")") + ".size()";
  }
  const auto *For = dyn_cast<ForStmt>(Loop);
  if (!For || !For->getCond() || !For->getInc())
    return std::nullopt;
  // for (i = 0; i < n; ++i) or i != n, stepping by one.
  const auto *Cmp = dyn_cast<BinaryOperator>(strip(For->getCond()));
  if (!Cmp || (Cmp->getOpcode() != BO_LT && Cmp->getOpcode() != BO_NE))
    return std::nullopt;
  const auto *Counter = dyn_cast<DeclRefExpr>(strip(Cmp->getLHS()));
  const auto *Var = Counter ? dyn_cast<VarDecl>(Counter->getDecl()) : nullptr;
  const auto *Inc = dyn_cast<UnaryOperator>(strip(For->getInc()));
  if (!Var || !Inc || !Inc->isIncrementOp())
    return std::nullopt;
  const auto *Stepped = dyn_cast<DeclRefExpr>(strip(Inc->getSubExpr()));
  if (!Stepped || Stepped->getDecl() != Var)
    return std::nullopt;
  const Expr *Start = nullptr;
  if (const auto *DS = dyn_cast_or_null<DeclStmt>(For->getInit());
      DS && DS->isSingleDecl() && DS->getSingleDecl() == Var)
    Start = Var->getInit();
  Expr::EvalResult Zero;
  if (!Start || Start->isValueDependent() || !Start->EvaluateAsInt(Zero, Ctx) ||
      Zero.Val.getInt() != 0)
    return std::nullopt;
  const Expr *Bound = Cmp->getRHS();
  if (!InScope(Bound))
    return std::nullopt;
  std::string Text = spelling(Bound);
  if (Text.find("...") != std::string::npos)
    return std::nullopt;
  return Text;
}

} // namespace perf_audit
