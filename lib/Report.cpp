//===--- Report.cpp - Ranking, audit summary, text and JSON reports -------===//
//
// Part of perf-audit. The JSON format is documented in
// docs/output-formats.md; it is versioned and only grows.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/Report.h"
#include "perf-audit/Baseline.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSet.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/GlobPattern.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/JSON.h"
#include <algorithm>
#include <cmath>
#include <tuple>

namespace perf_audit {

static auto rankKey(const Finding &F) {
  // Negated costs: higher first. CostKind is declared costliest first, and
  // Confidence lowest first.
  // With a profile, what it saw run ranks above every estimate and every
  // line it saw idle.
  return std::make_tuple(F.TestCode, !F.Cost.measuredRunning(),
                         -static_cast<int>(F.Cost.Score),
                         -F.Cost.rankedNs(), F.Cost.Kind,
                         -static_cast<int>(F.Cost.Certainty),
                         std::cref(F.Loc.File), F.Loc.Line, F.Loc.Column,
                         std::cref(F.Check), std::cref(F.Message));
}

const std::vector<std::string> &defaultTestPathGlobs() {
  static const std::vector<std::string> Globs = [] {
    std::vector<std::string> G;
    for (llvm::StringRef Dir :
         {"test", "tests", "testing", "unittest", "unittests", "bench",
          "benchmark", "benchmarks", "benchmarking",
          // A library's sample programs show how to call it: not what
          // its users run.
          "example", "examples", "sample", "samples"}) {
      G.push_back((Dir + "/*").str());
      G.push_back(("*/" + Dir + "/*").str());
    }
    for (llvm::StringRef File :
         {"*_test.*", "*_tests.*", "*_unittest.*", "*_bench.*",
          "*_benchmark.*", "*_perftest.*", "*Test.c*", "*Tests.c*"})
      G.push_back(File.str());
    for (llvm::StringRef Prefix : {"test_", "tst_", "bench_"}) {
      G.push_back((Prefix + "*").str());
      G.push_back(("*/" + Prefix + "*").str());
    }
    return G;
  }();
  return Globs;
}

llvm::Error markTestCode(std::vector<Finding> &Findings,
                         llvm::StringRef SourceRoot,
                         llvm::ArrayRef<std::string> Globs) {
  std::vector<llvm::GlobPattern> Patterns;
  for (const std::string &Glob : Globs) {
    llvm::Expected<llvm::GlobPattern> P = llvm::GlobPattern::create(Glob);
    if (!P)
      return llvm::createStringError(
          llvm::inconvertibleErrorCode(), "invalid test path glob '%s': %s",
          Glob.c_str(), llvm::toString(P.takeError()).c_str());
    Patterns.push_back(std::move(*P));
  }
  for (Finding &F : Findings) {
    std::string Path = displayPath(F.Loc.File, SourceRoot);
    // Outside the source root: not the project's tests.
    F.TestCode = !llvm::sys::path::is_absolute(Path) &&
                 !llvm::StringRef(Path).starts_with("..") &&
                 llvm::any_of(Patterns, [&](const llvm::GlobPattern &P) {
                   return P.match(Path);
                 });
  }
  return llvm::Error::success();
}

bool rankedBefore(const Finding &A, const Finding &B) {
  return rankKey(A) < rankKey(B);
}

static bool sameFinding(const Finding &A, const Finding &B) {
  return A.Check == B.Check && A.Loc.File == B.Loc.File &&
         A.Loc.Offset == B.Loc.Offset && A.Message == B.Message;
}

void rankFindings(std::vector<Finding> &Findings) {
  std::stable_sort(Findings.begin(), Findings.end(), rankedBefore);
  Findings.erase(std::unique(Findings.begin(), Findings.end(), sameFinding),
                 Findings.end());
}

/// How much each finding takes off the overall score (docs/impact-model.md):
/// one critical finding costs as much as three high ones.
static double penalty(Tier T) {
  switch (T) {
  case Tier::Critical:
    return 15;
  case Tier::High:
    return 5;
  case Tier::Medium:
    return 1;
  case Tier::Low:
    return 0.2;
  }
  return 0;
}

/// Fewer than this many high findings (and no critical one) passes.
static constexpr unsigned MaxHighFindingsToPass = 3;

AuditSummary summarize(const AnalysisResult &R) {
  AuditSummary S;
  llvm::StringSet<> Files;
  double Penalty = 0;
  for (const Finding &F : R.Findings) {
    Files.insert(F.Loc.File);
    Penalty += penalty(F.Cost.Level);
    switch (F.Cost.Level) {
    case Tier::Critical:
      ++S.Critical;
      break;
    case Tier::High:
      ++S.High;
      break;
    case Tier::Medium:
      ++S.Medium;
      break;
    case Tier::Low:
      ++S.Low;
      break;
    }
  }
  S.Files = Files.size();
  S.OverallScore =
      static_cast<unsigned>(std::max(0.0, 100.0 - std::round(Penalty)));
  S.Pass = S.Critical == 0 && S.High < MaxHighFindingsToPass;
  return S;
}

llvm::json::Object executionProperties(const Impact &I) {
  llvm::json::Object O{{"executionsSource", executionsSourceName(I.source())}};
  if (!I.ProfileName.empty())
    O["profile"] = I.ProfileName;
  if (I.Measured) {
    O["measuredExecutions"] = I.Measured->Executions;
    O["functionEntries"] = I.Measured->Entries;
    if (I.Measured->Entries > 0)
      O["executionsPerEntry"] = I.Measured->Executions / I.Measured->Entries;
    O["measuredCostNs"] = I.measuredNs();
    O["estimatedScore"] = I.estimatedScore();
    O["estimatedTier"] = tierName(I.estimatedLevel());
  }
  return O;
}

ProfileCoverage profileCoverage(const AnalysisResult &R) {
  ProfileCoverage C;
  for (const Finding &F : R.Findings) {
    if (F.Cost.measuredRunning())
      ++C.Measured;
    else if (F.Cost.Measured)
      ++C.NotExecuted;
    else
      ++C.NoData;
  }
  return C;
}

std::string profileCounts(const AnalysisResult &R) {
  ProfileCoverage C = profileCoverage(R);
  return std::to_string(C.Measured) + " measured, " +
         std::to_string(C.NotExecuted) + " not executed, " +
         std::to_string(C.NoData) + " without data (estimated)";
}

static std::string location(const SourcePoint &P, llvm::StringRef Root) {
  return displayPath(P.File, Root) + ":" + std::to_string(P.Line) + ":" +
         std::to_string(P.Column);
}

static std::string location(const SourcePoint &P, const ReportOptions &O) {
  return location(P, O.SourceRoot);
}

std::string failureText(const FailedUnit &U, llvm::StringRef Root) {
  if (U.ErrorLoc.File.empty())
    return "error: " + U.Message;
  return location(U.ErrorLoc, Root) + ": error: " + U.Message;
}

void writeText(llvm::raw_ostream &OS, const AnalysisResult &R,
               const ReportOptions &O) {
  // Product code by tier, then test, benchmark and example code by tier.
  std::optional<std::pair<bool, Tier>> Group;
  for (const Finding &F : R.Findings) {
    if (Group != std::make_pair(F.TestCode, F.Cost.Level)) {
      Group = std::make_pair(F.TestCode, F.Cost.Level);
      unsigned Count = llvm::count_if(R.Findings, [&](const Finding &Other) {
        return std::make_pair(Other.TestCode, Other.Cost.Level) == *Group;
      });
      OS << "== " << tierName(F.Cost.Level)
         << (F.TestCode ? " in test, benchmark and example code" : "") << " (" << Count
         << ") ==\n";
    }
    OS << location(F.Loc, O) << ": warning: " << F.messageWithImpact() << " ["
       << F.Check << "]";
    if (F.wasInBaseline())
      OS << " [" << baselineStateName(F.Baseline) << "]";
    OS << "\n";
    for (const FindingNote &N : F.Notes)
      OS << location(N.Loc, O) << ": note: " << N.Message << "\n";
  }
  for (const FailedUnit &U : R.Failures)
    OS << displayPath(U.File, O.SourceRoot) << ": not analysed: "
       << failureText(U, O.SourceRoot) << "\n";

  AuditSummary S = summarize(R);
  OS << "perf-audit: " << R.Findings.size()
     << (R.Findings.size() == 1 ? " finding" : " findings") << " in " << S.Files
     << (S.Files == 1 ? " file" : " files") << " (" << R.UnitsAnalysed
     << " translation units analysed, " << R.Failures.size() << " failed)\n";
  if (R.Baseline)
    OS << "perf-audit: against the baseline: " << baselineCounts(*R.Baseline)
       << "\n";
  OS << "\nAudit summary\n";
  if (R.Profile)
    OS << "  profile " << *R.Profile << ": " << profileCounts(R)
       << "; measured findings rank first\n";
  OS << "  findings by tier: critical " << S.Critical << ", high " << S.High
     << ", medium " << S.Medium << ", low " << S.Low << "\n";
  unsigned TestFindings = llvm::count_if(
      R.Findings, [](const Finding &F) { return F.TestCode; });
  if (TestFindings)
    OS << "  test, benchmark and example code: " << TestFindings
       << (TestFindings == 1 ? " finding" : " findings")
       << ", ranked last and not in the top list\n";
  if (TestFindings < R.Findings.size()) {
    OS << "  top findings:\n";
    unsigned Rank = 0;
    for (const Finding &F : R.Findings) {
      if (F.TestCode || ++Rank > O.TopFindings)
        break;
      OS << "    " << Rank << ". " << tierName(F.Cost.Level) << " "
         << F.Cost.Score << "  " << location(F.Loc, O) << "  " << F.Check;
      std::string Executions = executionsNote(F.Cost);
      if (!Executions.empty())
        OS << "  (" << Executions << ")";
      OS << "\n       " << F.Message << "\n";
    }
  }
  OS << "  overall score: " << S.OverallScore << "/100\n";
  OS << "  status: " << (S.Pass ? "PASS" : "NEEDS_OPTIMIZATION") << "\n";
}

static llvm::json::Object point(const SourcePoint &P, const ReportOptions &O) {
  return llvm::json::Object{{"file", displayPath(P.File, O.SourceRoot)},
                            {"line", P.Line},
                            {"column", P.Column}};
}

void writeJson(llvm::raw_ostream &OS, const AnalysisResult &R,
               const ReportOptions &O) {
  llvm::json::Array Findings;
  for (const Finding &F : R.Findings) {
    llvm::json::Array Notes, Fixes;
    for (const FindingNote &N : F.Notes) {
      llvm::json::Object Note = point(N.Loc, O);
      Note["message"] = N.Message;
      Notes.push_back(std::move(Note));
    }
    for (const FixEdit &E : F.Fixes) {
      llvm::json::Object Fix = point(E.Begin, O);
      Fix["endLine"] = E.End.Line;
      Fix["endColumn"] = E.End.Column;
      Fix["offset"] = E.Begin.Offset;
      Fix["length"] = E.Length;
      Fix["replacement"] = E.Replacement;
      Fixes.push_back(std::move(Fix));
    }
    llvm::json::Object Entry = point(F.Loc, O);
    Entry["check"] = F.Check;
    Entry["message"] = F.Message;
    Entry["score"] = F.Cost.Score;
    Entry["tier"] = tierName(F.Cost.Level);
    Entry["cost"] = llvm::json::Object{
        {"kind", costKindName(F.Cost.Kind)},
        {"perExecutionNs", F.Cost.CostPerExecutionNs},
        {"executionsPerCall", F.Cost.ExecutionsPerCall},
        {"totalNs", F.Cost.totalNs()}};
    for (auto &KV : executionProperties(F.Cost))
      Entry.getObject("cost")->insert({KV.first, std::move(KV.second)});
    Entry["confidence"] = confidenceName(F.Cost.Certainty);
    Entry["testCode"] = F.TestCode;
    Entry["function"] = F.Function;
    Entry["fingerprint"] = F.Fingerprint;
    if (F.Baseline != BaselineState::None)
      Entry["baselineState"] = baselineStateName(F.Baseline);
    Entry["notes"] = std::move(Notes);
    Entry["fixes"] = std::move(Fixes);
    Findings.push_back(std::move(Entry));
  }
  llvm::json::Array Failures;
  for (const FailedUnit &U : R.Failures)
    Failures.push_back(llvm::json::Object{
        {"file", displayPath(U.File, O.SourceRoot)},
        {"error", failureText(U, O.SourceRoot)}});
  AuditSummary S = summarize(R);
  llvm::json::Object Summary{
      {"translationUnits", R.UnitsAnalysed},
      {"failedTranslationUnits", R.Failures.size()},
      {"findings", R.Findings.size()},
      {"testCodeFindings",
       llvm::count_if(R.Findings, [](const Finding &F) { return F.TestCode; })},
      {"files", S.Files},
      {"tiers", llvm::json::Object{{"critical", S.Critical},
                                   {"high", S.High},
                                   {"medium", S.Medium},
                                   {"low", S.Low}}},
      {"overallScore", S.OverallScore},
      {"status", S.Pass ? "PASS" : "NEEDS_OPTIMIZATION"}};
  if (R.Profile) {
    ProfileCoverage C = profileCoverage(R);
    Summary["profile"] = llvm::json::Object{{"name", *R.Profile},
                                            {"measured", C.Measured},
                                            {"notExecuted", C.NotExecuted},
                                            {"noData", C.NoData}};
  }
  llvm::json::Object Root{
      {"version", 1},
      {"tool", llvm::json::Object{{"name", "perf-audit"},
                                  {"version", PERF_AUDIT_VERSION}}},
      {"findings", std::move(Findings)},
      {"failures", std::move(Failures)},
      {"summary", std::move(Summary)}};
  if (R.Baseline) {
    llvm::json::Array Fixed;
    for (const Finding &F : R.Baseline->Fixed) {
      llvm::json::Object Entry = point(F.Loc, O);
      Entry["check"] = F.Check;
      Entry["message"] = F.Message;
      Entry["score"] = F.Cost.Score;
      Entry["tier"] = tierName(F.Cost.Level);
      Entry["fingerprint"] = F.Fingerprint;
      Entry["baselineState"] = "absent";
      Fixed.push_back(std::move(Entry));
    }
    Root["fixed"] = std::move(Fixed);
    Root.getObject("summary")->insert(
        {"baseline", llvm::json::Object{
                         {"new", R.Baseline->New},
                         {"fixed", R.Baseline->Fixed.size()},
                         {"unchanged", R.Baseline->Unchanged},
                         {"updated", R.Baseline->Updated}}});
  }
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Root))) << "\n";
}

} // namespace perf_audit
