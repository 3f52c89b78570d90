//===--- BaselineTest.cpp - Changed lines and baseline states -------------===//
//
// Part of perf-audit's unit tests. The driver's lit tests cover the whole
// route (driver/baseline.test, driver/changed-lines.test); these cover the
// corners of the diff parser and of matching.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/Baseline.h"
#include "perf-audit/ChangedLines.h"
#include "gtest/gtest.h"

namespace perf_audit::test {
namespace {

TEST(ChangedLinesTest, NewSideOfEveryHunk) {
  const char *Diff = "diff --git a/src/a.cpp b/src/a.cpp\n"
                     "--- a/src/a.cpp\n"
                     "+++ b/src/a.cpp\n"
                     "@@ -3 +3 @@ void f() {\n"
                     "-old\n"
                     "+new\n"
                     "@@ -10,0 +11,2 @@\n"
                     "+added\n"
                     "+added\n"
                     "@@ -20,3 +21,0 @@\n"
                     "-gone\n"
                     "--- a/src/old.cpp\r\n"
                     "+++ /dev/null\r\n"
                     "@@ -1,2 +0,0 @@\r\n"
                     "--- a/lib/b.h\r\n"
                     "+++ b/lib/b.h\r\n"
                     "@@ -1 +1,3 @@\r\n";
  llvm::Expected<ChangedLines> C = parseUnifiedDiff(Diff, "/repo", "x.diff");
  ASSERT_TRUE(static_cast<bool>(C)) << llvm::toString(C.takeError());
  EXPECT_TRUE(C->contains("/repo/src/a.cpp", 3));
  EXPECT_FALSE(C->contains("/repo/src/a.cpp", 4));
  EXPECT_FALSE(C->contains("/repo/src/a.cpp", 10));
  EXPECT_TRUE(C->contains("/repo/src/a.cpp", 11));
  EXPECT_TRUE(C->contains("/repo/src/a.cpp", 12));
  EXPECT_FALSE(C->contains("/repo/src/a.cpp", 13));
  // Deleted after line 21: lines 21 and 22 are its neighbours.
  EXPECT_TRUE(C->contains("/repo/src/a.cpp", 21));
  EXPECT_TRUE(C->contains("/repo/src/a.cpp", 22));
  EXPECT_FALSE(C->contains("/repo/src/a.cpp", 23));
  EXPECT_EQ(C->Files.count("/repo/src/old.cpp"), 0u);
  EXPECT_TRUE(C->contains("/repo/lib/b.h", 3));
  EXPECT_FALSE(C->contains("/repo/lib/b.h", 4));

  Finding F;
  F.Loc.File = "/repo/src/a.cpp";
  F.Loc.Line = 40;
  EXPECT_FALSE(C->touches(F));
  F.Notes.push_back({"query executed here", {"/repo/lib/b.h", 0, 2, 1}});
  EXPECT_TRUE(C->touches(F)) << "a changed line of the chain counts";
}

TEST(ChangedLinesTest, MalformedHunkNamesTheLine) {
  llvm::Expected<ChangedLines> C = parseUnifiedDiff(
      "--- a/a.cpp\n+++ b/a.cpp\n@@ -1 +one @@\n", "/repo", "change.diff");
  ASSERT_FALSE(static_cast<bool>(C));
  EXPECT_EQ(llvm::toString(C.takeError()),
            "change.diff:3: malformed hunk header '@@ -1 +one @@'");
}

Finding withFingerprint(const char *Fingerprint, const char *Message,
                        unsigned Score) {
  Finding F;
  F.Check = "perf-audit-nested-loop";
  F.Message = Message;
  F.Fingerprint = Fingerprint;
  F.Cost.Score = Score;
  F.Loc.File = "src/a.cpp";
  return F;
}

TEST(BaselineTest, StatesAndFixed) {
  AnalysisResult R;
  R.Findings = {withFingerprint("same", "m", 40),
                withFingerprint("moved-text", "m2", 50),
                withFingerprint("brand-new", "m3", 60)};
  std::vector<Finding> Base = {withFingerprint("same", "m", 40),
                               withFingerprint("moved-text", "m2 old", 45),
                               withFingerprint("fixed", "m4", 70)};
  AnalysisResult All = R;
  compareWithBaseline(All, Base, "/repo");
  ASSERT_EQ(All.Findings.size(), 3u);
  EXPECT_EQ(All.Findings[0].Baseline, BaselineState::Unchanged);
  EXPECT_EQ(All.Findings[1].Baseline, BaselineState::Updated);
  EXPECT_EQ(All.Findings[2].Baseline, BaselineState::New);
  ASSERT_TRUE(All.Baseline.has_value());
  EXPECT_EQ(All.Baseline->New, 1u);
  EXPECT_EQ(All.Baseline->Unchanged, 1u);
  EXPECT_EQ(All.Baseline->Updated, 1u);
  ASSERT_EQ(All.Baseline->Fixed.size(), 1u);
  EXPECT_EQ(All.Baseline->Fixed[0].Fingerprint, "fixed");
  EXPECT_EQ(All.Baseline->Fixed[0].Loc.File, "/repo/src/a.cpp");

  compareWithBaseline(R, Base, "/repo");
  dropBaselineFindings(R);
  ASSERT_EQ(R.Findings.size(), 1u);
  EXPECT_EQ(baselineCounts(*R.Baseline), "1 new, 1 fixed, 2 unchanged (1 updated)")
      << "the counts are of the comparison, not of what is left";
  EXPECT_EQ(R.Findings[0].Fingerprint, "brand-new");
}

TEST(BaselineTest, OneBaselineFindingMatchesOnce) {
  AnalysisResult R;
  R.Findings = {withFingerprint("twin", "m", 40),
                withFingerprint("twin", "m", 40)};
  compareWithBaseline(R, {withFingerprint("twin", "m", 40)}, "/repo");
  EXPECT_EQ(R.Findings[0].Baseline, BaselineState::Unchanged);
  EXPECT_EQ(R.Findings[1].Baseline, BaselineState::New);
}

} // namespace
} // namespace perf_audit::test
