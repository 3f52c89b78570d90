//===--- PerfAuditModule.cpp - perf-audit checks registration -------------===//
//
// Part of perf-audit. Keep the list alphabetical.
//
//===----------------------------------------------------------------------===//

#include "PerfAuditModule.h"
#include "AllocInLoopCheck.h"
#include "BlockingInAsyncCheck.h"
#include "ExcessCopyCheck.h"
#include "NPlusOneCheck.h"
#include "NestedLoopCheck.h"

namespace clang::tidy::perf_audit {

void PerfAuditModule::addCheckFactories(ClangTidyCheckFactories &CheckFactories) {
  CheckFactories.registerCheck<AllocInLoopCheck>("perf-audit-alloc-in-loop");
  CheckFactories.registerCheck<BlockingInAsyncCheck>(
      "perf-audit-blocking-in-async");
  CheckFactories.registerCheck<ExcessCopyCheck>("perf-audit-excess-copy");
  CheckFactories.registerCheck<NPlusOneCheck>("perf-audit-n-plus-one");
  CheckFactories.registerCheck<NestedLoopCheck>("perf-audit-nested-loop");
}

} // namespace clang::tidy::perf_audit
