//===--- PerfAuditModule.h - perf-audit checks registration -----*- C++ -*-===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_CHECKS_PERFAUDITMODULE_H
#define PERF_AUDIT_CHECKS_PERFAUDITMODULE_H

#include "clang-tidy/ClangTidyModule.h"

namespace clang::tidy::perf_audit {

/// The perf-audit checks. The module is registered by PerfAuditPlugin.cpp in
/// the clang-tidy plugin (after checking the host's LLVM version) and by
/// PerfAuditModuleRegistration.cpp in the tools that link the checks in.
class PerfAuditModule : public ClangTidyModule {
public:
  void addCheckFactories(ClangTidyCheckFactories &CheckFactories) override;
};

/// The registry name and description of the module.
inline constexpr const char *ModuleName = "perf-audit-module";
inline constexpr const char *ModuleDescription =
    "Performance anti-patterns, ranked by estimated impact.";

} // namespace clang::tidy::perf_audit

#endif // PERF_AUDIT_CHECKS_PERFAUDITMODULE_H
