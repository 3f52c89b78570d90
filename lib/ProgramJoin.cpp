//===--- ProgramJoin.cpp - Effects across translation units ---------------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/ProgramJoin.h"
#include "perf-audit/FindingText.h"
#include "perf-audit/Impact.h"
#include <map>
#include <tuple>
#include <set>

namespace perf_audit {

static FindingNote noteAt(const SourcePoint &P, std::string Message) {
  return FindingNote{std::move(Message), P};
}

using RecordsByUsr = std::map<std::string, FunctionRecord>;

/// Adds to F what calling G at C brings (Effects.h: the same fold as inside
/// a TU). True when F changed.
static bool inheritEffects(FunctionRecord &F, const ExternalCall &C,
                           const FunctionRecord &G) {
  CallEdge Edge;
  Edge.Site.Loc = C.Site;
  Edge.CalleeName = G.Name;
  Edge.CalleeIsCoroutine = G.Coroutine;
  for (int From : C.ArgumentFromParam) {
    ArgumentSource Source;
    if (From >= 0) {
      Source.Kind = ArgumentSource::CallerParam;
      Source.Param = static_cast<unsigned>(From);
    }
    Edge.Arguments.push_back(Source);
  }
  // Another object's members are nothing the record of F can name.
  if (C.OnThis)
    Edge.Object.Kind = ArgumentSource::CallerObject;
  return perf_audit::inheritEffects(F, G, Edge);
}

/// Folds effects through the calls that cross TUs until nothing changes.
/// Each fact is only ever added, so the iteration ends (cycles included).
static void foldCalleeEffects(RecordsByUsr &ByUsr) {
  bool Changed = true;
  while (Changed) {
    Changed = false;
    for (auto &[Usr, F] : ByUsr)
      for (const ExternalCall &C : F.Calls) {
        auto It = ByUsr.find(C.CalleeUsr);
        if (It != ByUsr.end() && It->first != Usr)
          Changed |= inheritEffects(F, C, It->second);
      }
  }
}

static void addTrace(Finding &Out, const EffectTrace &Steps) {
  for (const EffectStep &S : Steps)
    Out.Notes.push_back(noteAt(S.Loc, S.Note));
}

/// The callee loops over What, which does not change with the loop around
/// the call (described by A): N elements per run.
static Finding scanFinding(const PendingCall &P, const ScannableArgument &A,
                           const std::string &What, const std::string &Data,
                           const EffectTrace &Steps, double N,
                           bool Part = false) {
  Finding F;
  F.Check = "perf-audit-nested-loop";
  F.Loc = P.Site;
  F.Function = P.Caller;
  F.Cost = estimateImpact(CostKind::LoopIteration,
                          N * unitCostNs(CostKind::LoopIteration), P.Executions);
  F.Cost.Certainty = lowered(P.Certainty);
  // A part of one object (its namespace's components): as unsure a size as
  // a member's.
  if (Part)
    F.Cost.Certainty = lowered(F.Cost.Certainty);
  std::vector<AssumedSize> Sizes = P.Sizes;
  Sizes.push_back({AssumedSize::Elements, Data});
  F.Message = calleeScanMessage(P.CalleeName, What, A.LoopDescription,
                                A.Complexity, N * P.Executions,
                                sizeAssumption(Sizes, static_cast<uint64_t>(N)));
  F.Notes.push_back(noteAt(A.LoopLoc, "loop here"));
  addTrace(F, Steps);
  return F;
}

/// The callee runs Q, and the call is in a loop over input.
static Finding nPlusOneFinding(const PendingCall &P, const QuerySite &Q,
                               double N) {
  Finding F;
  F.Check = "perf-audit-n-plus-one";
  F.Loc = P.Site;
  F.Function = P.Caller;
  CostKind Kind = Q.Embedded ? CostKind::EmbeddedQuery : CostKind::DatabaseRoundTrip;
  F.Cost = estimateImpact(Kind, unitCostNs(Kind), P.Executions);
  F.Cost.Certainty = lowered(P.Certainty);
  F.Message = nPlusOneMessage(P.CalleeName, Q.Writes, P.Where, P.Executions,
                              sizeAssumption(P.Sizes, static_cast<uint64_t>(N)));
  if (P.OuterQuery)
    F.Notes.push_back(noteAt(*P.OuterQuery, "outer query here"));
  F.Notes.push_back(noteAt(P.LoopLoc, "loop here"));
  addTrace(F, Q.Trace);
  F.Notes.push_back(noteAt(
      P.Site, nPlusOneFix(Q.Writes, Q.LoadsRelation, P.OuterQuery.has_value())));
  return F;
}

/// The callee blocks (B), and the call runs on an event loop.
static Finding blockingFinding(const PendingCall &P, const BlockingEffect &B,
                               double N) {
  Finding F;
  F.Check = "perf-audit-blocking-in-async";
  F.Loc = P.Site;
  F.Function = P.Caller;
  F.Cost = blockingImpact(B.Kind, B.SleepNs, B.EmbeddedQuery,
                          P.Executions * P.ContextRuns);
  F.Cost.Certainty = P.Certainty;
  F.Message = blockingMessage(P.CalleeName, "blocks the event loop",
                              *P.AsyncContext, P.Executions,
                              sizeAssumption(P.Sizes, static_cast<uint64_t>(N)));
  if (P.Registration)
    F.Notes.push_back(
        noteAt(*P.Registration, registrationNote(P.RegistrationIsPost)));
  addTrace(F, B.Trace);
  // The blocking call is in the callee: the callee is what must change, so
  // no asynchronous form is named at this call, and the advice is the same
  // in a coroutine as in a handler.
  BlockingFixContext Where;
  Where.Offload = P.Offload;
  Where.Timer = P.Timer;
  Where.YieldContext = P.YieldContext;
  F.Notes.push_back(noteAt(P.Site, blockingFix(B.Kind, /*AsyncCall=*/"", Where)));
  return F;
}

/// The blocking findings of the join by function, place and blocking call,
/// with their index in the findings.
using BlockingFindings =
    std::map<std::tuple<std::string, std::string, unsigned, std::string, unsigned>,
             size_t>;

/// Adds F, a blocking finding of call P whose chain is Trace, unless a
/// finding of the same function at the same place reaches the same blocking
/// call: a statement such as `Settings().save()` reaches it through the
/// constructor and through the method, and the shorter chain says it.
static void addBlockingOncePerStatement(Finding F, const PendingCall &P,
                                        const EffectTrace &Trace,
                                        BlockingFindings &Seen,
                                        std::vector<Finding> &Out) {
  if (Trace.empty()) {
    Out.push_back(std::move(F));
    return;
  }
  const SourcePoint &Sink = Trace.back().Loc;
  auto [It, New] = Seen.try_emplace(
      {P.Caller, P.Site.File, P.Site.Offset, Sink.File, Sink.Offset},
      Out.size());
  if (New)
    Out.push_back(std::move(F));
  else if (F.Notes.size() < Out[It->second].Notes.size())
    Out[It->second] = std::move(F);
}

/// What the call P, whose callee's joined record is G, reveals.
static void reportCall(const PendingCall &P, const FunctionRecord &G, double N,
                       BlockingFindings &Blocking, std::vector<Finding> &Out) {
  if (P.InLargeLoop && G.Query)
    Out.push_back(nPlusOneFinding(P, *G.Query, N));
  for (const ScannableArgument &A : P.ScannableArgs) {
    auto Scan = llvm::find_if(G.ScannedParams, [&](const ParamScan &S) {
      return S.Param == A.Param;
    });
    if (Scan == G.ScannedParams.end())
      continue;
    Out.push_back(
        scanFinding(P, A, "'" + A.Spelling + "'", A.Spelling, Scan->Trace, N,
                    Scan->Part));
    break;
  }
  if (P.ScannableObject && !G.ScannedMembers.empty()) {
    const MemberScan &M = G.ScannedMembers.front();
    Out.push_back(scanFinding(P, *P.ScannableObject, "member '" + M.Member + "'",
                              M.Member, M.Trace, N));
  }
  if (P.AsyncContext && G.Blocking && !G.Coroutine)
    addBlockingOncePerStatement(blockingFinding(P, *G.Blocking, N), P,
                                G.Blocking->Trace, Blocking, Out);
}

JoinedProgram joinTranslationUnits(const std::vector<UnitResult> &Units) {
  // One record per function: the first TU (in file order) that defines it.
  RecordsByUsr ByUsr;
  for (const UnitResult &U : Units)
    if (!U.Failure)
      for (const FunctionRecord &F : U.Record.Functions)
        ByUsr.emplace(F.Usr, F);
  foldCalleeEffects(ByUsr);

  JoinedProgram Program;
  BlockingFindings Blocking;
  for (const UnitResult &U : Units) {
    if (U.Failure)
      continue;
    double N = static_cast<double>(U.Record.AssumedTripCount);
    for (const PendingCall &P : U.Record.Calls) {
      auto It = ByUsr.find(P.CalleeUsr);
      if (It != ByUsr.end())
        reportCall(P, It->second, N, Blocking, Program.Findings);
    }
  }
  for (auto &[Usr, F] : ByUsr)
    Program.Functions.push_back(F);
  return Program;
}

void settleParameterArguments(std::vector<UnitResult> &Units) {
  /// One parameter, as every unit saw it.
  struct Parameter {
    bool BuiltInPlace = false; ///< Some unit's calls all build it in place.
    bool Copied = false;       ///< Some unit's call copies it.
    std::vector<Finding *> Findings;
  };
  std::map<std::pair<std::string, unsigned>, Parameter> Params;
  for (const UnitResult &U : Units)
    for (const ParameterArguments &A : U.Record.Arguments) {
      Parameter &P = Params[{A.Param.File, A.Param.Offset}];
      (A.BuiltInPlace ? P.BuiltInPlace : P.Copied) = true;
    }
  if (Params.empty())
    return;
  for (UnitResult &U : Units)
    for (Finding &F : U.Findings)
      if (F.Check == "perf-audit-excess-copy")
        if (auto It = Params.find({F.Loc.File, F.Loc.Offset});
            It != Params.end())
          It->second.Findings.push_back(&F);
  // One finding, one confidence, whichever unit reported it: low when no
  // unit's call copies the argument, else that of the surest unit (one
  // that saw no call building it in place).
  for (auto &[Key, P] : Params) {
    Confidence Settled = Confidence::Low;
    if (P.Copied)
      for (const Finding *F : P.Findings)
        Settled = std::max(Settled, F->Cost.Certainty);
    for (Finding *F : P.Findings)
      F->Cost.Certainty = Settled;
  }
}

} // namespace perf_audit
