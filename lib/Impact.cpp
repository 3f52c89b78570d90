//===--- Impact.cpp - Cost table, score and tiers -------------------------===//
//
// Part of perf-audit. The figures and their sources are in
// docs/impact-model.md.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/Impact.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <cmath>

namespace perf_audit {

namespace {
struct CostEntry {
  CostKind Kind;
  const char *Name;
  double Ns;
};

// Orders of magnitude from "Latency numbers every programmer should know"
// (J. Dean, P. Norvig) and the measurements cited in docs/impact-model.md.
const CostEntry CostTable[] = {
    // A round trip within a datacenter: 500 us.
    {CostKind::DatabaseRoundTrip, "database-round-trip", 500'000},
    // SQLite: prepare and step of a small indexed query, in process.
    {CostKind::EmbeddedQuery, "embedded-query", 20'000},
    // Unknown wait: between an SSD read (150 us) and a disk seek (10 ms).
    {CostKind::BlockingCall, "blocking-call", 1'000'000},
    // Per nanosecond of sleep; an unknown duration counts as BlockingCall.
    {CostKind::Sleep, "sleep", 1},
    // open(2) + close(2) with a path lookup.
    {CostKind::FileOpen, "file-open", 10'000},
    // A screen-sized image encoded or decoded with its file (a 1920x1080
    // PNG: 20-100 ms to encode, a JPEG 5-20 ms): 10 ms.
    {CostKind::ImageCodec, "image-codec", 10'000'000},
    // std::regex construction of a short pattern (libstdc++).
    {CostKind::RegexCompile, "regex-compile", 20'000},
    // std::ostringstream construction: ios_base and locale set-up.
    {CostKind::StreamConstruction, "stream-construction", 500},
    // std::locale constructed from a name.
    {CostKind::LocaleConstruction, "locale-construction", 2'000},
    // malloc + free of a small block.
    {CostKind::HeapAllocation, "heap-allocation", 50},
    // Per byte copied (memcpy bandwidth ~4 GB/s with cache misses).
    {CostKind::Copy, "copy", 0.25},
    // Per element visited by a linear scan.
    {CostKind::LinearScan, "linear-scan", 1},
    // Per iteration of a small loop body.
    {CostKind::LoopIteration, "loop-iteration", 2},
};

/// The log10 of the cost that scores 100: one second per call.
constexpr double MaxLog10Ns = 9.0;
} // namespace

double unitCostNs(CostKind Kind) {
  for (const CostEntry &E : CostTable)
    if (E.Kind == Kind)
      return E.Ns;
  return 1;
}

llvm::StringRef costKindName(CostKind Kind) {
  for (const CostEntry &E : CostTable)
    if (E.Kind == Kind)
      return E.Name;
  return "unknown";
}

std::optional<CostKind> parseCostKind(llvm::StringRef Name) {
  for (const CostEntry &E : CostTable)
    if (Name == E.Name)
      return E.Kind;
  return std::nullopt;
}

unsigned scoreForCost(double CostNs) {
  if (!(CostNs > 1))
    return 0;
  double Score = std::round(100.0 * std::log10(CostNs) / MaxLog10Ns);
  return static_cast<unsigned>(std::clamp(Score, 0.0, 100.0));
}

Tier tierForScore(unsigned Score) {
  if (Score >= minimumScore(Tier::Critical))
    return Tier::Critical;
  if (Score >= minimumScore(Tier::High))
    return Tier::High;
  if (Score >= minimumScore(Tier::Medium))
    return Tier::Medium;
  return Tier::Low;
}

unsigned minimumScore(Tier T) {
  switch (T) {
  case Tier::Critical:
    return 80; // >= ~16 ms per call
  case Tier::High:
    return 60; // >= ~250 us per call
  case Tier::Medium:
    return 40; // >= ~4 us per call
  case Tier::Low:
    return 0;
  }
  return 0;
}

Impact estimateImpact(CostKind Kind, double CostPerExecutionNs,
                      double ExecutionsPerCall) {
  Impact I;
  I.Kind = Kind;
  I.CostPerExecutionNs = CostPerExecutionNs;
  I.ExecutionsPerCall = ExecutionsPerCall;
  I.Score = scoreForCost(I.totalNs());
  I.Level = tierForScore(I.Score);
  return I;
}

unsigned Impact::estimatedScore() const { return scoreForCost(totalNs()); }

Tier Impact::estimatedLevel() const { return tierForScore(estimatedScore()); }

unsigned countedLine(const Impact &I, unsigned Line) {
  long long Counted = static_cast<long long>(Line) + I.CountedLineDelta;
  return Counted > 0 ? static_cast<unsigned>(Counted) : Line;
}

void measureImpact(Impact &I, Measurement M, llvm::StringRef ProfileName) {
  I.Measured = M;
  I.ProfileName = ProfileName.str();
  I.Score = scoreForCost(I.measuredNs());
  I.Level = tierForScore(I.Score);
}

llvm::StringRef executionsSourceName(ExecutionsSource S) {
  return S == ExecutionsSource::Profile ? "profile" : "estimate";
}

llvm::StringRef tierName(Tier T) {
  switch (T) {
  case Tier::Critical:
    return "critical";
  case Tier::High:
    return "high";
  case Tier::Medium:
    return "medium";
  case Tier::Low:
    return "low";
  }
  return "low";
}

std::optional<Tier> parseTier(llvm::StringRef Name) {
  for (Tier T : {Tier::Low, Tier::Medium, Tier::High, Tier::Critical})
    if (Name.equals_insensitive(tierName(T)))
      return T;
  return std::nullopt;
}

Confidence lowered(Confidence C) {
  return C == Confidence::High ? Confidence::Medium : Confidence::Low;
}

llvm::StringRef confidenceName(Confidence C) {
  switch (C) {
  case Confidence::High:
    return "high";
  case Confidence::Medium:
    return "medium";
  case Confidence::Low:
    return "low";
  }
  return "low";
}

std::optional<Confidence> parseConfidence(llvm::StringRef Name) {
  for (Confidence C : {Confidence::Low, Confidence::Medium, Confidence::High})
    if (Name.equals_insensitive(confidenceName(C)))
      return C;
  return std::nullopt;
}

std::string impactSuffix(const Impact &I) {
  std::string Suffix =
      "[impact: " + tierName(I.Level).str() + " " + std::to_string(I.Score);
  // The usual case goes unsaid: a finding is as sure as its loops.
  if (I.Certainty != Confidence::High)
    Suffix += ", " + confidenceName(I.Certainty).str() + " confidence";
  std::string Executions = executionsNote(I);
  if (!Executions.empty())
    Suffix += ", " + Executions;
  return Suffix + "]";
}

std::string executionsNote(const Impact &I) {
  if (I.Measured) {
    double N = I.Measured->Executions;
    return N > 0 ? "measured: " + formatCount(N) +
                       (N == 1 ? " execution" : " executions")
                 : std::string("measured: not executed");
  }
  return I.ProfileName.empty() ? std::string() : "no profile data";
}

std::string formatCount(double Count) {
  Count = std::round(Count);
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  if (Count >= 1e9)
    OS << llvm::format("%.1fG", Count / 1e9);
  else if (Count >= 1e6)
    OS << llvm::format("%.1fM", Count / 1e6);
  else {
    // Thousands separators keep five-digit counts readable.
    std::string Digits = std::to_string(static_cast<unsigned long long>(Count));
    for (size_t I = 0; I < Digits.size(); ++I) {
      if (I && (Digits.size() - I) % 3 == 0)
        OS << ',';
      OS << Digits[I];
    }
  }
  return Out;
}

std::string formatDuration(double Ns) {
  std::string Out;
  llvm::raw_string_ostream OS(Out);
  auto Print = [&](double Value, const char *Unit) {
    if (Value >= 100 || Value == std::floor(Value))
      OS << llvm::format("%.0f %s", Value, Unit);
    else
      OS << llvm::format("%.1f %s", Value, Unit);
  };
  if (Ns >= 1e9)
    Print(Ns / 1e9, "s");
  else if (Ns >= 1e6)
    Print(Ns / 1e6, "ms");
  else if (Ns >= 1e3)
    Print(Ns / 1e3, "us");
  else
    Print(Ns, "ns");
  return Out;
}

} // namespace perf_audit
