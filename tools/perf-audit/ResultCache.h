//===--- ResultCache.h - Reuse unchanged translation units ------*- C++ -*-===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_DRIVER_RESULTCACHE_H
#define PERF_AUDIT_DRIVER_RESULTCACHE_H

#include "UnitAnalysis.h"
#include "llvm/ADT/StringMap.h"
#include <mutex>
#include <optional>
#include <string>

namespace perf_audit::driver {

/// A directory of analysed translation units. An entry is reused when the
/// TU's command and configuration (its fingerprint) and the contents of
/// every file it read are unchanged; editing one file re-analyses only the
/// TUs that read it. Thread-safe.
class ResultCache {
public:
  explicit ResultCache(std::string Dir) : Dir(std::move(Dir)) {}

  std::optional<UnitResult> lookup(llvm::StringRef File,
                                   llvm::StringRef Fingerprint);
  void store(const UnitAnalysis &Analysis);

private:
  std::string entryPath(llvm::StringRef File, llvm::StringRef Fingerprint) const;
  /// The content hash of a file, once per run.
  std::optional<uint64_t> hashOf(llvm::StringRef Path);

  std::string Dir;
  std::mutex Mutex;
  llvm::StringMap<std::optional<uint64_t>> Hashes;
};

} // namespace perf_audit::driver

#endif // PERF_AUDIT_DRIVER_RESULTCACHE_H
