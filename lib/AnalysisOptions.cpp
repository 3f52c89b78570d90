//===--- AnalysisOptions.cpp - What the user's configuration says ---------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/AnalysisOptions.h"
#include "llvm/Support/YAMLParser.h"
#include <tuple>

namespace perf_audit {

bool AnalysisOptions::operator==(const AnalysisOptions &O) const {
  auto Tie = [](const AnalysisOptions &A) {
    return std::tie(A.Loops.AssumedTripCount, A.Loops.LargeTripCount,
                    A.ModelFiles, A.SummariesFile, A.ProfileFile,
                    A.ProfileBinary, A.ExtraLinearFunctions,
                    A.CheapTypes, A.MinimumTypeSize, A.CheckLocks);
  };
  return Tie(*this) == Tie(O);
}

namespace {

/// Reads keys as a check's OptionsView does, with clang-tidy's messages.
class Reader {
public:
  Reader(OptionLookup Lookup, llvm::StringRef CheckName,
         std::vector<std::string> &Errors)
      : Lookup(Lookup), CheckName(CheckName), Errors(Errors) {}

  /// `CheckName.Key`, else `Key`: the full key found and its value.
  std::optional<std::pair<std::string, std::string>>
  localOrGlobal(llvm::StringRef Key) {
    if (!CheckName.empty())
      if (auto Found = of((CheckName + "." + Key).str()))
        return Found;
    return of(Key.str());
  }
  /// Only `Owner.Key`.
  std::optional<std::pair<std::string, std::string>>
  owned(llvm::StringRef Owner, llvm::StringRef Key) {
    return of((Owner + "." + Key).str());
  }

  void text(std::optional<std::pair<std::string, std::string>> Found,
            std::string &Out) {
    if (Found)
      Out = Found->second;
  }
  template <typename T>
  void integer(std::optional<std::pair<std::string, std::string>> Found,
               T &Out) {
    if (!Found)
      return;
    unsigned long long Value;
    if (llvm::StringRef(Found->second).trim().getAsInteger(10, Value) ||
        Value > static_cast<unsigned long long>(static_cast<T>(-1))) {
      invalid(*Found, "an integer");
      return;
    }
    Out = static_cast<T>(Value);
  }
  void boolean(std::optional<std::pair<std::string, std::string>> Found,
               bool &Out) {
    if (!Found)
      return;
    if (std::optional<bool> Parsed = llvm::yaml::parseBool(Found->second)) {
      Out = *Parsed;
      return;
    }
    // As clang-tidy: numbers are read as booleans too.
    long long Number;
    if (!llvm::StringRef(Found->second).getAsInteger(10, Number)) {
      Out = Number != 0;
      return;
    }
    invalid(*Found, "a bool");
  }

private:
  std::optional<std::pair<std::string, std::string>> of(std::string Key) {
    if (std::optional<std::string> Value = Lookup(Key))
      return std::make_pair(std::move(Key), std::move(*Value));
    return std::nullopt;
  }
  void invalid(const std::pair<std::string, std::string> &Found,
               llvm::StringRef Expected) {
    Errors.push_back("invalid configuration value '" + Found.second +
                     "' for option '" + Found.first + "'; expected " +
                     Expected.str());
  }

  OptionLookup Lookup;
  llvm::StringRef CheckName;
  std::vector<std::string> &Errors;
};

} // namespace

AnalysisOptions readAnalysisOptions(OptionLookup Lookup,
                                    llvm::StringRef CheckName,
                                    std::vector<std::string> &Errors) {
  AnalysisOptions O;
  Reader R(Lookup, CheckName, Errors);
  R.integer(R.localOrGlobal(option::AssumedTripCount),
            O.Loops.AssumedTripCount);
  if (O.Loops.AssumedTripCount == 0) {
    Errors.push_back("invalid value '0' for option 'AssumedTripCount'; "
                     "expected a positive count");
    O.Loops.AssumedTripCount = LoopModelOptions().AssumedTripCount;
  }
  R.integer(R.localOrGlobal(option::LargeTripCount), O.Loops.LargeTripCount);
  R.text(R.localOrGlobal(option::ModelFiles), O.ModelFiles);
  R.text(R.localOrGlobal(option::SummariesFile), O.SummariesFile);
  R.text(R.localOrGlobal(option::ProfileFile), O.ProfileFile);
  R.text(R.localOrGlobal(option::ProfileBinary), O.ProfileBinary);
  R.text(R.owned("perf-audit-nested-loop", option::ExtraLinearFunctions),
         O.ExtraLinearFunctions);
  R.text(R.owned("perf-audit-excess-copy", option::CheapTypes), O.CheapTypes);
  R.integer(R.owned("perf-audit-excess-copy", option::MinimumTypeSize),
            O.MinimumTypeSize);
  R.boolean(R.owned("perf-audit-blocking-in-async", option::CheckLocks),
            O.CheckLocks);
  return O;
}

} // namespace perf_audit
