//===--- UnitRecorder.h - Recording one translation unit --------*- C++ -*-===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_UNITRECORDER_H
#define PERF_AUDIT_UNITRECORDER_H

#include "perf-audit/UnitRecord.h"

namespace clang {
class ASTContext;
} // namespace clang

namespace perf_audit {

class AnalysisContext;

/// Records the functions defined in the TU's own (non-system) files and its
/// pending calls. File offsets only: lines are filled by the report.
TranslationUnitRecord recordTranslationUnit(clang::ASTContext &Ctx,
                                            AnalysisContext &Analysis);

} // namespace perf_audit

#endif // PERF_AUDIT_UNITRECORDER_H
