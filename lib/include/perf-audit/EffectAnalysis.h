//===--- EffectAnalysis.h - What a function does, through calls -*- C++ -*-===//
//
// Part of perf-audit. A function whose body executes a query, blocks, or
// loops over one of its inputs has an effect summary; a call site inherits
// its callee's effects. Summaries are computed on demand, once per function,
// following calls into functions defined in the same translation unit (the
// driver joins them across translation units).
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_EFFECTANALYSIS_H
#define PERF_AUDIT_EFFECTANALYSIS_H

#include "perf-audit/ApiModel.h"
#include "perf-audit/Effects.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <memory>
#include <optional>
#include <string>

namespace clang {
class Expr;
class FieldDecl;
class FunctionDecl;
class Stmt;
} // namespace clang

namespace perf_audit {

class CallClassifier;
class LoopModel;
class ProgramSummaries;

/// A test of a parameter against a constant that the function's own step
/// of an effect sits behind: `if (role == Qt::FontRole) scan();` runs the
/// scan only when parameter `role` equals that constant.
struct ParamTest {
  unsigned Index = 0;
  int64_t Value = 0;
  bool Equal = true; ///< `==` (the then-branch), or `!=`.
};

/// The effects of one function in this translation unit, and the tests of
/// its parameters each of them needs.
struct FunctionSummary : FunctionEffects {
  /// The parameter tests each effect's first step (the Site of its trace's
  /// front, in this function) needs; none for an unconditional step.
  llvm::DenseMap<const clang::Stmt *, llvm::SmallVector<ParamTest, 1>>
      Conditions;

  /// False when Call passes a constant for which Trace's first step cannot
  /// run (`data(index, Qt::DisplayRole)` and a scan behind
  /// `if (role == Qt::FontRole)`).
  bool reachesFrom(const clang::Expr *Call, const EffectTrace &Trace) const;
};

/// Which blocking calls count.
struct EffectOptions {
  /// Count `std::mutex::lock` and other model entries marked opt-in.
  bool IncludeOptInBlocking = false;
  /// What functions defined in other translation units do, from a file the
  /// driver exported; null when none was given.
  const ProgramSummaries *Program = nullptr;
};

class EffectAnalysis {
public:
  EffectAnalysis(LoopModel &Loops, CallClassifier &Calls,
                 EffectOptions Options = {});
  ~EffectAnalysis();

  /// The summary of FD's definition in this TU. A function this TU does not
  /// define has the summary the whole-program summaries give it, if any
  /// were loaded. Empty for a function defined in a system header: library
  /// internals are modelled, not analysed.
  const FunctionSummary &summary(const clang::FunctionDecl *FD);

  /// The blocking model of a direct call, honouring IncludeOptInBlocking, or
  /// an annotated callee (BlockingEffect with a null Model).
  std::optional<BlockingEffect> directBlocking(const clang::Expr *Call);

  /// The analysis state (defined in the .cpp).
  class Impl;

private:
  std::unique_ptr<Impl> State;
};

/// The definition of a function with a body in this TU, outside system
/// headers, or null.
const clang::FunctionDecl *analysableDefinition(const clang::FunctionDecl *FD);

/// A short name for messages: "findById", "Repo::findById".
std::string displayName(const clang::FunctionDecl *FD);

/// How a blocking call is named in messages: a free function by its
/// qualified name ("std::this_thread::sleep_for"), a method by its name
/// ("read_some"), a constructor by the type as written ("std::ifstream").
std::string callName(const clang::Expr *Call);

} // namespace perf_audit

#endif // PERF_AUDIT_EFFECTANALYSIS_H
