//===--- CrossTU.cpp - Effects across translation units -------------------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/CrossTU.h"
#include "perf-audit/Advice.h"
#include "perf-audit/AnalysisContext.h"
#include "perf-audit/Async.h"
#include "perf-audit/CallModel.h"
#include "perf-audit/EffectSummary.h"
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
#include <map>
#include <set>

using namespace clang;

namespace perf_audit {

//===----------------------------------------------------------------------===//
// Recording one translation unit
//===----------------------------------------------------------------------===//

namespace {

class Recorder {
public:
  /// With the unit's own analyses, which the checks have filled already:
  /// the same options, and no loop or callee analysed twice.
  Recorder(ASTContext &Ctx, AnalysisContext &Analysis)
      : Ctx(Ctx), SM(Ctx.getSourceManager()), Loops(Analysis.loops(Ctx)),
        Calls(Analysis.calls()), Effects(Analysis.effects(Ctx)) {}

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

  std::vector<ChainStep> chain(const EffectTrace &Trace) {
    std::vector<ChainStep> Steps;
    for (const EffectStep &Step : Trace)
      if (Step.Site)
        Steps.push_back({point(Step.Site->getBeginLoc()), Step.Note});
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
  llvm::DenseMap<const FunctionDecl *, AsyncContext> Handlers;
};

/// Visits the calls of one function body (lambdas included: a handler's
/// body is its own function, recorded separately).
class CallCollector : public RecursiveASTVisitor<CallCollector> {
public:
  bool shouldVisitTemplateInstantiations() const { return false; }
  bool shouldVisitLambdaBodies() const { return false; }
  bool VisitCallExpr(CallExpr *E) {
    Found.push_back(E);
    return true;
  }
  bool VisitCXXConstructExpr(CXXConstructExpr *E) {
    Found.push_back(E);
    return true;
  }
  std::vector<const Expr *> Found;
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
  F.Coroutine = isCoroutine(FD);
  const FunctionSummary &S = Effects.summary(FD);
  if (S.Query)
    F.Query = QueryRecord{chain(S.Query->Trace), S.Query->Writes,
                          S.Query->Embedded,
                          S.Query->LoadsRelation};
  if (S.Blocking) {
    BlockingRecord B;
    B.Trace = chain(S.Blocking->Trace);
    B.Kind = S.Blocking->Kind;
    B.SleepNs = S.Blocking->SleepNs;
    B.EmbeddedQuery = S.Blocking->EmbeddedQuery;
    B.AsyncForm = S.Blocking->AsyncForm;
    F.Blocking = std::move(B);
  }
  for (const auto &[Index, Trace] : S.ScannedParams)
    if (Index < FD->getNumParams()) {
      QualType T = FD->getParamDecl(Index)->getType().getNonReferenceType();
      if (T->isRecordType() || T->isPointerType())
        F.ScannedParams.push_back({Index, chain(Trace)});
    }
  for (const auto &[Field, Trace] : S.ScannedMembers)
    F.ScannedMembers.push_back({Field->getNameAsString(), chain(Trace)});

  std::optional<AsyncContext> Context = contextOf(FD);
  CallCollector Bodies;
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
    P.Site = E.Site;
    P.Executions = Loops.executionsPerCall(Call);
    for (const Stmt *Loop : Loops.enclosingLoops(Call)) {
      const LoopInfo &Info = Loops.info(Loop);
      if (!Loops.isLarge(Info))
        continue;
      P.InLargeLoop = true;
      P.LoopLoc = point(Loop->getBeginLoc());
      if (Info.Trip.Source == InputSource::QueryRows && Info.Trip.Query) {
        P.OuterQuery = point(Info.Trip.Query->getBeginLoc());
        P.Where = "for every row of the query at line " +
                  std::to_string(SM.getExpansionLineNumber(
                      Info.Trip.Query->getBeginLoc()));
      } else {
        P.Where = "on every iteration of " + Info.Description;
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
      if (Context->Registration) {
        P.Registration = point(Context->Registration->getBeginLoc());
        P.RegistrationIsPost = Context->What == AsyncContext::Kind::PostedWork;
      }
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

//===----------------------------------------------------------------------===//
// The join
//===----------------------------------------------------------------------===//

static std::vector<ChainStep> prefixed(const std::vector<ChainStep> &Inner,
                                       const SourcePoint &Site,
                                       const std::string &Note) {
  std::vector<ChainStep> Steps{{Site, Note}};
  Steps.insert(Steps.end(), Inner.begin(), Inner.end());
  return Steps;
}

static FindingNote noteAt(const SourcePoint &P, std::string Message) {
  return FindingNote{std::move(Message), P};
}

JoinedProgram joinTranslationUnits(const std::vector<UnitResult> &Units) {
  // One record per function: the first TU (in file order) that defines it.
  std::map<std::string, FunctionRecord> ByUsr;
  for (const UnitResult &U : Units)
    if (!U.Failure)
      for (const FunctionRecord &F : U.Record.Functions)
        ByUsr.emplace(F.Usr, F);

  // Fold effects through the calls that cross TUs until nothing changes.
  // Each fact is only ever added, so the iteration ends (cycles included).
  bool Changed = true;
  while (Changed) {
    Changed = false;
    for (auto &[Usr, F] : ByUsr)
      for (const ExternalCall &C : F.Calls) {
        auto It = ByUsr.find(C.CalleeUsr);
        if (It == ByUsr.end() || It->first == Usr)
          continue;
        const FunctionRecord &G = It->second;
        if (!F.Query && G.Query) {
          QueryRecord Q = *G.Query;
          Q.Trace = prefixed(G.Query->Trace, C.Site,
                             "'" + G.Name + "' executes a query");
          F.Query = std::move(Q);
          Changed = true;
        }
        if (!F.Blocking && G.Blocking && !G.Coroutine) {
          BlockingRecord B = *G.Blocking;
          B.Trace = prefixed(G.Blocking->Trace, C.Site, "'" + G.Name + "' blocks");
          F.Blocking = std::move(B);
          Changed = true;
        }
        if (C.OnThis)
          for (const MemberScanRecord &M : G.ScannedMembers)
            if (llvm::none_of(F.ScannedMembers, [&](const MemberScanRecord &R) {
                  return R.Member == M.Member;
                })) {
              F.ScannedMembers.push_back(
                  {M.Member,
                   prefixed(M.Trace, C.Site,
                            "'" + G.Name + "' loops over member '" + M.Member + "'")});
              Changed = true;
            }
        for (const ScanRecord &S : G.ScannedParams) {
          if (S.Param >= C.ArgumentFromParam.size() ||
              C.ArgumentFromParam[S.Param] < 0)
            continue;
          unsigned Param = static_cast<unsigned>(C.ArgumentFromParam[S.Param]);
          if (llvm::any_of(F.ScannedParams,
                           [&](const ScanRecord &R) { return R.Param == Param; }))
            continue;
          F.ScannedParams.push_back(
              {Param, prefixed(S.Trace, C.Site,
                               "'" + G.Name + "' loops over its argument")});
          Changed = true;
        }
      }
  }

  JoinedProgram Program;
  for (const UnitResult &U : Units) {
    if (U.Failure)
      continue;
    double N = static_cast<double>(U.Record.AssumedTripCount);
    for (const PendingCall &P : U.Record.Calls) {
      auto It = ByUsr.find(P.CalleeUsr);
      if (It == ByUsr.end())
        continue;
      const FunctionRecord &G = It->second;
      auto Trace = [](Finding &Out, const std::vector<ChainStep> &Steps) {
        for (const ChainStep &S : Steps)
          Out.Notes.push_back(noteAt(S.Loc, S.Note));
      };
      // The callee loops over What, which does not change with the loop
      // around the call.
      auto ReportScan = [&](const ScannableArgument &A, const std::string &What,
                            const std::vector<ChainStep> &Steps) {
        Finding F;
        F.Check = "perf-audit-nested-loop";
        F.Loc = P.Site;
        F.Cost = estimateImpact(CostKind::LoopIteration,
                                N * unitCostNs(CostKind::LoopIteration),
                                P.Executions);
        F.Message = "'" + P.CalleeName + "' loops over " + What +
                    " on every iteration of " + A.LoopDescription + ": " +
                    A.Complexity + ", ~" + formatCount(N * P.Executions) +
                    " iterations per call";
        F.Notes.push_back(noteAt(A.LoopLoc, "loop here"));
        Trace(F, Steps);
        Program.Findings.push_back(std::move(F));
      };
      if (P.InLargeLoop && G.Query) {
        Finding F;
        F.Check = "perf-audit-n-plus-one";
        F.Loc = P.Site;
        const QueryRecord &Q = *G.Query;
        CostKind Kind =
            Q.Embedded ? CostKind::EmbeddedQuery : CostKind::DatabaseRoundTrip;
        F.Cost = estimateImpact(Kind, unitCostNs(Kind), P.Executions);
        F.Message = "'" + P.CalleeName + "' " +
                    (Q.Writes ? "writes to the database" : "runs a query") + " " +
                    P.Where + ": ~" + formatCount(P.Executions) +
                    (Q.Writes ? " statements per call" : " queries per call");
        if (P.OuterQuery)
          F.Notes.push_back(noteAt(*P.OuterQuery, "outer query here"));
        F.Notes.push_back(noteAt(P.LoopLoc, "loop here"));
        Trace(F, Q.Trace);
        F.Notes.push_back(noteAt(
            P.Site, nPlusOneFix(Q.Writes, Q.LoadsRelation, P.OuterQuery.has_value())));
        Program.Findings.push_back(std::move(F));
      }
      for (const ScannableArgument &A : P.ScannableArgs) {
        auto Scan = llvm::find_if(G.ScannedParams, [&](const ScanRecord &S) {
          return S.Param == A.Param;
        });
        if (Scan == G.ScannedParams.end())
          continue;
        ReportScan(A, "'" + A.Spelling + "'", Scan->Trace);
        break;
      }
      if (P.ScannableObject && !G.ScannedMembers.empty()) {
        const MemberScanRecord &M = G.ScannedMembers.front();
        ReportScan(*P.ScannableObject, "member '" + M.Member + "'", M.Trace);
      }
      if (P.AsyncContext && G.Blocking && !G.Coroutine) {
        const BlockingRecord &B = *G.Blocking;
        Finding F;
        F.Check = "perf-audit-blocking-in-async";
        F.Loc = P.Site;
        F.Cost = blockingImpact(B.Kind, B.SleepNs, B.EmbeddedQuery, P.Executions);
        F.Message = "'" + P.CalleeName + "' blocks the event loop in " +
                    *P.AsyncContext;
        if (P.Executions > 1)
          F.Message += ", ~" + formatCount(P.Executions) + " times per call";
        if (P.Registration)
          F.Notes.push_back(noteAt(*P.Registration,
                                   P.RegistrationIsPost
                                       ? "posted to the event loop here"
                                       : "handler registered here"));
        Trace(F, B.Trace);
        // The blocking call is in the callee: the callee is what must
        // change, so no asynchronous form is named at this call.
        llvm::StringRef Context = *P.AsyncContext;
        F.Notes.push_back(noteAt(
            P.Site, blockingFix(B.Kind, /*AsyncCall=*/"",
                                Context.starts_with("coroutine") ||
                                    Context.starts_with("a coroutine"))));
        Program.Findings.push_back(std::move(F));
      }
    }
  }
  for (auto &[Usr, F] : ByUsr)
    Program.Functions.push_back(F);
  return Program;
}

//===----------------------------------------------------------------------===//
// JSON
//===----------------------------------------------------------------------===//

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

static json::Value toJSON(const ChainStep &S) {
  return json::Object{{"loc", toJSON(S.Loc)}, {"note", S.Note}};
}

static bool fromJSON(const json::Value &V, ChainStep &S, json::Path Path) {
  json::ObjectMapper M(V, Path);
  return M && M.map("loc", S.Loc) && M.map("note", S.Note);
}

template <typename T> static json::Array arrayOf(const std::vector<T> &Items) {
  json::Array A;
  for (const T &Item : Items)
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
  }
  return "wait";
}

static std::optional<BlockingKind> blockingKindFromName(llvm::StringRef Name) {
  for (BlockingKind K :
       {BlockingKind::Sleep, BlockingKind::Wait, BlockingKind::Join,
        BlockingKind::FileIO, BlockingKind::SocketIO, BlockingKind::Dns,
        BlockingKind::Process, BlockingKind::SyncAsio, BlockingKind::Lock,
        BlockingKind::Database})
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
  for (const ScanRecord &S : F.ScannedParams)
    Scans.push_back(json::Object{{"param", S.Param}, {"trace", arrayOf(S.Trace)}});
  O["scannedParams"] = std::move(Scans);
  json::Array Members;
  for (const MemberScanRecord &M : F.ScannedMembers)
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
    QueryRecord R;
    json::ObjectMapper QM(*O->get("query"), Path.field("query"));
    if (!QM.map("trace", R.Trace) || !QM.map("writes", R.Writes) ||
        !QM.map("embedded", R.Embedded) || !QM.map("loadsRelation", R.LoadsRelation))
      return false;
    F.Query = std::move(R);
  }
  if (O->getObject("blocking")) {
    BlockingRecord R;
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
      ScanRecord R;
      json::ObjectMapper SM(S, Path.field("scannedParams"));
      int64_t Param = 0;
      if (!SM.map("param", Param) || !SM.map("trace", R.Trace))
        return false;
      R.Param = static_cast<unsigned>(Param);
      F.ScannedParams.push_back(std::move(R));
    }
  if (const json::Array *Members = O->getArray("scannedMembers"))
    for (const json::Value &M : *Members) {
      MemberScanRecord R;
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

static json::Value toJSON(const PendingCall &P) {
  json::Object O{{"calleeUsr", P.CalleeUsr},
                 {"calleeName", P.CalleeName},
                 {"site", toJSON(P.Site)},
                 {"executions", P.Executions},
                 {"inLargeLoop", P.InLargeLoop},
                 {"loopLoc", toJSON(P.LoopLoc)},
                 {"where", P.Where},
                 {"registrationIsPost", P.RegistrationIsPost}};
  if (P.OuterQuery)
    O["outerQuery"] = toJSON(*P.OuterQuery);
  if (P.AsyncContext)
    O["asyncContext"] = *P.AsyncContext;
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

static bool fromJSON(const json::Value &V, PendingCall &P, json::Path Path) {
  json::ObjectMapper M(V, Path);
  if (!M || !M.map("calleeUsr", P.CalleeUsr) || !M.map("calleeName", P.CalleeName) ||
      !M.map("site", P.Site) || !M.map("executions", P.Executions) ||
      !M.map("inLargeLoop", P.InLargeLoop) || !M.map("loopLoc", P.LoopLoc) ||
      !M.map("where", P.Where) || !M.map("registrationIsPost", P.RegistrationIsPost) ||
      !M.mapOptional("outerQuery", P.OuterQuery) ||
      !M.mapOptional("asyncContext", P.AsyncContext) ||
      !M.mapOptional("registration", P.Registration))
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
                      {"loc", toJSON(F.Loc)},
                      {"costKind", costKindName(F.Cost.Kind)},
                      {"costPerExecutionNs", F.Cost.CostPerExecutionNs},
                      {"executionsPerCall", F.Cost.ExecutionsPerCall},
                      {"notes", std::move(Notes)},
                      {"fixes", std::move(Fixes)}};
}

static bool fromJSON(const json::Value &V, Finding &F, json::Path Path) {
  json::ObjectMapper M(V, Path);
  std::string Kind;
  double PerExecution = 0, Executions = 0;
  if (!M || !M.map("check", F.Check) || !M.map("message", F.Message) ||
      !M.map("loc", F.Loc) || !M.map("costKind", Kind) ||
      !M.map("costPerExecutionNs", PerExecution) ||
      !M.map("executionsPerCall", Executions))
    return false;
  std::optional<CostKind> K = parseCostKind(Kind);
  if (!K) {
    Path.field("costKind").report("unknown cost kind");
    return false;
  }
  F.Cost = estimateImpact(*K, PerExecution, Executions);
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
  O["assumedTripCount"] = static_cast<int64_t>(R.Record.AssumedTripCount);
  return O;
}

llvm::Expected<UnitResult> unitResultFromJSON(const json::Value &V) {
  UnitResult R;
  json::Path::Root Root("unit");
  json::ObjectMapper M(V, Root);
  bool Ok = M && M.map("file", R.File) && M.map("findings", R.Findings) &&
            M.map("functions", R.Record.Functions) &&
            M.map("calls", R.Record.Calls);
  int64_t Assumed = static_cast<int64_t>(R.Record.AssumedTripCount);
  Ok = Ok && M.mapOptional("assumedTripCount", Assumed) && Assumed > 0;
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
