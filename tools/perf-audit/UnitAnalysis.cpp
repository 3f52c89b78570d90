//===--- UnitAnalysis.cpp - One translation unit through the checks -------===//
//
// Part of perf-audit. This is clang::tidy::runClangTidy for one file, with
// three differences the driver needs: clang's resource directory is named
// explicitly (our binary does not live next to clang's headers), failing
// translation units are reported as data instead of printed, and each
// finding's impact figures are collected through a FindingObserver.
//
//===----------------------------------------------------------------------===//

#include "UnitAnalysis.h"
#include "ClangTidyCompat.h"
#include "TidyAnalysisContext.h"
#include "perf-audit/AnalysisContext.h"
#include "perf-audit/UnitRecorder.h"
#include "perf-audit/ClangCompat.h"
#include "perf-audit/EnclosingFunctions.h"
#include "perf-audit/FindingObserver.h"
#include "clang-tidy/ClangTidy.h"
#include "clang-tidy/ClangTidyDiagnosticConsumer.h"
#include "clang-tidy/ClangTidyModule.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "clang/Basic/DiagnosticOptions.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Frontend/MultiplexConsumer.h"
#include "clang/Lex/PreprocessorOptions.h"
#include "clang/Tooling/ArgumentsAdjusters.h"
#include "clang/Tooling/Core/Diagnostic.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/VirtualFileSystem.h"
#include <map>
#include <set>
#include <tuple>

using namespace clang;
using namespace clang::tidy;
using namespace llvm;

namespace perf_audit::driver {
namespace {

/// The message and impact of every finding the checks emit on this thread,
/// by the diagnostic clang-tidy prints for it: two findings at one place
/// differ in their text.
class FindingCollector : public FindingObserver {
public:
  struct Reported {
    std::string Message;
    Impact Cost;
    /// The function the finding is in (nameFunctions).
    std::string Function;
  };

  void findingReported(StringRef CheckName, StringRef FilePath,
                       unsigned FileOffset, StringRef Message,
                       const Impact &I) override {
    std::string Diagnostic = Message.str() + " " + impactSuffix(I);
    Findings[{CheckName.str(), FilePath.str(), FileOffset, Diagnostic}] =
        Reported{Message.str(), I, /*Function=*/""};
  }

  /// Names the function each finding is in, while the AST is alive.
  void nameFunctions(ASTContext &Ctx) {
    if (Findings.empty())
      return;
    EnclosingFunctions Functions(Ctx);
    for (auto &[Key, Found] : Findings)
      Found.Function = Functions.at(std::get<1>(Key), std::get<2>(Key));
  }

  const Reported *lookup(const ClangTidyError &E) const {
    auto It = Findings.find({E.DiagnosticName, E.Message.FilePath,
                             E.Message.FileOffset, E.Message.Message});
    return It == Findings.end() ? nullptr : &It->second;
  }

private:
  std::map<std::tuple<std::string, std::string, unsigned, std::string>,
           Reported>
      Findings;
};

/// Records the TU's functions and calls for the whole-program join, and the
/// files it read, once the AST is complete (after the checks, whose
/// analyses it shares).
class RecordingConsumer : public ASTConsumer {
public:
  RecordingConsumer(UnitAnalysis &Out, ClangTidyContext &Tidy,
                    FindingCollector &Reports)
      : Out(Out), Tidy(Tidy), Reports(Reports) {}

  void HandleTranslationUnit(ASTContext &Ctx) override {
    Reports.nameFunctions(Ctx);
    // The checks report the options' problems.
    std::vector<std::string> Ignored;
    std::shared_ptr<AnalysisContext> Analysis =
        clang::tidy::perf_audit::sharedAnalysisContext(Tidy, "", Ignored);
    Out.Result.Record = recordTranslationUnit(Ctx, *Analysis);
    // What the checks saw of the arguments of header functions' parameters;
    // made absolute as the findings are, once the unit is done.
    Out.Result.Record.Arguments = Analysis->parameterArguments();
    const SourceManager &SM = Ctx.getSourceManager();
    for (auto It = SM.fileinfo_begin(); It != SM.fileinfo_end(); ++It) {
      SmallString<256> Path(It->first.getName());
      // No lexical ".." removal: through a symlinked directory it names a
      // different file (the GCC headers are found via lib/gcc/.../../..).
      SM.getFileManager().makeAbsolutePath(Path);
      Out.Inputs.push_back(std::string(Path));
    }
    llvm::sort(Out.Inputs);
    Out.Inputs.erase(std::unique(Out.Inputs.begin(), Out.Inputs.end()),
                     Out.Inputs.end());
  }

private:
  UnitAnalysis &Out;
  ClangTidyContext &Tidy;
  FindingCollector &Reports;
};

class TidyAction : public ASTFrontendAction {
public:
  TidyAction(ClangTidyASTConsumerFactory &Factory, UnitAnalysis &Out,
             ClangTidyContext &Tidy, FindingCollector &Reports)
      : Factory(Factory), Out(Out), Tidy(Tidy), Reports(Reports) {}

  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &Compiler,
                                                 StringRef File) override {
    // The checks restrict their traversal to the project's code themselves
    // (perf-audit/TraversalScope.h), as in clang-tidy and clangd.
    std::vector<std::unique_ptr<ASTConsumer>> Consumers;
    Consumers.push_back(Factory.createASTConsumer(Compiler, File));
    Consumers.push_back(
        std::make_unique<RecordingConsumer>(Out, Tidy, Reports));
    return std::make_unique<MultiplexConsumer>(std::move(Consumers));
  }

private:
  ClangTidyASTConsumerFactory &Factory;
  UnitAnalysis &Out;
  ClangTidyContext &Tidy;
  FindingCollector &Reports;
};

class TidyActionFactory : public tooling::FrontendActionFactory {
public:
  TidyActionFactory(ClangTidyContext &Context, UnitAnalysis &Out,
                    FindingCollector &Reports)
      : Factory(Context), Out(Out), Tidy(Context), Reports(Reports) {}

  std::unique_ptr<FrontendAction> create() override {
    return std::make_unique<TidyAction>(Factory, Out, Tidy, Reports);
  }

  bool runInvocation(std::shared_ptr<CompilerInvocation> Invocation,
                     FileManager *Files,
                     std::shared_ptr<PCHContainerOperations> PCHContainerOps,
                     DiagnosticConsumer *DiagConsumer) override {
    // As clang-tidy does: code may test __clang_analyzer__.
    Invocation->getPreprocessorOpts().SetUpStaticAnalyzer = true;
    return FrontendActionFactory::runInvocation(Invocation, Files,
                                                PCHContainerOps, DiagConsumer);
  }

private:
  ClangTidyASTConsumerFactory Factory;
  UnitAnalysis &Out;
  ClangTidyContext &Tidy;
  FindingCollector &Reports;
};

/// The options of each file, from the .clang-tidy files above it. A
/// relative file name (a command's `-c main.cpp`, as clang hands it to the
/// checks) is looked up from Directory, the command's directory, never
/// from the process's working directory.
std::unique_ptr<ClangTidyOptionsProvider>
optionsProvider(const UnitAnalysisConfig &Config, StringRef Directory = "") {
  ClangTidyOptions Defaults = ClangTidyOptions::getDefaults();
  Defaults.Checks = "-*,perf-audit-*";
  // The driver reports what it finds in the project's headers too; system
  // headers stay out (SystemHeaders is false), and so do the installed
  // headers of libraries that a build includes with -I instead of -isystem
  // (`-I/usr/include/x86_64-linux-gnu/qt5`).
  Defaults.HeaderFilterRegex = ".*";
  Defaults.ExcludeHeaderFilterRegex = "^/usr/(local/)?include/";
  ClangTidyOptions Overrides = Config.CommandLineOptions;
  Overrides.Checks = "-*," + Config.Checks;
  // The driver joins the whole program itself: summaries from an earlier
  // run, read by the checks, would report the same calls twice (and
  // perhaps from stale code).
  Overrides.CheckOptions["SummariesFile"] = ClangTidyOptions::ClangTidyValue("");
  for (const std::string &Check : enabledChecks(Config))
    Overrides.CheckOptions[Check + ".SummariesFile"] =
        ClangTidyOptions::ClangTidyValue("");
  IntrusiveRefCntPtr<vfs::FileSystem> Files(
      vfs::createPhysicalFileSystem().release());
  if (!Directory.empty())
    Files->setCurrentWorkingDirectory(Directory);
  return std::make_unique<FileOptionsProvider>(ClangTidyGlobalOptions(),
                                               std::move(Defaults),
                                               std::move(Overrides), Files);
}

/// Path made absolute against Directory, an absolute directory.
std::string absolutePath(StringRef Path, StringRef Directory) {
  SmallString<256> Absolute(Path);
  ::perf_audit::compat::makeAbsolute(Directory, Absolute);
  sys::path::remove_dots(Absolute, /*remove_dot_dot=*/true);
  return std::string(Absolute);
}

/// The directory of File's compile command: what its relative paths are
/// relative to.
std::string commandDirectory(const tooling::CompilationDatabase &Database,
                             StringRef File) {
  std::vector<tooling::CompileCommand> Commands =
      Database.getCompileCommands(File);
  return Commands.empty() ? std::string() : Commands.front().Directory;
}

} // namespace

/// Drops the use of a precompiled header (`-include-pch X`, also spelled
/// `-Xclang -include-pch -Xclang X` by CMake's target_precompile_headers):
/// the .pch exists only after a build, and one built by another compiler or
/// version would be refused anyway. CMake also passes `-include` of the
/// header the .pch was made from, so the unit parses the same text.
static tooling::CommandLineArguments
stripPrecompiledHeaders(const tooling::CommandLineArguments &Args, StringRef) {
  tooling::CommandLineArguments Adjusted;
  for (size_t I = 0; I < Args.size(); ++I) {
    bool Wrapped = Args[I] == "-Xclang" && I + 1 < Args.size() &&
                   Args[I + 1] == "-include-pch";
    if (Wrapped) {
      // -Xclang -include-pch -Xclang X
      I += (I + 2 < Args.size() && Args[I + 2] == "-Xclang") ? 3 : 2;
      continue;
    }
    if (Args[I] == "-include-pch") {
      ++I;
      continue;
    }
    if (StringRef(Args[I]).starts_with("-include-pch="))
      continue;
    Adjusted.push_back(Args[I]);
  }
  return Adjusted;
}

std::vector<std::string> enabledChecks(const UnitAnalysisConfig &Config) {
  ClangTidyOptions Options = ClangTidyOptions::getDefaults();
  Options.Checks = "-*," + Config.Checks;
  return compat::enabledCheckNames(Options);
}

/// The model files a configuration names, as the whole-program recorder
/// reads them (the checks read and report their own).
static std::vector<std::string> modelFilesFor(const ClangTidyOptions &Options) {
  std::vector<std::string> Ignored;
  return splitList(
      clang::tidy::perf_audit::readAnalysisOptions(Options.CheckOptions, "",
                                                   Ignored)
          .ModelFiles);
}

Error checkModelFiles(const tooling::CompilationDatabase &Database,
                      ArrayRef<std::string> Units,
                      const UnitAnalysisConfig &Config) {
  ClangTidyContext Context(optionsProvider(Config));
  std::set<std::pair<std::vector<std::string>, std::string>> Checked;
  for (const std::string &File : Units) {
    std::vector<std::string> Files =
        modelFilesFor(Context.getOptionsForFile(File));
    std::string Directory = commandDirectory(Database, File);
    if (Files.empty() || !Checked.insert({Files, Directory}).second)
      continue;
    if (Expected<ApiModel> Loaded = ApiModel::load(Files, Directory); !Loaded)
      return Loaded.takeError();
  }
  return Error::success();
}

std::string unitFingerprint(const tooling::CompilationDatabase &Database,
                            StringRef File, const UnitAnalysisConfig &Config) {
  // The version of what a unit's result records: a cached result of an
  // older one lacks what reports need now (the functions of findings).
  std::string Key = "perf-audit " PERF_AUDIT_VERSION " unit record 5\n";
  for (const tooling::CompileCommand &Command : Database.getCompileCommands(File)) {
    Key += Command.Directory + "\n";
    for (const std::string &Arg : Command.CommandLine)
      Key += Arg + "\n";
  }
  for (const std::string &Arg : Config.ExtraArgsBefore)
    Key += "before:" + Arg + "\n";
  for (const std::string &Arg : Config.ExtraArgs)
    Key += "after:" + Arg + "\n";
  Key += "checks:" + Config.Checks + "\n";
  ClangTidyContext Context(optionsProvider(Config));
  Key += configurationAsText(Context.getOptionsForFile(File));
  return Key;
}

UnitAnalysis analyseUnit(const tooling::CompilationDatabase &Database,
                         StringRef File, const UnitAnalysisConfig &Config) {
  UnitAnalysis Analysis;
  UnitResult &Outcome = Analysis.Result;
  Outcome.File = File.str();
  // Every relative path of this unit is resolved against its command's
  // directory, never against the process's working directory: workers
  // analyse units of different directories at the same time.
  std::string Directory = commandDirectory(Database, File);
  if (Directory.empty() || !sys::path::is_absolute(Directory) ||
      !sys::path::is_absolute(File)) {
    Outcome.Failure = FailedUnit{File.str(), SourcePoint(),
                                 "no compile command with an absolute "
                                 "directory (listed in the compilation "
                                 "database)"};
    return Analysis;
  }
  if (!sys::fs::exists(File)) {
    Outcome.Failure = FailedUnit{File.str(), SourcePoint(),
                                 "no such file (listed in the compilation "
                                 "database)"};
    return Analysis;
  }
  ClangTidyContext Context(optionsProvider(Config, Directory));
  // clang-tidy 19's diagnostic consumer takes its header filter from the
  // options current when it is built: those of the unit's file (its
  // .clang-tidy), not of the working directory the context starts with.
  Context.setCurrentFile(File);
  ClangTidyDiagnosticConsumer Consumer(Context, /*ExternalDiagEngine=*/nullptr,
                                       /*RemoveIncompatibleErrors=*/true,
                                       /*GetFixesFromNotes=*/false);
  std::unique_ptr<DiagnosticsEngine> Engine =
      compat::attachDiagnosticsEngine(Context, Consumer);

  // A file system of the tool's own: ClangTool sets its working directory
  // to each command's directory, and on the real file system that is
  // chdir() of the whole process, under the feet of the other workers and
  // of the relative paths the user gave.
  tooling::ClangTool Tool(Database, {File.str()},
                          std::make_shared<PCHContainerOperations>(),
                          IntrusiveRefCntPtr<vfs::FileSystem>(
                              vfs::createPhysicalFileSystem().release()));
  Tool.setPrintErrorMessage(false);
  Tool.setDiagnosticConsumer(&Consumer);
  if (!Config.ExtraArgsBefore.empty())
    Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        Config.ExtraArgsBefore, tooling::ArgumentInsertPosition::BEGIN));
  if (!Config.ExtraArgs.empty())
    Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
        Config.ExtraArgs, tooling::ArgumentInsertPosition::END));
  Tool.appendArgumentsAdjuster(tooling::getStripPluginsAdjuster());
  Tool.appendArgumentsAdjuster(stripPrecompiledHeaders);
  // No "N warnings generated." from parallel workers: findings are reported
  // by the driver.
  Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      "-fno-caret-diagnostics", tooling::ArgumentInsertPosition::END));
  std::string ResourceDir = Config.ResourceDir;
  Tool.appendArgumentsAdjuster(
      [ResourceDir](const tooling::CommandLineArguments &Args, StringRef) {
        // Whatever compiler the database names (g++, c++, clang++), parse
        // with our clang's builtin headers.
        for (const std::string &Arg : Args)
          if (StringRef(Arg).starts_with("-resource-dir"))
            return Args;
        tooling::CommandLineArguments Adjusted = Args;
        if (!Adjusted.empty())
          Adjusted.insert(Adjusted.begin() + 1, "-resource-dir=" + ResourceDir);
        return Adjusted;
      });

  FindingCollector Reports;
  int Status;
  {
    FindingObserver::Scope Observe(Reports);
    TidyActionFactory Factory(Context, Analysis, Reports);
    Status = Tool.run(&Factory);
  }
  std::vector<ClangTidyError> Errors = Consumer.take();
  auto BuildDirectory = [&](const ClangTidyError &E) -> StringRef {
    return sys::path::is_absolute(E.BuildDirectory) ? StringRef(E.BuildDirectory)
                                                    : StringRef(Directory);
  };

  // A translation unit that does not compile is reported with its first
  // error; findings on a broken AST are not trusted.
  for (const ClangTidyError &E : Errors) {
    if (E.DiagLevel != ClangTidyError::Error ||
        !StringRef(E.DiagnosticName).starts_with("clang-diagnostic-"))
      continue;
    Outcome.Failure = FailedUnit{File.str(), SourcePoint(), E.Message.Message};
    if (!E.Message.FilePath.empty()) {
      Outcome.Failure->ErrorLoc.File =
          absolutePath(E.Message.FilePath, BuildDirectory(E));
      Outcome.Failure->ErrorLoc.Offset = E.Message.FileOffset;
    }
    Outcome.Record = TranslationUnitRecord();
    return Analysis;
  }
  if (Status != 0) {
    Outcome.Failure =
        FailedUnit{File.str(), SourcePoint(), "the compiler failed"};
    Outcome.Record = TranslationUnitRecord();
    return Analysis;
  }

  for (const ClangTidyError &E : Errors) {
    if (!StringRef(E.DiagnosticName).starts_with("perf-audit-"))
      continue;
    Finding F;
    F.Check = E.DiagnosticName;
    F.Loc.File = absolutePath(E.Message.FilePath, BuildDirectory(E));
    F.Loc.Offset = E.Message.FileOffset;
    // Every finding is reported through PerfAuditCheck::report, which hands
    // its text and impact over as data; the printed text is never read back.
    const FindingCollector::Reported *Reported = Reports.lookup(E);
    if (!Reported)
      continue;
    F.Message = Reported->Message;
    F.Cost = Reported->Cost;
    F.Function = Reported->Function;
    for (const tooling::DiagnosticMessage &Note : E.Notes) {
      FindingNote N;
      N.Message = Note.Message;
      N.Loc.File = absolutePath(Note.FilePath, BuildDirectory(E));
      N.Loc.Offset = Note.FileOffset;
      F.Notes.push_back(std::move(N));
    }
    if (const StringMap<tooling::Replacements> *Fix =
            tooling::selectFirstFix(E)) {
      // StringMap order is unspecified: sort files for stable output.
      std::vector<std::string> FixFiles;
      for (const auto &Entry : *Fix)
        FixFiles.push_back(Entry.getKey().str());
      llvm::sort(FixFiles);
      for (const std::string &FixFile : FixFiles)
        for (const tooling::Replacement &R : Fix->lookup(FixFile)) {
          FixEdit Edit;
          Edit.Begin.File = absolutePath(R.getFilePath(), BuildDirectory(E));
          Edit.Begin.Offset = R.getOffset();
          Edit.Length = R.getLength();
          Edit.End = Edit.Begin;
          Edit.End.Offset = R.getOffset() + R.getLength();
          Edit.Replacement = R.getReplacementText().str();
          F.Fixes.push_back(std::move(Edit));
        }
    }
    Outcome.Findings.push_back(std::move(F));
  }
  for (ParameterArguments &A : Outcome.Record.Arguments)
    A.Param.File = absolutePath(A.Param.File, Directory);
  Analysis.Fingerprint = unitFingerprint(Database, File, Config);
  return Analysis;
}

} // namespace perf_audit::driver
