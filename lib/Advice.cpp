//===--- Advice.cpp - What the fix notes of findings say ------------------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/Advice.h"

namespace perf_audit {

std::string nPlusOneFix(bool Writes, bool LoadsRelation, bool OverRows) {
  if (Writes)
    return "batch the writes: one statement for all rows (INSERT with several "
           "VALUES rows, UPDATE or DELETE ... WHERE id IN (...)), or a "
           "prepared statement executed inside one transaction";
  if (LoadsRelation)
    return "prefetch the relation for all rows before the loop, with a JOIN "
           "or one query WHERE ... IN (...)";
  if (OverRows)
    return "fetch what the loop needs in the outer query with a JOIN, or in "
           "one query WHERE ... IN (...) before the loop";
  return "load the rows for all keys in one query (WHERE key IN (...)) "
         "before the loop and look them up in a map";
}

std::string blockingFix(BlockingKind Kind, llvm::StringRef AsyncCall,
                        bool InCoroutine) {
  if (!AsyncCall.empty())
    return InCoroutine ? "use the asynchronous form: 'co_await " +
                             AsyncCall.str() + "(..., use_awaitable)'"
                       : "use the asynchronous form '" + AsyncCall.str() +
                             "' with a completion handler";
  if (Kind == BlockingKind::Sleep)
    return "wait on a timer instead: 'co_await timer.async_wait(use_awaitable)' "
           "in a coroutine, 'timer.async_wait(handler)' elsewhere";
  return "run it on a thread pool (post it to an asio::thread_pool and resume "
         "when it is done), or use an asynchronous API";
}

Impact blockingImpact(BlockingKind Kind, std::optional<double> SleepNs,
                      bool EmbeddedQuery, double Executions) {
  if (Kind == BlockingKind::Sleep && SleepNs)
    return estimateImpact(CostKind::Sleep,
                          *SleepNs * unitCostNs(CostKind::Sleep), Executions);
  CostKind Cost = CostKind::BlockingCall;
  if (Kind == BlockingKind::FileIO)
    Cost = CostKind::FileOpen;
  else if (Kind == BlockingKind::Database)
    Cost = EmbeddedQuery ? CostKind::EmbeddedQuery : CostKind::DatabaseRoundTrip;
  return estimateImpact(Cost, unitCostNs(Cost), Executions);
}

} // namespace perf_audit
