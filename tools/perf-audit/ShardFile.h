//===--- ShardFile.h - The files of --shard runs ----------------*- C++ -*-===//
//
// Part of perf-audit. `perf-audit -p build --shard=K/N -o shard-K.json`
// writes the analysed translation units of one slice; `perf-audit merge`
// reads them all and joins the whole program as one run would.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_DRIVER_SHARDFILE_H
#define PERF_AUDIT_DRIVER_SHARDFILE_H

#include "perf-audit/UnitRecord.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace perf_audit::driver {

/// Writes Units, the slice Spec ("K/N") of a run, to Path atomically.
llvm::Error writeShard(llvm::StringRef Path, llvm::StringRef Spec,
                       llvm::ArrayRef<UnitResult> Units);

/// The units of every shard file, sorted by file. A file that is not a
/// shard, or a unit in two shards, is an error that names the file.
llvm::Expected<std::vector<UnitResult>>
readShards(llvm::ArrayRef<std::string> Paths);

} // namespace perf_audit::driver

#endif // PERF_AUDIT_DRIVER_SHARDFILE_H
