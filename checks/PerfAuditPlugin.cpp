//===--- PerfAuditPlugin.cpp - Entry point of PerfAudit.so ----------------===//
//
// Part of perf-audit. The plugin links no clang-tidy or LLVM library: every
// symbol comes from the clang-tidy that loads it. A clang-tidy of another
// LLVM major has other class layouts, so the plugin checks the host's
// version before registering anything, and refuses loudly on a mismatch
// rather than crash or silently report nothing.
//
//===----------------------------------------------------------------------===//

#include "PerfAuditModule.h"
#include "clang-tidy/ClangTidyModuleRegistry.h"
#include "clang/Basic/Version.h"
#include "llvm/Config/llvm-config.h"
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

/// The major version in a string such as "Debian clang version 19.1.7 (3)".
int majorOf(const std::string &FullVersion) {
  size_t At = FullVersion.find("version ");
  if (At == std::string::npos)
    return -1;
  return std::atoi(FullVersion.c_str() + At + 8);
}

struct PluginRegistration {
  PluginRegistration() {
    // Resolved in the host: the plugin does not link libclang-cpp.
    std::string HostVersion = clang::getClangFullVersion();
    int HostMajor = majorOf(HostVersion);
    if (HostMajor != LLVM_VERSION_MAJOR) {
      std::fprintf(stderr,
                   "error: PerfAudit.so was built for clang-tidy %d but is "
                   "loaded by clang-tidy %d (%s); use the perf-audit plugin "
                   "built for LLVM %d (package perf-audit-llvm%d)\n",
                   LLVM_VERSION_MAJOR, HostMajor, HostVersion.c_str(),
                   HostMajor, HostMajor);
      std::fflush(stderr);
      std::_Exit(1);
    }
    static clang::tidy::ClangTidyModuleRegistry::Add<
        clang::tidy::perf_audit::PerfAuditModule>
        Registration(clang::tidy::perf_audit::ModuleName,
                     clang::tidy::perf_audit::ModuleDescription);
  }
};

PluginRegistration Register;

} // namespace
