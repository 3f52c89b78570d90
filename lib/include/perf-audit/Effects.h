//===--- Effects.h - What a function does that its callers pay for -*- C++ -*-===//
//
// Part of perf-audit. One vocabulary for the effects of a function (the
// first query it runs, the first blocking call, the inputs and members it
// loops over) and one fold of a callee's effects into its caller's, used
// alike inside a translation unit (EffectAnalysis.h, where a step is a
// statement of the AST) and across translation units (ProgramJoin.h, where a
// step is a point in a file recorded from another unit).
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_EFFECTS_H
#define PERF_AUDIT_EFFECTS_H

#include "perf-audit/ApiModel.h"
#include "perf-audit/Finding.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class FieldDecl;
class SourceManager;
class Stmt;
} // namespace clang

namespace perf_audit {

/// One link of the chain that explains an effect, outermost first: each call
/// on the way, then the statement that has the effect (the query call, the
/// blocking call, the loop).
struct EffectStep {
  /// The statement, in the translation unit being analysed; null for a step
  /// recorded from another unit, which Loc then places.
  const clang::Stmt *Site = nullptr;
  /// Where the step is, once recorded for the whole program (UnitRecorder.h)
  /// or when it was read from another unit's record.
  SourcePoint Loc;
  /// A note for this step: "'findById' executes a query",
  /// "query executed here".
  std::string Note;
};

using EffectTrace = llvm::SmallVector<EffectStep, 4>;

/// A database statement reached by a function.
struct QuerySite {
  EffectTrace Trace;
  /// The model of the call at the end of the chain; null for a function
  /// annotated `perf-audit:query` and in records of the whole program.
  const QueryCallModel *Model = nullptr;
  bool Writes = false;
  /// A statement of an embedded engine (SQLite): no network round trip.
  bool Embedded = false;
  /// Loads a relation of a mapped object (an ORM's lazy pointer or
  /// collection): prefetching is the fix.
  bool LoadsRelation = false;
};

/// A blocking call reached by a function.
struct BlockingEffect {
  EffectTrace Trace;
  /// Null for annotated functions, database calls and records of the whole
  /// program.
  const BlockingCallModel *Model = nullptr;
  BlockingKind Kind = BlockingKind::Wait;
  /// For database calls: the query model (embedded or server).
  const QueryCallModel *Query = nullptr;
  /// Duration of a sleep in ns when it is a constant.
  std::optional<double> SleepNs;
  /// The asynchronous form the model names (`async_read_some`), if any.
  std::string AsyncForm;
  /// A statement of an embedded engine (SQLite): no network round trip.
  bool EmbeddedQuery = false;
};

/// A parameter whose size the function's work grows with.
struct ParamScan {
  unsigned Param = 0;
  EffectTrace Trace;
  /// The scan walks a part of the object passed (`ns.components` of a
  /// `const Namespace &ns`), not the argument itself: as unsure a size as a
  /// member's.
  bool Part = false;
};

/// A member of `*this` a method loops over.
struct MemberScan {
  std::string Member;
  /// The member, inside the translation unit that sees the class; null in
  /// records of the whole program, which name it.
  const clang::FieldDecl *Field = nullptr;
  EffectTrace Trace;

  bool sameMember(const MemberScan &Other) const {
    return Field && Other.Field ? Field == Other.Field : Member == Other.Member;
  }
};

/// The effects of one function. Each kind keeps the first one found, in
/// the order the function's body runs.
struct FunctionEffects {
  std::optional<QuerySite> Query;
  std::optional<BlockingEffect> Blocking;
  std::vector<ParamScan> ScannedParams;
  std::vector<MemberScan> ScannedMembers;

  /// The scan of parameter Param, or null.
  const ParamScan *paramScan(unsigned Param) const;
  /// Adds Scan unless its parameter (member) already has one; true when
  /// added.
  bool addParamScan(ParamScan Scan);
  bool addMemberScan(MemberScan Scan);

  bool empty() const {
    return !Query && !Blocking && ScannedParams.empty() &&
           ScannedMembers.empty();
  }
};

/// Where, in the caller, the data a callee works on comes from: what a
/// callee's loop over its parameter (or over its own members) costs the
/// caller.
struct ArgumentSource {
  enum SourceKind {
    Unrelated,    ///< Nothing the caller's callers pass or hold.
    CallerParam,  ///< A parameter of the caller (or a part of it).
    CallerMember, ///< A member of the caller's `*this`.
    CallerObject, ///< The caller's `*this` itself (the object of a call).
  } Kind = Unrelated;
  unsigned Param = 0;
  /// A part of the caller's parameter (`ns.components`).
  bool Part = false;
  std::string Member;
  const clang::FieldDecl *Field = nullptr;
};

/// One call, as the fold sees it.
struct CallEdge {
  /// The call (its Site, or its Loc in the whole program); Note unused.
  EffectStep Site;
  std::string CalleeName;
  /// Calling a coroutine only creates its frame: its body blocks where it
  /// runs (awaited or spawned), and is judged there. A stackful coroutine
  /// (a function taking a yield context) is judged in its own body too.
  bool CalleeIsCoroutine = false;
  /// False where the callee's loops are paid once, not per call (a cache
  /// filled once, work behind a memo lookup).
  bool ChargesScans = true;
  /// For each callee parameter, where its argument comes from.
  std::vector<ArgumentSource> Arguments;
  /// The object of a member call: the callee's loops over its members are
  /// loops over this.
  ArgumentSource Object;
  /// Whether the callee's effect whose trace this is can run from this call
  /// (a constant argument rules out a branch); every effect when unset.
  llvm::function_ref<bool(const EffectTrace &)> Reaches;
};

/// True when A costs more per execution than B (blockingImpact): a summary
/// names the costliest blocking call its function reaches.
bool costlierBlocking(const BlockingEffect &A, const BlockingEffect &B);

/// Adds to Caller what Call brings of Callee's effects: its query when
/// Caller has none yet, its blocking call when Caller has none or a cheaper
/// one, and its loops over what Call passes, as loops over the caller's
/// parameters or members. Each inherited trace starts with Call's step.
/// True when Caller changed.

bool inheritEffects(FunctionEffects &Caller, const FunctionEffects &Callee,
                    const CallEdge &Call);

/// The note of a step as the checks write it: a step of another unit names
/// its file and line ("'load' executes a query (repo.cpp:12:5)"), relative
/// to the compilation's working directory when inside it.
std::string stepNote(const EffectStep &Step, const clang::SourceManager &SM);

} // namespace perf_audit

#endif // PERF_AUDIT_EFFECTS_H
