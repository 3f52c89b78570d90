//===--- AnalysisOptions.h - What the user's configuration says -*- C++ -*-===//
//
// Part of perf-audit. The analyses of a translation unit (the API model,
// loops, effects, copy costs) are shared by every check, the driver's
// whole-program recorder and the join, so the options that shape them are
// read in one place, from clang-tidy's CheckOptions wherever they come from
// (.clang-tidy files, --config, clangd's configuration).
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_ANALYSISOPTIONS_H
#define PERF_AUDIT_ANALYSISOPTIONS_H

#include "perf-audit/LoopModel.h"
#include "llvm/ADT/STLFunctionalExtras.h"
#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>
#include <vector>

namespace perf_audit {

/// The options that shape the analyses, as written in the configuration.
struct AnalysisOptions {
  /// AssumedTripCount and LargeTripCount.
  LoopModelOptions Loops;
  /// ModelFiles: `;`-separated, relative to the compilation's directory.
  std::string ModelFiles;
  /// SummariesFile: the driver's whole-program summaries.
  std::string SummariesFile;
  /// ProfileFile: an lcov tracefile or LLVM indexed profile whose counts
  /// replace the estimated executions in messages; ProfileBinary:
  /// `;`-separated instrumented binaries an indexed profile needs.
  std::string ProfileFile;
  std::string ProfileBinary;
  /// perf-audit-nested-loop.ExtraLinearFunctions: functions that scan their
  /// first argument, for every check and the whole-program join.
  std::string ExtraLinearFunctions;
  /// perf-audit-excess-copy.CheapTypes and .MinimumTypeSize: what the copy
  /// cost model counts as free.
  std::string CheapTypes;
  unsigned MinimumTypeSize = 64;
  /// perf-audit-blocking-in-async.CheckLocks: locking counts as blocking.
  bool CheckLocks = false;

  bool operator==(const AnalysisOptions &Other) const;
  bool operator!=(const AnalysisOptions &Other) const {
    return !(*this == Other);
  }
};

/// The value of one configuration key, if it is set.
using OptionLookup =
    llvm::function_ref<std::optional<std::string>(llvm::StringRef Key)>;

/// Reads the analysis options as CheckName (a check's full name, or empty
/// for the whole-program recorder and join) sees them. The options every
/// check shares (AssumedTripCount, LargeTripCount, ModelFiles,
/// SummariesFile, ProfileFile, ProfileBinary) are read as clang-tidy's
/// getLocalOrGlobal reads them: the check-local key `CheckName.Key` over the
/// global `Key`. The options one check owns
/// (`perf-audit-nested-loop.ExtraLinearFunctions`...) are read under that
/// check's name, whoever reads them. A value that is not understood keeps
/// the default and appends a message to Errors.
AnalysisOptions readAnalysisOptions(OptionLookup Lookup,
                                    llvm::StringRef CheckName,
                                    std::vector<std::string> &Errors);

/// The names of the options readAnalysisOptions reads, for a check's
/// storeOptions: the keys CheckName owns and the shared ones.
namespace option {
inline constexpr llvm::StringLiteral AssumedTripCount = "AssumedTripCount";
inline constexpr llvm::StringLiteral LargeTripCount = "LargeTripCount";
inline constexpr llvm::StringLiteral ModelFiles = "ModelFiles";
inline constexpr llvm::StringLiteral SummariesFile = "SummariesFile";
inline constexpr llvm::StringLiteral ProfileFile = "ProfileFile";
inline constexpr llvm::StringLiteral ProfileBinary = "ProfileBinary";
inline constexpr llvm::StringLiteral ExtraLinearFunctions =
    "ExtraLinearFunctions";
inline constexpr llvm::StringLiteral CheapTypes = "CheapTypes";
inline constexpr llvm::StringLiteral MinimumTypeSize = "MinimumTypeSize";
inline constexpr llvm::StringLiteral CheckLocks = "CheckLocks";
} // namespace option

} // namespace perf_audit

#endif // PERF_AUDIT_ANALYSISOPTIONS_H
