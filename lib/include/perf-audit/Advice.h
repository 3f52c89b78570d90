//===--- Advice.h - What the fix notes of findings say ----------*- C++ -*-===//
//
// Part of perf-audit. A finding reads the same whether one translation unit
// (a check) or the whole program (the driver's join, summaries read by the
// plugin) revealed it: the texts and costs they share live here.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_ADVICE_H
#define PERF_AUDIT_ADVICE_H

#include "perf-audit/ApiModel.h"
#include "perf-audit/Impact.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace perf_audit {

/// The fix note of an N+1 finding: batch the writes, prefetch the relation,
/// join with the outer query, or load all keys at once.
std::string nPlusOneFix(bool Writes, bool LoadsRelation, bool OverRows);

/// The fix note of a blocking call on an event loop. AsyncCall is the
/// asynchronous form as it should be written (`sock.async_read_some`), or
/// empty when the model names none.
std::string blockingFix(BlockingKind Kind, llvm::StringRef AsyncCall,
                        bool InCoroutine);

/// The cost of a blocking call: a known sleep its duration, a database call
/// its round trip (or the embedded engine's statement), a file its open,
/// anything else an unknown wait.
Impact blockingImpact(BlockingKind Kind, std::optional<double> SleepNs,
                      bool EmbeddedQuery, double Executions);

} // namespace perf_audit

#endif // PERF_AUDIT_ADVICE_H
