//===--- PerfAuditModuleRegistration.cpp - Static registration ------------===//
//
// Part of perf-audit. Linked into the driver and perf-audit-clangd, which
// link the checks statically; the plugin registers from PerfAuditPlugin.cpp.
//
//===----------------------------------------------------------------------===//

#include "PerfAuditModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"

namespace clang::tidy {

static ClangTidyModuleRegistry::Add<perf_audit::PerfAuditModule>
    Registration(perf_audit::ModuleName, perf_audit::ModuleDescription);

// The tools reference this symbol so that the linker keeps the registration.
volatile int PerfAuditModuleAnchorSource = 0;

} // namespace clang::tidy
