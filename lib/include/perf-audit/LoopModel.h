//===--- LoopModel.h - Enclosing loops and trip-count estimates -*- C++ -*-===//
//
// Part of perf-audit. Every loop-based check asks the same two questions of a
// statement: which loops run it, and how many times does each of them
// iterate. This is where they are answered, once.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_LOOPMODEL_H
#define PERF_AUDIT_LOOPMODEL_H

#include "perf-audit/Impact.h"
#include "clang/AST/ASTTypeTraits.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class CallExpr;
class Expr;
class FunctionDecl;
class Stmt;
class ValueDecl;
class VarDecl;
} // namespace clang

namespace perf_audit {

class ApiModel;

/// What is known about how many times a loop iterates.
enum class TripKind {
  Constant,       ///< A compile-time count (`i < 8`, a `std::array`).
  Bounded,        ///< A handful, whatever the input: the command line.
  Logarithmic,    ///< The induction variable is multiplied or divided.
  InputDependent, ///< Grows with the data the function is given.
  Unknown,        ///< None of the above: a flag, `for (;;)`, a wait loop.
};

/// Why a loop was given its trip kind, where the kind alone does not say.
enum class TripBasis {
  Default,     ///< What the kind says.
  WaitOrRetry, ///< Unknown: it runs until a call reports success.
  CommandLine, ///< Bounded: the arguments of `main`.
  /// Bounded: the errors or diagnostics found so far (`errors_`, a
  /// `std::vector<Diagnostic>`): none when a run succeeds.
  ErrorRecords,
  /// Bounded: the parts of one qualified name or path (`components` of a
  /// namespace, strings): as many as it is deep.
  NameParts,
  /// Bounded: the characters of one name, token or number written as text
  /// (`type_name`, `value.constant`; model list `short-text-words`).
  ShortText,
  /// Input: the places a search finds in the data (`while ((pos =
  /// s.find(c, pos)) != npos)`), a count not known before the loop.
  SearchMatches,
};

/// Where an input-dependent quantity comes from.
enum class InputSource {
  None,
  Parameter, ///< A parameter of the enclosing function.
  Member,    ///< A member of the enclosing object.
  Global,    ///< A non-constant global or static.
  Container, ///< A local container, string, stream or pointer to data.
  QueryRows, ///< The rows of a database query.
};

/// The data an expression's value depends on.
struct Dependence {
  TripKind Kind = TripKind::Unknown;
  TripBasis Basis = TripBasis::Default;
  InputSource Source = InputSource::None;
  uint64_t Constant = 0; ///< The value when Kind == Constant.
  /// The declaration the data comes from (a parameter, field, variable).
  const clang::ValueDecl *Root = nullptr;
  /// The expression that names the data, for messages ("orders").
  const clang::Expr *Subject = nullptr;
  /// For QueryRows: the call that runs the query.
  const clang::Expr *Query = nullptr;

  bool isInput() const { return Kind == TripKind::InputDependent; }
};

/// A loop and its trip-count estimate.
struct LoopInfo {
  const clang::Stmt *Loop = nullptr;
  /// How the trip count was decided: the range of a range-for, the bound of
  /// an index loop, the cursor call of a `while (q.next())`.
  Dependence Trip;
  /// The expression that decides the trip count (range or bound).
  const clang::Expr *Driver = nullptr;
  /// Variables that take a new value on every iteration: the range-for
  /// variable and the induction variables of the condition (indices,
  /// iterators, pointers; a container drained by the loop keeps its
  /// identity and is not one).
  llvm::SmallVector<const clang::VarDecl *, 2> IterationVars;
  /// The induction variable is multiplied or divided (`i *= 2`): whatever
  /// its bound, the loop runs a logarithmic number of times.
  bool Multiplicative = false;
  /// "the loop over 'orders'", "the loop over the rows of the query at line
  /// 12", "the loop at line 40".
  std::string Description;
};

/// Tunables shared by every check (check options of the same names).
struct LoopModelOptions {
  /// The trip count assumed for an input-dependent loop ("N").
  uint64_t AssumedTripCount = 100;
  /// A constant trip count at least this large counts as input-sized: below
  /// it a loop is "small" and no check reports per-iteration work in it.
  uint64_t LargeTripCount = 1000;
};

/// The trip count assumed for a loop over a handful of items (the command
/// line's arguments).
inline constexpr uint64_t BoundedTripCount = 4;
/// The characters assumed of a short text (TripBasis::ShortText): what a
/// std::string holds without allocating.
inline constexpr uint64_t ShortTextLength = 15;

/// Loop context of statements within one translation unit. Results are
/// cached; one instance per TU, shared by every check (AnalysisContext.h).
class LoopModel {
public:
  LoopModel(clang::ASTContext &Ctx, const ApiModel &Model,
            LoopModelOptions Options = {});
  ~LoopModel();

  clang::ASTContext &context() const { return Ctx; }

  /// The loops that run S once per iteration, innermost first. The search
  /// stops at the enclosing function, lambda or block; the init-statement of
  /// a `for` and the range of a range-for are not part of their loop. A block
  /// that unconditionally goes on to leave the function after S (`return`,
  /// `throw`, a [[noreturn]] call) runs at most once: no loop around the
  /// block repeats S; one that goes on to `break` is not repeated by the loop
  /// it leaves.
  llvm::SmallVector<const clang::Stmt *, 4>
  enclosingLoops(const clang::Stmt *S);

  /// The function, method or lambda call operator whose body holds S.
  const clang::FunctionDecl *enclosingFunction(const clang::Stmt *S);

  /// Trip-count analysis of one loop statement.
  const LoopInfo &info(const clang::Stmt *Loop);

  /// A loop whose count grows with input, or is a constant of at least
  /// LargeTripCount.
  bool isLarge(const LoopInfo &L) const;

  /// The iteration estimate used by the impact model: a constant counts as
  /// itself, input-dependent and unknown counts as AssumedTripCount, a
  /// logarithmic loop as log2 of it, a bounded one as BoundedTripCount
  /// (a loop over error records as 1: a run that fails usually stops at
  /// its first error).
  double estimate(const LoopInfo &L) const;

  /// Estimated executions of S per call of its function: the product of the
  /// estimates of its enclosing loops, a loop over a part of an enclosing
  /// loop's element counting as BoundedTripCount (walksElementPart).
  double executionsPerCall(const clang::Stmt *S);

  /// True when Loop walks a part of the element of an enclosing loop over
  /// input (`for (def : group.definitions)` inside `for (group : groups)`):
  /// together the two visit the data once, and one element's part holds a
  /// few, as the copy cost model counts a container inside an element. A
  /// bound that is plain arithmetic on an outer index (`j < i`, a triangle)
  /// is not a part, nor are the rows of a query run per element.
  bool walksElementPart(const clang::Stmt *Loop);

  /// What the estimate assumes of an input-dependent loop: its data
  /// ('orders'), the query whose rows it walks, or the loop itself.
  AssumedSize assumedSize(const LoopInfo &L) const;

  /// The input-dependent loops that repeat S, outermost first (as messages
  /// name them): what its executionsPerCall assumes; a loop over an
  /// element's part as AssumedSize::Parts.
  std::vector<AssumedSize> assumedSizes(const clang::Stmt *S);

  /// The assumed trip count of an input-dependent loop ("N").
  uint64_t assumedTripCount() const { return Options.AssumedTripCount; }

  /// The calls of Fn in the unit's own code when nothing else can call it:
  /// Fn has internal linkage or is a private non-virtual member, and is
  /// never named other than as a callee (its address taken, connected as
  /// a slot). Null otherwise. (Kept here because the loop model reads a
  /// parameter's size from them.)
  const llvm::SmallVectorImpl<const clang::CallExpr *> *
  everyCallOf(const clang::FunctionDecl *Fn);

  /// True when the unit's own code names Fn other than as a callee: its
  /// address is taken or it is connected as a slot, so it may be called
  /// with anything and its signature is not its own to change.
  bool isNamedOtherThanCalled(const clang::FunctionDecl *Fn);

  /// The calls of Fn in the unit's own code, whoever else may call it; null
  /// when there are none or Fn is named other than as a callee.
  const llvm::SmallVectorImpl<const clang::CallExpr *> *
  callsInUnit(const clang::FunctionDecl *Fn);

  /// True when nothing can call Fn: a non-virtual member of a class that
  /// the main source file defines (a private or protected one when the unit
  /// calls other members, a public one when it constructs objects of the
  /// class), or a function of internal linkage, that clang saw named
  /// nowhere in the unit, template instantiations included. A finding in its
  /// body costs nothing until someone calls it. (Members of classes in
  /// headers and external functions are the code's interface, called from
  /// elsewhere.)
  bool isNeverCalled(const clang::FunctionDecl *Fn) const;

  /// True when Fn reports a failure: it returns `bool`, every `return` of
  /// it gives `false` (or what another such function returns), and every
  /// call of it in the unit's own code leaves its caller with the failure:
  /// `return addError("Missing ','", token);`, or `addError(...); return
  /// false;`. Its code runs once per failed call of its callers, not per
  /// element they walk; a successful run never gets there.
  bool isFailureReport(const clang::FunctionDecl *Fn);

  /// How well the per-call estimate of S is founded (Impact.h): high when
  /// every large loop that repeats S runs over the function's input (a
  /// parameter, a local container, a query's rows) and runs S on every
  /// iteration; one level lower for a loop over a member or a global (the
  /// object's state, which its own code may keep small: a few columns,
  /// attached databases, configuration items), and one level lower again
  /// when such a loop runs S only on some iterations (in a branch). Low in
  /// a function nothing calls or one that reports a failure
  /// (isFailureReport), and for what runs only when something failed: in a
  /// loop over error records, or recording one (recordsAnError).
  Confidence confidence(const clang::Stmt *S);

  /// True when S is (part of) an insertion into a container of error
  /// records (`errors_.push_back(info)`): it runs once per error, never in
  /// a run that succeeds.
  bool recordsAnError(const clang::Stmt *S);

  /// True when S is on a branch inside Loop: a side of an `if`, a case of
  /// a `switch`, an arm of `?:`, the right of `&&` or `||`.
  bool isInBranchOf(const clang::Stmt *S, const clang::Stmt *Loop);

  /// The data E's value (a size, a range, a bound) depends on.
  Dependence classify(const clang::Expr *E);

  /// True when E names no variable that changes from one iteration of Loop
  /// to the next: nothing declared inside Loop, none of its iteration
  /// variables.
  bool isInvariantIn(const clang::Expr *E, const clang::Stmt *Loop);

  /// True when D is declared inside Loop or is one of its iteration
  /// variables.
  bool isVariantIn(const clang::ValueDecl *D, const clang::Stmt *Loop);

  /// True when D is a local declared inside Loop (its for-init or range
  /// variable included): it starts afresh on every iteration.
  bool isDeclaredIn(const clang::ValueDecl *D, const clang::Stmt *Loop);

  /// True when S runs exactly once on every iteration of Loop: no branch,
  /// nested loop or lambda between them, and nothing in Loop's body leaves
  /// an iteration early (break, continue, return, goto).
  bool runsOnEveryIteration(const clang::Stmt *S, const clang::Stmt *Loop);

  /// True when the body of Loop, on every iteration and before the
  /// statement that holds S, empties V or assigns it a value not computed
  /// from V (`code.clear();`, `line = prefix;`): what V holds at S was built
  /// in this iteration, not accumulated over the earlier ones.
  bool isResetBefore(const clang::ValueDecl *V, const clang::Stmt *S,
                     const clang::Stmt *Loop);

  /// True when the statement S empties V (a `clearing-methods` call on it)
  /// or assigns it a value not computed from V.
  bool resets(const clang::Stmt *S, const clang::VarDecl *V) const;

  /// True when every iteration of Loop pushes one element on V and pops it
  /// again (`path.push_back(x); ...; path.pop_back();`, both statements of
  /// the body itself, no `continue` between): V is the path from a root to
  /// the current element, as long as the nesting is deep, and does not grow
  /// with Loop.
  bool isPathStack(const clang::ValueDecl *V, const clang::Stmt *Loop) const;

  /// The target and the value of `a = b`, built-in or an operator=.
  static std::optional<std::pair<const clang::Expr *, const clang::Expr *>>
  assignmentOf(const clang::Stmt *S);

  /// An expression, valid just before Loop, whose value is Loop's trip
  /// count: `v.size()` for `for (x : v)`, `n` for `for (i = 0; i < n; ++i)`.
  /// None when the count is not known before the loop starts, or saying it
  /// would repeat side effects or name variables not yet in scope.
  std::optional<std::string> tripCountSpelling(const clang::Stmt *Loop);

  /// The source text of E, on one line, shortened for messages.
  std::string spelling(const clang::Expr *E) const;

  /// The expression without parentheses, implicit casts, temporaries and
  /// implicit conversions to a container's begin/end.
  static const clang::Expr *strip(const clang::Expr *E);

  /// For `c.size()`, `c.end()`, `std::size(c)`, `std::end(c)`... the
  /// container `c`; otherwise null.
  static const clang::Expr *containerOfAccessor(const clang::Expr *E);

  /// The variable E names (through parentheses and implicit casts), or null.
  static const clang::VarDecl *referencedVar(const clang::Expr *E);

  /// True when S, or any expression inside it, names one of Vars.
  static bool referencesAny(const clang::Stmt *S,
                            llvm::ArrayRef<const clang::VarDecl *> Vars);

  /// The round-trip call a row cursor belongs to: for `q.next()` the last
  /// `q.exec(...)` before Before in the same function, or q's declaration.
  const clang::Expr *queryOfCursor(const clang::Expr *CursorCall,
                                   const clang::Stmt *Before);

  /// The analysis state (defined in the .cpp).
  class Impl;

private:
  clang::ASTContext &Ctx;
  LoopModelOptions Options;
  std::unique_ptr<Impl> State;
};

/// Whether S is a for, range-for, while or do statement.
bool isLoopStmt(const clang::Stmt *S);

/// The condition of a for, while or do statement; null for a range-for and
/// for `for (;;)`.
const clang::Expr *loopCondition(const clang::Stmt *Loop);

/// The body of a for, range-for, while or do statement; null otherwise.
const clang::Stmt *loopBody(const clang::Stmt *Loop);

/// Whether a value of type T is a count rather than data: a number, an
/// enumeration, or a class holding only such values (yaml-cpp's
/// `IndentTo{n}`, a strong typedef of a column). A loop bounded by one runs
/// as often as its caller asked, whatever the size of the input.
bool isCountType(clang::QualType T);

} // namespace perf_audit

#endif // PERF_AUDIT_LOOPMODEL_H
