//===--- AnalysisContext.cpp - One translation unit's analyses ------------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/AnalysisContext.h"
#include "perf-audit/ExecutionProfile.h"
#include "perf-audit/ProgramSummaries.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/FileManager.h"
#include "clang/Basic/SourceManager.h"

namespace perf_audit {

static ApiModel mergedModel(const AnalysisOptions &Options,
                            llvm::StringRef Directory,
                            std::vector<std::string> &Errors) {
  llvm::Expected<ApiModel> Loaded =
      ApiModel::load(splitList(Options.ModelFiles), Directory);
  ApiModel Model = Loaded ? std::move(*Loaded) : ApiModel::builtin();
  if (!Loaded)
    Errors.push_back(llvm::toString(Loaded.takeError()));
  // Extra linear functions scan their first argument: a container, or the
  // first iterator of a pair (both resolve to the container).
  for (const std::string &Name : splitList(Options.ExtraLinearFunctions)) {
    LinearFunctionModel M;
    M.Name = Name;
    M.Scans = ScanShape::Argument;
    Model.addLinearFunction(std::move(M));
  }
  for (const std::string &Type : splitList(Options.CheapTypes))
    Model.addCheapType(Type);
  return Model;
}

AnalysisContext::AnalysisContext(AnalysisOptions Options,
                                 llvm::StringRef Directory,
                                 std::vector<std::string> &Errors)
    : Options(std::move(Options)),
      Model(mergedModel(this->Options, Directory, Errors)) {}

AnalysisContext::~AnalysisContext() = default;

void AnalysisContext::use(clang::ASTContext &Ctx) {
  if (Analysed == &Ctx)
    return;
  if (!Analysed) {
    // The classifier may have been asked for first.
    Analysed = &Ctx;
    return;
  }
  Copies.reset();
  Effects.reset();
  Loops.reset();
  Calls.reset();
  Arguments.clear();
  Analysed = &Ctx;
}

CallClassifier &AnalysisContext::calls() {
  if (!Calls)
    Calls = std::make_unique<CallClassifier>(Model);
  return *Calls;
}

LoopModel &AnalysisContext::loops(clang::ASTContext &Ctx) {
  use(Ctx);
  if (!Loops)
    Loops = std::make_unique<LoopModel>(Ctx, Model, Options.Loops);
  return *Loops;
}

EffectAnalysis &AnalysisContext::effects(clang::ASTContext &Ctx) {
  use(Ctx);
  if (!Effects) {
    std::string Ignored; // reported by whoever asked for program() first
    EffectOptions O;
    O.IncludeOptInBlocking = Options.CheckLocks;
    O.Program = program(Ctx, Ignored);
    Effects = std::make_unique<EffectAnalysis>(loops(Ctx), calls(), O);
  }
  return *Effects;
}

CopyCostModel &AnalysisContext::copies(clang::ASTContext &Ctx) {
  use(Ctx);
  if (!Copies) {
    CopyCostOptions O;
    O.MinimumTypeSize = Options.MinimumTypeSize;
    O.AssumedElements = static_cast<double>(Options.Loops.AssumedTripCount);
    Copies = std::make_unique<CopyCostModel>(calls(), Ctx, O);
  }
  return *Copies;
}

const ProgramSummaries *AnalysisContext::program(clang::ASTContext &Ctx,
                                                 std::string &Error) {
  if (Options.SummariesFile.empty())
    return nullptr;
  if (!ProgramLoaded) {
    ProgramLoaded = true;
    // A relative path is relative to the compilation's directory (the build
    // directory, where the driver is run), as the paths of the compile
    // command are.
    llvm::SmallString<256> Path(Options.SummariesFile);
    Ctx.getSourceManager().getFileManager().makeAbsolutePath(Path);
    llvm::Expected<std::shared_ptr<const ProgramSummaries>> Loaded =
        ProgramSummaries::load(Path);
    if (Loaded)
      Program = std::move(*Loaded);
    else
      Error = llvm::toString(Loaded.takeError());
  }
  return Program.get();
}

ProfileLookup *AnalysisContext::profile(clang::FileManager &Files,
                                        std::string &Error) {
  if (Options.ProfileFile.empty())
    return nullptr;
  if (!ProfileLoaded) {
    ProfileLoaded = true;
    llvm::SmallString<256> Path(Options.ProfileFile);
    Files.makeAbsolutePath(Path);
    std::vector<std::string> Binaries = splitList(Options.ProfileBinary);
    for (std::string &Binary : Binaries) {
      llvm::SmallString<256> Absolute(Binary);
      Files.makeAbsolutePath(Absolute);
      Binary = std::string(Absolute);
    }
    Profile = sharedProfileLookup(Path, Binaries, Error);
  }
  return Profile.get();
}

} // namespace perf_audit
