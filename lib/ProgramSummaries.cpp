//===--- ProgramSummaries.cpp - Effects of a whole program, from a file ---===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/ProgramSummaries.h"
#include "clang/Index/USRGeneration.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include <mutex>

using namespace llvm;

namespace perf_audit {

static constexpr StringLiteral FormatKey = "perf-audit-summaries";

bool hasEffect(const FunctionRecord &F) {
  return F.Query || F.Blocking || !F.ScannedParams.empty() ||
         !F.ScannedMembers.empty();
}

json::Value
ProgramSummaries::toJSON(const std::vector<FunctionRecord> &Functions) {
  json::Array Array;
  for (const FunctionRecord &F : Functions)
    if (hasEffect(F))
      Array.push_back(perf_audit::toJSON(F));
  return json::Object{{FormatKey, 1}, {"functions", std::move(Array)}};
}

Expected<ProgramSummaries> ProgramSummaries::parse(StringRef Text,
                                                   StringRef Path) {
  auto Malformed = [&](const Twine &What) {
    return createStringError(inconvertibleErrorCode(),
                             "'" + Path + "' " + What);
  };
  Expected<json::Value> Doc = json::parse(Text);
  if (!Doc)
    return Malformed("is not valid JSON: " + toString(Doc.takeError()));
  const json::Object *Top = Doc->getAsObject();
  if (!Top || !Top->get(FormatKey))
    return Malformed("is not a file written by perf-audit --export-summaries");
  if (Top->getInteger(FormatKey) != 1)
    return Malformed("has an unsupported format version (this perf-audit "
                     "reads version 1)");
  const json::Array *Functions = Top->getArray("functions");
  if (!Functions)
    return Malformed("has no \"functions\" array");
  ProgramSummaries Out;
  for (const json::Value &V : *Functions) {
    Expected<FunctionRecord> F = functionRecordFromJSON(V);
    if (!F)
      return Malformed("function " + Twine(Out.Functions.size() + 1) + ": " +
                       toString(F.takeError()));
    Out.Functions.push_back(std::move(*F));
  }
  llvm::sort(Out.Functions, [](const FunctionRecord &A, const FunctionRecord &B) {
    return A.Usr < B.Usr;
  });
  return Out;
}

Expected<std::shared_ptr<const ProgramSummaries>>
ProgramSummaries::load(StringRef Path) {
  struct Entry {
    sys::TimePoint<> Modified;
    uint64_t Size = 0;
    std::shared_ptr<const ProgramSummaries> Summaries;
  };
  static std::mutex Mutex;
  static StringMap<Entry> Loaded;

  sys::fs::file_status Status;
  if (std::error_code EC = sys::fs::status(Path, Status))
    return createStringError(EC, "cannot read summaries file '" + Path +
                                     "': " + EC.message());
  {
    std::lock_guard<std::mutex> Lock(Mutex);
    auto It = Loaded.find(Path);
    if (It != Loaded.end() &&
        It->second.Modified == Status.getLastModificationTime() &&
        It->second.Size == Status.getSize())
      return It->second.Summaries;
  }
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return createStringError(Buffer.getError(),
                             "cannot read summaries file '" + Path +
                                 "': " + Buffer.getError().message());
  Expected<ProgramSummaries> Parsed = parse((*Buffer)->getBuffer(), Path);
  if (!Parsed)
    return Parsed.takeError();
  auto Shared = std::make_shared<const ProgramSummaries>(std::move(*Parsed));
  std::lock_guard<std::mutex> Lock(Mutex);
  Loaded[Path] = Entry{Status.getLastModificationTime(), Status.getSize(), Shared};
  return Shared;
}

const FunctionRecord *ProgramSummaries::lookup(StringRef Usr) const {
  auto It = llvm::partition_point(
      Functions, [&](const FunctionRecord &F) { return F.Usr < Usr; });
  return It != Functions.end() && It->Usr == Usr ? &*It : nullptr;
}

std::optional<std::string> usrOf(const clang::Decl *D) {
  SmallString<128> Buffer;
  if (clang::index::generateUSRForDecl(D, Buffer))
    return std::nullopt;
  return std::string(Buffer);
}

} // namespace perf_audit
