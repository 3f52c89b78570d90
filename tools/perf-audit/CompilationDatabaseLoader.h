//===--- CompilationDatabaseLoader.h - Validated compile_commands -*- C++ -*-=//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_DRIVER_COMPILATIONDATABASELOADER_H
#define PERF_AUDIT_DRIVER_COMPILATIONDATABASELOADER_H

#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/Support/Error.h"
#include <memory>

namespace perf_audit::driver {

/// Loads BuildDir/compile_commands.json after checking its shape, so that a
/// malformed database gets an error that names the file, the entry and what
/// is wrong. Files that are not listed get a command inferred from their
/// neighbours, as clang-tidy and clangd do. A file compiled by several
/// commands is analysed with the first (as run-clang-tidy does), or with
/// AllCommands once per distinct way of compiling it.
llvm::Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompilationDatabase(llvm::StringRef BuildDir, bool AllCommands = false);

} // namespace perf_audit::driver

#endif // PERF_AUDIT_DRIVER_COMPILATIONDATABASELOADER_H
