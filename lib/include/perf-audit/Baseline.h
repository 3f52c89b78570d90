//===--- Baseline.h - Fingerprints and comparison with a baseline -*- C++ -*-===//
//
// Part of perf-audit. A team adopts the analyser through its pull requests:
// only what a change introduces is reported. A finding is recognised in an
// earlier report (--baseline) by a fingerprint that survives edits elsewhere
// in its file: the check, the file, the enclosing function, and the text of
// the flagged line and of its loop's line, whitespace aside; never a line
// number. docs/driver.md#pull-requests.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_BASELINE_H
#define PERF_AUDIT_BASELINE_H

#include "perf-audit/Finding.h"
#include "perf-audit/Report.h"
#include "llvm/Support/Error.h"
#include <vector>

namespace perf_audit {

/// The key of a result's fingerprint in SARIF `partialFingerprints`.
inline constexpr llvm::StringLiteral SarifFingerprintKey =
    "perfAuditFingerprint/v1";

/// Sets the Fingerprint of every finding (after they are located). Findings
/// that would share one (the same line twice in a function) are told apart
/// by their order in the file.
void fingerprintFindings(std::vector<Finding> &Findings, llvm::StringRef Root,
                         SourceFiles &Sources);

/// The findings of a perf-audit report, JSON or SARIF, as far as comparing
/// needs them: Check, Message, Fingerprint, Cost.Score and Cost.Level, and
/// Loc.File (relative to the report's source root), Line and Column. An
/// error names the file and what is wrong with it.
llvm::Expected<std::vector<Finding>> readBaseline(llvm::StringRef Path);

/// Marks each finding of R new, unchanged or updated (the same fingerprint
/// with another message or score) against Baseline, records the baseline's
/// findings that are gone (their files resolved against Root), and counts
/// the states. Every finding stays in R.Findings.
void compareWithBaseline(AnalysisResult &R, std::vector<Finding> Baseline,
                         llvm::StringRef Root);

/// Counts the states of R.Findings into R.Baseline again, once the findings
/// were narrowed (to the lines a change touches).
void countBaselineStates(AnalysisResult &R);

/// Removes the findings the baseline has: the report then holds what is
/// new. The counts stay.
void dropBaselineFindings(AnalysisResult &R);

/// "2 new, 1 fixed, 14 unchanged (1 updated)": unchanged counts the updated
/// ones too.
std::string baselineCounts(const BaselineComparison &C);

} // namespace perf_audit

#endif // PERF_AUDIT_BASELINE_H
