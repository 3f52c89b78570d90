//===--- FindingObserver.cpp - Structured findings for the driver ---------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/FindingObserver.h"

namespace perf_audit {

// One pointer per thread: each driver worker analyses one TU at a time.
static thread_local FindingObserver *CurrentObserver = nullptr;

FindingObserver::~FindingObserver() = default;

FindingObserver *FindingObserver::current() { return CurrentObserver; }

FindingObserver::Scope::Scope(FindingObserver &O) : Previous(CurrentObserver) {
  CurrentObserver = &O;
}

FindingObserver::Scope::~Scope() { CurrentObserver = Previous; }

} // namespace perf_audit
