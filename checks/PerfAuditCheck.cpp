//===--- PerfAuditCheck.cpp - Options and emission shared by checks -------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "PerfAuditCheck.h"
#include "perf-audit/FindingObserver.h"
#include "perf-audit/TraversalScope.h"
#include "clang/AST/ASTContext.h"
#include "clang/Basic/SourceManager.h"

namespace clang::tidy::perf_audit {

using ast_matchers::MatchFinder;

/// Runs on the translation unit's node, which the matchers visit before any
/// declaration in it.
class PerfAuditCheck::UserCodeScope : public MatchFinder::MatchCallback {
public:
  void run(const MatchFinder::MatchResult &Result) override {
    core::restrictTraversalToUserCode(*Result.Context);
  }
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_AsIs;
  }
};

PerfAuditCheck::PerfAuditCheck(StringRef Name, ClangTidyContext *Context)
    : ClangTidyCheck(Name, Context),
      MinimumScore(Options.getLocalOrGlobal("MinimumScore", 0U)),
      MinimumTier(Options.getLocalOrGlobal("MinimumTier", "low")),
      ModelFiles(Options.getLocalOrGlobal("ModelFiles", "")),
      SummariesFile(Options.getLocalOrGlobal("SummariesFile", "")) {
  LoopOptions.AssumedTripCount = Options.getLocalOrGlobal(
      "AssumedTripCount", core::LoopModelOptions().AssumedTripCount);
  LoopOptions.LargeTripCount = Options.getLocalOrGlobal(
      "LargeTripCount", core::LoopModelOptions().LargeTripCount);
  if (LoopOptions.AssumedTripCount == 0) {
    configurationDiag("invalid value '0' for option 'AssumedTripCount'; "
                      "expected a positive count");
    LoopOptions.AssumedTripCount = core::LoopModelOptions().AssumedTripCount;
  }
  if (!core::parseTier(MinimumTier)) {
    configurationDiag("invalid value '%0' for option 'MinimumTier'; expected "
                      "low, medium, high or critical")
        << MinimumTier;
    MinimumTier = "low";
  }

  if (!Context->getOptions().SystemHeaders.value_or(false))
    Scope = std::make_unique<UserCodeScope>();

  // Relative model files are relative to the compilation's directory, as
  // in the driver.
  llvm::Expected<core::ApiModel> Loaded = core::ApiModel::load(
      core::splitList(ModelFiles), Context->getCurrentBuildDirectory());
  if (Loaded) {
    Model = std::make_unique<core::ApiModel>(std::move(*Loaded));
  } else {
    configurationDiag("%0") << llvm::toString(Loaded.takeError());
    Model = std::make_unique<core::ApiModel>(core::ApiModel::builtin());
  }
}

PerfAuditCheck::~PerfAuditCheck() = default;

void PerfAuditCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  Options.store(Opts, "AssumedTripCount", LoopOptions.AssumedTripCount);
  Options.store(Opts, "LargeTripCount", LoopOptions.LargeTripCount);
  Options.store(Opts, "MinimumScore", MinimumScore);
  Options.store(Opts, "MinimumTier", MinimumTier);
  Options.store(Opts, "ModelFiles", ModelFiles);
  Options.store(Opts, "SummariesFile", SummariesFile);
}

void PerfAuditCheck::registerMatchers(MatchFinder *Finder) {
  if (Scope)
    Finder->addMatcher(ast_matchers::translationUnitDecl(), Scope.get());
}

void PerfAuditCheck::onStartOfTranslationUnit() {
  Effects.reset();
  Loops.reset();
  Calls.reset();
  AnalysedContext = nullptr;
}

core::CallClassifier &PerfAuditCheck::calls() {
  if (!Calls)
    Calls = std::make_unique<core::CallClassifier>(*Model);
  return *Calls;
}

core::LoopModel &PerfAuditCheck::loops(ASTContext &Ctx) {
  if (!Loops || AnalysedContext != &Ctx) {
    Effects.reset();
    Loops = std::make_unique<core::LoopModel>(Ctx, *Model, LoopOptions);
    AnalysedContext = &Ctx;
  }
  return *Loops;
}

core::EffectAnalysis &PerfAuditCheck::effects(ASTContext &Ctx) {
  core::LoopModel &L = loops(Ctx);
  if (!Effects) {
    core::EffectOptions Options = effectOptions();
    Options.Program = program(Ctx);
    Effects = std::make_unique<core::EffectAnalysis>(L, calls(), Options);
  }
  return *Effects;
}

const core::ProgramSummaries *PerfAuditCheck::program(ASTContext &Ctx) {
  if (SummariesFile.empty() || ProgramLoadFailed)
    return nullptr;
  // A relative path is relative to the compilation's directory (the build
  // directory, where the driver is run), as the paths of the compile
  // command are.
  SmallString<256> Path(SummariesFile);
  Ctx.getSourceManager().getFileManager().makeAbsolutePath(Path);
  llvm::Expected<std::shared_ptr<const core::ProgramSummaries>> Loaded =
      core::ProgramSummaries::load(Path);
  if (!Loaded) {
    // Once per check: clangd and clang-tidy go on with this TU's own view.
    configurationDiag("%0; option 'SummariesFile' is ignored")
        << llvm::toString(Loaded.takeError());
    ProgramLoadFailed = true;
    return nullptr;
  }
  Program = std::move(*Loaded);
  return Program.get();
}

bool PerfAuditCheck::meetsMinimum(const core::Impact &I) const {
  unsigned TierMinimum =
      core::minimumScore(core::parseTier(MinimumTier).value_or(core::Tier::Low));
  return I.Score >= std::max(MinimumScore, TierMinimum);
}

DiagnosticBuilder PerfAuditCheck::report(SourceLocation Loc, StringRef Message,
                                         const core::Impact &I,
                                         const SourceManager &SM) {
  if (core::FindingObserver *Observer = core::FindingObserver::current()) {
    // The location clang-tidy reports: the file location of Loc.
    SourceLocation FileLoc = SM.getFileLoc(Loc);
    Observer->findingReported(getID(), SM.getFilename(FileLoc),
                              SM.getFileOffset(FileLoc), I);
  }
  return diag(Loc, "%0 %1") << Message << core::impactSuffix(I);
}

DiagnosticBuilder PerfAuditCheck::note(SourceLocation Loc, StringRef Message) {
  return diag(Loc, "%0", DiagnosticIDs::Note) << Message;
}

void PerfAuditCheck::noteTrace(const core::EffectTrace &Trace,
                               SourceLocation CallSite) {
  SourceLocation Last = CallSite;
  for (const core::EffectStep &Step : Trace) {
    if (Step.Site)
      Last = Step.Site->getBeginLoc();
    note(Last, Step.Note);
  }
}

} // namespace clang::tidy::perf_audit
