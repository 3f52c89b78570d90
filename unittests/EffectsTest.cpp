//===--- EffectsTest.cpp - The fold of a callee's effects -----------------===//
//
// Part of perf-audit. The fold is the same inside a translation unit and
// across units; here it runs on effects placed by file points, as the join
// sees them (EffectAnalysisTest covers it on ASTs).
//
//===----------------------------------------------------------------------===//

#include "perf-audit/Effects.h"
#include "perf-audit/FindingText.h"
#include "gtest/gtest.h"

using namespace perf_audit;

namespace {

SourcePoint at(unsigned Line) {
  SourcePoint P;
  P.File = "/src/repo.cpp";
  P.Line = Line;
  P.Column = 3;
  return P;
}

EffectTrace stepAt(unsigned Line, const char *Note) {
  return {EffectStep{nullptr, at(Line), Note}};
}

ArgumentSource callerParam(unsigned Index, bool Part = false) {
  ArgumentSource S;
  S.Kind = ArgumentSource::CallerParam;
  S.Param = Index;
  S.Part = Part;
  return S;
}

/// `load(items, n)` at line 40 of the caller: the callee runs a query,
/// blocks, loops over its first parameter and over its member `cache`.
struct FoldTest : ::testing::Test {
  FunctionEffects Callee;
  CallEdge Call;

  void SetUp() override {
    Callee.Query = QuerySite{stepAt(10, "query executed here"), nullptr,
                             /*Writes=*/true};
    BlockingEffect B;
    B.Trace = stepAt(11, "'read' blocks here");
    B.Kind = BlockingKind::FileIO;
    Callee.Blocking = B;
    Callee.ScannedParams.push_back({0, stepAt(12, "loops over 'items' here")});
    Callee.ScannedMembers.push_back(
        {"cache", nullptr, stepAt(13, "loops over 'cache' here")});
    Call.Site.Loc = at(40);
    Call.CalleeName = "load";
  }
};

TEST_F(FoldTest, InheritsTheQueryAndTheBlockingCallThroughTheCall) {
  FunctionEffects Caller;
  EXPECT_TRUE(inheritEffects(Caller, Callee, Call));
  ASSERT_TRUE(Caller.Query);
  ASSERT_EQ(Caller.Query->Trace.size(), 2u);
  EXPECT_EQ(Caller.Query->Trace[0].Loc.Line, 40u);
  EXPECT_EQ(Caller.Query->Trace[0].Note, queryStep("load"));
  EXPECT_EQ(Caller.Query->Trace[1].Loc.Line, 10u);
  EXPECT_TRUE(Caller.Query->Writes);
  ASSERT_TRUE(Caller.Blocking);
  EXPECT_EQ(Caller.Blocking->Kind, BlockingKind::FileIO);
  EXPECT_EQ(Caller.Blocking->Trace[0].Note, blockingStep("load"));
  // Nothing of the caller is passed: no scan is the caller's.
  EXPECT_TRUE(Caller.ScannedParams.empty());
  EXPECT_TRUE(Caller.ScannedMembers.empty());
  // The fold only adds: a second time changes nothing.
  EXPECT_FALSE(inheritEffects(Caller, Callee, Call));
}

TEST_F(FoldTest, KeepsTheCallersOwnFirstQuery) {
  FunctionEffects Caller;
  Caller.Query = QuerySite{stepAt(30, "query executed here")};
  inheritEffects(Caller, Callee, Call);
  ASSERT_EQ(Caller.Query->Trace.size(), 1u);
  EXPECT_EQ(Caller.Query->Trace[0].Loc.Line, 30u);
}

TEST_F(FoldTest, ACoroutineCalleeDoesNotBlockItsCaller) {
  Call.CalleeIsCoroutine = true;
  FunctionEffects Caller;
  inheritEffects(Caller, Callee, Call);
  EXPECT_FALSE(Caller.Blocking);
  EXPECT_TRUE(Caller.Query);
}

TEST_F(FoldTest, ScansOfAnArgumentAreScansOfWhereItComesFrom) {
  // load(param 2 of the caller, something else).
  Call.Arguments = {callerParam(2), ArgumentSource{}};
  FunctionEffects Caller;
  inheritEffects(Caller, Callee, Call);
  const ParamScan *Scan = Caller.paramScan(2);
  ASSERT_TRUE(Scan);
  EXPECT_FALSE(Scan->Part);
  ASSERT_EQ(Scan->Trace.size(), 2u);
  EXPECT_EQ(Scan->Trace[0].Note, argumentScanStep("load"));
  EXPECT_EQ(Caller.ScannedParams.size(), 1u);

  // A member of the caller's parameter (`order.items`) is a part of it.
  FunctionEffects OfAPart;
  Call.Arguments = {callerParam(0, /*Part=*/true)};
  inheritEffects(OfAPart, Callee, Call);
  ASSERT_TRUE(OfAPart.paramScan(0));
  EXPECT_TRUE(OfAPart.paramScan(0)->Part);
}

TEST_F(FoldTest, MemberScansFollowTheObjectOfTheCall) {
  // this->load(): the callee's member is the caller's.
  Call.Object.Kind = ArgumentSource::CallerObject;
  FunctionEffects OnThis;
  inheritEffects(OnThis, Callee, Call);
  ASSERT_EQ(OnThis.ScannedMembers.size(), 1u);
  EXPECT_EQ(OnThis.ScannedMembers[0].Member, "cache");
  EXPECT_EQ(OnThis.ScannedMembers[0].Trace[0].Note,
            memberScanStep("load", "cache"));

  // repo.load() with `repo` a parameter: a loop over a part of it.
  Call.Object = callerParam(1);
  FunctionEffects OnParam;
  inheritEffects(OnParam, Callee, Call);
  EXPECT_TRUE(OnParam.ScannedMembers.empty());
  ASSERT_TRUE(OnParam.paramScan(1));

  // A local object: nothing the caller's callers pay per element.
  Call.Object = ArgumentSource{};
  FunctionEffects OnLocal;
  inheritEffects(OnLocal, Callee, Call);
  EXPECT_TRUE(OnLocal.ScannedMembers.empty());
  EXPECT_TRUE(OnLocal.ScannedParams.empty());
}

TEST_F(FoldTest, WorkPaidOnceChargesNoScans) {
  Call.Arguments = {callerParam(0)};
  Call.Object.Kind = ArgumentSource::CallerObject;
  Call.ChargesScans = false;
  FunctionEffects Caller;
  inheritEffects(Caller, Callee, Call);
  EXPECT_TRUE(Caller.ScannedParams.empty());
  EXPECT_TRUE(Caller.ScannedMembers.empty());
  EXPECT_TRUE(Caller.Query) << "a query behind a memo still runs per miss";
}

TEST_F(FoldTest, EffectsTheCallCannotReachAreLeftOut) {
  Call.Arguments = {callerParam(0)};
  // The query's step sits behind a test the call's constant argument fails.
  auto Reaches = [](const EffectTrace &Trace) {
    return Trace.front().Loc.Line != 10;
  };
  Call.Reaches = Reaches;
  FunctionEffects Caller;
  inheritEffects(Caller, Callee, Call);
  EXPECT_FALSE(Caller.Query);
  EXPECT_TRUE(Caller.Blocking);
  EXPECT_TRUE(Caller.paramScan(0));
}

TEST(FunctionEffectsTest, OneScanPerParameterAndPerMember) {
  FunctionEffects F;
  EXPECT_TRUE(F.addParamScan({1, stepAt(5, "first")}));
  EXPECT_FALSE(F.addParamScan({1, stepAt(6, "second")}));
  EXPECT_EQ(F.paramScan(1)->Trace[0].Note, "first");
  EXPECT_TRUE(F.addMemberScan({"rows", nullptr, stepAt(7, "first")}));
  EXPECT_FALSE(F.addMemberScan({"rows", nullptr, stepAt(8, "second")}));
  EXPECT_TRUE(F.addMemberScan({"cols", nullptr, stepAt(9, "other")}));
  EXPECT_EQ(F.ScannedMembers.size(), 2u);
}

} // namespace
