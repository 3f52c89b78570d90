//===--- Sarif.cpp - SARIF 2.1.0 for code scanning ------------------------===//
//
// Part of perf-audit. ../shared/sarif/README.md is the contract: what GitHub
// reads (level, the first sentence of the message, order, line hashes,
// related locations), what it ignores but other viewers use (rank, fixes).
//
//===----------------------------------------------------------------------===//

#include "perf-audit/Baseline.h"
#include "perf-audit/Report.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/Path.h"

namespace perf_audit {

static const char *levelOf(Tier T) {
  switch (T) {
  case Tier::Critical:
    return "error";
  case Tier::High:
  case Tier::Medium:
    return "warning";
  case Tier::Low:
    return "note";
  }
  return "note";
}

/// Brackets in SARIF message text start links unless escaped.
static std::string escapeMessage(llvm::StringRef Text) {
  std::string Out;
  for (char C : Text) {
    if (C == '[' || C == ']' || C == '\\')
      Out += '\\';
    Out += C;
  }
  return Out;
}

namespace {
class SarifBuilder {
public:
  SarifBuilder(const ReportOptions &O, SourceFiles &Sources)
      : O(O), Sources(Sources) {}

  llvm::json::Object artifact(llvm::StringRef File) {
    return llvm::json::Object{
        {"uri", uriPath(displayPath(File, O.SourceRoot))},
        {"uriBaseId", "%SRCROOT%"}};
  }

  llvm::json::Object region(const SourcePoint &Begin, const SourcePoint &End) {
    return llvm::json::Object{
        {"startLine", Begin.Line},
        {"startColumn", Sources.utf16Column(Begin.File, Begin.Line, Begin.Column)},
        {"endLine", End.Line},
        {"endColumn", Sources.utf16Column(End.File, End.Line, End.Column)}};
  }

  /// A location covering the token at P.
  llvm::json::Object location(const SourcePoint &P) {
    SourcePoint End = P;
    End.Offset = Sources.tokenEnd(P.File, P.Offset);
    Sources.locate(End);
    if (End.Line == 0) {
      End.Line = P.Line;
      End.Column = P.Column + 1;
    }
    return llvm::json::Object{
        {"physicalLocation",
         llvm::json::Object{{"artifactLocation", artifact(P.File)},
                            {"region", region(P, End)}}}};
  }

  llvm::json::Object result(const Finding &F, unsigned RuleIndex) {
    std::string Executions = executionsNote(F.Cost);
    std::string Text = escapeMessage(F.Message) + " (impact: " +
                       tierName(F.Cost.Level).str() + " " +
                       std::to_string(F.Cost.Score) + "/100" +
                       (Executions.empty() ? "" : ", " + Executions) + ").";
    llvm::json::Array Related;
    unsigned Id = 0;
    std::string Links;
    for (const FindingNote &N : F.Notes) {
      if (!isUnderRoot(N.Loc.File, O.SourceRoot))
        continue;
      ++Id;
      llvm::json::Object L = location(N.Loc);
      L["id"] = Id;
      L["message"] = llvm::json::Object{{"text", N.Message}};
      Related.push_back(std::move(L));
      Links += (Links.empty() ? " See " : "; ") + std::string("[") +
               escapeMessage(N.Message) + "](" + std::to_string(Id) + ")";
    }
    if (!Links.empty())
      Text += Links + ".";

    llvm::json::Object R{
        {"ruleId", F.Check},
        {"ruleIndex", RuleIndex},
        {"level", levelOf(F.Cost.Level)},
        {"rank", static_cast<double>(F.Cost.Score)},
        {"message", llvm::json::Object{{"text", Text}}},
        {"locations", llvm::json::Array{location(F.Loc)}},
        {"partialFingerprints",
         llvm::json::Object{{"primaryLocationLineHash",
                             Sources.lineHash(F.Loc.File, F.Loc.Line)},
                            {SarifFingerprintKey, F.Fingerprint}}},
        {"properties",
         llvm::json::Object{
             {"impact",
              llvm::json::Object{
                  {"score", F.Cost.Score},
                  {"tier", tierName(F.Cost.Level)},
                  {"costKind", costKindName(F.Cost.Kind)},
                  {"costPerExecutionNs", F.Cost.CostPerExecutionNs},
                  {"executionsPerCall", F.Cost.ExecutionsPerCall},
                  {"estimatedCostNs", F.Cost.totalNs()},
                  {"confidence", confidenceName(F.Cost.Certainty)}}},
             {"testCode", F.TestCode}}}};
    for (auto &KV : executionProperties(F.Cost))
      R.getObject("properties")
          ->getObject("impact")
          ->insert({KV.first, std::move(KV.second)});
    if (F.Baseline != BaselineState::None)
      R["baselineState"] = baselineStateName(F.Baseline);
    if (!Related.empty()) {
      // The chain that explains the finding, in order, for viewers that
      // show code flows: the finding, then each note.
      llvm::json::Array Steps;
      llvm::json::Object First{{"location", location(F.Loc)}};
      First["location"].getAsObject()->insert(
          {"message", llvm::json::Object{{"text", "finding"}}});
      Steps.push_back(std::move(First));
      for (const llvm::json::Value &L : Related) {
        llvm::json::Object Copy = *L.getAsObject();
        Copy.erase("id");
        Steps.push_back(llvm::json::Object{{"location", std::move(Copy)}});
      }
      R["relatedLocations"] = std::move(Related);
      R["codeFlows"] = llvm::json::Array{llvm::json::Object{
          {"threadFlows",
           llvm::json::Array{llvm::json::Object{{"locations", std::move(Steps)}}}}}};
    }
    if (!F.Fixes.empty()) {
      // One artifactChange per file, edits in order.
      llvm::json::Array Changes;
      std::vector<std::string> FilesSeen;
      for (const FixEdit &E : F.Fixes)
        if (!llvm::is_contained(FilesSeen, E.Begin.File))
          FilesSeen.push_back(E.Begin.File);
      for (const std::string &File : FilesSeen) {
        llvm::json::Array Replacements;
        for (const FixEdit &E : F.Fixes)
          if (E.Begin.File == File)
            Replacements.push_back(llvm::json::Object{
                {"deletedRegion", region(E.Begin, E.End)},
                {"insertedContent", llvm::json::Object{{"text", E.Replacement}}}});
        Changes.push_back(llvm::json::Object{
            {"artifactLocation", artifact(File)},
            {"replacements", std::move(Replacements)}});
      }
      R["fixes"] = llvm::json::Array{llvm::json::Object{
          {"description", llvm::json::Object{{"text", "Apply the fix-it"}}},
          {"artifactChanges", std::move(Changes)}}};
    }
    return R;
  }

  /// A finding of the baseline that this run no longer has, where the
  /// baseline placed it.
  llvm::json::Object absentResult(const Finding &F, unsigned RuleIndex) {
    llvm::json::Object Region{{"startLine", std::max(F.Loc.Line, 1u)}};
    if (F.Loc.Column)
      Region["startColumn"] = F.Loc.Column;
    return llvm::json::Object{
        {"ruleId", F.Check},
        {"ruleIndex", RuleIndex},
        {"level", levelOf(F.Cost.Level)},
        {"message", llvm::json::Object{{"text", escapeMessage(F.Message) +
                                                    " (fixed)."}}},
        {"locations",
         llvm::json::Array{llvm::json::Object{
             {"physicalLocation",
              llvm::json::Object{{"artifactLocation", artifact(F.Loc.File)},
                                 {"region", std::move(Region)}}}}}},
        {"partialFingerprints",
         llvm::json::Object{{SarifFingerprintKey, F.Fingerprint}}},
        {"baselineState", "absent"}};
  }

private:
  const ReportOptions &O;
  SourceFiles &Sources;
};
} // namespace

static llvm::json::Object ruleObject(const RuleInfo &Rule) {
  llvm::json::Array Tags;
  for (const std::string &T : Rule.Tags)
    Tags.push_back(T);
  const char *DefaultLevel = Rule.ProblemSeverity == "error"     ? "error"
                             : Rule.ProblemSeverity == "warning" ? "warning"
                                                                 : "note";
  return llvm::json::Object{
      {"id", Rule.Id},
      {"name", Rule.Name},
      {"shortDescription", llvm::json::Object{{"text", Rule.ShortDescription}}},
      {"fullDescription", llvm::json::Object{{"text", Rule.FullDescription}}},
      {"help", llvm::json::Object{{"text", Rule.HelpMarkdown},
                                  {"markdown", Rule.HelpMarkdown}}},
      {"helpUri", "https://github.com/perf-audit/perf-audit/blob/main/docs/checks/" +
                      Rule.Id + ".md"},
      {"defaultConfiguration", llvm::json::Object{{"level", DefaultLevel}}},
      {"properties", llvm::json::Object{{"tags", std::move(Tags)},
                                        {"precision", Rule.Precision},
                                        {"problem.severity",
                                         Rule.ProblemSeverity}}}};
}

void writeSarif(llvm::raw_ostream &OS, const AnalysisResult &R,
                const ReportOptions &O, SourceFiles &Sources) {
  SarifBuilder Builder(O, Sources);

  // Rules: every rule of the catalog, so that ruleIndex is stable across
  // runs whatever the findings.
  const std::vector<RuleInfo> &Catalog = ruleCatalog();
  llvm::json::Array Rules;
  for (const RuleInfo &Rule : Catalog)
    Rules.push_back(ruleObject(Rule));
  auto IndexOf = [&](llvm::StringRef Id) -> std::optional<unsigned> {
    for (unsigned I = 0; I < Catalog.size(); ++I)
      if (Catalog[I].Id == Id)
        return I;
    return std::nullopt;
  };

  llvm::json::Array Results;
  size_t Dropped = 0;
  for (const Finding &F : R.Findings) {
    std::optional<unsigned> Index = IndexOf(F.Check);
    if (!Index || !isUnderRoot(F.Loc.File, O.SourceRoot))
      continue; // Third-party and system code is not the user's to fix.
    if (Results.size() >= O.MaxSarifResults) {
      ++Dropped;
      continue;
    }
    Results.push_back(Builder.result(F, *Index));
  }
  if (R.Baseline)
    for (const Finding &F : R.Baseline->Fixed)
      if (std::optional<unsigned> Index = IndexOf(F.Check))
        if (Results.size() < O.MaxSarifResults)
          Results.push_back(Builder.absentResult(F, *Index));

  llvm::json::Array Notifications;
  for (const FailedUnit &U : R.Failures)
    Notifications.push_back(llvm::json::Object{
        {"level", "error"},
        {"descriptor", llvm::json::Object{{"id", "perf-audit/failed-translation-unit"}}},
        {"message", llvm::json::Object{
                        {"text", displayPath(U.File, O.SourceRoot) +
                                     ": not analysed: " +
                                     failureText(U, O.SourceRoot)}}}});
  if (Dropped)
    Notifications.push_back(llvm::json::Object{
        {"level", "warning"},
        {"descriptor", llvm::json::Object{{"id", "perf-audit/results-capped"}}},
        {"message",
         llvm::json::Object{
             {"text", std::to_string(Dropped) +
                          " results of lower impact were dropped: a run "
                          "reports at most " +
                          std::to_string(O.MaxSarifResults) + " results"}}}});

  std::string RootUri = "file://" + uriPath(O.SourceRoot);
  if (!llvm::StringRef(RootUri).ends_with("/"))
    RootUri += "/";

  std::string AutomationId = "perf-audit/";
  if (!O.Category.empty())
    AutomationId += O.Category + "/";

  llvm::json::Object Run{
      {"tool",
       llvm::json::Object{
           {"driver",
            llvm::json::Object{
                {"name", "perf-audit"},
                {"semanticVersion", PERF_AUDIT_VERSION},
                {"version", PERF_AUDIT_VERSION},
                {"informationUri", "https://github.com/perf-audit/perf-audit"},
                {"rules", std::move(Rules)}}}}},
      {"automationDetails", llvm::json::Object{{"id", AutomationId}}},
      {"columnKind", "utf16CodeUnits"},
      {"originalUriBaseIds",
       llvm::json::Object{
           {"%SRCROOT%", llvm::json::Object{{"uri", RootUri}}}}},
      {"invocations",
       llvm::json::Array{llvm::json::Object{
           {"executionSuccessful", R.Failures.empty()},
           {"toolExecutionNotifications", std::move(Notifications)}}}},
      {"results", std::move(Results)}};

  llvm::json::Object Log{
      {"version", "2.1.0"},
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"runs", llvm::json::Array{std::move(Run)}}};
  OS << llvm::formatv("{0:2}", llvm::json::Value(std::move(Log))) << "\n";
}

} // namespace perf_audit
