//===--- ClangTidyCompat.h - clang-tidy API differences ---------*- C++ -*-===//
//
// Part of perf-audit. The driver runs clang-tidy's machinery itself; where its
// API differs between LLVM 19 and LLVM 22, the driver calls a helper here
// (the AST-level differences are in perf-audit/ClangCompat.h).
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_DRIVER_CLANGTIDYCOMPAT_H
#define PERF_AUDIT_DRIVER_CLANGTIDYCOMPAT_H

#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang/Basic/Diagnostic.h"
#include "clang/Basic/DiagnosticIDs.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Basic/Version.h"
#include <memory>

namespace perf_audit::compat {

/// The checks that Options enables (no analyzer alpha checks, no custom
/// checks: LLVM 22 added the latter).
inline std::vector<std::string>
enabledCheckNames(const clang::tidy::ClangTidyOptions &Options) {
#if CLANG_VERSION_MAJOR >= 22
  return clang::tidy::getCheckNames(Options,
                                    /*AllowEnablingAnalyzerAlphaCheckers=*/false,
                                    /*ExperimentalCustomChecks=*/false);
#else
  return clang::tidy::getCheckNames(
      Options, /*AllowEnablingAnalyzerAlphaCheckers=*/false);
#endif
}

/// A diagnostics engine that reports to Consumer, attached to Context. It
/// must be destroyed before Context. LLVM 22's engine takes its options by
/// reference, and the context owns them.
inline std::unique_ptr<clang::DiagnosticsEngine>
attachDiagnosticsEngine(clang::tidy::ClangTidyContext &Context,
                        clang::DiagnosticConsumer &Consumer) {
#if CLANG_VERSION_MAJOR >= 22
  auto Options = std::make_unique<clang::DiagnosticOptions>();
  auto Engine = std::make_unique<clang::DiagnosticsEngine>(
      clang::DiagnosticIDs::create(), *Options, &Consumer,
      /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(std::move(Options), Engine.get());
#else
  auto Engine = std::make_unique<clang::DiagnosticsEngine>(
      new clang::DiagnosticIDs(), new clang::DiagnosticOptions(), &Consumer,
      /*ShouldOwnClient=*/false);
  Context.setDiagnosticsEngine(Engine.get());
#endif
  return Engine;
}

} // namespace perf_audit::compat

#endif // PERF_AUDIT_DRIVER_CLANGTIDYCOMPAT_H
