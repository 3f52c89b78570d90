//===--- PerfAuditCheck.cpp - Options and emission shared by checks -------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "PerfAuditCheck.h"
#include "perf-audit/ExecutionProfile.h"
#include "perf-audit/FindingObserver.h"
#include "perf-audit/FindingText.h"
#include "perf-audit/LoopModel.h"
#include "perf-audit/TraversalScope.h"
#include "TidyAnalysisContext.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Stmt.h"
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
      MinimumConfidence(
          Options.getLocalOrGlobal("MinimumConfidence", "medium")) {
  if (!core::parseTier(MinimumTier)) {
    configurationDiag("invalid value '%0' for option 'MinimumTier'; expected "
                      "low, medium, high or critical")
        << MinimumTier;
    MinimumTier = "low";
  }
  if (!core::parseConfidence(MinimumConfidence)) {
    configurationDiag("invalid value '%0' for option 'MinimumConfidence'; "
                      "expected low, medium or high")
        << MinimumConfidence;
    MinimumConfidence = "medium";
  }
  std::vector<std::string> Errors;
  Analysis = sharedAnalysisContext(*Context, Name, Errors);
  for (const std::string &Error : Errors)
    configurationDiag("%0") << Error;

  if (!Context->getOptions().SystemHeaders.value_or(false))
    Scope = std::make_unique<UserCodeScope>();
}

PerfAuditCheck::~PerfAuditCheck() = default;

void PerfAuditCheck::storeOptions(ClangTidyOptions::OptionMap &Opts) {
  const core::AnalysisOptions &O = analysisOptions();
  Options.store(Opts, core::option::AssumedTripCount, O.Loops.AssumedTripCount);
  Options.store(Opts, core::option::LargeTripCount, O.Loops.LargeTripCount);
  Options.store(Opts, "MinimumScore", MinimumScore);
  Options.store(Opts, "MinimumTier", MinimumTier);
  Options.store(Opts, "MinimumConfidence", MinimumConfidence);
  Options.store(Opts, core::option::ModelFiles, O.ModelFiles);
  Options.store(Opts, core::option::SummariesFile, O.SummariesFile);
  Options.store(Opts, core::option::ProfileFile, O.ProfileFile);
  Options.store(Opts, core::option::ProfileBinary, O.ProfileBinary);
}

void PerfAuditCheck::registerMatchers(MatchFinder *Finder) {
  if (Scope)
    Finder->addMatcher(ast_matchers::translationUnitDecl(), Scope.get());
}

core::EffectAnalysis &PerfAuditCheck::effects(ASTContext &Ctx) {
  program(Ctx); // reports a summaries file that does not load
  return Analysis->effects(Ctx);
}

const core::ProgramSummaries *PerfAuditCheck::program(ASTContext &Ctx) {
  std::string Error;
  const core::ProgramSummaries *Program = Analysis->program(Ctx, Error);
  // Once per unit: clangd and clang-tidy go on with this TU's own view.
  if (!Error.empty())
    configurationDiag("%0; option 'SummariesFile' is ignored") << Error;
  return Program;
}

bool PerfAuditCheck::meetsMinimum(const core::Impact &I) const {
  unsigned TierMinimum =
      core::minimumScore(core::parseTier(MinimumTier).value_or(core::Tier::Low));
  core::Confidence Least = core::parseConfidence(MinimumConfidence)
                               .value_or(core::Confidence::Medium);
  return I.Score >= std::max(MinimumScore, TierMinimum) &&
         I.Certainty >= Least;
}

DiagnosticBuilder PerfAuditCheck::report(SourceLocation Loc, StringRef Message,
                                         const core::Impact &I,
                                         const SourceManager &SM) {
  if (core::FindingObserver *Observer = core::FindingObserver::current()) {
    // The location clang-tidy reports: the file location of Loc.
    SourceLocation FileLoc = SM.getFileLoc(Loc);
    Observer->findingReported(getID(), SM.getFilename(FileLoc),
                              SM.getFileOffset(FileLoc), Message, I);
    return diag(Loc, "%0 %1") << Message << core::impactSuffix(I);
  }
  // Measured before the diagnostic starts: measuring may report a
  // configuration problem, which clang-tidy cannot emit inside another.
  std::string Suffix = core::impactSuffix(measured(I, Loc, SM));
  return diag(Loc, "%0 %1") << Message << Suffix;
}

int PerfAuditCheck::lineDelta(SourceLocation From, const Stmt *S,
                              const SourceManager &SM) {
  if (!S)
    return 0;
  SourceLocation A = SM.getFileLoc(From), B = SM.getFileLoc(S->getBeginLoc());
  if (A.isInvalid() || B.isInvalid() || SM.getFileID(A) != SM.getFileID(B))
    return 0;
  return static_cast<int>(SM.getSpellingLineNumber(B)) -
         static_cast<int>(SM.getSpellingLineNumber(A));
}

const Stmt *PerfAuditCheck::loopStartCounter(const Stmt *Site,
                                             ASTContext &Ctx) {
  // Up through the expressions around Site to the statement that holds it.
  const Stmt *Child = Site;
  const Stmt *Holder = nullptr;
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(*Child);
    if (Parents.size() != 1 || !(Holder = Parents[0].get<Stmt>()))
      return nullptr;
    if (!isa<Expr>(Holder))
      break;
    Child = Holder;
  }
  const Expr *Cond = nullptr;
  if (const auto *W = dyn_cast<WhileStmt>(Holder))
    Cond = W->getCond();
  else if (const auto *F = dyn_cast<ForStmt>(Holder))
    Cond = F->getCond();
  if (!Cond || Cond != Child)
    return nullptr;
  DynTypedNodeList Parents = Ctx.getParents(*Holder);
  const auto *Block =
      Parents.size() == 1 ? Parents[0].get<CompoundStmt>() : nullptr;
  if (!Block)
    return nullptr;
  const Stmt *Previous = nullptr;
  for (const Stmt *S : Block->body()) {
    if (S == Holder)
      return Previous;
    Previous = S;
  }
  return nullptr;
}

const Stmt *PerfAuditCheck::firstStatement(const Stmt *S) {
  if (const auto *Block = dyn_cast_or_null<CompoundStmt>(S))
    return Block->body_empty() ? nullptr : Block->body_front();
  return S;
}

core::Impact PerfAuditCheck::measured(const core::Impact &I, SourceLocation Loc,
                                      const SourceManager &SM) {
  // Only the plugin and clangd measure here; the driver measures every
  // finding, its whole-program ones too, when it reports (--profile).
  std::string Error;
  core::ProfileLookup *Profile = Analysis->profile(SM.getFileManager(), Error);
  if (!Error.empty())
    configurationDiag("%0; option 'ProfileFile' is ignored") << Error;
  if (!Profile)
    return I;
  SourceLocation FileLoc = SM.getFileLoc(Loc);
  llvm::SmallString<256> Path(SM.getFilename(FileLoc));
  SM.getFileManager().makeAbsolutePath(Path);
  core::Impact Out = I;
  Out.ProfileName = Profile->name();
  if (std::optional<core::Measurement> M = Profile->lookup(
          Path, core::countedLine(I, SM.getSpellingLineNumber(FileLoc)),
          SM.getBufferData(SM.getFileID(FileLoc))))
    core::measureImpact(Out, *M, Profile->name());
  for (const std::string &Warning : Profile->takeWarnings())
    configurationDiag("%0") << Warning;
  return Out;
}

DiagnosticBuilder PerfAuditCheck::note(SourceLocation Loc, StringRef Message) {
  return diag(Loc, "%0", DiagnosticIDs::Note) << Message;
}

std::string PerfAuditCheck::assumption(const Stmt *S, ASTContext &Ctx,
                                       llvm::ArrayRef<core::AssumedSize> More) {
  std::vector<core::AssumedSize> Sizes;
  if (S)
    Sizes = loops(Ctx).assumedSizes(S);
  Sizes.insert(Sizes.end(), More.begin(), More.end());
  return core::sizeAssumption(Sizes, loopOptions().AssumedTripCount);
}

void PerfAuditCheck::noteTrace(const core::EffectTrace &Trace,
                               SourceLocation CallSite,
                               const SourceManager &SM) {
  SourceLocation Last = CallSite;
  for (const core::EffectStep &Step : Trace) {
    if (Step.Site)
      Last = Step.Site->getBeginLoc();
    note(Last, core::stepNote(Step, SM));
  }
}

} // namespace clang::tidy::perf_audit
