//===--- UnitRecorder.cpp - Recording one translation unit ----------------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/UnitRecorder.h"
#include "perf-audit/FindingText.h"
#include "perf-audit/AnalysisContext.h"
#include "perf-audit/Async.h"
#include "perf-audit/CallClassifier.h"
#include "perf-audit/EffectAnalysis.h"
#include "perf-audit/ProgramSummaries.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Path.h"
#include <set>

using namespace clang;

namespace perf_audit {

namespace {

class Recorder {
public:
  /// With the unit's own analyses, which the checks have filled already:
  /// the same options, and no loop or callee analysed twice.
  Recorder(ASTContext &Ctx, AnalysisContext &Analysis)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Loops(Analysis.loops(Ctx)),
        Calls(Analysis.calls()), Effects(Analysis.effects(Ctx)),
        AssumedTripCount(Analysis.options().Loops.AssumedTripCount) {}

  SourcePoint point(SourceLocation Loc) {
    SourcePoint P;
    SourceLocation FileLoc = SM.getFileLoc(Loc);
    if (FileLoc.isInvalid())
      return P;
    llvm::SmallString<256> Path(SM.getFilename(FileLoc));
    SM.getFileManager().makeAbsolutePath(Path);
    llvm::sys::path::remove_dots(Path, /*remove_dot_dot=*/true);
    P.File = std::string(Path);
    P.Offset = SM.getFileOffset(FileLoc);
    return P;
  }

  /// Trace as the whole program keeps it: each step placed by its Loc,
  /// without the statement, which does not outlive the TU.
  EffectTrace placed(const EffectTrace &Trace) {
    EffectTrace Steps;
    for (const EffectStep &Step : Trace)
      if (Step.Site)
        Steps.push_back({nullptr, point(Step.Site->getBeginLoc()), Step.Note});
      else if (!Step.Loc.File.empty())
        Steps.push_back(Step);
    return Steps;
  }

  bool isUserCode(SourceLocation Loc) {
    return Loc.isValid() && !SM.isInSystemHeader(SM.getExpansionLoc(Loc));
  }

  /// A call whose callee this TU cannot see into, and that is not modelled:
  /// its effects can only come from another TU.
  const FunctionDecl *externalCallee(const Expr *Call) {
    const FunctionDecl *Callee = calleeOf(Call);
    if (!Callee || analysableDefinition(Callee) ||
        !isUserCode(Callee->getLocation()) || Calls.isRoundTrip(Call) ||
        Calls.isRowCursor(Call) || Calls.blocking(Call) || Calls.linear(Call) ||
        Callee->isDependentContext())
      return nullptr;
    return Callee;
  }

  TranslationUnitRecord run();

private:
  void recordFunction(const FunctionDecl *FD, TranslationUnitRecord &Out);
  std::optional<AsyncContext> contextOf(const FunctionDecl *FD) {
    if (std::optional<AsyncContext> Intrinsic = intrinsicAsyncContext(FD, Calls))
      return Intrinsic;
    auto It = Handlers.find(FD);
    if (It != Handlers.end())
      return It->second;
    return std::nullopt;
  }

  ASTContext &Ctx;
  const SourceManager &SM;
  LoopModel &Loops;
  CallClassifier &Calls;
  EffectAnalysis &Effects;
  unsigned AssumedTripCount;
  llvm::DenseMap<const FunctionDecl *, AsyncContext> Handlers;
};

/// Visits the calls of one function body. A lambda's body is its own
/// function, recorded separately; its calls are this function's only where
/// it runs here (CallClassifier::isInvokedWhereWritten).
class CallCollector : public RecursiveASTVisitor<CallCollector> {
public:
  CallCollector(CallClassifier &Calls, ASTContext &Ctx)
      : Calls(Calls), Ctx(Ctx) {}

  bool shouldVisitTemplateInstantiations() const { return false; }
  bool TraverseLambdaExpr(LambdaExpr *Lambda) {
    for (Expr *Init : Lambda->capture_inits())
      if (!TraverseStmt(Init))
        return false;
    return !Calls.isInvokedWhereWritten(Lambda, Ctx) ||
           TraverseStmt(Lambda->getBody());
  }
  bool VisitCallExpr(CallExpr *E) {
    Found.push_back(E);
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    Found.push_back(E);
    return true;
  }
  std::vector<const Expr *> Found;

private:
  CallClassifier &Calls;
  ASTContext &Ctx;
};

class FunctionCollector : public RecursiveASTVisitor<FunctionCollector> {
public:
  explicit FunctionCollector(const SourceManager &SM) : SM(SM) {}

  bool shouldVisitTemplateInstantiations() const { return false; }
  // A declaration in a system header holds nothing that is recorded (its
  // functions and calls are library code): not descending into the standard
  // library, Qt or Boost saves most of the walk.
  bool TraverseDecl(Decl *D) {
    if (D && !isa<TranslationUnitDecl>(D) && D->getLocation().isValid() &&
        SM.isInSystemHeader(SM.getExpansionLoc(D->getLocation())))
      return true;
    return RecursiveASTVisitor::TraverseDecl(D);
  }
  bool shouldVisitLambdaBodies() const { return true; }
  bool VisitFunctionDecl(FunctionDecl *FD) {
    if (FD->doesThisDeclarationHaveABody() && !FD->isDependentContext() &&
        !FD->isImplicit())
      Found.push_back(FD);
    return true;
  }
  bool VisitLambdaExpr(LambdaExpr *L) {
    if (const CXXMethodDecl *Op = L->getCallOperator();
        Op && !Op->isDependentContext())
      Found.push_back(Op);
    return true;
  }
  bool VisitCallExpr(CallExpr *E) {
    Calls.push_back(E);
    return true;
  }
  std::vector<const FunctionDecl *> Found;
  std::vector<const Expr *> Calls;

private:
  const SourceManager &SM;
};

TranslationUnitRecord Recorder::run() {
  FunctionCollector Collector(SM);
  Collector.TraverseDecl(Ctx.getTranslationUnitDecl());
  // Handlers first: a lambda's body is an async context if some call hands
  // it to an event loop.
  for (const Expr *Call : Collector.Calls)
    if (isUserCode(Call->getBeginLoc()))
      for (const AsyncContext &H : registeredHandlers(Call, Calls))
        Handlers.try_emplace(H.Function, H);
  TranslationUnitRecord Out;
  std::set<const FunctionDecl *> Seen;
  for (const FunctionDecl *FD : Collector.Found)
    if (isUserCode(FD->getLocation()) && Seen.insert(FD).second)
      recordFunction(FD, Out);
  return Out;
}

void Recorder::recordFunction(const FunctionDecl *FD, TranslationUnitRecord &Out) {
  std::optional<std::string> Usr = usrOf(FD);
  if (!Usr || !FD->getBody())
    return;
  FunctionRecord F;
  F.Usr = *Usr;
  F.Name = displayName(FD);
  F.Loc = point(FD->getLocation());
  // A stackful coroutine too: its body blocks where it runs.
  F.Coroutine = runsInOwnCoroutine(FD, Calls);
  const FunctionSummary &S = Effects.summary(FD);
  if (S.Query) {
    F.Query = S.Query;
    F.Query->Model = nullptr;
    F.Query->Trace = placed(S.Query->Trace);
  }
  if (S.Blocking) {
    F.Blocking = S.Blocking;
    F.Blocking->Model = nullptr;
    F.Blocking->Query = nullptr;
    F.Blocking->Trace = placed(S.Blocking->Trace);
  }
  // Another unit's caller passes an object or a pointer; a count parameter
  // is a loop bound, not data.
  for (const ParamScan &Scan : S.ScannedParams)
    if (Scan.Param < FD->getNumParams()) {
      QualType T = FD->getParamDecl(Scan.Param)->getType().getNonReferenceType();
      if (T->isRecordType() || T->isPointerType())
        F.ScannedParams.push_back({Scan.Param, placed(Scan.Trace), Scan.Part});
    }
  for (const MemberScan &Scan : S.ScannedMembers)
    F.ScannedMembers.push_back({Scan.Member, nullptr, placed(Scan.Trace)});

  std::optional<AsyncContext> Context = contextOf(FD);
  CallCollector Bodies(Calls, Loops.context());
  Bodies.TraverseStmt(const_cast<Stmt *>(FD->getBody()));
  for (const Expr *Call : Bodies.Found) {
    const FunctionDecl *Callee = externalCallee(Call);
    std::optional<std::string> CalleeUsr = Callee ? usrOf(Callee) : std::nullopt;
    if (!CalleeUsr)
      continue;
    auto Args = argumentsOf(Call);
    ExternalCall E;
    E.CalleeUsr = *CalleeUsr;
    E.CalleeName = displayName(Callee);
    E.Site = point(Call->getBeginLoc());
    const Expr *Object = objectOf(Call);
    E.OnThis = isa<CXXMemberCallExpr>(Call) &&
               (!Object || isa<CXXThisExpr>(LoopModel::strip(Object)));
    for (const Expr *Arg : Args) {
      Dependence D = Loops.classify(Arg);
      const auto *Param = dyn_cast_or_null<ParmVarDecl>(D.Root);
      E.ArgumentFromParam.push_back(
          D.isInput() && Param && Param->getDeclContext() == FD
              ? static_cast<int>(Param->getFunctionScopeIndex())
              : -1);
    }
    F.Calls.push_back(E);

    // A call of interest: in a loop over input, or on an event loop.
    PendingCall P;
    P.CalleeUsr = E.CalleeUsr;
    P.CalleeName = E.CalleeName;
    P.Caller = FD->getQualifiedNameAsString();
    P.Site = E.Site;
    P.Executions = Loops.executionsPerCall(Call);
    P.Certainty = Loops.confidence(Call);
    P.Sizes = Loops.assumedSizes(Call);
    for (const Stmt *Loop : Loops.enclosingLoops(Call)) {
      const LoopInfo &Info = Loops.info(Loop);
      if (!Loops.isLarge(Info))
        continue;
      P.InLargeLoop = true;
      P.LoopLoc = point(Loop->getBeginLoc());
      if (Info.Trip.Source == InputSource::QueryRows && Info.Trip.Query) {
        P.OuterQuery = point(Info.Trip.Query->getBeginLoc());
        P.Where = repetitionOf(Info.Description,
                               SM.getExpansionLineNumber(
                                   Info.Trip.Query->getBeginLoc()));
      } else {
        P.Where = repetitionOf(Info.Description, std::nullopt);
      }
      break;
    }
    // Data arguments that stay the same in a loop over input.
    for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I) {
      QualType T = Callee->getParamDecl(I)->getType().getNonReferenceType();
      if ((!T->isRecordType() && !T->isPointerType()) ||
          !Loops.classify(Args[I]).isInput())
        continue;
      for (const Stmt *Loop : Loops.enclosingLoops(Call)) {
        if (!Loops.isInvariantIn(Args[I], Loop))
          break;
        const LoopInfo &Info = Loops.info(Loop);
        if (!Loops.isLarge(Info))
          continue;
        Dependence Data = Loops.classify(Args[I]);
        bool Same = Info.Trip.Root && Info.Trip.Root == Data.Root;
        P.ScannableArgs.push_back({I, Loops.spelling(Args[I]),
                                   point(Loop->getBeginLoc()), Info.Description,
                                   Same ? "O(n^2)" : "O(n*m)"});
        break;
      }
    }
    // The object of a method call, the same on every iteration of a loop
    // over input: a method looping over its members multiplies.
    if (Object && isa<CXXMemberCallExpr>(Call) && !E.OnThis &&
        Loops.classify(Object).isInput())
      for (const Stmt *Loop : Loops.enclosingLoops(Call)) {
        if (!Loops.isInvariantIn(Object, Loop))
          break;
        const LoopInfo &Info = Loops.info(Loop);
        if (!Loops.isLarge(Info))
          continue;
        P.ScannableObject = ScannableArgument{0, Loops.spelling(Object),
                                              point(Loop->getBeginLoc()),
                                              Info.Description, "O(n*m)"};
        break;
      }
    if (Context) {
      P.AsyncContext = Context->describe();
      if (Context->Frequent) {
        P.ContextRuns = static_cast<double>(AssumedTripCount);
        *P.AsyncContext += frequentEntryPointText(P.ContextRuns);
      }
      if (Context->Registration) {
        P.Registration = point(Context->Registration->getBeginLoc());
        P.RegistrationIsPost = Context->What == AsyncContext::Kind::PostedWork;
      }
      P.Offload = Context->Offload;
      P.Timer = Context->Timer;
      if (const ParmVarDecl *Yield = yieldContextOf(Context->Function, Calls))
        P.YieldContext = Yield->getName().str();
    }
    if (P.InLargeLoop || !P.ScannableArgs.empty() || P.ScannableObject ||
        P.AsyncContext)
      Out.Calls.push_back(std::move(P));
  }
  if (F.Query || F.Blocking || !F.ScannedParams.empty() ||
      !F.ScannedMembers.empty() || !F.Calls.empty())
    Out.Functions.push_back(std::move(F));
}

} // namespace

TranslationUnitRecord recordTranslationUnit(ASTContext &Ctx,
                                            AnalysisContext &Analysis) {
  TranslationUnitRecord Record = Recorder(Ctx, Analysis).run();
  Record.AssumedTripCount = Analysis.options().Loops.AssumedTripCount;
  return Record;
}

} // namespace perf_audit
