//===--- ClangCompat.h - The Clang API differences between majors -*- C++ -*-===//
//
// Part of perf-audit. perf-audit builds against LLVM 19 and LLVM 22
// (docs/install.md#compatibility); where their APIs differ, the code calls a
// helper here instead of testing the version itself.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_CLANGCOMPAT_H
#define PERF_AUDIT_CLANGCOMPAT_H

#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "clang/Basic/Version.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"

namespace perf_audit::compat {

/// Whether E appears only in an unevaluated operand (sizeof, decltype,
/// noexcept, an unevaluated typeid) within Within. LLVM 22 dropped the
/// enclosing statement from ExprMutationAnalyzer::isUnevaluated and looks at
/// E's ancestors instead.
inline bool isUnevaluated(const clang::Stmt *E, const clang::Stmt &Within,
                          clang::ASTContext &Context) {
#if CLANG_VERSION_MAJOR >= 22
  (void)Within;
  return clang::ExprMutationAnalyzer::isUnevaluated(E, Context);
#else
  return clang::ExprMutationAnalyzer::isUnevaluated(E, Within, Context);
#endif
}

/// Makes Path absolute against Directory (a no-op when it already is). LLVM 22
/// moved this overload from sys::fs to sys::path.
inline void makeAbsolute(const llvm::Twine &Directory,
                         llvm::SmallVectorImpl<char> &Path) {
#if CLANG_VERSION_MAJOR >= 22
  llvm::sys::path::make_absolute(Directory, Path);
#else
  llvm::sys::fs::make_absolute(Directory, Path);
#endif
}

} // namespace perf_audit::compat

#endif // PERF_AUDIT_CLANGCOMPAT_H
