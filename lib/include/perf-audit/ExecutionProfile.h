//===--- ExecutionProfile.h - Measured executions per line ------*- C++ -*-===//
//
// Part of perf-audit. A coverage file or profile says how often each line
// ran in a real run: an lcov tracefile (gcov + lcov, `llvm-cov export
// -format=lcov`, most CI coverage jobs) or an LLVM indexed profile read with
// the binary it profiled, through LLVM's coverage library (the counts
// `llvm-cov export` would write). ProfileLookup matches the profile's files
// to the analysed ones, refuses a file edited since it was profiled, and
// gives a finding's line its executions (docs/impact-model.md, "With a
// profile").
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_EXECUTIONPROFILE_H
#define PERF_AUDIT_EXECUTIONPROFILE_H

#include "perf-audit/Impact.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace perf_audit {

/// A function as the profile records it.
struct ProfiledFunction {
  /// As the profile names it: mangled, maybe with a "file;" prefix.
  std::string Name;
  /// Its first line (lcov `FN:`).
  unsigned Line = 0;
  uint64_t Entries = 0;
};

/// The counts of one source file.
struct ProfiledFile {
  /// As the profile names it.
  std::string Path;
  /// (line, executions) of every line the profile covers, by line.
  std::vector<std::pair<unsigned, uint64_t>> Lines;
  /// By first line.
  std::vector<ProfiledFunction> Functions;
};

struct ExecutionProfile {
  /// The profile's file name, without its directory: what reports cite.
  std::string Name;
  std::vector<ProfiledFile> Files;
  /// Functions of the binary whose profile record is missing or does not
  /// match it (an indexed profile of another program or build): their files
  /// are left out.
  unsigned MismatchedFunctions = 0;
};

/// Reads an lcov tracefile. Malformed records are errors naming the file and
/// line; records of one source file are summed (several test runs).
llvm::Expected<ExecutionProfile> readLcovProfile(llvm::StringRef Path);

/// Reads an LLVM indexed profile (.profdata) with the instrumented binaries
/// it profiled, as `llvm-cov export -format=lcov` would report it.
llvm::Expected<ExecutionProfile>
readIndexedProfile(llvm::StringRef Path, llvm::ArrayRef<std::string> Binaries);

/// Reads either, by its content: an indexed profile needs Binaries.
llvm::Expected<ExecutionProfile>
readExecutionProfile(llvm::StringRef Path,
                     llvm::ArrayRef<std::string> Binaries);

/// `--profile-path-prefix=OLD=NEW`: a profile path that starts with OLD
/// starts with NEW on this machine.
struct ProfilePathRewrite {
  std::string From, To;
};

/// Parses "OLD=NEW".
llvm::Expected<ProfilePathRewrite> parseProfilePathRewrite(llvm::StringRef Arg);

/// Answers "how often did this line run?" for the analysed files. Safe to
/// share between threads (clangd analyses several files at once).
class ProfileLookup {
public:
  /// Relative profile paths are taken relative to Base after the rewrites.
  /// Warnings show files under DisplayRoot relative to it.
  ProfileLookup(ExecutionProfile Profile, llvm::StringRef Base,
                std::vector<ProfilePathRewrite> Rewrites = {},
                llvm::StringRef DisplayRoot = "");

  const std::string &name() const { return Profile.Name; }

  /// The executions of Line of File (an absolute path) and the entries of
  /// its function; none when the profile has no data for the line, or the
  /// file changed since it was profiled. Analysed is the text analysed when
  /// it may differ from the file on disk (an editor's unsaved buffer);
  /// without it the file is read.
  std::optional<Measurement>
  lookup(llvm::StringRef File, unsigned Line,
         std::optional<llvm::StringRef> Analysed = std::nullopt);

  /// Warnings about the analysed files asked for so far, each once: a file
  /// whose lines no longer match the profile. Taken, not kept.
  std::vector<std::string> takeWarnings();

  /// The warnings about the whole profile, after every lookup: it covers
  /// none of the files asked for (a profile of another program, or paths
  /// that need --profile-path-prefix), or some of its records do not match
  /// the binary.
  std::vector<std::string> profileWarnings() const;

  /// The time lookups took so far, reading the analysed files included
  /// (--time-phases).
  double lookupSeconds() const { return LookupSeconds; }

private:
  struct FileState {
    const ProfiledFile *Data = nullptr; ///< Null: not in the profile.
    bool Stale = false;
  };
  const FileState &state(llvm::StringRef File,
                         std::optional<llvm::StringRef> Analysed);
  /// lookup, with the mutex held.
  std::optional<Measurement> measure(llvm::StringRef File, unsigned Line,
                                     std::optional<llvm::StringRef> Analysed);

  ExecutionProfile Profile;
  std::string DisplayRoot;
  /// Normalised absolute path of each profiled file.
  llvm::StringMap<const ProfiledFile *> ByPath;
  /// By file, and by the text analysed when given.
  llvm::StringMap<FileState> States;
  std::vector<std::string> Warnings;
  unsigned FilesMatched = 0;
  double LookupSeconds = 0;
  std::mutex Mutex;
};

/// The profile ProfileFile names, read once per process for every unit that
/// asks (clang-tidy over many files, clangd), keyed by its path, binaries,
/// size and modification time; relative paths in it are taken relative to its
/// directory. Null with Error set when it cannot be read.
std::shared_ptr<ProfileLookup>
sharedProfileLookup(llvm::StringRef ProfileFile,
                    llvm::ArrayRef<std::string> Binaries, std::string &Error);

} // namespace perf_audit

#endif // PERF_AUDIT_EXECUTIONPROFILE_H
