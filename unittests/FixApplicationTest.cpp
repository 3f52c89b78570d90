//===--- FixApplicationTest.cpp - Planning and applying fix-its -----------===//
//
// Part of perf-audit's unit tests.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/FixApplication.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"

namespace perf_audit::test {
namespace {

Finding withFix(const std::string &File, const char *Check, unsigned Offset,
                unsigned Length, const char *Text) {
  Finding F;
  F.Check = Check;
  F.Loc.File = File;
  F.Loc.Offset = Offset;
  FixEdit E;
  E.Begin.File = File;
  E.Begin.Offset = Offset;
  E.Length = Length;
  E.End = E.Begin;
  E.End.Offset = Offset + Length;
  E.Replacement = Text;
  F.Fixes.push_back(E);
  return F;
}

TEST(FixApplicationTest, OverlappingFixOfALaterFindingIsRefused) {
  std::vector<Finding> Findings = {
      withFix("/a.cpp", "perf-audit-excess-copy", 10, 4, "const auto &"),
      withFix("/a.cpp", "perf-audit-alloc-in-loop", 12, 6, "x"),
      withFix("/a.cpp", "perf-audit-excess-copy", 40, 0, "&")};
  FixPlan Plan = planFixes(Findings);
  EXPECT_EQ(Plan.FindingsFixed, 2u);
  ASSERT_EQ(Plan.Refused.size(), 1u);
  EXPECT_EQ(Plan.Refused[0].Check, "perf-audit-alloc-in-loop");
  EXPECT_EQ(Plan.Refused[0].OtherCheck, "perf-audit-excess-copy");
  EXPECT_EQ(Plan.Refused[0].OtherLoc.Offset, 10u);
  EXPECT_EQ(Plan.Files.at("/a.cpp").size(), 2u);
}

TEST(FixApplicationTest, AFindingIsFixedWhollyOrNotAtAll) {
  Finding Two = withFix("/a.cpp", "perf-audit-excess-copy", 50, 2, "y");
  FixEdit Clash = Two.Fixes[0];
  Clash.Begin.Offset = 5;
  Clash.Length = 3;
  Two.Fixes.push_back(Clash);
  std::vector<Finding> Findings = {
      withFix("/a.cpp", "perf-audit-nested-loop", 4, 2, "z"), Two};
  FixPlan Plan = planFixes(Findings);
  EXPECT_EQ(Plan.FindingsFixed, 1u);
  ASSERT_EQ(Plan.Refused.size(), 1u);
  // The edit at 50 that did not clash is not applied either.
  EXPECT_EQ(Plan.Files.at("/a.cpp").size(), 1u);
}

TEST(FixApplicationTest, SameFixThroughTwoUnitsIsAppliedOnce) {
  std::vector<Finding> Findings = {
      withFix("/h.h", "perf-audit-excess-copy", 7, 0, "&"),
      withFix("/h.h", "perf-audit-excess-copy", 7, 0, "&")};
  FixPlan Plan = planFixes(Findings);
  EXPECT_EQ(Plan.FindingsFixed, 1u);
  EXPECT_EQ(Plan.Duplicates, 1u);
  EXPECT_TRUE(Plan.Refused.empty());
}

TEST(FixApplicationTest, FindingsWithEditsOutsideTheRootAreLeftAlone) {
  Finding Both = withFix("/src/a.cpp", "perf-audit-excess-copy", 20, 0, "&");
  Both.Fixes.push_back(
      withFix("/usr/include/lib.h", "perf-audit-excess-copy", 9, 0, "&")
          .Fixes[0]);
  std::vector<Finding> Findings = {
      withFix("/usr/src/gtest/gtest.cc", "perf-audit-excess-copy", 7, 0, "&"),
      withFix("/src/a.cpp", "perf-audit-excess-copy", 3, 0, "&"), Both,
      // A sibling directory whose name starts like the root's.
      withFix("/src2/b.cpp", "perf-audit-excess-copy", 3, 0, "&")};
  FixPlan Plan = planFixes(Findings, "/src");
  EXPECT_EQ(Plan.FindingsFixed, 1u);
  EXPECT_EQ(Plan.OutsideRoot, 3u);
  ASSERT_EQ(Plan.Files.size(), 1u);
  EXPECT_EQ(Plan.Files.begin()->first, "/src/a.cpp");
  EXPECT_EQ(Plan.Files.begin()->second.size(), 1u);
  // Without a root every finding is planned.
  EXPECT_EQ(planFixes(Findings).FindingsFixed, 4u);
}

TEST(FixApplicationTest, TwoInsertionsAtOneOffsetConflict) {
  std::vector<Finding> Findings = {
      withFix("/a.cpp", "perf-audit-alloc-in-loop", 3, 0, "v.reserve(n);\n"),
      withFix("/a.cpp", "perf-audit-alloc-in-loop", 3, 0, "w.reserve(n);\n")};
  FixPlan Plan = planFixes(Findings);
  EXPECT_EQ(Plan.FindingsFixed, 1u);
  EXPECT_EQ(Plan.Refused.size(), 1u);
}

TEST(FixApplicationTest, ApplyRewritesFilesAndKeepsTheirPermissions) {
  llvm::SmallString<128> Dir;
  ASSERT_FALSE(llvm::sys::fs::createUniqueDirectory("perf-audit-fix", Dir));
  llvm::SmallString<128> Path(Dir);
  llvm::sys::path::append(Path, "a.cpp");
  {
    std::error_code EC;
    llvm::raw_fd_ostream OS(Path, EC);
    ASSERT_FALSE(EC);
    OS << "for (auto s : names) use(s);\n";
  }
  ASSERT_FALSE(llvm::sys::fs::setPermissions(
      Path, llvm::sys::fs::perms(0640)));
  std::vector<Finding> Findings = {
      withFix(std::string(Path), "perf-audit-excess-copy", 5, 5, "const auto &")};
  llvm::Expected<std::vector<std::string>> Written =
      applyFixPlan(planFixes(Findings));
  ASSERT_TRUE(bool(Written)) << llvm::toString(Written.takeError());
  EXPECT_EQ(Written->size(), 1u);
  auto Text = llvm::MemoryBuffer::getFile(Path);
  ASSERT_TRUE(bool(Text));
  EXPECT_EQ((*Text)->getBuffer(), "for (const auto &s : names) use(s);\n");
  EXPECT_EQ(*llvm::sys::fs::getPermissions(Path), llvm::sys::fs::perms(0640));

  // A file changed since the analysis: nothing is written.
  std::vector<Finding> Stale = {
      withFix(std::string(Path), "perf-audit-excess-copy", 500, 1, "x")};
  llvm::Expected<std::vector<std::string>> Failed =
      applyFixPlan(planFixes(Stale));
  ASSERT_FALSE(bool(Failed));
  EXPECT_NE(llvm::toString(Failed.takeError()).find("a.cpp"),
            std::string::npos);
  llvm::sys::fs::remove_directories(Dir);
}

} // namespace
} // namespace perf_audit::test
