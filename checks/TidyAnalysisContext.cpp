//===--- TidyAnalysisContext.cpp - The analyses checks share --------------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "TidyAnalysisContext.h"
#include <mutex>

namespace clang::tidy::perf_audit {

namespace core = ::perf_audit;

core::AnalysisOptions readAnalysisOptions(const ClangTidyOptions::OptionMap &Map,
                                          StringRef CheckName,
                                          std::vector<std::string> &Errors) {
  return core::readAnalysisOptions(
      [&](StringRef Key) -> std::optional<std::string> {
        auto It = Map.find(Key);
        if (It == Map.end())
          return std::nullopt;
        return It->getValue().Value;
      },
      CheckName, Errors);
}

namespace {

/// A context alive while some check (or recorder) of its unit holds it.
struct Shared {
  const ClangTidyContext *Tidy;
  std::string Directory;
  core::AnalysisOptions Options;
  std::weak_ptr<core::AnalysisContext> Analysis;
};

std::mutex RegistryMutex;
std::vector<Shared> Registry;

} // namespace

std::shared_ptr<core::AnalysisContext>
sharedAnalysisContext(ClangTidyContext &Context, StringRef CheckName,
                      std::vector<std::string> &Errors) {
  core::AnalysisOptions Options =
      readAnalysisOptions(Context.getOptions().CheckOptions, CheckName, Errors);
  std::string Directory(Context.getCurrentBuildDirectory());
  std::lock_guard<std::mutex> Lock(RegistryMutex);
  // The checks of a unit die with it: what has expired is of a finished
  // unit (whose ClangTidyContext may be gone, its address reused).
  llvm::erase_if(Registry,
                 [](const Shared &S) { return S.Analysis.expired(); });
  for (const Shared &S : Registry)
    if (S.Tidy == &Context && S.Directory == Directory && S.Options == Options)
      if (std::shared_ptr<core::AnalysisContext> Found = S.Analysis.lock())
        return Found;
  auto Created =
      std::make_shared<core::AnalysisContext>(Options, Directory, Errors);
  Registry.push_back({&Context, Directory, std::move(Options), Created});
  return Created;
}

} // namespace clang::tidy::perf_audit
