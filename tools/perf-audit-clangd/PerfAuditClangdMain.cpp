//===--- PerfAuditClangdMain.cpp - clangd with the perf-audit checks ------===//
//
// Part of perf-audit. clangd cannot load clang-tidy plugins, so
// perf-audit-clangd is clangd itself (clangdMain from libclang-<N>-dev) with
// the perf-audit checks linked in next to every standard clang-tidy module.
// Editors point their clangd path at it and enable the checks in .clangd.
//
//===----------------------------------------------------------------------===//

#include "llvm/ADT/StringRef.h"
#include <string>
#include <vector>

namespace clang::clangd {
// clangd's headers are not shipped; this is the entry point of clangdMain.
int clangdMain(int argc, char *argv[]);
} // namespace clang::clangd

namespace clang::tidy {
// Keeps the statically linked perf-audit module.
extern volatile int PerfAuditModuleAnchorSource;
static int PerfAuditModuleAnchorDestination [[maybe_unused]] =
    PerfAuditModuleAnchorSource;
} // namespace clang::tidy

int main(int argc, char *argv[]) {
  // clangd looks for clang's builtin headers next to its own binary; ours
  // lives elsewhere, so name the resource directory unless the user did.
  std::vector<char *> Args(argv, argv + argc);
  std::string ResourceDirFlag =
      std::string("--resource-dir=") + PERF_AUDIT_CLANG_RESOURCE_DIR;
  bool UserSetResourceDir = false;
  for (char *Arg : Args)
    if (llvm::StringRef(Arg).ltrim('-').starts_with("resource-dir"))
      UserSetResourceDir = true;
  if (!UserSetResourceDir)
    Args.insert(Args.begin() + 1, ResourceDirFlag.data());
  Args.push_back(nullptr);
  return clang::clangd::clangdMain(static_cast<int>(Args.size() - 1),
                                   Args.data());
}
