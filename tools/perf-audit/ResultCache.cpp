//===--- ResultCache.cpp - Reuse unchanged translation units --------------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "ResultCache.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Support/xxhash.h"

using namespace llvm;

namespace perf_audit::driver {

std::string ResultCache::entryPath(StringRef File, StringRef Fingerprint) const {
  std::string Key = File.str() + '\0' + Fingerprint.str();
  SmallString<256> Path(Dir);
  sys::path::append(Path, utohexstr(xxh3_64bits(Key), /*LowerCase=*/true) +
                              ".json");
  return std::string(Path);
}

std::optional<uint64_t> ResultCache::hashOf(StringRef Path) {
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    auto It = Hashes.find(Path);
    if (It != Hashes.end())
      return It->second;
  }
  std::optional<uint64_t> Hash;
  if (ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = MemoryBuffer::getFile(Path))
    Hash = xxh3_64bits((*Buffer)->getBuffer());
  std::lock_guard<std::mutex> Lock(Mutex);
  Hashes[Path] = Hash;
  return Hash;
}

std::optional<UnitResult> ResultCache::lookup(StringRef File,
                                              StringRef Fingerprint) {
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer =
      MemoryBuffer::getFile(entryPath(File, Fingerprint));
  if (!Buffer)
    return std::nullopt;
  Expected<json::Value> Entry = json::parse((*Buffer)->getBuffer());
  if (!Entry) {
    consumeError(Entry.takeError());
    return std::nullopt;
  }
  const json::Object *O = Entry->getAsObject();
  if (!O || O->getString("fingerprint") != Fingerprint)
    return std::nullopt;
  const json::Array *Inputs = O->getArray("inputs");
  if (!Inputs)
    return std::nullopt;
  for (const json::Value &Input : *Inputs) {
    const json::Object *I = Input.getAsObject();
    std::optional<StringRef> Path = I ? I->getString("path") : std::nullopt;
    std::optional<StringRef> Hash = I ? I->getString("hash") : std::nullopt;
    std::optional<uint64_t> Current = Path ? hashOf(*Path) : std::nullopt;
    if (!Hash || !Current || utohexstr(*Current, true) != *Hash)
      return std::nullopt;
  }
  const json::Value *Unit = O->get("unit");
  if (!Unit)
    return std::nullopt;
  Expected<UnitResult> Result = unitResultFromJSON(*Unit);
  if (!Result) {
    consumeError(Result.takeError());
    return std::nullopt;
  }
  return std::move(*Result);
}

void ResultCache::store(const UnitAnalysis &Analysis) {
  json::Array Inputs;
  for (const std::string &Path : Analysis.Inputs) {
    std::optional<uint64_t> Hash = hashOf(Path);
    if (!Hash)
      return; // A file that cannot be read back cannot be checked later.
    Inputs.push_back(json::Object{{"path", Path}, {"hash", utohexstr(*Hash, true)}});
  }
  json::Object Entry{{"fingerprint", Analysis.Fingerprint},
                     {"inputs", std::move(Inputs)},
                     {"unit", toJSON(Analysis.Result)}};
  std::string Path = entryPath(Analysis.Result.File, Analysis.Fingerprint);
  // Write, then rename: a concurrent or interrupted run sees the old entry
  // or the new one, never half of one.
  SmallString<256> Temp;
  int FD;
  if (sys::fs::createUniqueFile(Path + ".tmp-%%%%%%", FD, Temp))
    return;
  {
    raw_fd_ostream OS(FD, /*shouldClose=*/true);
    OS << json::Value(std::move(Entry));
  }
  if (sys::fs::rename(Temp, Path))
    sys::fs::remove(Temp);
}

} // namespace perf_audit::driver
