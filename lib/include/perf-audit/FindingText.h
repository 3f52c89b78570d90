//===--- FindingText.h - What findings say ----------------------*- C++ -*-===//
//
// Part of perf-audit. A finding reads the same whether one translation unit
// (a check) or the whole program (the driver's join, summaries read by the
// plugin) revealed it: its message, the steps of its chain through callees,
// its fix note and its cost are written here and nowhere else.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_FINDINGTEXT_H
#define PERF_AUDIT_FINDINGTEXT_H

#include "perf-audit/ApiModel.h"
#include "perf-audit/Impact.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include <cstdint>
#include <optional>
#include <string>

namespace perf_audit {

/// What an estimate assumes of the loops behind it, as the end of its
/// message: " if 'orders' has ~100 elements", " if 'a' and 'b' have ~100
/// elements each", " if the query at line 12 returns ~100 rows"; empty when
/// no input-sized loop is behind it. N is the assumed trip count.
std::string sizeAssumption(llvm::ArrayRef<AssumedSize> Sizes, uint64_t N);

/// Where a repeated statement runs: "for every row of the query at line N"
/// when the loop walks a query's rows, else "on every iteration of <loop>".
std::string repetitionOf(llvm::StringRef LoopDescription,
                         std::optional<unsigned> OuterQueryLine);

/// Each message that says how often ends with Assumption (sizeAssumption).
///
/// An N+1 finding: "a query runs <where>: ~N queries per call", or with
/// Callee (the query is in a function called there) "'f' runs a query ...".
std::string nPlusOneMessage(llvm::StringRef Callee, bool Writes,
                            llvm::StringRef Where, double Executions,
                            llvm::StringRef Assumption);

/// A callee that loops over What (an argument, a member), which stays the
/// same on every iteration of the loop around the call: "'f' loops over 'x'
/// on every iteration of <loop>: O(n*m), ~N iterations per call".
std::string calleeScanMessage(llvm::StringRef Callee, llvm::StringRef What,
                              llvm::StringRef LoopDescription,
                              llvm::StringRef Complexity, double Iterations,
                              llvm::StringRef Assumption);

/// What follows an entry point the loop calls many times per screen update
/// (a paintEvent, a model's data()): ", which runs ~100 times per screen
/// update", Runs being the assumed trip count it is weighed with.
std::string frequentEntryPointText(double Runs);

/// A blocking call on an event loop: "'f' <Verb> in <Context>", and how
/// often per call when more than once. Verb is "blocks the event loop" but
/// for a sleep of known length.
std::string blockingMessage(llvm::StringRef Name, llvm::StringRef Verb,
                            llvm::StringRef Context, double Executions,
                            llvm::StringRef Assumption);

/// The first step of a chain through a call of Callee, by effect.
std::string queryStep(llvm::StringRef Callee);
std::string blockingStep(llvm::StringRef Callee);
std::string argumentScanStep(llvm::StringRef Callee);
std::string memberScanStep(llvm::StringRef Callee, llvm::StringRef Member);

/// The note where an async context's work was handed to the event loop.
std::string registrationNote(bool Posted);

/// The fix note of an N+1 finding: batch the writes, prefetch the relation,
/// join with the outer query, or load all keys at once.
std::string nPlusOneFix(bool Writes, bool LoadsRelation, bool OverRows);

/// Where a blocking call runs, as its fix note needs it.
struct BlockingFixContext {
  /// In a C++20 coroutine returning an asio awaitable.
  bool InCoroutine = false;
  /// The yield context of a stackful coroutine, the completion token there.
  std::string YieldContext;
  /// The loop library's advice (model `offload`, `timer`); empty: asio's.
  std::string Offload;
  std::string Timer;
};

/// The fix note of a blocking call on an event loop. AsyncCall is the
/// asynchronous form as it should be written (`sock.async_read_some`), or
/// empty when the model names none.
std::string blockingFix(BlockingKind Kind, llvm::StringRef AsyncCall,
                        const BlockingFixContext &Where);

/// The cost of a blocking call: a known sleep its duration, a database call
/// its round trip (or the embedded engine's statement), a file its open,
/// anything else an unknown wait.
Impact blockingImpact(BlockingKind Kind, std::optional<double> SleepNs,
                      bool EmbeddedQuery, double Executions);

} // namespace perf_audit

#endif // PERF_AUDIT_FINDINGTEXT_H
