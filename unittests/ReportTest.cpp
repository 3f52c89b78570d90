//===--- ReportTest.cpp - Ranking and the audit summary -------------------===//
//
// Part of perf-audit's unit tests.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/Report.h"
#include "gtest/gtest.h"

namespace perf_audit::test {
namespace {

Finding make(const char *File, unsigned Line, unsigned Score,
             const char *Check = "perf-audit-nested-loop") {
  Finding F;
  F.Check = Check;
  F.Message = "m";
  F.Loc.File = File;
  F.Loc.Line = Line;
  F.Loc.Offset = Line * 10;
  F.Cost.Score = Score;
  F.Cost.Level = tierForScore(Score);
  return F;
}

TEST(ReportTest, RankByScoreThenLocationAndDeduplicate) {
  std::vector<Finding> Findings = {make("/b.cpp", 1, 40), make("/a.cpp", 9, 85),
                                   make("/a.cpp", 2, 40), make("/b.cpp", 1, 40)};
  rankFindings(Findings);
  ASSERT_EQ(Findings.size(), 3u) << "the duplicate from a header is dropped";
  EXPECT_EQ(Findings[0].Cost.Score, 85u);
  EXPECT_EQ(Findings[1].Loc.File, "/a.cpp");
  EXPECT_EQ(Findings[2].Loc.File, "/b.cpp");
}

TEST(ReportTest, AuditStatus) {
  AnalysisResult R;
  EXPECT_TRUE(summarize(R).Pass);
  EXPECT_EQ(summarize(R).OverallScore, 100u);
  R.Findings = {make("/a.cpp", 1, 65), make("/a.cpp", 2, 65)};
  EXPECT_TRUE(summarize(R).Pass) << "fewer than 3 high findings";
  R.Findings.push_back(make("/b.cpp", 3, 61));
  AuditSummary S = summarize(R);
  EXPECT_FALSE(S.Pass);
  EXPECT_EQ(S.High, 3u);
  EXPECT_EQ(S.Files, 2u);
  EXPECT_EQ(S.OverallScore, 85u);
  R.Findings = {make("/a.cpp", 1, 90)};
  EXPECT_FALSE(summarize(R).Pass) << "any critical finding";
}

TEST(ReportTest, DisplayPath) {
  EXPECT_EQ(displayPath("/src/app/a.cpp", "/src/app"), "a.cpp");
  EXPECT_EQ(displayPath("/src/app/a.cpp", "/src/app/"), "a.cpp");
  EXPECT_EQ(displayPath("/src/application/a.cpp", "/src/app"),
            "/src/application/a.cpp");
}

} // namespace
} // namespace perf_audit::test
