//===--- UnitRecord.h - What one unit tells the whole program ---*- C++ -*-===//
//
// Part of perf-audit. The loop is in checkout.cpp, the query in
// repository.cpp: no single translation unit sees both. While each TU is
// parsed (once), the driver records the effect summary of every function
// defined there and every call of interest whose callee is defined
// elsewhere, keyed by USR (UnitRecorder.h); after all TUs the join folds
// them over the whole call graph (ProgramJoin.h). This file holds what is
// recorded, and its JSON for shards, the cache and --export-summaries.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_UNITRECORD_H
#define PERF_AUDIT_UNITRECORD_H

#include "perf-audit/ApiModel.h"
#include "perf-audit/Effects.h"
#include "perf-audit/Finding.h"
#include "perf-audit/LoopModel.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/JSON.h"
#include <optional>
#include <string>
#include <vector>

namespace perf_audit {

/// A call from a recorded function to a function its TU does not define.
struct ExternalCall {
  std::string CalleeUsr;
  std::string CalleeName;
  SourcePoint Site;
  /// For each callee parameter: the caller parameter its argument comes
  /// from, or -1.
  std::vector<int> ArgumentFromParam;
  /// The call is on the caller's own object (`this->f()`, `f()`).
  bool OnThis = false;
};

/// What one function does, folded through the calls its TU defines: its
/// effects, with every step placed by its Loc (no Site, no model).
struct FunctionRecord : FunctionEffects {
  std::string Usr;
  std::string Name;
  SourcePoint Loc;
  bool Coroutine = false;
  std::vector<ExternalCall> Calls;
};

/// An argument of a pending call that is input data not changing with an
/// enclosing loop over input: a callee looping over it multiplies.
struct ScannableArgument {
  unsigned Param = 0;
  std::string Spelling;   ///< The argument as written.
  SourcePoint LoopLoc;
  std::string LoopDescription;
  std::string Complexity; ///< "O(n*m)" or "O(n^2)"
};

/// A call, to a function defined in another TU, made where its effects
/// would matter: in a loop over input, or on an event loop.
struct PendingCall {
  std::string CalleeUsr;
  std::string CalleeName;
  /// The qualified name of the function making the call.
  std::string Caller;
  SourcePoint Site;
  /// Executions of the call per call of its function.
  double Executions = 1;
  /// How well Executions is founded (LoopModel::confidence); a finding of
  /// the join is one level lower, reached through a callee.
  Confidence Certainty = Confidence::High;
  // In a loop over input (N+1).
  bool InLargeLoop = false;
  SourcePoint LoopLoc;
  /// "for every row of the query at line 12", "on every iteration of the
  /// loop over 'orders'".
  std::string Where;
  std::optional<SourcePoint> OuterQuery; ///< The loop walks this query's rows.
  /// What Executions assumes of the input-sized loops around the call,
  /// outermost first ("if 'orders' has ~100 elements").
  std::vector<AssumedSize> Sizes;
  std::vector<ScannableArgument> ScannableArgs;
  /// The object of a method call, when it does not change with an enclosing
  /// loop over input (Param unused).
  std::optional<ScannableArgument> ScannableObject;
  // On an event loop.
  std::optional<std::string> AsyncContext; ///< "coroutine 'serve'"
  /// Calls of that context per screen update: the assumed trip count for
  /// an entry point the loop calls per item or repaint, else 1.
  double ContextRuns = 1;
  std::optional<SourcePoint> Registration; ///< Where a handler was handed over.
  bool RegistrationIsPost = false;
  /// The loop library's advice for the fix note (AsyncContext::Offload,
  /// ::Timer); empty for asio's.
  std::string Offload;
  std::string Timer;
  /// In a stackful coroutine: its yield context's name.
  std::string YieldContext;
};

/// How the calls one unit sees pass a by-value parameter of a function that
/// other units call too (one defined in a header). A unit that sees no call
/// judges the parameter without its arguments; the units that see calls
/// settle it (settleParameterArguments).
struct ParameterArguments {
  SourcePoint Param; ///< The parameter's name, where its finding is.
  /// Every call the unit sees builds the argument in place (a lambda into a
  /// std::function): a const reference would build the same object.
  bool BuiltInPlace = false;
};

/// Everything the driver keeps from one translation unit.
struct TranslationUnitRecord {
  std::vector<FunctionRecord> Functions;
  std::vector<PendingCall> Calls;
  std::vector<ParameterArguments> Arguments;
  /// The AssumedTripCount of the unit's options: the join assumes it for the
  /// loops of another unit's callee over what this unit's calls pass.
  uint64_t AssumedTripCount = LoopModelOptions().AssumedTripCount;
};

/// The result of analysing one TU, as shards and the cache store it.
struct UnitResult {
  std::string File;
  std::vector<Finding> Findings;
  std::optional<FailedUnit> Failure;
  TranslationUnitRecord Record;
};

// JSON, for shards, the cache and --export-summaries.
llvm::json::Value toJSON(const UnitResult &R);
llvm::Expected<UnitResult> unitResultFromJSON(const llvm::json::Value &V);
llvm::json::Value toJSON(const FunctionRecord &F);
llvm::Expected<FunctionRecord> functionRecordFromJSON(const llvm::json::Value &V);

} // namespace perf_audit

#endif // PERF_AUDIT_UNITRECORD_H
