//===--- ProgramSummaries.h - Effects of a whole program, from a file -*- C++ -*-===//
//
// Part of perf-audit. `perf-audit --export-summaries=FILE` writes what every
// function of a program does once the driver has joined all its translation
// units; the checks read such a file (the SummariesFile option) so that the
// plugin and clangd, which see one translation unit, also know that
// `repo.load(id)`, defined in another file, runs a query.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_PROGRAMSUMMARIES_H
#define PERF_AUDIT_PROGRAMSUMMARIES_H

#include "perf-audit/UnitRecord.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace clang {
class Decl;
} // namespace clang

namespace perf_audit {

/// The joined effect summaries of a program, by USR.
class ProgramSummaries {
public:
  /// Reads a file written by `perf-audit --export-summaries`. A file is read
  /// once per process while its size and modification time stay the same
  /// (clangd builds its checks again for every file it opens).
  static llvm::Expected<std::shared_ptr<const ProgramSummaries>>
  load(llvm::StringRef Path);

  /// Parses the text of such a file; Path names it in errors.
  static llvm::Expected<ProgramSummaries> parse(llvm::StringRef Text,
                                                llvm::StringRef Path);

  /// The summary of the function with this USR, or null.
  const FunctionRecord *lookup(llvm::StringRef Usr) const;

  /// The document `--export-summaries` writes: every function with an
  /// effect, sorted by USR.
  static llvm::json::Value toJSON(const std::vector<FunctionRecord> &Functions);

private:
  std::vector<FunctionRecord> Functions; ///< Sorted by USR.
};

/// True when the record says the function does something a caller pays for.
bool hasEffect(const FunctionRecord &F);

/// The Unified Symbol Resolution of D: the same in every translation unit
/// that declares it, which is how a call finds its callee's summary.
std::optional<std::string> usrOf(const clang::Decl *D);

} // namespace perf_audit

#endif // PERF_AUDIT_PROGRAMSUMMARIES_H
