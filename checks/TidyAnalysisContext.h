//===--- TidyAnalysisContext.h - The analyses checks share ------*- C++ -*-===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_CHECKS_TIDYANALYSISCONTEXT_H
#define PERF_AUDIT_CHECKS_TIDYANALYSISCONTEXT_H

#include "perf-audit/AnalysisContext.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include <memory>
#include <string>
#include <vector>

namespace clang::tidy::perf_audit {

/// The analysis options in Map (clang-tidy's CheckOptions for one file), as
/// CheckName reads them (empty for the whole-program recorder): see
/// ::perf_audit::readAnalysisOptions.
::perf_audit::AnalysisOptions
readAnalysisOptions(const ClangTidyOptions::OptionMap &Map, StringRef CheckName,
                    std::vector<std::string> &Errors);

/// The analysis context of the translation unit Context is on, for the
/// options CheckName reads: one for all the checks of the unit (clang-tidy
/// creates them for each unit) and the driver's recorder, unless a
/// check-local option gives one check options of its own. Errors get the
/// problems of the options and, from the check that creates the context,
/// of the model files. Thread-safe: clangd builds units in parallel, each
/// with its own ClangTidyContext.
std::shared_ptr<::perf_audit::AnalysisContext>
sharedAnalysisContext(ClangTidyContext &Context, StringRef CheckName,
                      std::vector<std::string> &Errors);

} // namespace clang::tidy::perf_audit

#endif // PERF_AUDIT_CHECKS_TIDYANALYSISCONTEXT_H
