//===--- FindingText.cpp - What findings say ------------------------------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/FindingText.h"
#include "perf-audit/LoopModel.h"
#include "llvm/ADT/STLExtras.h"
#include <vector>

namespace perf_audit {

/// "'a'", "'a' and 'b'", "'a', 'b' and 'c'".
static std::string listOf(llvm::ArrayRef<std::string> Items) {
  std::string Out;
  for (size_t I = 0; I < Items.size(); ++I) {
    if (I > 0)
      Out += I + 1 == Items.size() ? " and " : ", ";
    Out += Items[I];
  }
  return Out;
}

std::string sizeAssumption(llvm::ArrayRef<AssumedSize> Sizes, uint64_t N) {
  std::vector<std::string> Elements, Phrases;
  std::vector<AssumedSize> Seen;
  std::string Count = "~" + formatCount(static_cast<double>(N));
  for (const AssumedSize &S : Sizes) {
    if (llvm::is_contained(Seen, S))
      continue;
    Seen.push_back(S);
    if (S.Kind == AssumedSize::Elements)
      Elements.push_back("'" + S.Name + "'");
  }
  if (Elements.size() == 1)
    Phrases.push_back(Elements.front() + " has " + Count + " elements");
  else if (!Elements.empty())
    Phrases.push_back(listOf(Elements) + " have " + Count + " elements each");
  std::vector<std::string> Queries, Loops, Parts;
  for (const AssumedSize &S : Seen) {
    if (S.Kind == AssumedSize::Parts)
      Parts.push_back("'" + S.Name + "'");
    else if (S.Kind == AssumedSize::Count)
      Phrases.push_back("'" + S.Name + "' is " + Count);
    else if (S.Kind == AssumedSize::Rows)
      Queries.push_back(S.Name);
    else if (S.Kind == AssumedSize::Turns)
      Loops.push_back(S.Name);
  }
  if (Queries.size() == 1)
    Phrases.push_back("the query at line " + Queries.front() + " returns " +
                      Count + " rows");
  else if (!Queries.empty())
    Phrases.push_back("the queries at lines " + listOf(Queries) + " return " +
                      Count + " rows each");
  if (Loops.size() == 1)
    Phrases.push_back("the loop at line " + Loops.front() + " runs " + Count +
                      " times");
  else if (!Loops.empty())
    Phrases.push_back("the loops at lines " + listOf(Loops) + " run " + Count +
                      " times each");
  // A part of each element of an outer loop holds a few.
  std::string Few = "~" + std::to_string(BoundedTripCount);
  if (Parts.size() == 1)
    Phrases.push_back(Parts.front() + " " + Few);
  else if (!Parts.empty())
    Phrases.push_back(listOf(Parts) + " " + Few + " each");
  return Phrases.empty() ? "" : " if " + listOf(Phrases);
}

std::string repetitionOf(llvm::StringRef LoopDescription,
                         std::optional<unsigned> OuterQueryLine) {
  if (OuterQueryLine)
    return "for every row of the query at line " +
           std::to_string(*OuterQueryLine);
  return "on every iteration of " + LoopDescription.str();
}

std::string nPlusOneMessage(llvm::StringRef Callee, bool Writes,
                            llvm::StringRef Where, double Executions,
                            llvm::StringRef Assumption) {
  std::string What;
  if (Callee.empty())
    What = Writes ? "a database write runs" : "a query runs";
  else
    What = "'" + Callee.str() + "' " +
           (Writes ? "writes to the database" : "runs a query");
  return What + " " + Where.str() + ": ~" + formatCount(Executions) +
         (Writes ? " statements per call" : " queries per call") +
         Assumption.str();
}

std::string calleeScanMessage(llvm::StringRef Callee, llvm::StringRef What,
                              llvm::StringRef LoopDescription,
                              llvm::StringRef Complexity, double Iterations,
                              llvm::StringRef Assumption) {
  return "'" + Callee.str() + "' loops over " + What.str() +
         " on every iteration of " + LoopDescription.str() + ": " +
         Complexity.str() + ", ~" + formatCount(Iterations) +
         " iterations per call" + Assumption.str();
}

std::string blockingMessage(llvm::StringRef Name, llvm::StringRef Verb,
                            llvm::StringRef Context, double Executions,
                            llvm::StringRef Assumption) {
  std::string Message =
      "'" + Name.str() + "' " + Verb.str() + " in " + Context.str();
  if (Executions > 1)
    Message += ", ~" + formatCount(Executions) + " times per call" +
               Assumption.str();
  return Message;
}

std::string frequentEntryPointText(double Runs) {
  return ", which runs ~" + formatCount(Runs) + " times per screen update";
}

std::string queryStep(llvm::StringRef Callee) {
  return "'" + Callee.str() + "' executes a query";
}

std::string blockingStep(llvm::StringRef Callee) {
  return "'" + Callee.str() + "' blocks";
}

std::string argumentScanStep(llvm::StringRef Callee) {
  return "'" + Callee.str() + "' loops over its argument";
}

std::string memberScanStep(llvm::StringRef Callee, llvm::StringRef Member) {
  return "'" + Callee.str() + "' loops over member '" + Member.str() + "'";
}

std::string registrationNote(bool Posted) {
  return Posted ? "posted to the event loop here" : "handler registered here";
}

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
                        const BlockingFixContext &Where) {
  if (!AsyncCall.empty()) {
    if (!Where.YieldContext.empty())
      return "use the asynchronous form: '" + AsyncCall.str() + "(..., " +
             Where.YieldContext + ")'";
    return Where.InCoroutine ? "use the asynchronous form: 'co_await " +
                                   AsyncCall.str() + "(..., use_awaitable)'"
                             : "use the asynchronous form '" + AsyncCall.str() +
                                   "' with a completion handler";
  }
  if (Kind == BlockingKind::Sleep) {
    if (!Where.YieldContext.empty())
      return "wait on a timer instead: 'timer.async_wait(" +
             Where.YieldContext + ")'";
    if (!Where.Timer.empty())
      return "wait on a timer of the event loop instead: '" + Where.Timer + "'";
    return "wait on a timer instead: 'co_await timer.async_wait(use_awaitable)' "
           "in a coroutine, 'timer.async_wait(handler)' elsewhere";
  }
  if (!Where.Offload.empty())
    return "run it off the event loop (" + Where.Offload +
           "), or use an asynchronous API";
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
  else if (Kind == BlockingKind::ImageCodec)
    Cost = CostKind::ImageCodec;
  else if (Kind == BlockingKind::Database)
    Cost = EmbeddedQuery ? CostKind::EmbeddedQuery : CostKind::DatabaseRoundTrip;
  return estimateImpact(Cost, unitCostNs(Cost), Executions);
}

} // namespace perf_audit
