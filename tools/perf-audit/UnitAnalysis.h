//===--- UnitAnalysis.h - One translation unit through the checks -*- C++ -*-=//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_DRIVER_UNITANALYSIS_H
#define PERF_AUDIT_DRIVER_UNITANALYSIS_H

#include "perf-audit/Finding.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <optional>
#include <string>
#include <vector>

namespace perf_audit::driver {

struct UnitAnalysisConfig {
  /// Glob of checks, as for clang-tidy's -checks (after "-*,").
  std::string Checks = "perf-audit-*";
  std::vector<std::string> ExtraArgs;
  std::vector<std::string> ExtraArgsBefore;
  /// clang's resource directory: builtin headers such as <stddef.h>.
  std::string ResourceDir;
  /// Options given on the command line (--config, --config-file); they take
  /// precedence over .clang-tidy files, as with clang-tidy.
  clang::tidy::ClangTidyOptions CommandLineOptions;
};

struct UnitOutcome {
  /// Findings with file offsets (lines and columns are filled later).
  std::vector<Finding> Findings;
  std::optional<FailedUnit> Failure;
};

/// Parses File once with its command from Database and runs the enabled
/// clang-tidy checks on it, exactly as the plugin does; honours .clang-tidy
/// files (CheckOptions, HeaderFilterRegex) and NOLINT. Thread-safe: workers
/// call it concurrently on different files.
UnitOutcome analyseUnit(const clang::tooling::CompilationDatabase &Database,
                        llvm::StringRef File, const UnitAnalysisConfig &Config);

/// The checks the configuration enables.
std::vector<std::string> enabledChecks(const UnitAnalysisConfig &Config);

} // namespace perf_audit::driver

#endif // PERF_AUDIT_DRIVER_UNITANALYSIS_H
