//===--- PerfAuditCheck.h - Options and emission shared by checks -*- C++ -*-=//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_CHECKS_PERFAUDITCHECK_H
#define PERF_AUDIT_CHECKS_PERFAUDITCHECK_H

#include "perf-audit/AnalysisContext.h"
#include "perf-audit/Impact.h"
#include "perf-audit/ProgramSummaries.h"
#include "clang-tidy/ClangTidyCheck.h"
#include <memory>
#include <optional>

namespace clang::tidy::perf_audit {

namespace core = ::perf_audit;

/// The base of every perf-audit check: holds the translation unit's analysis
/// context, shared with the unit's other checks (TidyAnalysisContext.h),
/// reads the minimum impact, and emits findings with their impact.
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
  std::optional<TraversalKind> getCheckTraversalKind() const override {
    return TK_AsIs;
  }

protected:
  const core::ApiModel &model() const { return Analysis->model(); }
  const core::AnalysisOptions &analysisOptions() const {
    return Analysis->options();
  }
  const core::LoopModelOptions &loopOptions() const {
    return Analysis->options().Loops;
  }

  /// Analyses of the current translation unit, created on first use and
  /// shared with the unit's other checks.
  core::LoopModel &loops(ASTContext &Ctx) { return Analysis->loops(Ctx); }
  core::CallClassifier &calls() { return Analysis->calls(); }
  core::EffectAnalysis &effects(ASTContext &Ctx);
  core::CopyCostModel &copies(ASTContext &Ctx) {
    return Analysis->copies(Ctx);
  }

  /// The whole-program summaries the SummariesFile option names, loaded on
  /// first use; null when there are none.
  const core::ProgramSummaries *program(ASTContext &Ctx);

  /// Hands the driver what this unit's calls pass a header function's
  /// by-value parameter (ParameterArguments).
  void noteParameterArguments(core::ParameterArguments A) {
    Analysis->noteParameterArguments(std::move(A));
  }

  /// True when a finding with this impact is at or above the minimum score,
  /// tier and confidence.
  bool meetsMinimum(const core::Impact &I) const;

  /// Emits Message with its impact suffix at Loc; add fix-its to the result.
  /// Call only when meetsMinimum(I).
  DiagnosticBuilder report(SourceLocation Loc, StringRef Message,
                           const core::Impact &I, const SourceManager &SM);

  /// What the estimate for S assumes of the input-sized loops around it,
  /// outermost first, then of More (an inner loop, a scanned container):
  /// the end of a message that says how often (" if 'orders' has ~100
  /// elements"). Empty when nothing input-sized is behind it.
  std::string assumption(const Stmt *S, ASTContext &Ctx,
                         llvm::ArrayRef<core::AssumedSize> More = {});

  /// How many lines S (its file location) starts below From (negative:
  /// above): where a profile counts a finding at From
  /// (Impact::CountedLineDelta); 0 when S is null or in another file.
  static int lineDelta(SourceLocation From, const Stmt *S,
                       const SourceManager &SM);
  /// For Site in the condition of a loop (`while (q.executeStep())`, which
  /// runs once per row and once more), the statement just before that loop
  /// in its block: it runs once per start of the loop. Null otherwise.
  static const Stmt *loopStartCounter(const Stmt *Site, ASTContext &Ctx);
  /// The first statement of a block, or S itself.
  static const Stmt *firstStatement(const Stmt *S);

  /// I with the executions the ProfileFile option's profile counted at Loc,
  /// if it covers Loc.
  core::Impact measured(const core::Impact &I, SourceLocation Loc,
                        const SourceManager &SM);

  /// A note attached to the last finding.
  DiagnosticBuilder note(SourceLocation Loc, StringRef Message);

  /// One note per step of an effect chain. A step in another file (from the
  /// whole-program summaries) is noted at the last step of this TU before
  /// it, or at CallSite, and names its own file and line.
  void noteTrace(const core::EffectTrace &Trace, SourceLocation CallSite,
                 const SourceManager &SM);

private:
  class UserCodeScope;

  unsigned MinimumScore;
  std::string MinimumTier;
  /// Findings less sure than this are not reported (low ones by default).
  std::string MinimumConfidence;
  std::shared_ptr<core::AnalysisContext> Analysis;
  /// Null when the user asked for diagnostics in system headers.
  std::unique_ptr<UserCodeScope> Scope;
};

} // namespace clang::tidy::perf_audit

#endif // PERF_AUDIT_CHECKS_PERFAUDITCHECK_H
