//===--- UnitRecordJson.cpp - Unit records as JSON ------------------------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/UnitRecord.h"

namespace perf_audit {

namespace json = llvm::json;

static json::Value toJSON(const SourcePoint &P) {
  json::Object O{{"file", P.File}, {"offset", P.Offset}};
  // Located points (exported summaries) carry their line for readers
  // without the source.
  if (P.Line) {
    O["line"] = P.Line;
    O["column"] = P.Column;
  }
  return O;
}

static bool fromJSON(const json::Value &V, SourcePoint &P, json::Path Path) {
  json::ObjectMapper M(V, Path);
  int64_t Offset = 0, Line = 0, Column = 0;
  bool Ok = M && M.map("file", P.File) && M.map("offset", Offset) &&
            M.mapOptional("line", Line) && M.mapOptional("column", Column);
  if (Offset < 0 || Line < 0 || Column < 0) {
    Path.report("expected a non-negative number");
    return false;
  }
  P.Offset = static_cast<unsigned>(Offset);
  P.Line = static_cast<unsigned>(Line);
  P.Column = static_cast<unsigned>(Column);
  return Ok;
}

static json::Value toJSON(const EffectStep &S) {
  return json::Object{{"loc", toJSON(S.Loc)}, {"note", S.Note}};
}

static bool fromJSON(const json::Value &V, EffectStep &S, json::Path Path) {
  json::ObjectMapper M(V, Path);
  return M && M.map("loc", S.Loc) && M.map("note", S.Note);
}

static bool fromJSON(const json::Value &V, EffectTrace &Trace, json::Path Path) {
  const json::Array *Steps = V.getAsArray();
  if (!Steps) {
    Path.report("expected an array");
    return false;
  }
  Trace.clear();
  for (size_t I = 0; I < Steps->size(); ++I) {
    EffectStep Step;
    if (!fromJSON((*Steps)[I], Step, Path.index(I)))
      return false;
    Trace.push_back(std::move(Step));
  }
  return true;
}

template <typename Range> static json::Array arrayOf(const Range &Items) {
  json::Array A;
  for (const auto &Item : Items)
    A.push_back(toJSON(Item));
  return A;
}

static const char *blockingKindName(BlockingKind K) {
  switch (K) {
  case BlockingKind::Sleep: return "sleep";
  case BlockingKind::Wait: return "wait";
  case BlockingKind::Join: return "join";
  case BlockingKind::FileIO: return "file-io";
  case BlockingKind::SocketIO: return "socket-io";
  case BlockingKind::Dns: return "dns";
  case BlockingKind::Process: return "process";
  case BlockingKind::SyncAsio: return "sync-asio";
  case BlockingKind::Lock: return "lock";
  case BlockingKind::Database: return "database";
  case BlockingKind::ImageCodec: return "image-codec";
  }
  return "wait";
}

static std::optional<BlockingKind> blockingKindFromName(llvm::StringRef Name) {
  for (BlockingKind K :
       {BlockingKind::Sleep, BlockingKind::Wait, BlockingKind::Join,
        BlockingKind::FileIO, BlockingKind::SocketIO, BlockingKind::Dns,
        BlockingKind::Process, BlockingKind::SyncAsio, BlockingKind::Lock,
        BlockingKind::Database, BlockingKind::ImageCodec})
    if (Name == blockingKindName(K))
      return K;
  return std::nullopt;
}

json::Value toJSON(const FunctionRecord &F) {
  json::Object O{{"usr", F.Usr}, {"name", F.Name}, {"loc", toJSON(F.Loc)},
                 {"coroutine", F.Coroutine}};
  if (F.Query)
    O["query"] = json::Object{{"trace", arrayOf(F.Query->Trace)},
                              {"writes", F.Query->Writes},
                              {"embedded", F.Query->Embedded},
                              {"loadsRelation", F.Query->LoadsRelation}};
  if (F.Blocking) {
    json::Object B{{"trace", arrayOf(F.Blocking->Trace)},
                   {"kind", blockingKindName(F.Blocking->Kind)},
                   {"embeddedQuery", F.Blocking->EmbeddedQuery},
                   {"asyncForm", F.Blocking->AsyncForm}};
    if (F.Blocking->SleepNs)
      B["sleepNs"] = *F.Blocking->SleepNs;
    O["blocking"] = std::move(B);
  }
  json::Array Scans;
  for (const ParamScan &S : F.ScannedParams) {
    json::Object Scan{{"param", S.Param}, {"trace", arrayOf(S.Trace)}};
    if (S.Part)
      Scan["part"] = true;
    Scans.push_back(std::move(Scan));
  }
  O["scannedParams"] = std::move(Scans);
  json::Array Members;
  for (const MemberScan &M : F.ScannedMembers)
    Members.push_back(json::Object{{"member", M.Member}, {"trace", arrayOf(M.Trace)}});
  O["scannedMembers"] = std::move(Members);
  json::Array Calls;
  for (const ExternalCall &C : F.Calls) {
    json::Array Args;
    for (int A : C.ArgumentFromParam)
      Args.push_back(A);
    Calls.push_back(json::Object{{"calleeUsr", C.CalleeUsr},
                                 {"calleeName", C.CalleeName},
                                 {"site", toJSON(C.Site)},
                                 {"onThis", C.OnThis},
                                 {"argumentFromParam", std::move(Args)}});
  }
  O["calls"] = std::move(Calls);
  return O;
}

static bool fromJSON(const json::Value &V, FunctionRecord &F, json::Path Path) {
  json::ObjectMapper M(V, Path);
  if (!M || !M.map("usr", F.Usr) || !M.map("name", F.Name) ||
      !M.map("loc", F.Loc) || !M.map("coroutine", F.Coroutine))
    return false;
  const json::Object *O = V.getAsObject();
  if (O->getObject("query")) {
    QuerySite R;
    json::ObjectMapper QM(*O->get("query"), Path.field("query"));
    if (!QM.map("trace", R.Trace) || !QM.map("writes", R.Writes) ||
        !QM.map("embedded", R.Embedded) || !QM.map("loadsRelation", R.LoadsRelation))
      return false;
    F.Query = std::move(R);
  }
  if (O->getObject("blocking")) {
    BlockingEffect R;
    json::ObjectMapper BM(*O->get("blocking"), Path.field("blocking"));
    std::string Kind;
    if (!BM.map("trace", R.Trace) || !BM.map("kind", Kind) ||
        !BM.map("embeddedQuery", R.EmbeddedQuery) ||
        !BM.map("asyncForm", R.AsyncForm) || !BM.mapOptional("sleepNs", R.SleepNs))
      return false;
    std::optional<BlockingKind> K = blockingKindFromName(Kind);
    if (!K) {
      Path.field("blocking").field("kind").report("unknown blocking kind");
      return false;
    }
    R.Kind = *K;
    F.Blocking = std::move(R);
  }
  if (const json::Array *Scans = O->getArray("scannedParams"))
    for (const json::Value &S : *Scans) {
      ParamScan R;
      json::ObjectMapper SM(S, Path.field("scannedParams"));
      int64_t Param = 0;
      if (!SM.map("param", Param) || !SM.map("trace", R.Trace) ||
          !SM.mapOptional("part", R.Part))
        return false;
      R.Param = static_cast<unsigned>(Param);
      F.ScannedParams.push_back(std::move(R));
    }
  if (const json::Array *Members = O->getArray("scannedMembers"))
    for (const json::Value &M : *Members) {
      MemberScan R;
      json::ObjectMapper MM(M, Path.field("scannedMembers"));
      if (!MM.map("member", R.Member) || !MM.map("trace", R.Trace))
        return false;
      F.ScannedMembers.push_back(std::move(R));
    }
  if (const json::Array *Calls = O->getArray("calls"))
    for (const json::Value &C : *Calls) {
      ExternalCall E;
      json::ObjectMapper CM(C, Path.field("calls"));
      std::vector<int64_t> Args;
      if (!CM.map("calleeUsr", E.CalleeUsr) || !CM.map("calleeName", E.CalleeName) ||
          !CM.map("site", E.Site) || !CM.map("onThis", E.OnThis) ||
          !CM.map("argumentFromParam", Args))
        return false;
      for (int64_t A : Args)
        E.ArgumentFromParam.push_back(static_cast<int>(A));
      F.Calls.push_back(std::move(E));
    }
  return true;
}

static const char *sizeKindName(AssumedSize::SizeKind K) {
  switch (K) {
  case AssumedSize::Elements:
    return "elements";
  case AssumedSize::Count:
    return "count";
  case AssumedSize::Rows:
    return "rows";
  case AssumedSize::Turns:
    return "turns";
  case AssumedSize::Parts:
    return "parts";
  }
  return "elements";
}

static bool fromJSON(const json::Value &V, AssumedSize &S, json::Path Path) {
  json::ObjectMapper M(V, Path);
  std::string Kind;
  if (!M || !M.map("kind", Kind) || !M.map("name", S.Name))
    return false;
  if (Kind == "elements")
    S.Kind = AssumedSize::Elements;
  else if (Kind == "count")
    S.Kind = AssumedSize::Count;
  else if (Kind == "rows")
    S.Kind = AssumedSize::Rows;
  else if (Kind == "turns")
    S.Kind = AssumedSize::Turns;
  else if (Kind == "parts")
    S.Kind = AssumedSize::Parts;
  else {
    Path.field("kind").report("expected elements, count, rows, turns or parts");
    return false;
  }
  return true;
}

static json::Value toJSON(const PendingCall &P) {
  json::Object O{{"calleeUsr", P.CalleeUsr},
                 {"calleeName", P.CalleeName},
                 {"caller", P.Caller},
                 {"site", toJSON(P.Site)},
                 {"executions", P.Executions},
                 {"confidence", confidenceName(P.Certainty)},
                 {"inLargeLoop", P.InLargeLoop},
                 {"loopLoc", toJSON(P.LoopLoc)},
                 {"where", P.Where},
                 {"registrationIsPost", P.RegistrationIsPost}};
  if (P.OuterQuery)
    O["outerQuery"] = toJSON(*P.OuterQuery);
  if (!P.Sizes.empty()) {
    json::Array Sizes;
    for (const AssumedSize &S : P.Sizes)
      Sizes.push_back(json::Object{{"kind", sizeKindName(S.Kind)},
                                   {"name", S.Name}});
    O["assumedSizes"] = std::move(Sizes);
  }
  if (P.AsyncContext)
    O["asyncContext"] = *P.AsyncContext;
  if (P.ContextRuns != 1)
    O["contextRuns"] = P.ContextRuns;
  if (!P.Offload.empty())
    O["offload"] = P.Offload;
  if (!P.Timer.empty())
    O["timer"] = P.Timer;
  if (!P.YieldContext.empty())
    O["yieldContext"] = P.YieldContext;
  if (P.Registration)
    O["registration"] = toJSON(*P.Registration);
  auto Scannable = [](const ScannableArgument &A) {
    return json::Object{{"param", A.Param},
                        {"spelling", A.Spelling},
                        {"loopLoc", toJSON(A.LoopLoc)},
                        {"loopDescription", A.LoopDescription},
                        {"complexity", A.Complexity}};
  };
  json::Array Args;
  for (const ScannableArgument &A : P.ScannableArgs)
    Args.push_back(Scannable(A));
  O["scannableArgs"] = std::move(Args);
  if (P.ScannableObject)
    O["scannableObject"] = Scannable(*P.ScannableObject);
  return O;
}

static bool fromJSON(const json::Value &V, ScannableArgument &S, json::Path Path) {
  json::ObjectMapper M(V, Path);
  int64_t Param = 0;
  bool Ok = M && M.map("param", Param) && M.map("spelling", S.Spelling) &&
            M.map("loopLoc", S.LoopLoc) &&
            M.map("loopDescription", S.LoopDescription) &&
            M.map("complexity", S.Complexity);
  S.Param = static_cast<unsigned>(Param);
  return Ok;
}

static bool fromJSON(const json::Value &V, Confidence &C, json::Path Path) {
  std::optional<llvm::StringRef> Name = V.getAsString();
  std::optional<Confidence> Parsed =
      Name ? parseConfidence(*Name) : std::nullopt;
  if (!Parsed) {
    Path.report("expected low, medium or high");
    return false;
  }
  C = *Parsed;
  return true;
}

static bool fromJSON(const json::Value &V, PendingCall &P, json::Path Path) {
  json::ObjectMapper M(V, Path);
  if (!M || !M.map("calleeUsr", P.CalleeUsr) || !M.map("calleeName", P.CalleeName) ||
      !M.mapOptional("caller", P.Caller) || !M.map("site", P.Site) || !M.map("executions", P.Executions) ||
      !M.map("confidence", P.Certainty) ||
      !M.map("inLargeLoop", P.InLargeLoop) || !M.map("loopLoc", P.LoopLoc) ||
      !M.map("where", P.Where) || !M.map("registrationIsPost", P.RegistrationIsPost) ||
      !M.mapOptional("outerQuery", P.OuterQuery) ||
      !M.mapOptional("asyncContext", P.AsyncContext) ||
      !M.mapOptional("contextRuns", P.ContextRuns) ||
      !M.mapOptional("offload", P.Offload) || !M.mapOptional("timer", P.Timer) ||
      !M.mapOptional("yieldContext", P.YieldContext) ||
      !M.mapOptional("registration", P.Registration) ||
      !M.mapOptional("assumedSizes", P.Sizes))
    return false;
  return M.map("scannableArgs", P.ScannableArgs) &&
         M.mapOptional("scannableObject", P.ScannableObject);
}

static json::Value toJSON(const Finding &F) {
  json::Array Notes, Fixes;
  for (const FindingNote &N : F.Notes)
    Notes.push_back(json::Object{{"message", N.Message}, {"loc", toJSON(N.Loc)}});
  for (const FixEdit &E : F.Fixes)
    Fixes.push_back(json::Object{{"begin", toJSON(E.Begin)},
                                 {"length", E.Length},
                                 {"replacement", E.Replacement}});
  return json::Object{{"check", F.Check},
                      {"message", F.Message},
                      {"function", F.Function},
                      {"loc", toJSON(F.Loc)},
                      {"costKind", costKindName(F.Cost.Kind)},
                      {"costPerExecutionNs", F.Cost.CostPerExecutionNs},
                      {"executionsPerCall", F.Cost.ExecutionsPerCall},
                      {"costPerLineExecutionNs", F.Cost.CostPerLineExecutionNs},
                      {"countedLineDelta", F.Cost.CountedLineDelta},
                      {"confidence", confidenceName(F.Cost.Certainty)},
                      {"notes", std::move(Notes)},
                      {"fixes", std::move(Fixes)}};
}

static bool fromJSON(const json::Value &V, Finding &F, json::Path Path) {
  json::ObjectMapper M(V, Path);
  std::string Kind;
  Confidence Certainty = Confidence::High;
  double PerExecution = 0, Executions = 0, PerLineExecution = 0;
  int CountedLineDelta = 0;
  if (!M || !M.map("check", F.Check) || !M.map("message", F.Message) ||
      !M.map("loc", F.Loc) || !M.map("costKind", Kind) ||
      !M.map("costPerExecutionNs", PerExecution) ||
      !M.map("executionsPerCall", Executions) ||
      !M.map("costPerLineExecutionNs", PerLineExecution) ||
      !M.map("countedLineDelta", CountedLineDelta) ||
      !M.map("confidence", Certainty) ||
      !M.mapOptional("function", F.Function))
    return false;
  std::optional<CostKind> K = parseCostKind(Kind);
  if (!K) {
    Path.field("costKind").report("unknown cost kind");
    return false;
  }
  F.Cost = estimateImpact(*K, PerExecution, Executions);
  F.Cost.CostPerLineExecutionNs = PerLineExecution;
  F.Cost.CountedLineDelta = CountedLineDelta;
  F.Cost.Certainty = Certainty;
  if (const json::Array *Notes = V.getAsObject()->getArray("notes"))
    for (const json::Value &N : *Notes) {
      FindingNote Note;
      json::ObjectMapper NM(N, Path.field("notes"));
      if (!NM.map("message", Note.Message) || !NM.map("loc", Note.Loc))
        return false;
      F.Notes.push_back(std::move(Note));
    }
  if (const json::Array *Fixes = V.getAsObject()->getArray("fixes"))
    for (const json::Value &E : *Fixes) {
      FixEdit Edit;
      json::ObjectMapper EM(E, Path.field("fixes"));
      int64_t Length = 0;
      if (!EM.map("begin", Edit.Begin) || !EM.map("length", Length) ||
          !EM.map("replacement", Edit.Replacement))
        return false;
      Edit.Length = static_cast<unsigned>(Length);
      Edit.End = Edit.Begin;
      Edit.End.Offset = Edit.Begin.Offset + Edit.Length;
      F.Fixes.push_back(std::move(Edit));
    }
  return true;
}

json::Value toJSON(const UnitResult &R) {
  json::Object O{{"file", R.File}};
  json::Array Findings;
  for (const Finding &F : R.Findings)
    Findings.push_back(toJSON(F));
  O["findings"] = std::move(Findings);
  if (R.Failure)
    O["failure"] = json::Object{{"errorLoc", toJSON(R.Failure->ErrorLoc)},
                                {"message", R.Failure->Message}};
  json::Array Functions, Calls;
  for (const FunctionRecord &F : R.Record.Functions)
    Functions.push_back(toJSON(F));
  for (const PendingCall &P : R.Record.Calls)
    Calls.push_back(toJSON(P));
  O["functions"] = std::move(Functions);
  O["calls"] = std::move(Calls);
  json::Array Arguments;
  for (const ParameterArguments &A : R.Record.Arguments)
    Arguments.push_back(json::Object{{"param", toJSON(A.Param)},
                                     {"builtInPlace", A.BuiltInPlace}});
  O["arguments"] = std::move(Arguments);
  O["assumedTripCount"] = static_cast<int64_t>(R.Record.AssumedTripCount);
  return O;
}

static bool fromJSON(const json::Value &V, ParameterArguments &A,
                     json::Path Path) {
  json::ObjectMapper M(V, Path);
  return M && M.map("param", A.Param) && M.map("builtInPlace", A.BuiltInPlace);
}

llvm::Expected<UnitResult> unitResultFromJSON(const json::Value &V) {
  UnitResult R;
  json::Path::Root Root("unit");
  json::ObjectMapper M(V, Root);
  bool Ok = M && M.map("file", R.File) && M.map("findings", R.Findings) &&
            M.map("functions", R.Record.Functions) &&
            M.map("calls", R.Record.Calls) &&
            M.map("arguments", R.Record.Arguments);
  // Required: a record of an older perf-audit (in a cache) is not reused.
  int64_t Assumed = 0;
  Ok = Ok && M.map("assumedTripCount", Assumed) && Assumed > 0;
  R.Record.AssumedTripCount = static_cast<uint64_t>(Assumed);
  if (Ok && V.getAsObject()->getObject("failure")) {
    FailedUnit U;
    U.File = R.File;
    json::ObjectMapper FM(*V.getAsObject()->get("failure"), json::Path(Root).field("failure"));
    Ok = FM.map("errorLoc", U.ErrorLoc) && FM.map("message", U.Message);
    R.Failure = std::move(U);
  }
  if (!Ok)
    return Root.getError();
  return R;
}

llvm::Expected<FunctionRecord> functionRecordFromJSON(const json::Value &V) {
  FunctionRecord F;
  json::Path::Root Root("function");
  if (!fromJSON(V, F, Root))
    return Root.getError();
  return F;
}

} // namespace perf_audit
