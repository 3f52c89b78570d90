//===--- PerfAuditMain.cpp - The perf-audit driver ------------------------===//
//
// Part of perf-audit. Runs the perf-audit clang-tidy checks in-process over
// every translation unit of a compilation database, in parallel, ranks the
// findings by estimated impact and writes a text, JSON, SARIF or markdown
// report.
//
// Exit codes: 0 success; 1 --fail-on matched; 2 usage error, unusable
// compilation database or unwritable output; 3 a translation unit could not
// be analysed (the others were).
//
//===----------------------------------------------------------------------===//

#include "CompilationDatabaseLoader.h"
#include "ParallelRun.h"
#include "ResultCache.h"
#include "ShardFile.h"
#include "UnitAnalysis.h"
#include "perf-audit/Baseline.h"
#include "perf-audit/ChangedLines.h"
#include "perf-audit/ClangCompat.h"
#include "perf-audit/ExecutionProfile.h"
#include "perf-audit/ProgramJoin.h"
#include "perf-audit/Finding.h"
#include "perf-audit/FixApplication.h"
#include "perf-audit/ProgramSummaries.h"
#include "perf-audit/Report.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>

using namespace llvm;
namespace core = perf_audit;

namespace clang::tidy {
// Keeps the statically linked perf-audit module.
extern volatile int PerfAuditModuleAnchorSource;
static int LLVM_ATTRIBUTE_UNUSED PerfAuditModuleAnchorDestination =
    PerfAuditModuleAnchorSource;
} // namespace clang::tidy

namespace {

enum class OutputFormat { Text, Json, Sarif, Markdown };

cl::OptionCategory DriverCategory("perf-audit options");

cl::opt<std::string> BuildPath(
    "p", cl::desc("Build directory holding compile_commands.json"),
    cl::value_desc("build-dir"), cl::cat(DriverCategory));
cl::list<std::string> SourcePaths(cl::Positional,
                                  cl::desc("[<file> ...] (default: every file "
                                           "of the compilation database)"),
                                  cl::cat(DriverCategory));
cl::opt<std::string>
    Checks("checks",
           cl::desc("Glob of the checks to run (default: perf-audit-*)"),
           cl::init("perf-audit-*"), cl::cat(DriverCategory));
cl::opt<OutputFormat> Format(
    "format", cl::desc("Report format"),
    cl::values(clEnumValN(OutputFormat::Text, "text",
                          "findings by impact, then an audit summary"),
               clEnumValN(OutputFormat::Json, "json", "one object per finding"),
               clEnumValN(OutputFormat::Markdown, "markdown",
                          "a summary for a pull request comment or a CI job "
                          "summary"),
               clEnumValN(OutputFormat::Sarif, "sarif",
                          "SARIF 2.1.0 for code scanning")),
    cl::init(OutputFormat::Text), cl::cat(DriverCategory));
cl::opt<std::string> OutputPath("o", cl::desc("Write the report to <file>"),
                                cl::value_desc("file"), cl::cat(DriverCategory));
cl::opt<unsigned> Jobs("j", cl::Prefix,
                       cl::desc("Translation units analysed in parallel "
                                "(default: one per core)"),
                       cl::init(0), cl::cat(DriverCategory));
cl::opt<std::string> MinTier("min-tier",
                             cl::desc("Report only findings at or above "
                                      "this tier (low, medium, high, critical)"),
                             cl::init("low"), cl::cat(DriverCategory));
cl::opt<std::string> MinConfidence(
    "min-confidence",
    cl::desc("Report only findings at or above this confidence (low, medium, "
             "high; default medium: low-confidence findings are hidden)"),
    cl::init("medium"), cl::cat(DriverCategory));
cl::list<std::string> TestPaths(
    "test-paths", cl::CommaSeparated,
    cl::desc("Path globs, relative to --source-root, of test, benchmark "
             "and example code: ranked after product code and left out of "
             "the summary's top list (default: test/, tests/, bench*/, "
             "examples/, samples/ ... directories and "
             "*_test.*, test_*.* ... files; --test-paths= for none)"),
    cl::cat(DriverCategory));
cl::opt<unsigned> MinScore("min-score",
                           cl::desc("Report only findings with at least this "
                                    "impact score (0-100)"),
                           cl::init(0), cl::cat(DriverCategory));
cl::opt<std::string> FailOn("fail-on",
                            cl::desc("Exit with 1 when a finding at or above "
                                     "this tier is reported"),
                            cl::init(""), cl::cat(DriverCategory));
cl::opt<std::string> SourceRoot(
    "source-root",
    cl::desc("Root of the repository: report paths and SARIF URIs are "
             "relative to it (default: the current directory)"),
    cl::init(""), cl::cat(DriverCategory));
cl::opt<std::string> SarifCategory(
    "category",
    cl::desc("SARIF automationDetails category, to tell apart the runs of "
             "a build matrix"),
    cl::init(""), cl::cat(DriverCategory));
cl::opt<unsigned> SarifMaxResults(
    "sarif-max-results",
    cl::desc("Results kept in a SARIF report, most costly first (GitHub "
             "accepts 5000 per run)"),
    cl::init(5000), cl::cat(DriverCategory));
cl::opt<unsigned> TopFindings("top",
                              cl::desc("Findings listed in the audit summary"),
                              cl::init(5), cl::cat(DriverCategory));
cl::opt<std::string> InlineConfig(
    "config",
    cl::desc("clang-tidy configuration in YAML, as for clang-tidy --config "
             "(e.g. \"{CheckOptions: {AssumedTripCount: 1000}}\"); it takes "
             "precedence over .clang-tidy files"),
    cl::init(""), cl::cat(DriverCategory));
cl::opt<std::string> ConfigFile(
    "config-file",
    cl::desc("Read the clang-tidy configuration from this file instead of "
             "--config"),
    cl::init(""), cl::cat(DriverCategory));
cl::list<std::string> ExtraArgs("extra-arg",
                                cl::desc("Additional compiler argument"),
                                cl::cat(DriverCategory));
cl::list<std::string>
    ExtraArgsBefore("extra-arg-before",
                    cl::desc("Additional compiler argument, prepended"),
                    cl::cat(DriverCategory));
cl::opt<bool> Quiet("quiet", cl::desc("No progress line"), cl::init(false),
                    cl::cat(DriverCategory));
cl::opt<std::string> ExportSummaries(
    "export-summaries",
    cl::desc("Write the whole-program effect summaries (what each function "
             "does, through calls across files) to <file>, for the "
             "SummariesFile check option of the plugin and clangd"),
    cl::value_desc("file"), cl::init(""), cl::cat(DriverCategory));
cl::opt<std::string> Shard(
    "shard",
    cl::desc("Analyse a deterministic 1/N of the translation units (K/N) and "
             "write them, summaries included, to -o for 'perf-audit merge'"),
    cl::value_desc("K/N"), cl::init(""), cl::cat(DriverCategory));
cl::opt<std::string> CacheDir(
    "cache-dir",
    cl::desc("Reuse the results of translation units whose command, "
             "configuration and files are unchanged"),
    cl::value_desc("dir"), cl::init(""), cl::cat(DriverCategory));
cl::opt<bool> TimePhases("time-phases",
                    cl::desc("Print the time of each phase (analysis, "
                             "whole-program join, report) to stderr"),
                    cl::init(false), cl::cat(DriverCategory));
cl::opt<bool> ApplyFixes(
    "fix",
    cl::desc("Apply the fix-its of the reported findings to the source files "
             "(overlapping fix-its: the most costly finding's is applied)"),
    cl::init(false), cl::cat(DriverCategory));
cl::opt<bool> AllCommands(
    "all-commands",
    cl::desc("Analyse a file once per distinct compile command (a file built "
             "into two targets with different flags, twice); by default, with "
             "its first command, as run-clang-tidy does"),
    cl::init(false), cl::cat(DriverCategory));
cl::opt<std::string> Baseline(
    "baseline",
    cl::desc("A previous perf-audit report (JSON or SARIF) of the project: "
             "report only the findings it does not have, and which of its "
             "findings are fixed"),
    cl::value_desc("file"), cl::init(""), cl::cat(DriverCategory));
cl::opt<bool> ShowUnchanged(
    "show-unchanged",
    cl::desc("With --baseline, also report the findings the baseline has, "
             "each marked unchanged or updated"),
    cl::init(false), cl::cat(DriverCategory));
cl::opt<std::string> ChangedLinesDiff(
    "changed-lines",
    cl::desc("Report only the findings whose line, or a line of whose chain "
             "(loop, callee), a unified diff changes ('git diff -U0'; '-' "
             "for standard input)"),
    cl::value_desc("diff"), cl::init(""), cl::cat(DriverCategory));
cl::opt<std::string> ExportFixes(
    "export-fixes",
    cl::desc("Write the fix-its of the reported findings to <file> in "
             "clang-tidy's YAML format, for clang-apply-replacements"),
    cl::value_desc("file"), cl::init(""), cl::cat(DriverCategory));
cl::opt<std::string> LinkBase(
    "link-base",
    cl::desc("Markdown links are this URL followed by the path relative to "
             "--source-root (e.g. https://github.com/o/r/blob/<sha>/)"),
    cl::value_desc("url"), cl::init(""), cl::cat(DriverCategory));
cl::opt<std::string> ProfileFile(
    "profile",
    cl::desc("Rank by the executions a coverage file or profile counted: an "
             "lcov tracefile (.info), or an LLVM indexed profile (.profdata) "
             "with --profile-binary"),
    cl::value_desc("file"), cl::init(""), cl::cat(DriverCategory));
cl::list<std::string> ProfileBinaries(
    "profile-binary",
    cl::desc("The instrumented program an indexed --profile profiled "
             "(repeatable)"),
    cl::value_desc("path"), cl::cat(DriverCategory));
cl::list<std::string> ProfilePathPrefixes(
    "profile-path-prefix",
    cl::desc("OLD=NEW: a path of the profile that starts with OLD is read as "
             "starting with NEW (profiled on another machine or in another "
             "directory; repeatable)"),
    cl::value_desc("old=new"), cl::cat(DriverCategory));
cl::opt<bool> ListChecks("list-checks",
                         cl::desc("List the enabled checks and exit"),
                         cl::init(false), cl::cat(DriverCategory));

constexpr int ExitFailOn = 1;
constexpr int ExitUsage = 2;
constexpr int ExitUnitFailed = 3;

int usageError(const Twine &Message) {
  errs() << "perf-audit: error: " << Message << "\n";
  return ExitUsage;
}

/// Paths the user gave, made absolute against the directory the user ran
/// in, before any worker starts: nothing later depends on the process's
/// working directory.
void makeOutputPathsAbsolute(StringRef Cwd) {
  for (cl::opt<std::string> *Path :
       {&OutputPath, &ExportSummaries, &CacheDir, &ExportFixes, &Baseline,
        &ChangedLinesDiff, &ProfileFile}) {
    if (Path->empty() || *Path == "-")
      continue;
    SmallString<256> Resolved(Path->getValue());
    core::compat::makeAbsolute(Cwd, Resolved);
    Path->setValue(std::string(Resolved));
  }
}

/// What --checks, --extra-arg and --config / --config-file say.
Expected<perf_audit::driver::UnitAnalysisConfig> readConfig() {
  perf_audit::driver::UnitAnalysisConfig Config;
  Config.Checks = Checks;
  Config.ExtraArgs.assign(ExtraArgs.begin(), ExtraArgs.end());
  Config.ExtraArgsBefore.assign(ExtraArgsBefore.begin(), ExtraArgsBefore.end());
  Config.ResourceDir = PERF_AUDIT_CLANG_RESOURCE_DIR;
  if (!InlineConfig.empty() && !ConfigFile.empty())
    return createStringError(inconvertibleErrorCode(),
                             "--config and --config-file are mutually exclusive");
  std::string ConfigText = InlineConfig;
  std::string ConfigName = "--config";
  if (!ConfigFile.empty()) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> Text = MemoryBuffer::getFile(ConfigFile);
    if (!Text)
      return createStringError(inconvertibleErrorCode(),
                               "cannot read --config-file '%s': %s",
                               ConfigFile.c_str(),
                               Text.getError().message().c_str());
    ConfigText = (*Text)->getBuffer().str();
    ConfigName = ConfigFile;
  }
  if (!ConfigText.empty()) {
    ErrorOr<clang::tidy::ClangTidyOptions> Parsed =
        clang::tidy::parseConfiguration(MemoryBufferRef(ConfigText, ConfigName));
    if (!Parsed)
      return createStringError(inconvertibleErrorCode(),
                               "invalid configuration in %s: %s",
                               ConfigName.c_str(),
                               Parsed.getError().message().c_str());
    Config.CommandLineOptions = std::move(*Parsed);
  }
  // With a profile the checks report every finding: what the profile saw
  // run is kept whatever its confidence (collectFindings), the rest is
  // filtered there by --min-confidence.
  if (!ProfileFile.empty())
    Config.CommandLineOptions.CheckOptions["MinimumConfidence"] =
        clang::tidy::ClangTidyOptions::ClangTidyValue("low");
  else if (MinConfidence.getNumOccurrences())
    Config.CommandLineOptions.CheckOptions["MinimumConfidence"] =
        clang::tidy::ClangTidyOptions::ClangTidyValue(MinConfidence);
  return Config;
}

/// --shard=K/N, or none.
Expected<std::optional<std::pair<unsigned, unsigned>>> readShardSpec() {
  if (Shard.empty())
    return std::nullopt;
  auto [K, N] = StringRef(Shard).split('/');
  unsigned Index = 0, Count = 0;
  if (K.getAsInteger(10, Index) || N.getAsInteger(10, Count) || Count == 0 ||
      Index == 0 || Index > Count)
    return createStringError(inconvertibleErrorCode(),
                             "invalid --shard '%s'; expected K/N with 1 <= K <= N",
                             Shard.c_str());
  if (OutputPath.empty() || OutputPath == "-")
    return createStringError(inconvertibleErrorCode(),
                             "--shard writes its translation units to -o <file>");
  return std::make_pair(Index, Count);
}

/// The database given on the command line (`FILE... -- <flags>`) or by -p.
Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
openDatabase(std::unique_ptr<clang::tooling::CompilationDatabase> Fixed) {
  if (Fixed)
    return std::move(Fixed);
  if (BuildPath.empty())
    return createStringError(inconvertibleErrorCode(),
                             "no compilation database: pass -p <build-dir>, or "
                             "files followed by -- and compiler flags");
  return perf_audit::driver::loadCompilationDatabase(BuildPath, AllCommands);
}

/// The units to analyse, sorted: the files given, or every file of the
/// database; with --shard, every N-th from the K-th (a deterministic slice,
/// whatever the machine).
Expected<std::vector<std::string>>
selectUnits(const clang::tooling::CompilationDatabase &Database, bool Fixed,
            StringRef Cwd,
            std::optional<std::pair<unsigned, unsigned>> ShardSpec) {
  auto Fail = [](const Twine &Message) {
    return createStringError(inconvertibleErrorCode(), Message.str().c_str());
  };
  std::vector<std::string> Units;
  if (SourcePaths.empty()) {
    if (Fixed)
      return Fail("no input files");
    Units = Database.getAllFiles();
  } else {
    for (const std::string &Path : SourcePaths) {
      SmallString<256> Absolute(Path);
      core::compat::makeAbsolute(Cwd, Absolute);
      sys::path::remove_dots(Absolute, true);
      if (!sys::fs::exists(Absolute))
        return Fail("file '" + Path + "' does not exist");
      Units.push_back(std::string(Absolute));
    }
  }
  llvm::sort(Units);
  Units.erase(std::unique(Units.begin(), Units.end()), Units.end());
  if (Units.empty())
    return Fail("the compilation database lists no files");
  if (ShardSpec) {
    std::vector<std::string> Slice;
    for (size_t I = ShardSpec->first - 1; I < Units.size();
         I += ShardSpec->second)
      Slice.push_back(Units[I]);
    Units = std::move(Slice);
  }
  return Units;
}

/// Analyses the project's units into Results (AnalysisStart: when the
/// analysis proper began). Returns the exit code when the run ends here: an
/// error, or a --shard run whose file is written.
std::optional<int>
analyseProject(std::unique_ptr<clang::tooling::CompilationDatabase> Fixed,
               StringRef Cwd, const perf_audit::driver::UnitAnalysisConfig &Config,
               std::optional<std::pair<unsigned, unsigned>> ShardSpec,
               std::vector<core::UnitResult> &Results,
               std::chrono::steady_clock::time_point &AnalysisStart) {
  bool IsFixed = Fixed != nullptr;
  Expected<std::unique_ptr<clang::tooling::CompilationDatabase>> Database =
      openDatabase(std::move(Fixed));
  if (!Database)
    return usageError(toString(Database.takeError()));
  Expected<std::vector<std::string>> Units =
      selectUnits(**Database, IsFixed, Cwd, ShardSpec);
  if (!Units)
    return usageError(toString(Units.takeError()));
  // A model file with a typo stops the run here, naming file and line.
  if (Error E =
          perf_audit::driver::checkModelFiles(**Database, *Units, Config)) {
    errs() << "perf-audit: " << toString(std::move(E)) << "\n";
    return ExitUsage;
  }
  std::optional<perf_audit::driver::ResultCache> Cache;
  if (!CacheDir.empty()) {
    if (std::error_code EC = sys::fs::create_directories(CacheDir))
      return usageError("cannot create --cache-dir '" + CacheDir +
                        "': " + EC.message());
    Cache.emplace(CacheDir);
  }

  AnalysisStart = std::chrono::steady_clock::now();
  perf_audit::driver::RunOptions Run;
  Run.Jobs = Jobs;
  Run.Progress = !Quiet;
  Run.Cache = Cache ? &*Cache : nullptr;
  Results = perf_audit::driver::analyseUnits(**Database, *Units, Config, Run);
  if (!ShardSpec)
    return std::nullopt;
  if (Error E = perf_audit::driver::writeShard(OutputPath, Shard, Results))
    return usageError(toString(std::move(E)));
  return llvm::any_of(Results, [](const core::UnitResult &R) {
           return R.Failure.has_value();
         })
             ? ExitUnitFailed
             : 0;
}

/// Writes the whole-program summaries for the plugin's and clangd's
/// SummariesFile option, with lines and columns for the notes they write.
Error exportSummaries(core::JoinedProgram &Program, core::SourceFiles &Sources) {
  auto Locate = [&](core::EffectTrace &Trace) {
    for (core::EffectStep &Step : Trace)
      Sources.locate(Step.Loc);
  };
  for (core::FunctionRecord &F : Program.Functions) {
    Sources.locate(F.Loc);
    if (F.Query)
      Locate(F.Query->Trace);
    if (F.Blocking)
      Locate(F.Blocking->Trace);
    for (core::ParamScan &Scan : F.ScannedParams)
      Locate(Scan.Trace);
    for (core::MemberScan &Scan : F.ScannedMembers)
      Locate(Scan.Trace);
  }
  json::Value Doc = core::ProgramSummaries::toJSON(Program.Functions);
  return core::writeFileAtomically(ExportSummaries, [&](raw_ostream &OS) {
    OS << formatv("{0:2}", Doc) << "\n";
  });
}

/// The findings to report: each unit's and the join's (of enabled checks),
/// measured where Profile counts their line, at or above the minimum score
/// and confidence, located (not yet ranked); and the failed units.
core::AnalysisResult collectFindings(std::vector<core::UnitResult> &Results,
                                     core::JoinedProgram &Program,
                                     const std::vector<std::string> &Enabled,
                                     unsigned Minimum,
                                     core::Confidence Least,
                                     core::ProfileLookup *Profile,
                                     core::SourceFiles &Sources) {
  core::AnalysisResult Result;
  if (Profile)
    Result.Profile = Profile->name();
  auto Keep = [&](core::Finding &F) {
    // With a profile, the minimum is of the measured figures, and what it
    // saw run is kept whatever the confidence: confidence is the estimate's,
    // and these executions are counted, not estimated.
    if (Profile) {
      Sources.locate(F.Loc);
      F.Cost.ProfileName = Profile->name();
      if (std::optional<core::Measurement> M = Profile->lookup(
              F.Loc.File, core::countedLine(F.Cost, F.Loc.Line)))
        core::measureImpact(F.Cost, *M, Profile->name());
    }
    if (F.Cost.Certainty < Least && !F.Cost.measuredRunning())
      return;
    if (F.Cost.Score < Minimum)
      return;
    if (!Profile) // located above to be measured
      Sources.locate(F.Loc);
    for (core::FindingNote &N : F.Notes)
      Sources.locate(N.Loc);
    for (core::FixEdit &E : F.Fixes) {
      Sources.locate(E.Begin);
      Sources.locate(E.End);
    }
    Result.Findings.push_back(std::move(F));
  };
  for (core::UnitResult &Unit : Results) {
    if (Unit.Failure) {
      if (!Unit.Failure->ErrorLoc.File.empty())
        Sources.locate(Unit.Failure->ErrorLoc);
      Result.Failures.push_back(std::move(*Unit.Failure));
      continue;
    }
    ++Result.UnitsAnalysed;
    for (core::Finding &F : Unit.Findings)
      Keep(F);
  }
  for (core::Finding &F : Program.Findings)
    if (llvm::is_contained(Enabled, F.Check))
      Keep(F);
  return Result;
}

/// The report, in the --format asked for, to -o or stdout.
Error writeReport(const core::AnalysisResult &Result, StringRef Root,
                  core::SourceFiles &Sources) {
  core::ReportOptions Options;
  Options.SourceRoot = std::string(Root);
  Options.TopFindings = TopFindings;
  Options.Category = SarifCategory;
  Options.MaxSarifResults = SarifMaxResults;
  Options.LinkBase = LinkBase;
  auto Write = [&](raw_ostream &OS) {
    switch (Format) {
    case OutputFormat::Text:
      core::writeText(OS, Result, Options);
      break;
    case OutputFormat::Json:
      core::writeJson(OS, Result, Options);
      break;
    case OutputFormat::Sarif:
      core::writeSarif(OS, Result, Options, Sources);
      break;
    case OutputFormat::Markdown:
      core::writeMarkdown(OS, Result, Options, Sources);
      break;
    }
  };
  if (OutputPath.empty() || OutputPath == "-") {
    Write(outs());
    outs().flush();
    return Error::success();
  }
  return core::writeFileAtomically(OutputPath, Write);
}

/// --fix: applies the planned fix-its of the reported findings, after the
/// report (which quotes the code as it was analysed), and says what it did.
Error applyFixes(const core::FixPlan &Plan, StringRef Root) {
  auto Where = [&](const core::SourcePoint &P) {
    return formatv("{0}:{1}:{2}", core::displayPath(P.File, Root), P.Line,
                   P.Column)
        .str();
  };
  for (const core::RefusedFix &R : Plan.Refused) {
    errs() << "perf-audit: warning: " << Where(R.Loc) << ": fix-it of "
           << R.Check << " not applied: it overlaps ";
    if (R.OtherCheck.empty())
      errs() << "another fix-it\n";
    else
      errs() << "the fix-it of " << R.OtherCheck << " at "
             << Where(R.OtherLoc) << "\n";
  }
  Expected<std::vector<std::string>> Written = core::applyFixPlan(Plan);
  if (!Written)
    return Written.takeError();
  errs() << formatv("perf-audit: applied the fix-its of {0} finding{1} in "
                    "{2} file{3}",
                    Plan.FindingsFixed, Plan.FindingsFixed == 1 ? "" : "s",
                    Written->size(), Written->size() == 1 ? "" : "s");
  if (!Plan.Refused.empty())
    errs() << formatv("; {0} refused (overlapping)", Plan.Refused.size());
  if (Plan.OutsideRoot)
    errs() << formatv("; {0} outside the source root left alone",
                      Plan.OutsideRoot);
  errs() << "\n";
  return Error::success();
}

/// The exit code of a finished run.
int exitCode(const core::AnalysisResult &Result,
             std::optional<core::Tier> FailTier) {
  if (!Result.Failures.empty())
    return ExitUnitFailed;
  // Against a baseline, only what is new fails the run.
  if (FailTier && llvm::any_of(Result.Findings, [&](const core::Finding &F) {
        return F.Cost.Level >= *FailTier && !F.wasInBaseline();
      }))
    return ExitFailOn;
  return 0;
}

} // namespace

/// What the report keeps and how the run ends, from the command line.
struct ReportOptions {
  core::Tier MinimumTier = core::Tier::Low;
  core::Confidence LeastConfidence = core::Confidence::Medium;
  std::vector<std::string> TestGlobs;
  std::optional<core::Tier> FailTier;
  /// Absolute, without dots: report paths are relative to it.
  SmallString<256> Root;
  /// --baseline's findings.
  std::optional<std::vector<core::Finding>> Baseline;
  /// --changed-lines.
  std::optional<core::ChangedLines> Changed;
  /// --profile, matched to the analysed files.
  std::shared_ptr<core::ProfileLookup> Profile;
  /// How long reading it took (--time-phases).
  double ProfileReadSeconds = 0;
};

Expected<ReportOptions> readReportOptions(StringRef Cwd) {
  auto Invalid = [](const Twine &Message) {
    return createStringError(inconvertibleErrorCode(), Message);
  };
  ReportOptions R;
  std::optional<core::Tier> MinimumTier = core::parseTier(MinTier);
  if (!MinimumTier)
    return Invalid("invalid --min-tier '" + MinTier +
                   "'; expected low, medium, high or critical");
  R.MinimumTier = *MinimumTier;
  std::optional<core::Confidence> Least = core::parseConfidence(MinConfidence);
  if (!Least)
    return Invalid("invalid --min-confidence '" + MinConfidence +
                   "'; expected low, medium or high");
  R.LeastConfidence = *Least;
  R.TestGlobs = core::defaultTestPathGlobs();
  if (TestPaths.getNumOccurrences()) {
    R.TestGlobs.clear();
    for (const std::string &Glob : TestPaths)
      if (!Glob.empty())
        R.TestGlobs.push_back(Glob);
  }
  if (!FailOn.empty() && !(R.FailTier = core::parseTier(FailOn)))
    return Invalid("invalid --fail-on '" + FailOn +
                   "'; expected low, medium, high or critical");
  if (MinScore > 100)
    return Invalid("invalid --min-score " + Twine(MinScore.getValue()) +
                   "; expected 0 to 100");

  makeOutputPathsAbsolute(Cwd);
  R.Root = SourceRoot.empty() ? Cwd : StringRef(SourceRoot);
  core::compat::makeAbsolute(Cwd, R.Root);
  sys::path::remove_dots(R.Root, /*remove_dot_dot=*/true);
  if (!sys::fs::is_directory(R.Root))
    return Invalid("--source-root '" + SourceRoot + "' is not a directory");
  // Inputs of the report are read before any analysis: a mistake in them
  // stops the run at once.
  if (!Baseline.empty()) {
    Expected<std::vector<core::Finding>> Read = core::readBaseline(Baseline);
    if (!Read)
      return Read.takeError();
    R.Baseline = std::move(*Read);
  } else if (ShowUnchanged) {
    return Invalid("--show-unchanged needs --baseline");
  }
  if (!ChangedLinesDiff.empty()) {
    ErrorOr<std::unique_ptr<MemoryBuffer>> Diff =
        ChangedLinesDiff == "-" ? MemoryBuffer::getSTDIN()
                                : MemoryBuffer::getFile(ChangedLinesDiff,
                                                        /*IsText=*/true);
    if (!Diff)
      return Invalid("cannot read --changed-lines '" + ChangedLinesDiff +
                     "': " + Diff.getError().message());
    Expected<core::ChangedLines> Changed = core::parseUnifiedDiff(
        (*Diff)->getBuffer(), R.Root,
        ChangedLinesDiff == "-" ? "<stdin>" : ChangedLinesDiff.getValue());
    if (!Changed)
      return Changed.takeError();
    R.Changed = std::move(*Changed);
  }
  if (!ProfileFile.empty()) {
    std::vector<core::ProfilePathRewrite> Rewrites;
    for (const std::string &Arg : ProfilePathPrefixes) {
      Expected<core::ProfilePathRewrite> Rewrite =
          core::parseProfilePathRewrite(Arg);
      if (!Rewrite)
        return Rewrite.takeError();
      Rewrites.push_back(std::move(*Rewrite));
    }
    std::vector<std::string> Binaries;
    for (const std::string &Binary : ProfileBinaries) {
      SmallString<256> Path(Binary);
      core::compat::makeAbsolute(Cwd, Path);
      Binaries.push_back(std::string(Path));
    }
    auto ReadStart = std::chrono::steady_clock::now();
    Expected<core::ExecutionProfile> Read =
        core::readExecutionProfile(ProfileFile, Binaries);
    if (!Read)
      return Read.takeError();
    R.ProfileReadSeconds = std::chrono::duration<double>(
                               std::chrono::steady_clock::now() - ReadStart)
                               .count();
    // Relative paths of the profile are relative to the source root.
    R.Profile = std::make_shared<core::ProfileLookup>(
        std::move(*Read), R.Root, std::move(Rewrites), R.Root);
  } else if (!ProfileBinaries.empty() || !ProfilePathPrefixes.empty()) {
    return Invalid("--profile-binary and --profile-path-prefix need --profile");
  }
  return R;
}

/// Joins the units' results over the whole program, writes the report (and
/// the summaries, the fixes, the phase times asked for) and returns the
/// exit code.
int joinAndReport(std::vector<core::UnitResult> &Results,
                  const perf_audit::driver::UnitAnalysisConfig &Config,
                  const ReportOptions &Report,
                  std::chrono::steady_clock::time_point AnalysisStart) {
  auto JoinStart = std::chrono::steady_clock::now();
  // What only the whole program reveals: effects through other files, the
  // arguments of a header function's other callers.
  core::JoinedProgram Program = core::joinTranslationUnits(Results);
  core::settleParameterArguments(Results);
  auto JoinEnd = std::chrono::steady_clock::now();
  core::SourceFiles Sources;
  if (!ExportSummaries.empty())
    if (Error E = exportSummaries(Program, Sources))
      return usageError(toString(std::move(E)));

  unsigned Minimum =
      std::max<unsigned>(MinScore, core::minimumScore(Report.MinimumTier));
  core::AnalysisResult Result = collectFindings(
      Results, Program, perf_audit::driver::enabledChecks(Config), Minimum,
      Report.LeastConfidence, Report.Profile.get(), Sources);
  if (Report.Profile) {
    std::vector<std::string> Warnings = Report.Profile->takeWarnings();
    for (std::string &W : Report.Profile->profileWarnings())
      Warnings.push_back(std::move(W));
    for (const std::string &W : Warnings)
      errs() << "perf-audit: warning: " << W << "\n";
  }

  if (Error E = core::markTestCode(Result.Findings, Report.Root, Report.TestGlobs))
    return usageError(toString(std::move(E)));
  core::rankFindings(Result.Findings);
  core::fingerprintFindings(Result.Findings, Report.Root, Sources);
  // Marked against the baseline, narrowed to the change, counted; then
  // what the baseline has leaves the report.
  if (Report.Baseline)
    core::compareWithBaseline(Result, *Report.Baseline, Report.Root);
  if (Report.Changed) {
    llvm::erase_if(Result.Findings, [&](const core::Finding &F) {
      return !Report.Changed->touches(F);
    });
    if (Result.Baseline)
      core::countBaselineStates(Result);
  }
  if (Result.Baseline && !ShowUnchanged)
    core::dropBaselineFindings(Result);
  if (Error E = writeReport(Result, Report.Root, Sources))
    return usageError(toString(std::move(E)));
  // --export-fixes writes the edits --fix makes: one plan for both.
  std::optional<core::FixPlan> Plan;
  if (!ExportFixes.empty() || ApplyFixes)
    Plan = core::planFixes(Result.Findings, Report.Root);
  if (!ExportFixes.empty()) {
    std::string Main = Result.Findings.empty() ? std::string()
                                               : Result.Findings.front().Loc.File;
    if (Error E = core::writeFileAtomically(ExportFixes, [&](raw_ostream &OS) {
          core::writeExportedFixes(OS, *Plan, Main);
        }))
      return usageError(toString(std::move(E)));
  }
  if (ApplyFixes)
    if (Error E = applyFixes(*Plan, Report.Root))
      return usageError(toString(std::move(E)));
  if (TimePhases) {
    auto Seconds = [](auto From, auto To) {
      return std::chrono::duration<double>(To - From).count();
    };
    auto End = std::chrono::steady_clock::now();
    errs() << formatv("perf-audit: time: analysis {0:f3} s, join {1:f3} s "
                      "({2} functions), report {3:f3} s",
                      Seconds(AnalysisStart, JoinStart),
                      Seconds(JoinStart, JoinEnd), Program.Functions.size(),
                      Seconds(JoinEnd, End));
    // Read before the analysis, matched while the findings are collected
    // (within the report's time).
    if (Report.Profile)
      errs() << formatv(", profile {0:f3} s (read {1:f3} s, matched {2:f3} s)",
                        Report.ProfileReadSeconds +
                            Report.Profile->lookupSeconds(),
                        Report.ProfileReadSeconds,
                        Report.Profile->lookupSeconds());
    errs() << "\n";
  }
  if (Format != OutputFormat::Text || !OutputPath.empty())
    for (const core::FailedUnit &U : Result.Failures)
      errs() << "perf-audit: error: " << core::displayPath(U.File, Report.Root)
             << ": not analysed: " << core::failureText(U, Report.Root) << "\n";
  return exitCode(Result, Report.FailTier);
}

int main(int argc, const char **argv) {
  InitLLVM X(argc, argv);

  // `perf-audit merge SHARD...` joins the outputs of --shard runs.
  std::vector<const char *> Args(argv, argv + argc);
  bool Merge = Args.size() > 1 && StringRef(Args[1]) == "merge";
  if (Merge)
    Args.erase(Args.begin() + 1);
  argc = static_cast<int>(Args.size());
  argv = Args.data();

  // The directory the user ran in: every relative path the user gave is
  // made absolute against it, before any worker starts.
  SmallString<256> Cwd;
  if (std::error_code EC = sys::fs::current_path(Cwd))
    return usageError("cannot read the current directory: " + EC.message());

  // `perf-audit file.cpp -- <flags>`: a fixed compilation database, as with
  // clang-tidy, whose commands run in the current directory.
  std::string FixedError;
  std::unique_ptr<clang::tooling::CompilationDatabase> FixedDatabase;
  if (!Merge)
    FixedDatabase = clang::tooling::FixedCompilationDatabase::loadFromCommandLine(
        argc, argv, FixedError, Cwd);
  if (!FixedError.empty())
    return usageError(FixedError);

  cl::HideUnrelatedOptions(DriverCategory);
  cl::SetVersionPrinter([](raw_ostream &OS) {
    OS << "perf-audit " << PERF_AUDIT_VERSION << " (LLVM "
       << LLVM_VERSION_STRING << ")\n";
  });
  std::string ParseErrors;
  raw_string_ostream ParseErrorStream(ParseErrors);
  if (!cl::ParseCommandLineOptions(
          argc, argv,
          "perf-audit: finds performance anti-patterns and ranks them by "
          "estimated impact.\n\n"
          "  perf-audit -p build [--format=text|json|sarif|markdown] [-o FILE] [-j N] "
          "[FILES...]\n"
          "  perf-audit FILE... -- <compiler flags>\n"
          "  perf-audit -p build --shard=K/N -o shard-K.json\n"
          "  perf-audit merge [--format=...] [-o FILE] shard-1.json ... shard-N.json\n",
          &ParseErrorStream)) {
    errs() << ParseErrors;
    return ExitUsage;
  }

  Expected<ReportOptions> Report = readReportOptions(Cwd);
  if (!Report)
    return usageError(toString(Report.takeError()));

  Expected<perf_audit::driver::UnitAnalysisConfig> Config = readConfig();
  if (!Config)
    return usageError(toString(Config.takeError()));
  if (ListChecks) {
    for (const std::string &Name : perf_audit::driver::enabledChecks(*Config))
      outs() << Name << "\n";
    return 0;
  }
  Expected<std::optional<std::pair<unsigned, unsigned>>> ShardSpec =
      readShardSpec();
  if (!ShardSpec)
    return usageError(toString(ShardSpec.takeError()));

  std::vector<core::UnitResult> Results;
  // Merging reads the shards: the analysis phase is the reading.
  auto AnalysisStart = std::chrono::steady_clock::now();
  if (Merge) {
    if (SourcePaths.empty())
      return usageError("merge needs the files written by --shard runs");
    Expected<std::vector<core::UnitResult>> Read =
        perf_audit::driver::readShards(SourcePaths);
    if (!Read)
      return usageError(toString(Read.takeError()));
    Results = std::move(*Read);
  } else if (std::optional<int> Ended =
                 analyseProject(std::move(FixedDatabase), Cwd, *Config,
                                *ShardSpec, Results, AnalysisStart)) {
    return *Ended;
  }

  return joinAndReport(Results, *Config, *Report, AnalysisStart);
}
