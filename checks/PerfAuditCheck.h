//===--- PerfAuditCheck.h - Options and emission shared by checks -*- C++ -*-=//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_CHECKS_PERFAUDITCHECK_H
#define PERF_AUDIT_CHECKS_PERFAUDITCHECK_H

#include "perf-audit/ApiModel.h"
#include "perf-audit/CallModel.h"
#include "perf-audit/EffectSummary.h"
#include "perf-audit/Impact.h"
#include "perf-audit/LoopModel.h"
#include "perf-audit/ProgramSummaries.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <memory>
#include <optional>

namespace clang::tidy::perf_audit {

namespace core = ::perf_audit;

/// The base of every perf-audit check: reads the options all checks share
/// (the loop model's tunables, the model files, the minimum impact), owns
/// the per-translation-unit analyses, and emits findings with their impact.
class PerfAuditCheck : public ClangTidyCheck {
public:
  PerfAuditCheck(StringRef Name, ClangTidyContext *Context);
  ~PerfAuditCheck() override;

  void storeOptions(ClangTidyOptions::OptionMap &Opts) override;
  /// Restricts the matchers' traversal to the code the project wrote (see
  /// perf-audit/TraversalScope.h); every check calls it first from its own.
  void registerMatchers(ast_matchers::MatchFinder *Finder) override;
  bool isLanguageVersionSupported(const LangOptions &LangOpts) const override {
    return LangOpts.CPlusPlus;
  }
  void onStartOfTranslationUnit() override;
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_AsIs;
  }

protected:
  const core::ApiModel &model() const { return *Model; }
  /// For a check's constructor to add what its own options name.
  core::ApiModel &mutableModel() { return *Model; }
  const core::LoopModelOptions &loopOptions() const { return LoopOptions; }

  /// Analyses of the current translation unit, created on first use.
  core::LoopModel &loops(ASTContext &Ctx);
  core::CallClassifier &calls();
  core::EffectAnalysis &effects(ASTContext &Ctx);

  /// The whole-program summaries the SummariesFile option names, loaded on
  /// first use; null when there are none.
  const core::ProgramSummaries *program(ASTContext &Ctx);

  /// Blocking calls the effect analysis should count; a check may widen it.
  virtual core::EffectOptions effectOptions() const { return {}; }

  /// True when a finding with this impact is at or above the minimum.
  bool meetsMinimum(const core::Impact &I) const;

  /// Emits Message with its impact suffix at Loc; add fix-its to the result.
  /// Call only when meetsMinimum(I).
  DiagnosticBuilder report(SourceLocation Loc, StringRef Message,
                           const core::Impact &I, const SourceManager &SM);

  /// A note attached to the last finding.
  DiagnosticBuilder note(SourceLocation Loc, StringRef Message);

  /// One note per step of an effect chain. A step in another file (from the
  /// whole-program summaries) is noted at the last step of this TU before
  /// it, or at CallSite.
  void noteTrace(const core::EffectTrace &Trace, SourceLocation CallSite);

private:
  class UserCodeScope;

  core::LoopModelOptions LoopOptions;
  unsigned MinimumScore;
  std::string MinimumTier;
  std::string ModelFiles;
  std::string SummariesFile;
  std::unique_ptr<core::ApiModel> Model;
  std::shared_ptr<const core::ProgramSummaries> Program;
  bool ProgramLoadFailed = false;
  /// Null when the user asked for diagnostics in system headers.
  std::unique_ptr<UserCodeScope> Scope;

  ASTContext *AnalysedContext = nullptr;
  std::unique_ptr<core::CallClassifier> Calls;
  std::unique_ptr<core::LoopModel> Loops;
  std::unique_ptr<core::EffectAnalysis> Effects;
};

} // namespace clang::tidy::perf_audit

#endif // PERF_AUDIT_CHECKS_PERFAUDITCHECK_H
