//===--- FindingObserver.h - Structured findings for the driver -*- C++ -*-===//
//
// Part of perf-audit. clang-tidy diagnostics carry text; the driver's reports
// need the figures behind them (cost per execution, executions per call).
// A check hands each finding's text and impact to the observer of the
// current thread, if any: the driver installs one per worker while it
// analyses a TU; the plugin and clangd install none and pay nothing.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_FINDINGOBSERVER_H
#define PERF_AUDIT_FINDINGOBSERVER_H

#include "perf-audit/Impact.h"
#include "llvm/ADT/StringRef.h"

namespace perf_audit {

class FindingObserver {
public:
  virtual ~FindingObserver();

  /// A check emitted a finding at FileOffset of FilePath (the file location
  /// clang-tidy reports), with Message (the text without the impact suffix)
  /// and impact I.
  virtual void findingReported(llvm::StringRef CheckName,
                               llvm::StringRef FilePath, unsigned FileOffset,
                               llvm::StringRef Message, const Impact &I) = 0;

  /// The observer installed on this thread, or null.
  static FindingObserver *current();

  /// Installs an observer on this thread for the scope's lifetime.
  class Scope {
  public:
    explicit Scope(FindingObserver &O);
    ~Scope();
    Scope(const Scope &) = delete;
    Scope &operator=(const Scope &) = delete;

  private:
    FindingObserver *Previous;
  };
};

} // namespace perf_audit

#endif // PERF_AUDIT_FINDINGOBSERVER_H
