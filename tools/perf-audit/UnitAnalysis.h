//===--- UnitAnalysis.h - One translation unit through the checks -*- C++ -*-=//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_DRIVER_UNITANALYSIS_H
#define PERF_AUDIT_DRIVER_UNITANALYSIS_H

#include "perf-audit/UnitRecord.h"
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

/// The analysis of one TU, and the files it read (for the cache).
struct UnitAnalysis {
  UnitResult Result;
  /// Every file the TU read, absolute.
  std::vector<std::string> Inputs;
  /// What decides the result besides the inputs: the command and the
  /// effective configuration.
  std::string Fingerprint;
};

/// Parses File once with its command from Database, runs the enabled
/// clang-tidy checks on it exactly as the plugin does (honouring .clang-tidy
/// files and NOLINT), and records its functions and calls for the
/// whole-program join. Thread-safe: workers call it concurrently on
/// different files.
UnitAnalysis analyseUnit(const clang::tooling::CompilationDatabase &Database,
                         llvm::StringRef File, const UnitAnalysisConfig &Config);

/// The command and configuration that decide File's result, without parsing
/// it: the cache key.
std::string unitFingerprint(const clang::tooling::CompilationDatabase &Database,
                            llvm::StringRef File, const UnitAnalysisConfig &Config);

/// Loads the model files that the configuration names for each of Units
/// (the ModelFiles option, from --config or .clang-tidy files), so that a
/// typo stops the run before any analysis with "file:line:col: error: ...",
/// instead of each unit falling back to the built-in models.
llvm::Error checkModelFiles(const clang::tooling::CompilationDatabase &Database,
                            llvm::ArrayRef<std::string> Units,
                            const UnitAnalysisConfig &Config);

/// The checks the configuration enables.
std::vector<std::string> enabledChecks(const UnitAnalysisConfig &Config);

} // namespace perf_audit::driver

#endif // PERF_AUDIT_DRIVER_UNITANALYSIS_H
