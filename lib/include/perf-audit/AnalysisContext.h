//===--- AnalysisContext.h - One translation unit's analyses ----*- C++ -*-===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_ANALYSISCONTEXT_H
#define PERF_AUDIT_ANALYSISCONTEXT_H

#include "perf-audit/AnalysisOptions.h"
#include "perf-audit/ApiModel.h"
#include "perf-audit/CallClassifier.h"
#include "perf-audit/CopyCost.h"
#include "perf-audit/EffectAnalysis.h"
#include "perf-audit/LoopModel.h"
#include "perf-audit/UnitRecord.h"
#include <memory>
#include <string>
#include <vector>

namespace clang {
class ASTContext;
class FileManager;
} // namespace clang

namespace perf_audit {

class ProgramSummaries;
class ProfileLookup;

/// The analyses of one translation unit, built once from one reading of the
/// options and shared by every check of the unit and the driver's
/// whole-program recorder: the merged API model (built-in models, model
/// files, the options that add entries), the call classifier, the loop
/// model, the effect analysis and the copy cost model. Each caches what it
/// has worked out, so a loop analysed for one check is not analysed again
/// for the next.
class AnalysisContext {
public:
  /// Loads the model files (relative to Directory, the compilation's
  /// directory). A file that does not load is reported in Errors and the
  /// built-in models are used instead.
  AnalysisContext(AnalysisOptions Options, llvm::StringRef Directory,
                  std::vector<std::string> &Errors);
  ~AnalysisContext();
  AnalysisContext(const AnalysisContext &) = delete;
  AnalysisContext &operator=(const AnalysisContext &) = delete;

  const AnalysisOptions &options() const { return Options; }
  const ApiModel &model() const { return Model; }

  /// The analyses of Ctx, created on first use. The call classifier is of
  /// the unit the other analyses were last asked for (the one unit the
  /// context is for).
  CallClassifier &calls();
  LoopModel &loops(clang::ASTContext &Ctx);
  EffectAnalysis &effects(clang::ASTContext &Ctx);
  CopyCostModel &copies(clang::ASTContext &Ctx);

  /// The whole-program summaries SummariesFile names (relative to the
  /// compilation's directory), loaded on first use; null when there are
  /// none. A file that does not load is reported once, in Error.
  const ProgramSummaries *program(clang::ASTContext &Ctx, std::string &Error);

  /// The profile ProfileFile names (with ProfileBinary; relative to the
  /// compilation's directory), read once per process; null when there is
  /// none. A profile that does not read is reported once, in Error.
  ProfileLookup *profile(clang::FileManager &Files, std::string &Error);

  /// How this unit's calls pass a by-value parameter of a function other
  /// units call too, for the whole-program driver; the parameter's file as
  /// the source manager names it.
  void noteParameterArguments(ParameterArguments A) {
    Arguments.push_back(std::move(A));
  }
  const std::vector<ParameterArguments> &parameterArguments() const {
    return Arguments;
  }

private:
  /// Drops the analyses of another ASTContext, if any.
  void use(clang::ASTContext &Ctx);

  const AnalysisOptions Options;
  ApiModel Model;
  std::shared_ptr<const ProgramSummaries> Program;
  bool ProgramLoaded = false;
  std::shared_ptr<ProfileLookup> Profile;
  bool ProfileLoaded = false;

  clang::ASTContext *Analysed = nullptr;
  std::unique_ptr<CallClassifier> Calls;
  std::unique_ptr<LoopModel> Loops;
  std::unique_ptr<EffectAnalysis> Effects;
  std::unique_ptr<CopyCostModel> Copies;
  std::vector<ParameterArguments> Arguments;
};

} // namespace perf_audit

#endif // PERF_AUDIT_ANALYSISCONTEXT_H
