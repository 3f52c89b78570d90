//===--- NPlusOneCheck.cpp - perf-audit-n-plus-one ------------------------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "NPlusOneCheck.h"
#include "perf-audit/FindingText.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/StmtCXX.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"

using namespace clang::ast_matchers;

namespace clang::tidy::perf_audit {

using core::LoopInfo;
using core::LoopModel;

NPlusOneCheck::NPlusOneCheck(StringRef Name, ClangTidyContext *Context)
    : PerfAuditCheck(Name, Context) {}

void NPlusOneCheck::registerMatchers(MatchFinder *Finder) {
  PerfAuditCheck::registerMatchers(Finder);
  auto AnyLoop =
      stmt(anyOf(forStmt(), cxxForRangeStmt(), whileStmt(), doStmt()));
  auto InUserCode = unless(isExpansionInSystemHeader());
  Finder->addMatcher(expr(anyOf(callExpr(), cxxConstructExpr()), InUserCode,
                          hasAncestor(AnyLoop))
                         .bind("call"),
                     this);
  Finder->addMatcher(
      cxxForRangeStmt(InUserCode, hasAncestor(AnyLoop)).bind("range"), this);
}

/// True when S lies in the condition of Loop (a `while (q.next())` cursor).
static bool inCondition(const Stmt *Loop, const Stmt *S,
                        const SourceManager &SM) {
  const Expr *Cond = core::loopCondition(Loop);
  if (!Cond)
    return false;
  SourceRange Range = Cond->getSourceRange();
  SourceLocation Loc = SM.getExpansionLoc(S->getBeginLoc());
  return !SM.isBeforeInTranslationUnit(Loc, SM.getExpansionLoc(Range.getBegin())) &&
         !SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Range.getEnd()), Loc);
}

void NPlusOneCheck::check(const MatchFinder::MatchResult &Result) {
  ASTContext &Ctx = *Result.Context;
  LoopModel &Loops = loops(Ctx);
  const SourceManager &SM = Ctx.getSourceManager();

  if (const auto *Range = Result.Nodes.getNodeAs<CXXForRangeStmt>("range")) {
    // Iterating a relation collection of an object loads the collection:
    // one query per iteration of the loops around this one.
    const FunctionDecl *FD = Loops.enclosingFunction(Range);
    const Expr *Init = Range->getRangeInit();
    if (!FD || FD->isDependentContext() || !Init)
      return;
    const auto *RD = Init->getType()->getAsCXXRecordDecl();
    if (!RD || !model().isLazyCollection(calls().nameOf(RD)) ||
        !isa<MemberExpr>(LoopModel::strip(Init)))
      return;
    core::QuerySite Query;
    Query.Trace.push_back(core::EffectStep{Init, {}, "relation loaded here"});
    Query.LoadsRelation = true;
    checkQuery(Init, nullptr, Query, /*Direct=*/true, Ctx);
    return;
  }

  const auto *Call = Result.Nodes.getNodeAs<Expr>("call");
  if (!Call)
    return;
  const FunctionDecl *FD = Loops.enclosingFunction(Call);
  if (!FD || FD->isDependentContext())
    return;

  if (calls().isRoundTrip(Call)) {
    core::QuerySite Query;
    Query.Trace.push_back(core::EffectStep{Call, {}, "query executed here"});
    Query.Model = calls().query(Call);
    Query.Embedded = Query.Model && Query.Model->Embedded;
    Query.Writes = calls().writes(Call);
    Query.LoadsRelation = Query.Model && Query.Model->LazyRelation;
    // A cursor that drives its own loop walks the rows of its own query:
    // that loop is the query's, the loops around it repeat it.
    const Stmt *Excluded = nullptr;
    if (calls().isRowCursor(Call)) {
      auto Enclosing = Loops.enclosingLoops(Call);
      if (!Enclosing.empty() && inCondition(Enclosing.front(), Call, SM))
        Excluded = Enclosing.front();
    }
    checkQuery(Call, Excluded, Query, /*Direct=*/true, Ctx);
    return;
  }

  // The callee's summary: from its body in this TU, or from the
  // whole-program summaries when it is defined elsewhere.
  const core::FunctionSummary &Summary = effects(Ctx).summary(core::calleeOf(Call));
  if (Summary.Query && Summary.reachesFrom(Call, Summary.Query->Trace))
    checkQuery(Call, nullptr, *Summary.Query, /*Direct=*/false, Ctx);
}

void NPlusOneCheck::checkQuery(const Stmt *Site, const Stmt *ExcludedLoop,
                               const core::QuerySite &Query, bool Direct,
                               ASTContext &Ctx) {
  LoopModel &Loops = loops(Ctx);
  const SourceManager &SM = Ctx.getSourceManager();

  // The loop that repeats the query: the innermost enclosing loop over input.
  // Small constant loops (a bounded retry, a fixed list of schema
  // statements) and loops of unknown count (paging until empty) do not.
  const Stmt *Outer = nullptr;
  double Executions = 1;
  for (const Stmt *Loop : Loops.enclosingLoops(Site)) {
    if (Loop == ExcludedLoop)
      continue;
    const LoopInfo &Info = Loops.info(Loop);
    Executions *= Loops.estimate(Info);
    if (!Outer && Loops.isLarge(Info))
      Outer = Loop;
  }
  if (!Outer)
    return;

  core::CostKind Kind = Query.Embedded ? core::CostKind::EmbeddedQuery
                                 : core::CostKind::DatabaseRoundTrip;
  core::Impact I =
      core::estimateImpact(Kind, core::unitCostNs(Kind), Executions);
  I.Certainty = Loops.confidence(Site);
  if (Query.Trace.size() > 1) // Reached through a callee.
    I.Certainty = core::lowered(I.Certainty);
  // Prepared once and executed per row inside one transaction: the batching
  // the advice asks for, already done. In process (SQLite) it is the fast
  // path; against a server each row still waits for a round trip, but that
  // was chosen: only a low-confidence finding.
  if (Direct && Query.Writes && isa<Expr>(Site) &&
      calls().isPreparedInTransaction(cast<Expr>(Site), Outer)) {
    if (Query.Embedded)
      return;
    I.Certainty = core::Confidence::Low;
  }
  if (!meetsMinimum(I))
    return;
  // A query stepped in its row loop's condition: a profile counts the
  // queries at the statement before that loop, not the steps.
  if (const Stmt *Counter = loopStartCounter(Site, Ctx))
    I.CountedLineDelta = lineDelta(Site->getBeginLoc(), Counter, SM);

  const LoopInfo &Loop = Loops.info(Outer);
  bool OverRows = Loop.Trip.Source == core::InputSource::QueryRows;
  std::optional<unsigned> OuterQueryLine;
  if (OverRows && Loop.Trip.Query)
    OuterQueryLine = SM.getExpansionLineNumber(Loop.Trip.Query->getBeginLoc());
  std::string Callee =
      Direct ? "" : core::displayName(core::calleeOf(cast<Expr>(Site)));
  report(Site->getBeginLoc(),
         core::nPlusOneMessage(
             Callee, Query.Writes,
             core::repetitionOf(Loop.Description, OuterQueryLine), Executions,
             assumption(Site, Ctx)),
         I, SM);
  if (OverRows && Loop.Trip.Query)
    note(Loop.Trip.Query->getBeginLoc(), "outer query here");
  note(Outer->getBeginLoc(), "loop here");
  if (!Direct)
    noteTrace(Query.Trace, Site->getBeginLoc(), SM);

  note(Site->getBeginLoc(),
       core::nPlusOneFix(Query.Writes, Query.LoadsRelation, OverRows));
}

} // namespace clang::tidy::perf_audit
