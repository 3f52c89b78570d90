//===--- ProgramJoin.h - Effects across translation units -------*- C++ -*-===//
//
// Part of perf-audit. After every unit is recorded (UnitRecorder.h), the
// join folds the function summaries over the whole call graph (a fixed
// point, cycles included) and reports what only the whole program reveals.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_PROGRAMJOIN_H
#define PERF_AUDIT_PROGRAMJOIN_H

#include "perf-audit/UnitRecord.h"
#include <vector>

namespace perf_audit {

/// The summaries of the whole program after the join, by USR.
struct JoinedProgram {
  std::vector<FunctionRecord> Functions; ///< Sorted by USR.
  std::vector<Finding> Findings;         ///< What only the join reveals.
};

/// Folds every TU's summaries over the whole call graph and reports the
/// pending calls whose callee (in another TU) runs a query, blocks, or
/// loops over an argument.
JoinedProgram joinTranslationUnits(const std::vector<UnitResult> &Units);

/// Settles the by-value parameter findings of functions that several units
/// call (ParameterArguments): a unit that includes the header and calls
/// nothing reports the parameter as if its arguments were copied. When the
/// units that do call it build every argument in place, the finding is low
/// confidence, as theirs is; one call that copies keeps it.
void settleParameterArguments(std::vector<UnitResult> &Units);

} // namespace perf_audit

#endif // PERF_AUDIT_PROGRAMJOIN_H
