//===--- ExecutionProfileTest.cpp - lcov reading and line lookup ----------===//
//
// Part of perf-audit's unit tests. driver/profile.test builds, runs and
// profiles a program and reads both formats; these cover the corners of the
// lcov reader, of matching paths and of telling an edited file apart.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/ExecutionProfile.h"
#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

namespace perf_audit::test {
namespace {

/// A scratch directory, removed with its files.
class ScratchDir {
public:
  ScratchDir() {
    EXPECT_FALSE(
        llvm::sys::fs::createUniqueDirectory("perf-audit-profile", Dir));
  }
  ~ScratchDir() { llvm::sys::fs::remove_directories(Dir); }
  std::string write(llvm::StringRef Name, llvm::StringRef Text) {
    llvm::SmallString<256> Path(Dir);
    llvm::sys::path::append(Path, Name);
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    EXPECT_FALSE(EC);
    OS << Text;
    return std::string(Path);
  }
  std::string path() const { return std::string(Dir); }

private:
  llvm::SmallString<256> Dir;
};

const char *Source = "#include <vector>\n"                    // 1
                     "\n"                                     // 2
                     "int sum(const std::vector<int> &v) {\n" // 3
                     "  int n = 0;\n"                         // 4
                     "  for (int x : v)\n"                    // 5
                     "    n += x;\n"                          // 6
                     "  return n;\n"                          // 7
                     "}\n";                                   // 8

/// The lookup of an lcov file of D holding Info, for the files of D.
std::unique_ptr<ProfileLookup> lookupOf(ScratchDir &D, llvm::StringRef Info) {
  llvm::Expected<ExecutionProfile> P =
      readLcovProfile(D.write("run.info", Info));
  if (!P) {
    ADD_FAILURE() << llvm::toString(P.takeError());
    return nullptr;
  }
  return std::make_unique<ProfileLookup>(
      std::move(*P), D.path(), std::vector<ProfilePathRewrite>{}, D.path());
}

TEST(ExecutionProfileTest, RecordsOfOneFileAreSummed) {
  ScratchDir D;
  std::string Info = D.write("run.info", "TN:first\n"
                                         "SF:src/sum.cpp\n"
                                         "FN:3,_Z3sumRKSt6vectorIiSaIiEE\n"
                                         "FNDA:2,_Z3sumRKSt6vectorIiSaIiEE\n"
                                         "DA:4,2\n"
                                         "DA:6,10\n"
                                         "LF:2\nLH:2\n"
                                         "end_of_record\n"
                                         "TN:second\n"
                                         "SF:src/sum.cpp\n"
                                         "FN:3,_Z3sumRKSt6vectorIiSaIiEE\n"
                                         "FNDA:1,_Z3sumRKSt6vectorIiSaIiEE\n"
                                         "DA:6,5\n"
                                         "end_of_record\n");
  llvm::Expected<ExecutionProfile> P = readLcovProfile(Info);
  ASSERT_TRUE(static_cast<bool>(P)) << llvm::toString(P.takeError());
  EXPECT_EQ(P->Name, "run.info");
  ASSERT_EQ(P->Files.size(), 1u);
  ASSERT_EQ(P->Files[0].Lines.size(), 2u);
  EXPECT_EQ(P->Files[0].Lines[1], std::make_pair(6u, uint64_t(15)));
  ASSERT_EQ(P->Files[0].Functions.size(), 1u);
  EXPECT_EQ(P->Files[0].Functions[0].Entries, 3u);
}

TEST(ExecutionProfileTest, MalformedRecordsNameFileAndLine) {
  ScratchDir D;
  std::string Info =
      D.write("bad.info", "SF:/a.cpp\nFN:3,f\nFNDA:x,f\nend_of_record\n");
  llvm::Expected<ExecutionProfile> P = readLcovProfile(Info);
  ASSERT_FALSE(static_cast<bool>(P));
  EXPECT_EQ(llvm::toString(P.takeError()),
            Info + ":3: malformed function count (expected "
                   "'FNDA:<count>,<name>'): 'FNDA:x,f'");
  std::string Unknown = D.write("unknown.info", "SF:/a.cpp\nXY:1\n");
  P = readLcovProfile(Unknown);
  ASSERT_FALSE(static_cast<bool>(P));
  EXPECT_EQ(llvm::toString(P.takeError()),
            Unknown + ":2: unknown lcov record: 'XY:1'");
  std::string Binary = D.write("gcda", llvm::StringRef("\x01\x02gcda", 6));
  P = readExecutionProfile(Binary, {});
  ASSERT_FALSE(static_cast<bool>(P));
  EXPECT_EQ(llvm::toString(P.takeError()),
            "'" + Binary +
                "' is neither an lcov tracefile nor an LLVM indexed profile");
}

TEST(ExecutionProfileTest, LooksUpLinesAndTheirFunction) {
  ScratchDir D;
  std::string File = D.write("sum.cpp", Source);
  // lcov 2 writes the last line of a function too.
  std::string Info = D.write("run.info", "SF:sum.cpp\n"
                                         "FN:3,8,_Z3sumRKSt6vectorIiSaIiEE\n"
                                         "FNDA:4,_Z3sumRKSt6vectorIiSaIiEE\n"
                                         "DA:4,4\nDA:5,4\nDA:6,400\nDA:7,0\n"
                                         "end_of_record\n");
  llvm::Expected<ExecutionProfile> P = readLcovProfile(Info);
  ASSERT_TRUE(static_cast<bool>(P)) << llvm::toString(P.takeError());
  ProfileLookup Lookup(std::move(*P), D.path());
  std::optional<Measurement> M = Lookup.lookup(File, 6);
  ASSERT_TRUE(M.has_value());
  EXPECT_EQ(M->Executions, 400);
  EXPECT_EQ(M->Entries, 4);
  M = Lookup.lookup(File, 7);
  ASSERT_TRUE(M.has_value());
  EXPECT_EQ(M->Executions, 0);
  // A line the profile does not count (a blank one, a declaration).
  EXPECT_FALSE(Lookup.lookup(File, 2).has_value());
  EXPECT_FALSE(Lookup.lookup(D.path() + "/other.cpp", 6).has_value());
  EXPECT_TRUE(Lookup.takeWarnings().empty());
  EXPECT_TRUE(Lookup.profileWarnings().empty());
}

TEST(ExecutionProfileTest, RewritesPrefixes) {
  ScratchDir D;
  std::string File = D.write("sum.cpp", Source);
  std::string Info = D.write("run.info", "SF:/ci/work/./sum.cpp\nDA:6,7\n"
                                         "end_of_record\n");
  llvm::Expected<ExecutionProfile> P = readLcovProfile(Info);
  ASSERT_TRUE(static_cast<bool>(P));
  llvm::Expected<ProfilePathRewrite> R =
      parseProfilePathRewrite("/ci/work=" + D.path());
  ASSERT_TRUE(static_cast<bool>(R));
  ProfileLookup Lookup(std::move(*P), "/elsewhere", {*R});
  std::optional<Measurement> M = Lookup.lookup(File, 6);
  ASSERT_TRUE(M.has_value());
  EXPECT_EQ(M->Executions, 7);
  EXPECT_EQ(M->Entries, 0); // no function records
  EXPECT_FALSE(static_cast<bool>(parseProfilePathRewrite("no-equals")));
  llvm::consumeError(parseProfilePathRewrite("no-equals").takeError());
}

TEST(ExecutionProfileTest, AnEditedFileIsRefusedOnce) {
  ScratchDir D;
  // Three lines added above `sum` after profiling.
  std::string File =
      D.write("sum.cpp", std::string("// one\n// two\n\n") + Source);
  std::unique_ptr<ProfileLookup> Owned =
      lookupOf(D, "SF:sum.cpp\n"
                  "FN:3,_Z3sumRKSt6vectorIiSaIiEE\n"
                  "FNDA:1,_Z3sumRKSt6vectorIiSaIiEE\n"
                  "DA:6,10\nend_of_record\n");
  ASSERT_TRUE(Owned);
  ProfileLookup &Lookup = *Owned;
  EXPECT_FALSE(Lookup.lookup(File, 6).has_value());
  EXPECT_FALSE(Lookup.lookup(File, 9).has_value());
  std::vector<std::string> Warnings = Lookup.takeWarnings();
  ASSERT_EQ(Warnings.size(), 1u);
  EXPECT_EQ(Warnings[0],
            "profile 'run.info' does not match 'sum.cpp' any more (the profile "
            "puts 'sum' at line 3, where the file has no 'sum'): its findings "
            "keep their estimates");
  EXPECT_TRUE(Lookup.takeWarnings().empty());
}

TEST(ExecutionProfileTest, TheTextAnalysedIsJudgedNotTheFileOnDisk) {
  ScratchDir D;
  std::string File = D.write("sum.cpp", Source);
  std::unique_ptr<ProfileLookup> Owned =
      lookupOf(D, "SF:sum.cpp\n"
                  "FN:3,_Z3sumRKSt6vectorIiSaIiEE\n"
                  "DA:6,10\nend_of_record\n");
  ASSERT_TRUE(Owned);
  ProfileLookup &Lookup = *Owned;
  // An editor's buffer with a line added above 'sum', not saved yet.
  std::string Edited = std::string("// new\n") + Source;
  EXPECT_FALSE(Lookup.lookup(File, 7, llvm::StringRef(Edited)).has_value());
  EXPECT_EQ(Lookup.takeWarnings().size(), 1u);
  // The saved text, as profiled, still reads its counts.
  std::optional<Measurement> M =
      Lookup.lookup(File, 6, llvm::StringRef(Source));
  ASSERT_TRUE(M.has_value());
  EXPECT_EQ(M->Executions, 10);
  EXPECT_TRUE(Lookup.takeWarnings().empty());
}

TEST(ExecutionProfileTest, ShorterFileAndMacroNames) {
  ScratchDir D;
  std::string File = D.write("sum.cpp", Source);
  // A test framework's function (its name is not in the text) is no
  // evidence either way; a counted line past the end is.
  std::unique_ptr<ProfileLookup> Owned =
      lookupOf(D, "SF:sum.cpp\n"
                  "FN:3,_ZN13Sum_Foo_Test8TestBodyEv\n"
                  "DA:6,1\nDA:30,1\nend_of_record\n");
  ASSERT_TRUE(Owned);
  ProfileLookup &Lookup = *Owned;
  EXPECT_FALSE(Lookup.lookup(File, 6).has_value());
  std::vector<std::string> Warnings = Lookup.takeWarnings();
  ASSERT_EQ(Warnings.size(), 1u);
  EXPECT_NE(Warnings[0].find("the profile counts line 30, the file has 8"),
            std::string::npos)
      << Warnings[0];
}

TEST(ExecutionProfileTest, MeasuredImpactKeepsTheEstimate) {
  Impact I = estimateImpact(CostKind::HeapAllocation, 50, 100);
  EXPECT_EQ(I.Score, 41u);
  measureImpact(I, Measurement{20000, 1}, "run.info");
  EXPECT_EQ(I.source(), ExecutionsSource::Profile);
  EXPECT_EQ(I.measuredNs(), 1e6);
  EXPECT_EQ(I.Score, 67u);
  EXPECT_EQ(I.Level, Tier::High);
  EXPECT_EQ(I.estimatedScore(), 41u);
  EXPECT_EQ(impactSuffix(I), "[impact: high 67, measured: 20,000 executions]");
  measureImpact(I, Measurement{0, 1}, "run.info");
  EXPECT_EQ(impactSuffix(I), "[impact: low 0, measured: not executed]");
  Impact Unmeasured = estimateImpact(CostKind::HeapAllocation, 50, 100);
  Unmeasured.ProfileName = "run.info";
  EXPECT_EQ(impactSuffix(Unmeasured), "[impact: medium 41, no profile data]");
  // A finding at a loop counts a share of a run per execution of its line.
  Impact Loop = estimateImpact(CostKind::LoopIteration, 200, 100);
  Loop.CostPerLineExecutionNs = 2;
  measureImpact(Loop, Measurement{9, 1}, "run.info");
  EXPECT_EQ(Loop.measuredNs(), 18);
}

} // namespace
} // namespace perf_audit::test
