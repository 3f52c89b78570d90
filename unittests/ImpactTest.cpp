//===--- ImpactTest.cpp - Cost table, score, tiers ------------------------===//
//
// Part of perf-audit's unit tests.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/FindingText.h"
#include "perf-audit/Impact.h"
#include "gtest/gtest.h"

namespace perf_audit::test {
namespace {

TEST(ImpactTest, ScoreIsMonotonicAndBounded) {
  EXPECT_EQ(scoreForCost(0), 0u);
  EXPECT_EQ(scoreForCost(1), 0u);
  EXPECT_EQ(scoreForCost(1e9), 100u);
  EXPECT_EQ(scoreForCost(1e12), 100u);
  unsigned Previous = 0;
  for (double Cost = 1; Cost < 1e10; Cost *= 1.7) {
    unsigned Score = scoreForCost(Cost);
    EXPECT_GE(Score, Previous) << "at cost " << Cost;
    Previous = Score;
  }
}

TEST(ImpactTest, TiersFollowScores) {
  EXPECT_EQ(tierForScore(0), Tier::Low);
  EXPECT_EQ(tierForScore(39), Tier::Low);
  EXPECT_EQ(tierForScore(40), Tier::Medium);
  EXPECT_EQ(tierForScore(60), Tier::High);
  EXPECT_EQ(tierForScore(80), Tier::Critical);
  EXPECT_EQ(tierForScore(100), Tier::Critical);
}

TEST(ImpactTest, OrderingAcrossOperationKinds) {
  const double N = 100;
  Impact QueryPerRow = estimateImpact(
      CostKind::DatabaseRoundTrip, unitCostNs(CostKind::DatabaseRoundTrip), N);
  Impact Blocking = estimateImpact(CostKind::BlockingCall,
                                   unitCostNs(CostKind::BlockingCall), 1);
  Impact AllocNested = estimateImpact(
      CostKind::HeapAllocation, unitCostNs(CostKind::HeapAllocation), N * N);
  Impact CopyOnce = estimateImpact(CostKind::Copy, 64, 1);
  EXPECT_GT(QueryPerRow.Score, Blocking.Score);
  EXPECT_GT(Blocking.Score, AllocNested.Score);
  EXPECT_GT(AllocNested.Score, CopyOnce.Score);
  EXPECT_EQ(QueryPerRow.Level, Tier::Critical);
  EXPECT_EQ(CopyOnce.Level, Tier::Low);
  // On a GUI thread: encoding a screenshot outweighs a blocking read, which
  // outweighs opening a file.
  Impact Encode = estimateImpact(CostKind::ImageCodec,
                                 unitCostNs(CostKind::ImageCodec), 1);
  Impact Open = estimateImpact(CostKind::FileOpen, unitCostNs(CostKind::FileOpen), 1);
  EXPECT_GT(Encode.Score, Blocking.Score);
  EXPECT_GT(Blocking.Score, Open.Score);
}

TEST(ImpactTest, SuffixNamesTierScoreAndLowConfidence) {
  Impact I = estimateImpact(CostKind::LoopIteration, 200, 100);
  EXPECT_EQ(impactSuffix(I), "[impact: medium 48]");
  I.Certainty = Confidence::Medium;
  EXPECT_EQ(impactSuffix(I), "[impact: medium 48, medium confidence]");
}

TEST(ImpactTest, CostKindNamesRoundTrip) {
  for (CostKind K : {CostKind::DatabaseRoundTrip, CostKind::HeapAllocation,
                     CostKind::Copy, CostKind::LoopIteration, CostKind::ImageCodec})
    EXPECT_EQ(parseCostKind(costKindName(K)), K);
  EXPECT_FALSE(parseCostKind("teleport"));
}

TEST(ImpactTest, Formatting) {
  EXPECT_EQ(formatCount(100), "100");
  EXPECT_EQ(formatCount(10000), "10,000");
  EXPECT_EQ(formatCount(1234567), "1.2M");
  EXPECT_EQ(formatDuration(500), "500 ns");
  EXPECT_EQ(formatDuration(2.5e6), "2.5 ms");
  EXPECT_EQ(formatDuration(1e8), "100 ms");
}

} // namespace
TEST(ImpactTest, MessagesNameWhatTheEstimateAssumes) {
  using S = AssumedSize;
  EXPECT_EQ(sizeAssumption({}, 100), "");
  EXPECT_EQ(sizeAssumption({{S::Elements, "orders"}}, 100),
            " if 'orders' has ~100 elements");
  // The same data twice (O(n^2)) is one assumption.
  EXPECT_EQ(sizeAssumption({{S::Elements, "v"}, {S::Elements, "v"}}, 50),
            " if 'v' has ~50 elements");
  EXPECT_EQ(sizeAssumption({{S::Elements, "a"}, {S::Elements, "b"},
                            {S::Elements, "c"}},
                           100),
            " if 'a', 'b' and 'c' have ~100 elements each");
  EXPECT_EQ(sizeAssumption({{S::Count, "n"}, {S::Elements, "ids"}}, 100),
            " if 'ids' has ~100 elements and 'n' is ~100");
  EXPECT_EQ(sizeAssumption({{S::Rows, "11"}, {S::Rows, "19"}}, 100),
            " if the queries at lines 11 and 19 return ~100 rows each");
  EXPECT_EQ(sizeAssumption({{S::Turns, "40"}}, 100),
            " if the loop at line 40 runs ~100 times");
}

} // namespace perf_audit::test
