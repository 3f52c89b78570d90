//===--- Effects.cpp - What a function does that its callers pay for ------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/Effects.h"
#include "perf-audit/FindingText.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"

namespace perf_audit {

const ParamScan *FunctionEffects::paramScan(unsigned Param) const {
  auto It = llvm::find_if(ScannedParams,
                          [&](const ParamScan &S) { return S.Param == Param; });
  return It == ScannedParams.end() ? nullptr : &*It;
}

bool FunctionEffects::addParamScan(ParamScan Scan) {
  if (paramScan(Scan.Param))
    return false;
  ScannedParams.push_back(std::move(Scan));
  return true;
}

bool FunctionEffects::addMemberScan(MemberScan Scan) {
  if (llvm::any_of(ScannedMembers,
                   [&](const MemberScan &M) { return M.sameMember(Scan); }))
    return false;
  ScannedMembers.push_back(std::move(Scan));
  return true;
}

static EffectTrace prefixed(const EffectStep &Call, std::string Note,
                            const EffectTrace &Inner) {
  EffectTrace Trace{EffectStep{Call.Site, Call.Loc, std::move(Note)}};
  Trace.append(Inner.begin(), Inner.end());
  return Trace;
}

/// Adds a loop over what Source names, as a scan of the caller's.
static bool addScan(FunctionEffects &Caller, const ArgumentSource &Source,
                    EffectTrace Trace, bool CalleePart) {
  switch (Source.Kind) {
  case ArgumentSource::CallerParam:
    return Caller.addParamScan(
        ParamScan{Source.Param, std::move(Trace), CalleePart || Source.Part});
  case ArgumentSource::CallerMember:
    return Caller.addMemberScan(
        MemberScan{Source.Member, Source.Field, std::move(Trace)});
  case ArgumentSource::CallerObject:
  case ArgumentSource::Unrelated:
    return false;
  }
  return false;
}

bool costlierBlocking(const BlockingEffect &A, const BlockingEffect &B) {
  auto Cost = [](const BlockingEffect &E) {
    return blockingImpact(E.Kind, E.SleepNs, E.EmbeddedQuery, 1)
        .CostPerExecutionNs;
  };
  return Cost(A) > Cost(B);
}

bool inheritEffects(FunctionEffects &Caller, const FunctionEffects &Callee,
                    const CallEdge &Call) {
  auto Reaches = [&](const EffectTrace &Trace) {
    return !Call.Reaches || Call.Reaches(Trace);
  };
  bool Changed = false;
  if (!Caller.Query && Callee.Query && Reaches(Callee.Query->Trace)) {
    QuerySite Q = *Callee.Query;
    Q.Trace = prefixed(Call.Site, queryStep(Call.CalleeName), Callee.Query->Trace);
    Caller.Query = std::move(Q);
    Changed = true;
  }
  // The costliest blocking call a function reaches is the one to name: a
  // PNG encode rather than the file open before it.
  if (Callee.Blocking && !Call.CalleeIsCoroutine &&
      (!Caller.Blocking || costlierBlocking(*Callee.Blocking, *Caller.Blocking)) &&
      Reaches(Callee.Blocking->Trace)) {
    BlockingEffect B = *Callee.Blocking;
    B.Trace = prefixed(Call.Site, blockingStep(Call.CalleeName),
                       Callee.Blocking->Trace);
    Caller.Blocking = std::move(B);
    Changed = true;
  }
  if (!Call.ChargesScans)
    return Changed;
  for (const ParamScan &S : Callee.ScannedParams)
    if (S.Param < Call.Arguments.size() && Reaches(S.Trace))
      Changed |= addScan(
          Caller, Call.Arguments[S.Param],
          prefixed(Call.Site, argumentScanStep(Call.CalleeName), S.Trace),
          S.Part);
  for (const MemberScan &M : Callee.ScannedMembers) {
    if (!Reaches(M.Trace))
      continue;
    EffectTrace Trace = prefixed(
        Call.Site, memberScanStep(Call.CalleeName, M.Member), M.Trace);
    // On the caller's own object the callee's member is the caller's.
    if (Call.Object.Kind == ArgumentSource::CallerObject)
      Changed |= Caller.addMemberScan(MemberScan{M.Member, M.Field, std::move(Trace)});
    else
      Changed |= addScan(Caller, Call.Object, std::move(Trace), false);
  }
  return Changed;
}

std::string stepNote(const EffectStep &Step, const clang::SourceManager &SM) {
  if (Step.Site || Step.Loc.File.empty())
    return Step.Note;
  llvm::StringRef Path = Step.Loc.File;
  llvm::ErrorOr<std::string> Cwd =
      SM.getFileManager().getVirtualFileSystem().getCurrentWorkingDirectory();
  if (Cwd && !Cwd->empty() && Path.consume_front(*Cwd) && !Path.empty() &&
      llvm::sys::path::is_separator(Path.front()))
    Path = Path.drop_front();
  else
    Path = Step.Loc.File;
  std::string Out = Step.Note + " (" + Path.str();
  if (Step.Loc.Line)
    Out += ":" + std::to_string(Step.Loc.Line) + ":" +
           std::to_string(Step.Loc.Column);
  return Out + ")";
}

} // namespace perf_audit
