//===--- CompilationDatabaseLoader.cpp - Validated compile_commands -------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "CompilationDatabaseLoader.h"
#include "clang/Tooling/JSONCompilationDatabase.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/JSON.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include <set>

using namespace llvm;

namespace perf_audit::driver {

static Error malformed(StringRef Path, const Twine &What) {
  return createStringError(inconvertibleErrorCode(),
                           "%s: %s", Path.str().c_str(), What.str().c_str());
}

/// Checks one entry of the database: the fields the JSON compilation database
/// format requires, with the right types.
static Error checkEntry(StringRef Path, size_t Number, const json::Value &V) {
  auto Entry = [&](const Twine &What) {
    return malformed(Path, "entry " + Twine(Number) + ": " + What);
  };
  const json::Object *Object = V.getAsObject();
  if (!Object)
    return Entry("expected an object");
  for (StringRef Field : {"directory", "file"}) {
    const json::Value *Value = Object->get(Field);
    if (!Value)
      return Entry("missing \"" + Field + "\"");
    if (!Value->getAsString())
      return Entry("\"" + Field + "\" must be a string");
  }
  StringRef Directory = *Object->getString("directory");
  if (!sys::path::is_absolute(Directory))
    return Entry("\"directory\" must be an absolute path, not '" + Directory +
                 "'");
  const json::Value *Command = Object->get("command");
  const json::Value *Arguments = Object->get("arguments");
  if (!Command && !Arguments)
    return Entry("missing \"command\" or \"arguments\"");
  if (Command && !Command->getAsString())
    return Entry("\"command\" must be a string");
  if (Arguments) {
    const json::Array *List = Arguments->getAsArray();
    if (!List)
      return Entry("\"arguments\" must be an array of strings");
    if (List->empty())
      return Entry("\"arguments\" is empty");
    for (const json::Value &Arg : *List)
      if (!Arg.getAsString())
        return Entry("\"arguments\" must be an array of strings");
  }
  return Error::success();
}

namespace {

/// A database that gives each file its first command, as run-clang-tidy
/// analyses it, or with AllCommands each way of compiling it once. Build
/// systems compile a file again for every target that lists it (leveldb
/// builds util/testutil.cc into 32 tests, SOCI every file into a shared and
/// a static library with different -D flags); the commands that differ only
/// in where the object and dependency files go parse the same.
class DistinctCommandsDatabase : public clang::tooling::CompilationDatabase {
public:
  DistinctCommandsDatabase(
      std::unique_ptr<clang::tooling::CompilationDatabase> Base,
      bool AllCommands)
      : Base(std::move(Base)), AllCommands(AllCommands) {}

  std::vector<clang::tooling::CompileCommand>
  getCompileCommands(StringRef FilePath) const override {
    std::vector<clang::tooling::CompileCommand> Commands =
        distinct(Base->getCompileCommands(FilePath));
    if (!AllCommands && Commands.size() > 1)
      Commands.resize(1);
    return Commands;
  }
  std::vector<std::string> getAllFiles() const override {
    return Base->getAllFiles();
  }
  std::vector<clang::tooling::CompileCommand>
  getAllCompileCommands() const override {
    return Base->getAllCompileCommands();
  }

private:
  /// The arguments that decide how the file parses: the command line without
  /// the output and dependency-file options.
  static std::vector<std::string>
  parsingArguments(const clang::tooling::CompileCommand &Command) {
    std::vector<std::string> Kept;
    const std::vector<std::string> &Args = Command.CommandLine;
    for (size_t I = 0; I < Args.size(); ++I) {
      StringRef Arg = Args[I];
      if (Arg == "-o" || Arg == "-MF" || Arg == "-MT" || Arg == "-MQ" ||
          Arg == "-MJ") {
        ++I; // and its value
        continue;
      }
      if (Arg == "-MD" || Arg == "-MMD" || Arg.starts_with("-o") ||
          Arg.starts_with("-MF") || Arg.starts_with("-MT") ||
          Arg.starts_with("-MQ") || Arg.starts_with("-MJ"))
        continue;
      Kept.push_back(Arg.str());
    }
    return Kept;
  }

  static std::vector<clang::tooling::CompileCommand>
  distinct(std::vector<clang::tooling::CompileCommand> Commands) {
    std::vector<clang::tooling::CompileCommand> Kept;
    std::set<std::pair<std::string, std::vector<std::string>>> Seen;
    for (clang::tooling::CompileCommand &Command : Commands)
      if (Seen.emplace(Command.Directory, parsingArguments(Command)).second)
        Kept.push_back(std::move(Command));
    return Kept;
  }

  std::unique_ptr<clang::tooling::CompilationDatabase> Base;
  bool AllCommands;
};

} // namespace

Expected<std::unique_ptr<clang::tooling::CompilationDatabase>>
loadCompilationDatabase(StringRef BuildDir, bool AllCommands) {
  if (!sys::fs::is_directory(BuildDir))
    return createStringError(inconvertibleErrorCode(),
                             "build directory '%s' does not exist",
                             BuildDir.str().c_str());
  SmallString<256> Path(BuildDir);
  sys::path::append(Path, "compile_commands.json");
  if (!sys::fs::exists(Path))
    return createStringError(
        inconvertibleErrorCode(),
        "no compile_commands.json in '%s' (configure with "
        "-DCMAKE_EXPORT_COMPILE_COMMANDS=ON, or use bear)",
        BuildDir.str().c_str());
  ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer = MemoryBuffer::getFile(Path);
  if (!Buffer)
    return malformed(Path, "cannot read: " + Buffer.getError().message());

  Expected<json::Value> Parsed = json::parse((*Buffer)->getBuffer());
  if (!Parsed) {
    // llvm::json says "[line:column, byte=N]: message"; say it as compilers
    // do, "file:line:column: message".
    std::string Message = toString(Parsed.takeError());
    unsigned Line = 0, Column = 0;
    StringRef Rest(Message);
    if (Rest.consume_front("[") && !Rest.consumeInteger(10, Line) &&
        Rest.consume_front(":") && !Rest.consumeInteger(10, Column)) {
      size_t End = Rest.find("]: ");
      if (End != StringRef::npos)
        return malformed((Path + ":" + Twine(Line) + ":" + Twine(Column + 1)).str(),
                         "not valid JSON: " + Rest.drop_front(End + 3));
    }
    return malformed(Path, "not valid JSON: " + Message);
  }
  const json::Array *Entries = Parsed->getAsArray();
  if (!Entries)
    return malformed(Path, "expected an array of compile commands");
  for (size_t I = 0; I < Entries->size(); ++I)
    if (Error E = checkEntry(Path, I + 1, (*Entries)[I]))
      return std::move(E);

  std::string ErrorMessage;
  std::unique_ptr<clang::tooling::CompilationDatabase> Database =
      clang::tooling::JSONCompilationDatabase::loadFromFile(
          Path, ErrorMessage, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!Database)
    return malformed(Path, ErrorMessage);
  return std::make_unique<DistinctCommandsDatabase>(
      clang::tooling::inferMissingCompileCommands(std::move(Database)),
      AllCommands);
}

} // namespace perf_audit::driver
