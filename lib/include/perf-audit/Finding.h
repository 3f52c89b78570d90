//===--- Finding.h - Findings of a whole-program run ------------*- C++ -*-===//
//
// Part of perf-audit. The driver turns each translation unit's diagnostics
// into these records; the writers (text, JSON, SARIF) read nothing else, so
// that a run over many TUs serialises independently of any SourceManager.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_FINDING_H
#define PERF_AUDIT_FINDING_H

#include "perf-audit/Impact.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace perf_audit {

/// A position in a file: byte offset, and 1-based line and byte column.
struct SourcePoint {
  std::string File; ///< Absolute, normalised path.
  unsigned Offset = 0;
  unsigned Line = 0;
  unsigned Column = 0;
};

struct FindingNote {
  std::string Message;
  SourcePoint Loc;
};

/// One replacement of a fix-it.
struct FixEdit {
  SourcePoint Begin; ///< Start of the replaced range.
  unsigned Length = 0;
  SourcePoint End; ///< One past the last replaced byte.
  std::string Replacement;
};

/// Where a finding stands against the report it is compared with
/// (--baseline): the states of SARIF's `baselineState`.
enum class BaselineState { None, New, Unchanged, Updated, Absent };

llvm::StringRef baselineStateName(BaselineState S);

struct Finding {
  std::string Check;
  /// The message without its impact suffix.
  std::string Message;
  SourcePoint Loc;
  Impact Cost;
  std::vector<FindingNote> Notes;
  std::vector<FixEdit> Fixes;
  /// In a test or benchmark source (markTestCode): ranked after product
  /// code and left out of the audit summary's top list.
  bool TestCode = false;
  /// The qualified name of the function the finding is in ("" at namespace
  /// scope): part of its fingerprint.
  std::string Function;
  /// What identifies the finding across edits that do not touch it
  /// (fingerprintFindings); set when the report is written.
  std::string Fingerprint;
  BaselineState Baseline = BaselineState::None;

  /// The baseline has it too (unchanged or updated): not what a change
  /// adds.
  bool wasInBaseline() const {
    return Baseline == BaselineState::Unchanged ||
           Baseline == BaselineState::Updated;
  }

  /// The message as clang-tidy prints it: "... [impact: high 64]".
  std::string messageWithImpact() const {
    return Message + " " + impactSuffix(Cost);
  }
};

/// Product code before test code, then, with a profile, the findings it saw
/// run before the others, then most costly first (by the cost in force,
/// measured or estimated, not only its rounded score); ties broken by cost kind (a round trip
/// before an iteration), confidence, then location, check and message, so
/// that the order never depends on scheduling.
bool rankedBefore(const Finding &A, const Finding &B);

/// The path globs, relative to the source root, of test, benchmark and
/// example code by default: test/, tests/, bench*/, examples/, samples/ ...
/// directories and *_test.*,
/// test_*.*, *Test.c* ... files.
const std::vector<std::string> &defaultTestPathGlobs();

/// Sets TestCode on the findings whose file, relative to SourceRoot, matches
/// one of Globs (llvm::GlobPattern syntax; `*` crosses directories). An
/// invalid glob is an error naming it.
llvm::Error markTestCode(std::vector<Finding> &Findings,
                         llvm::StringRef SourceRoot,
                         llvm::ArrayRef<std::string> Globs);

/// Sorts by rankedBefore and removes exact duplicates (a finding in a header
/// is reported by every TU that includes it).
void rankFindings(std::vector<Finding> &Findings);

/// A translation unit that could not be analysed.
struct FailedUnit {
  std::string File;
  /// Where the compiler's first error is; File is empty when it has no
  /// location (a missing input file).
  SourcePoint ErrorLoc;
  std::string Message;
};

/// Everything a report shows.
/// What comparing with a baseline found (compareWithBaseline).
struct BaselineComparison {
  unsigned New = 0, Unchanged = 0, Updated = 0;
  /// The baseline's findings that this run no longer has (Baseline ==
  /// Absent), as the baseline gave them: only File, Line and Column of Loc.
  std::vector<Finding> Fixed;
};

struct AnalysisResult {
  std::vector<Finding> Findings; ///< Ranked.
  std::vector<FailedUnit> Failures;
  unsigned UnitsAnalysed = 0;
  /// Set when the run was compared with a baseline.
  std::optional<BaselineComparison> Baseline;
  /// The file name of the profile whose counts are in force (--profile).
  std::optional<std::string> Profile;
};

} // namespace perf_audit

#endif // PERF_AUDIT_FINDING_H
