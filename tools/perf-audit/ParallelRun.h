//===--- ParallelRun.h - Every unit, on a pool of workers -------*- C++ -*-===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_DRIVER_PARALLELRUN_H
#define PERF_AUDIT_DRIVER_PARALLELRUN_H

#include "ResultCache.h"
#include "UnitAnalysis.h"
#include "clang/Tooling/CompilationDatabase.h"
#include <string>
#include <vector>

namespace perf_audit::driver {

struct RunOptions {
  /// Workers: 0 for one per core.
  unsigned Jobs = 0;
  /// A progress line on stderr (only shown when it is a terminal).
  bool Progress = true;
  /// Reuses and stores the units whose inputs are unchanged; may be null.
  ResultCache *Cache = nullptr;
};

/// Analyses Units in parallel. Each result lands in its own slot, in the
/// order of Units, so that the report does not depend on scheduling.
std::vector<UnitResult> analyseUnits(
    const clang::tooling::CompilationDatabase &Database,
    const std::vector<std::string> &Units, const UnitAnalysisConfig &Config,
    const RunOptions &Options);

} // namespace perf_audit::driver

#endif // PERF_AUDIT_DRIVER_PARALLELRUN_H
