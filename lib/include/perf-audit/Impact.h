//===--- Impact.h - Estimated cost of a finding -----------------*- C++ -*-===//
//
// Part of perf-audit. Every finding carries
//   estimated cost = cost of one execution x executions per call
// in nanoseconds, mapped monotonically to a score (0-100) and a tier.
// docs/impact-model.md owns the table and the mapping: keep them in step.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_IMPACT_H
#define PERF_AUDIT_IMPACT_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace perf_audit {

/// One input-sized loop behind an estimate, as the estimate assumes it:
/// `AssumedTripCount` elements of 'orders', a count 'n' of that value, rows
/// of the query at a line, or turns of a loop that names no data. Messages say it ("if 'orders' has
/// ~100 elements"), so that the figure reads as the assumption it is.
struct AssumedSize {
  /// Parts: the part of an outer loop's element an inner loop walks
  /// ('group.definitions'), a few per element.
  enum SizeKind { Elements, Count, Rows, Turns, Parts };
  SizeKind Kind = Elements;
  /// The data or count as written ("orders"), or the line of the query or
  /// loop.
  std::string Name;

  bool operator==(const AssumedSize &O) const {
    return Kind == O.Kind && Name == O.Name;
  }
};

/// The operation kinds of the cost table.
enum class CostKind {
  DatabaseRoundTrip,  ///< A statement sent to a database server.
  EmbeddedQuery,      ///< A statement run by an in-process engine (SQLite).
  BlockingCall,       ///< A call that waits for I/O or another thread.
  Sleep,              ///< A sleep: costs its duration when known.
  FileOpen,           ///< Opening a file (and closing it).
  ImageCodec,         ///< Encoding or decoding a whole image, with its file.
  RegexCompile,       ///< Constructing a regular expression.
  StreamConstruction, ///< Constructing a string stream (locale set-up).
  LocaleConstruction, ///< Constructing a std::locale by name.
  HeapAllocation,     ///< One allocation and its deallocation.
  Copy,               ///< Copying an object: cost from its type.
  LinearScan,         ///< Visiting one element of a sequence.
  LoopIteration,      ///< One iteration of a loop body.
};

/// Impact tiers, lowest first.
enum class Tier { Low, Medium, High, Critical };

/// How well the estimate is founded, lowest first (docs/impact-model.md):
/// high when every loop that multiplies the cost is seen to run over the
/// function's input, medium when one runs over the object's or program's
/// state (which its own code may keep small), low when a multiplying loop's
/// count could not be read or the cost hangs on a branch the caller's
/// arguments decide.
enum class Confidence { Low, Medium, High };

/// One level lower, down to low.
Confidence lowered(Confidence C);

llvm::StringRef confidenceName(Confidence C);
std::optional<Confidence> parseConfidence(llvm::StringRef Name);

/// The cost of one execution of an operation of Kind, in nanoseconds. Copy,
/// Sleep, LinearScan and LoopIteration are per unit (per byte, per element,
/// per iteration); callers multiply.
double unitCostNs(CostKind Kind);

/// The table's name for a kind ("database-round-trip"), as used in JSON
/// output and model files.
llvm::StringRef costKindName(CostKind Kind);
std::optional<CostKind> parseCostKind(llvm::StringRef Name);

/// Where a finding's executions come from.
enum class ExecutionsSource {
  Estimate, ///< The loop model: assumed trip counts.
  Profile,  ///< A coverage file or profile (--profile): counted.
};

/// What a profile counted for a finding's line (measureImpact).
struct Measurement {
  /// Executions of the flagged line in the profiled run(s).
  double Executions = 0;
  /// Entries of the function that holds the line; 0 when the profile has
  /// none for it.
  double Entries = 0;
};

/// An estimated cost per call of the enclosing function, and, when a profile
/// covers the finding's line, the cost measured over the profiled run.
struct Impact {
  CostKind Kind = CostKind::LoopIteration;
  double CostPerExecutionNs = 0;
  double ExecutionsPerCall = 1;
  /// The cost of one execution of the flagged line when it is not
  /// CostPerExecutionNs: a finding at a loop, or at an operation in it, whose
  /// one execution is a whole run of the loop, while the line runs once per
  /// iteration (0: CostPerExecutionNs).
  double CostPerLineExecutionNs = 0;
  /// The line a profile counts is this many lines below (or, negative,
  /// above) the finding's. A loop's own line counts differently between loop
  /// forms and tools (a range-for's line counts its starts, a `for (;;)`
  /// line its tests): a finding at a loop counts the first line of its body;
  /// a query stepped in a loop's condition (`while (q.executeStep())`), the
  /// statement before that loop, which runs once per query.
  int CountedLineDelta = 0;
  /// The score and tier in force: measured when Measured is set.
  unsigned Score = 0;
  Tier Level = Tier::Low;
  Confidence Certainty = Confidence::High;
  /// Set when a profile covers the flagged line (measureImpact).
  std::optional<Measurement> Measured;
  /// The file name of the profile the run was given: set on every finding
  /// then, measured or not (a line the profile has no data for keeps its
  /// estimate and says so).
  std::string ProfileName;

  /// The estimated cost per call.
  double totalNs() const { return CostPerExecutionNs * ExecutionsPerCall; }
  double lineExecutionNs() const {
    return CostPerLineExecutionNs > 0 ? CostPerLineExecutionNs
                                      : CostPerExecutionNs;
  }
  /// The measured cost over the profiled run (0 without a measurement).
  double measuredNs() const {
    return Measured ? lineExecutionNs() * Measured->Executions : 0;
  }
  ExecutionsSource source() const {
    return Measured ? ExecutionsSource::Profile : ExecutionsSource::Estimate;
  }
  /// The profile saw the line run: ranks above every estimate.
  bool measuredRunning() const { return Measured && Measured->Executions > 0; }
  /// The cost the score stands for: measured or estimated.
  double rankedNs() const { return Measured ? measuredNs() : totalNs(); }
  /// The estimate's score and tier, whatever is in force.
  unsigned estimatedScore() const;
  Tier estimatedLevel() const;
};

/// Builds an Impact and its score and tier.
Impact estimateImpact(CostKind Kind, double CostPerExecutionNs,
                      double ExecutionsPerCall);

/// The line a profile counts for a finding at Line (CountedLineDelta
/// applied; Line itself when that would leave the file's start).
unsigned countedLine(const Impact &I, unsigned Line);

/// Puts a profile's count in force: the score and tier become those of the
/// measured cost (executions x cost of one execution of the line); the
/// estimate stays readable (estimatedScore, totalNs).
void measureImpact(Impact &I, Measurement M, llvm::StringRef ProfileName);

llvm::StringRef executionsSourceName(ExecutionsSource S);

/// Score 0-100: 100 * log10(cost in ns) / 9, clamped; 1 ns scores 0, one
/// second per call scores 100.
unsigned scoreForCost(double CostNs);

/// critical >= 80, high >= 60, medium >= 40, low below.
Tier tierForScore(unsigned Score);

/// The lowest score of a tier.
unsigned minimumScore(Tier T);

llvm::StringRef tierName(Tier T);
std::optional<Tier> parseTier(llvm::StringRef Name);

/// The suffix every message ends with: "[impact: high 64]", and with a
/// profile "[impact: high 72, measured: 1.2M executions]" or
/// "[impact: low 0, measured: not executed]", or "[impact: high 64, no
/// profile data]" for a line the profile does not cover.
std::string impactSuffix(const Impact &I);

/// What a profile says of the finding's line: "measured: 1.2M executions",
/// "measured: not executed", "no profile data"; empty without a profile.
std::string executionsNote(const Impact &I);

/// A count for messages: "~100", "~10,000", "~1.2M".
std::string formatCount(double Count);

/// A duration for messages: "2.5 ms", "500 us", "40 ns".
std::string formatDuration(double Ns);

} // namespace perf_audit

#endif // PERF_AUDIT_IMPACT_H
