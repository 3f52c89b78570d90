//===--- ParallelRun.cpp - Every unit, on a pool of workers ---------------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "ParallelRun.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Support/raw_ostream.h"
#include <atomic>
#include <mutex>

using namespace llvm;

namespace perf_audit::driver {
namespace {

/// A progress line on stderr, only when stderr is a terminal.
class Progress {
public:
  Progress(size_t Total, bool Wanted)
      : Total(Total), Enabled(Wanted && sys::Process::StandardErrIsDisplayed()) {}

  void step(StringRef File) {
    if (!Enabled)
      return;
    std::lock_guard<std::mutex> Lock(Mutex);
    ++Done;
    errs() << "\r\x1b[K[" << Done << "/" << Total << "] "
           << sys::path::filename(File);
  }
  void finish() {
    if (Enabled)
      errs() << "\r\x1b[K";
  }

private:
  size_t Total;
  bool Enabled;
  size_t Done = 0;
  std::mutex Mutex;
};

} // namespace

std::vector<UnitResult>
analyseUnits(const clang::tooling::CompilationDatabase &Database,
             const std::vector<std::string> &Units,
             const UnitAnalysisConfig &Config, const RunOptions &Options) {
  std::vector<UnitResult> Results(Units.size());
  std::atomic<unsigned> Reused{0};
  Progress Bar(Units.size(), Options.Progress);
  ResultCache *Cache = Options.Cache;
  {
    DefaultThreadPool Pool(hardware_concurrency(Options.Jobs));
    for (size_t I = 0; I < Units.size(); ++I)
      Pool.async([&, I] {
        std::optional<UnitResult> Cached;
        std::string Fingerprint;
        if (Cache) {
          Fingerprint = unitFingerprint(Database, Units[I], Config);
          Cached = Cache->lookup(Units[I], Fingerprint);
        }
        if (Cached) {
          Results[I] = std::move(*Cached);
          ++Reused;
        } else {
          UnitAnalysis Analysis = analyseUnit(Database, Units[I], Config);
          if (Cache && !Analysis.Result.Failure)
            Cache->store(Analysis);
          Results[I] = std::move(Analysis.Result);
        }
        Bar.step(Units[I]);
      });
    Pool.wait();
  }
  Bar.finish();
  if (Cache)
    errs() << "perf-audit: " << Reused << " of " << Units.size()
           << " translation units reused from the cache\n";
  return Results;
}

} // namespace perf_audit::driver
