//===--- CompilationDatabaseTest.cpp - Loading compile_commands.json ------===//
//
// Part of perf-audit's unit tests.
//
//===----------------------------------------------------------------------===//

#include "CompilationDatabaseLoader.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <algorithm>

using namespace llvm;

namespace perf_audit::driver {
namespace {

/// A build directory holding Database as its compile_commands.json.
class BuildDirectory {
public:
  explicit BuildDirectory(StringRef Database) {
    EXPECT_FALSE(sys::fs::createUniqueDirectory("perf-audit-cdb", Path));
    SmallString<128> File(Path);
    sys::path::append(File, "compile_commands.json");
    std::error_code EC;
    raw_fd_ostream OS(File, EC);
    EXPECT_FALSE(EC);
    OS << Database;
  }
  ~BuildDirectory() { sys::fs::remove_directories(Path); }
  SmallString<128> Path;
};

/// The commands the driver gets for /src/util.cc from Database.
std::vector<clang::tooling::CompileCommand>
commandsForUtil(StringRef Database, bool AllCommands = false) {
  BuildDirectory Build(Database);
  auto Loaded = loadCompilationDatabase(Build.Path, AllCommands);
  EXPECT_TRUE(static_cast<bool>(Loaded)) << toString(Loaded.takeError());
  if (!Loaded)
    return {};
  return (*Loaded)->getCompileCommands("/src/util.cc");
}

TEST(CompilationDatabaseTest, ACommandRepeatedForAnotherTargetIsListedOnce) {
  // CMake compiles a file shared by two test targets twice: the commands
  // differ only in the object and dependency files.
  std::vector<clang::tooling::CompileCommand> Commands = commandsForUtil(R"([
    {"directory": "/src/build", "file": "/src/util.cc",
     "command": "c++ -DPOSIX -I/src -o a.dir/util.o -MD -MT a.dir/util.o -MF a.dir/util.o.d -c /src/util.cc"},
    {"directory": "/src/build", "file": "/src/util.cc",
     "command": "c++ -DPOSIX -I/src -o b.dir/util.o -MD -MT b.dir/util.o -MF b.dir/util.o.d -c /src/util.cc"},
    {"directory": "/src/build", "file": "/src/util.cc",
     "arguments": ["c++", "-DPOSIX", "-I/src", "-ob.dir/util.o", "-MMD", "-c", "/src/util.cc"]}
  ])", /*AllCommands=*/true);
  ASSERT_EQ(Commands.size(), 1u);
  // The first is kept as it is.
  const std::vector<std::string> &Kept = Commands[0].CommandLine;
  EXPECT_NE(std::find(Kept.begin(), Kept.end(), "a.dir/util.o"), Kept.end());
}

/// One file compiled three ways: other macros, another directory (relative
/// includes resolve elsewhere).
constexpr StringRef ThreeWays = R"([
    {"directory": "/src/build", "file": "/src/util.cc",
     "command": "c++ -DPOSIX -o a.o -c /src/util.cc"},
    {"directory": "/src/build", "file": "/src/util.cc",
     "command": "c++ -DWINDOWS -o b.o -c /src/util.cc"},
    {"directory": "/src/other", "file": "/src/util.cc",
     "command": "c++ -DPOSIX -o a.o -c /src/util.cc"}
  ])";

TEST(CompilationDatabaseTest, AFileIsAnalysedWithItsFirstCommand) {
  // As run-clang-tidy does: a file built into a shared and a static library
  // is analysed once.
  std::vector<clang::tooling::CompileCommand> Commands =
      commandsForUtil(ThreeWays);
  ASSERT_EQ(Commands.size(), 1u);
  EXPECT_EQ(Commands[0].CommandLine[1], "-DPOSIX");
  EXPECT_EQ(Commands[0].Directory, "/src/build");
}

TEST(CompilationDatabaseTest, AllCommandsKeepsEachWayOfParsingAFile) {
  std::vector<clang::tooling::CompileCommand> Commands =
      commandsForUtil(ThreeWays, /*AllCommands=*/true);
  ASSERT_EQ(Commands.size(), 3u);
  EXPECT_EQ(Commands[1].CommandLine[1], "-DWINDOWS");
  EXPECT_EQ(Commands[2].Directory, "/src/other");
}

} // namespace
} // namespace perf_audit::driver
