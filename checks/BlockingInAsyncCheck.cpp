//===--- BlockingInAsyncCheck.cpp - perf-audit-blocking-in-async ----------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "BlockingInAsyncCheck.h"
#include "perf-audit/FindingText.h"
#include "perf-audit/ClangCompat.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::perf_audit {

BlockingInAsyncCheck::BlockingInAsyncCheck(StringRef Name,
                                           ClangTidyContext *Context)
    : PerfAuditCheck(Name, Context) {}

void BlockingInAsyncCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  PerfAuditCheck::storeOptions(Opts);
  // Read with the other analysis options: locking counts as blocking in
  // every unit's effects, the whole-program join's too.
  Options.store(Opts, core::option::CheckLocks, analysisOptions().CheckLocks);
}

void BlockingInAsyncCheck::registerMatchers(MatchFinder *Finder) {
  PerfAuditCheck::registerMatchers(Finder);
  Finder->addMatcher(expr(anyOf(callExpr(), cxxConstructExpr()),
                          unless(isExpansionInSystemHeader()))
                         .bind("call"),
                     this);
}

void BlockingInAsyncCheck::onStartOfTranslationUnit() {
  Candidates.clear();
  Handlers.clear();
  NamedHandlers.clear();
  Ctx = nullptr;
}

/// Bodies that may run on an event loop: coroutines, annotated functions and
/// entry points, and call operators (lambdas, function objects) that a
/// handler registration may hand over.
static bool mayRunOnEventLoop(const FunctionDecl *FD, core::CallClassifier &Calls) {
  if (core::intrinsicAsyncContext(FD, Calls))
    return true;
  const auto *MD = dyn_cast<CXXMethodDecl>(FD);
  return MD && MD->getOverloadedOperator() == OO_Call;
}

void BlockingInAsyncCheck::check(const MatchFinder::MatchResult &Result) {
  Ctx = Result.Context;
  const auto *Call = Result.Nodes.getNodeAs<Expr>("call");
  if (!Call)
    return;
  for (const core::AsyncContext &Handler :
       core::registeredHandlers(Call, calls()))
    if (Handlers.try_emplace(Handler.Function, Handler).second &&
        !mayRunOnEventLoop(Handler.Function, calls()))
      NamedHandlers.push_back(Handler.Function);

  const FunctionDecl *FD = loops(*Ctx).enclosingFunction(Call);
  if (FD && mayRunOnEventLoop(FD, calls()))
    consider(Call, FD);
}

void BlockingInAsyncCheck::consider(const Expr *Call, const FunctionDecl *FD) {
  if (FD->isDependentContext())
    return;
  if (const Stmt *Body = FD->getBody();
      Body && core::compat::isUnevaluated(Call, *Body, *Ctx))
    return;

  core::EffectAnalysis &Effects = effects(*Ctx);
  if (std::optional<core::BlockingEffect> Direct = Effects.directBlocking(Call)) {
    Candidates.push_back({Call, FD, std::move(*Direct), true});
    return;
  }
  // A call to a coroutine, stackless or stackful, runs a body that is a
  // context of its own and reported there.
  if (const FunctionDecl *Callee = core::calleeOf(Call);
      Callee && !core::runsInOwnCoroutine(Callee, calls()))
    if (const core::FunctionSummary &S = Effects.summary(Callee);
        S.Blocking && S.reachesFrom(Call, S.Blocking->Trace))
      Candidates.push_back({Call, FD, *S.Blocking, false});
}

/// The candidates with one per statement and blocking call: a statement
/// such as `Settings().save()` reaches the same blocking call through the
/// constructor and through the method; the shorter chain says it.
std::vector<const BlockingInAsyncCheck::Candidate *>
BlockingInAsyncCheck::oncePerStatement(const std::vector<Candidate> &All) const {
  std::vector<const Candidate *> Kept;
  if (!Ctx)
    return Kept;
  const SourceManager &SM = Ctx->getSourceManager();
  auto Offset = [&](SourceLocation L) {
    return SM.getFileOffset(SM.getExpansionLoc(L));
  };
  auto Sink = [&](const Candidate &C) -> std::pair<std::string, unsigned> {
    const core::EffectStep &Last = C.Effect.Trace.back();
    if (Last.Site)
      return {"", Offset(Last.Site->getBeginLoc())};
    return {Last.Loc.File, Last.Loc.Offset};
  };
  auto SameStatement = [&](const Candidate &A, const Candidate &B) {
    return !A.Direct && !B.Direct && !A.Effect.Trace.empty() &&
           !B.Effect.Trace.empty() && A.Function == B.Function &&
           Offset(A.Call->getBeginLoc()) == Offset(B.Call->getBeginLoc()) &&
           Sink(A) == Sink(B);
  };
  for (const Candidate &C : All) {
    auto Same = llvm::find_if(
        Kept, [&](const Candidate *K) { return SameStatement(*K, C); });
    if (Same == Kept.end())
      Kept.push_back(&C);
    else if (C.Effect.Trace.size() < (*Same)->Effect.Trace.size())
      *Same = &C;
  }
  return Kept;
}

void BlockingInAsyncCheck::onEndOfTranslationUnit() {
  // Functions and member functions handed over by name (`&Session::onRead`,
  // a libuv callback) were not known to run on the loop when their calls
  // were matched.
  if (Ctx)
    for (const FunctionDecl *Function : NamedHandlers) {
      if (!Function->getBody() ||
          Ctx->getSourceManager().isInSystemHeader(
              Ctx->getSourceManager().getExpansionLoc(Function->getLocation())))
        continue;
      for (const BoundNodes &Nodes :
           match(findAll(expr(anyOf(callExpr(), cxxConstructExpr())).bind("call")),
                 *Function->getBody(), *Ctx))
        if (const auto *Call = Nodes.getNodeAs<Expr>("call");
            Call && loops(*Ctx).enclosingFunction(Call) == Function)
          consider(Call, Function);
    }
  for (const Candidate *Kept : oncePerStatement(Candidates)) {
    const Candidate &C = *Kept;
    std::optional<core::AsyncContext> Context =
        core::intrinsicAsyncContext(C.Function, calls());
    if (!Context) {
      auto It = Handlers.find(C.Function);
      if (It == Handlers.end())
        continue;
      Context = It->second;
    }
    report(C, *Context);
  }
  Candidates.clear();
  NamedHandlers.clear();
}

void BlockingInAsyncCheck::report(const Candidate &C,
                                  const core::AsyncContext &Context) {
  core::LoopModel &Loops = loops(*Ctx);
  const SourceManager &SM = Ctx->getSourceManager();
  double Executions = Loops.executionsPerCall(C.Call);
  // An entry point called per item or per repaint weighs as a loop over
  // input around the call.
  double ContextRuns =
      Context.Frequent ? static_cast<double>(loopOptions().AssumedTripCount) : 1;
  core::Impact I =
      core::blockingImpact(C.Effect.Kind, C.Effect.SleepNs,
                           C.Effect.EmbeddedQuery, Executions * ContextRuns);
  I.Certainty = Loops.confidence(C.Call);
  if (!meetsMinimum(I))
    return;

  std::string Name =
      C.Direct ? core::callName(C.Call)
               : core::displayName(core::calleeOf(C.Call));
  std::string Verb = "blocks the event loop";
  if (C.Direct && C.Effect.Kind == core::BlockingKind::Sleep && C.Effect.SleepNs)
    Verb = "sleeps " + core::formatDuration(*C.Effect.SleepNs) +
           " on the event loop";
  std::string ContextText = Context.describe();
  if (Context.Frequent)
    ContextText += core::frequentEntryPointText(ContextRuns);
  std::string Message = core::blockingMessage(
      Name, Verb, ContextText, Executions, assumption(C.Call, *Ctx));

  const core::BlockingCallModel *Blocking = C.Effect.Model;
  bool Coroutine = Context.What == core::AsyncContext::Kind::Coroutine;
  bool Stackful = Context.What == core::AsyncContext::Kind::StackfulCoroutine;
  std::optional<core::AsyncRewrite> Rewrite;
  if (C.Direct && Blocking && (Coroutine || Stackful))
    Rewrite = core::asyncRewrite(C.Call, *Blocking, C.Function, calls(), *Ctx);
  {
    DiagnosticBuilder D = PerfAuditCheck::report(C.Call->getBeginLoc(), Message, I, SM);
    if (Rewrite && Rewrite->AwaitAt.isValid())
      D << FixItHint::CreateInsertion(Rewrite->AwaitAt, "co_await ");
    if (Rewrite)
      D << FixItHint::CreateReplacement(
               CharSourceRange::getTokenRange(Rewrite->CalleeName),
               Rewrite->AsyncName)
        << FixItHint::CreateInsertion(Rewrite->TokenAt, Rewrite->Token);
  }
  if (Context.Registration)
    note(Context.Registration->getBeginLoc(),
         core::registrationNote(Context.What ==
                                core::AsyncContext::Kind::PostedWork));
  if (!C.Direct)
    noteTrace(C.Effect.Trace, C.Call->getBeginLoc(), SM);

  // The asynchronous form replaces the blocking call itself; a bare name is
  // a member of the same object (`socket.async_...`). Through a callee, the
  // callee is what must change.
  std::string AsyncCall;
  if (C.Direct && !C.Effect.AsyncForm.empty()) {
    AsyncCall = C.Effect.AsyncForm;
    if (!StringRef(AsyncCall).contains("::"))
      if (const Expr *Object = core::objectOf(C.Call))
        AsyncCall = Loops.spelling(Object) + "." + AsyncCall;
  }
  core::BlockingFixContext Where;
  Where.InCoroutine = Coroutine;
  if (Stackful)
    if (const ParmVarDecl *P = core::yieldContextOf(C.Function, calls())) {
      // The non-throwing overload keeps its error code: `yield[ec]`.
      Where.YieldContext = P->getName().str();
      if (const Expr *ErrorCode = core::errorCodeArgument(C.Call); C.Direct && ErrorCode)
        Where.YieldContext += "[" + Loops.spelling(ErrorCode) + "]";
    }
  Where.Offload = Context.Offload;
  Where.Timer = Context.Timer;
  std::string Fix = core::blockingFix(C.Effect.Kind, AsyncCall, Where);
  note(C.Call->getBeginLoc(), Fix);
}

} // namespace clang::tidy::perf_audit
