//===--- ShardFile.cpp - The files of --shard runs ------------------------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "ShardFile.h"
#include "perf-audit/FixApplication.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"

using namespace llvm;

namespace perf_audit::driver {

/// The version of the format: a file of another version is refused.
constexpr int64_t ShardFormat = 1;

static Error shardError(const Twine &Message) {
  return createStringError(inconvertibleErrorCode(), Message.str().c_str());
}

Error writeShard(StringRef Path, StringRef Spec, ArrayRef<UnitResult> Units) {
  json::Array Out;
  for (const UnitResult &R : Units)
    Out.push_back(toJSON(R));
  json::Object Doc{{"perf-audit-shard", ShardFormat},
                   {"shard", Spec},
                   {"units", std::move(Out)}};
  return writeFileAtomically(Path, [&](raw_ostream &OS) {
    OS << json::Value(std::move(Doc)) << "\n";
  });
}

Expected<std::vector<UnitResult>> readShards(ArrayRef<std::string> Paths) {
  std::vector<UnitResult> Results;
  StringSet<> SeenUnits;
  for (const std::string &Path : Paths) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = MemoryBuffer::getFile(Path);
    if (!Buffer)
      return shardError("cannot read shard '" + Path +
                        "': " + Buffer.getError().message());
    Expected<json::Value> Parsed = json::parse((*Buffer)->getBuffer());
    const json::Object *Doc = Parsed ? Parsed->getAsObject() : nullptr;
    const json::Array *Units = Doc ? Doc->getArray("units") : nullptr;
    if (!Units || Doc->getInteger("perf-audit-shard") != ShardFormat) {
      if (!Parsed)
        consumeError(Parsed.takeError());
      return shardError("'" + Path + "' is not a perf-audit shard file");
    }
    for (const json::Value &Unit : *Units) {
      Expected<UnitResult> R = unitResultFromJSON(Unit);
      if (!R)
        return shardError("'" + Path + "': " + toString(R.takeError()));
      if (!SeenUnits.insert(R->File).second)
        return shardError("'" + R->File + "' is in more than one shard");
      Results.push_back(std::move(*R));
    }
  }
  llvm::sort(Results, [](const UnitResult &A, const UnitResult &B) {
    return A.File < B.File;
  });
  return Results;
}

} // namespace perf_audit::driver
