//===--- ConfigParsersFuzzer.cpp - Fuzzing what perf-audit reads ----------===//
//
// Part of perf-audit. A libFuzzer target over every parser of text that users
// and tools hand to perf-audit: model files (ModelFiles), the clang-tidy
// configuration the driver reads (--config, .clang-tidy), summaries files
// (SummariesFile), shard and cache records (perf-audit merge, --cache-dir),
// and the tier and impact texts of options and messages. The first byte picks
// the parser; the rest is its input. Each must return an error, never crash,
// hang or leak. test/fuzz/config-parsers.test runs it for a bounded number of
// inputs in CI.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/ApiModel.h"
#include "perf-audit/UnitRecord.h"
#include "perf-audit/Impact.h"
#include "perf-audit/ProgramSummaries.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include <cstddef>
#include <cstdint>

using namespace perf_audit;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *Data, size_t Size) {
  if (Size == 0)
    return 0;
  llvm::StringRef Text(reinterpret_cast<const char *>(Data) + 1, Size - 1);
  switch (Data[0] % 5) {
  case 0: {
    ApiModel Model;
    llvm::consumeError(Model.merge(Text, "fuzz.yaml"));
    break;
  }
  case 1: {
    llvm::Expected<ProgramSummaries> Summaries =
        ProgramSummaries::parse(Text, "fuzz.json");
    if (!Summaries)
      llvm::consumeError(Summaries.takeError());
    break;
  }
  case 2: {
    llvm::Expected<llvm::json::Value> Json = llvm::json::parse(Text);
    if (!Json) {
      llvm::consumeError(Json.takeError());
      break;
    }
    llvm::Expected<UnitResult> Unit = unitResultFromJSON(*Json);
    if (!Unit)
      llvm::consumeError(Unit.takeError());
    break;
  }
  case 3: {
    // clang-tidy's parser, then the options perf-audit reads from it.
    llvm::ErrorOr<clang::tidy::ClangTidyOptions> Options =
        clang::tidy::parseConfiguration(llvm::MemoryBufferRef(Text, "fuzz"));
    if (!Options)
      break;
    for (const char *Key : {"MinimumTier", "ModelFiles", "SummariesFile"}) {
      auto It = Options->CheckOptions.find(Key);
      if (It != Options->CheckOptions.end())
        (void)parseTier(It->getValue().Value);
    }
    break;
  }
  case 4:
    (void)parseTier(Text);
    (void)parseCostKind(Text);
    break;
  }
  return 0;
}
