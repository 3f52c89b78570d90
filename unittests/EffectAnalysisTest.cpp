//===--- EffectAnalysisTest.cpp - Effects through calls -------------------===//
//
// Part of perf-audit's unit tests.
//
//===----------------------------------------------------------------------===//

#include "AstFixture.h"
#include "perf-audit/ApiModel.h"
#include "perf-audit/CallClassifier.h"
#include "perf-audit/EffectAnalysis.h"
#include "perf-audit/LoopModel.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace perf_audit::test {
namespace {

struct Analysis {
  std::unique_ptr<ASTUnit> AST;
  std::unique_ptr<LoopModel> Loops;
  std::unique_ptr<CallClassifier> Calls;
  std::unique_ptr<EffectAnalysis> Effects;

  const FunctionSummary *summaryOf(const char *Name) {
    const auto *FD = selectOne<FunctionDecl>(
        AST->getASTContext(),
        functionDecl(hasName(Name), isDefinition()).bind("x"));
    return FD ? &Effects->summary(FD) : nullptr;
  }
};

Analysis analyse(const std::string &Code, const ApiModel &Model) {
  Analysis A;
  A.AST = buildAst(Code);
  A.Loops = std::make_unique<LoopModel>(A.AST->getASTContext(), Model);
  A.Calls = std::make_unique<CallClassifier>(Model);
  A.Effects = std::make_unique<EffectAnalysis>(*A.Loops, *A.Calls);
  return A;
}

const char *Code = R"cpp(
  #include <algorithm>
  #include <vector>
  bool contains(const std::vector<int> &v, int x) {
    for (int y : v) if (y == x) return true;
    return false;
  }
  bool viaFind(const std::vector<int> &v, int x) {
    return std::find(v.begin(), v.end(), x) != v.end();
  }
  bool viaCall(int x, const std::vector<int> &w) { return contains(w, x); }
  int repeat(int n) { int s = 0; for (int i = 0; i < n; ++i) s += i; return s; }
  int fixed() { int s = 0; for (int i = 0; i < 8; ++i) s += i; return s; }
  struct Index {
    std::vector<int> keys;
    bool has(int k) const { for (int x : keys) if (x == k) return true; return false; }
    bool hasTwice(int k) const { return has(k) && has(k + 1); }
  };
  int recurse(const std::vector<int> &v, int d) {
    return d ? recurse(v, d - 1) : (int)v.size();
  }
  struct Name { std::vector<int> parts; };
  int length(const Name &n) { int s = 0; for (int p : n.parts) s += p; return s; }
  int lengthOf(const Name *n) { return length(*n); }
  int total(const std::vector<int> &v) { return contains(v, 1) ? 1 : 0; }
)cpp";

TEST(EffectAnalysisTest, LoopsOverParameters) {
  Analysis A = analyse(Code, ApiModel::builtin());
  const FunctionSummary *Contains = A.summaryOf("contains");
  ASSERT_TRUE(Contains);
  ASSERT_EQ(Contains->ScannedParams.size(), 1u);
  EXPECT_EQ(Contains->ScannedParams.front().Param, 0u);
  EXPECT_EQ(Contains->ScannedParams.front().Trace.back().Note,
            "loops over 'v' here");

  const FunctionSummary *ViaFind = A.summaryOf("viaFind");
  ASSERT_TRUE(ViaFind);
  EXPECT_TRUE(ViaFind->paramScan(0));

  const FunctionSummary *ViaCall = A.summaryOf("viaCall");
  ASSERT_TRUE(ViaCall);
  ASSERT_TRUE(ViaCall->paramScan(1)) << "through contains(w, x)";
  const EffectTrace &Trace = ViaCall->paramScan(1)->Trace;
  ASSERT_EQ(Trace.size(), 2u);
  EXPECT_EQ(Trace[0].Note, "'contains' loops over its argument");

  EXPECT_TRUE(A.summaryOf("repeat")->paramScan(0));
  EXPECT_TRUE(A.summaryOf("fixed")->empty());
}

TEST(EffectAnalysisTest, ScansOfAPartOfTheArgument) {
  Analysis A = analyse(Code, ApiModel::builtin());
  // A loop over a member of the parameter walks a part of the object.
  const FunctionSummary *Length = A.summaryOf("length");
  ASSERT_TRUE(Length && Length->paramScan(0));
  EXPECT_TRUE(Length->paramScan(0)->Part);
  // Kept through a caller that passes its own parameter on.
  const FunctionSummary *LengthOf = A.summaryOf("lengthOf");
  ASSERT_TRUE(LengthOf && LengthOf->paramScan(0));
  EXPECT_TRUE(LengthOf->paramScan(0)->Part);
  // The container itself is not a part.
  EXPECT_FALSE(A.summaryOf("contains")->paramScan(0)->Part);
  const FunctionSummary *Total = A.summaryOf("total");
  ASSERT_TRUE(Total && Total->paramScan(0));
  EXPECT_FALSE(Total->paramScan(0)->Part);
}

TEST(EffectAnalysisTest, LoopsOverMembers) {
  Analysis A = analyse(Code, ApiModel::builtin());
  const FunctionSummary *Has = A.summaryOf("has");
  ASSERT_TRUE(Has);
  ASSERT_EQ(Has->ScannedMembers.size(), 1u);
  EXPECT_EQ(Has->ScannedMembers.front().Field->getName(), "keys");
  EXPECT_EQ(Has->ScannedMembers.front().Member, "keys");
  EXPECT_EQ(A.summaryOf("hasTwice")->ScannedMembers.size(), 1u)
      << "through this->has()";
}

TEST(EffectAnalysisTest, RecursionTerminates) {
  Analysis A = analyse(Code, ApiModel::builtin());
  const FunctionSummary *Recurse = A.summaryOf("recurse");
  ASSERT_TRUE(Recurse);
  EXPECT_TRUE(Recurse->empty());
}

TEST(EffectAnalysisTest, QueriesAndBlockingFromModelsAndAnnotations) {
  ApiModel Model = ApiModel::builtin();
  ASSERT_FALSE(static_cast<bool>(Model.merge(R"yaml(
queries:
  - library: test
    calls:
      - { name: db::Conn::run, effect: round-trip }
      - { name: db::Conn::prepare, effect: prepare }
blocking:
  - { name: wait_ms, kind: sleep, duration-arg: 0, duration-unit: ms }
)yaml", "test.yaml")));
  Analysis A = analyse(R"cpp(
    namespace db { struct Conn { void run(const char *); void prepare(const char *); }; }
    void wait_ms(int);
    [[clang::annotate("perf-audit:query")]] int legacyLookup(int);
    void load(db::Conn &c) { c.prepare("x"); c.run("SELECT 1"); }
    void onlyPrepare(db::Conn &c) { c.prepare("x"); }
    void outer(db::Conn &c) { load(c); }
    void annotated() { legacyLookup(1); }
    void pause() { wait_ms(250); }
    void pauseLater() { pause(); }
  )cpp", Model);
  ASSERT_TRUE(A.summaryOf("load")->Query);
  EXPECT_FALSE(A.summaryOf("onlyPrepare")->Query);
  const FunctionSummary *Outer = A.summaryOf("outer");
  ASSERT_TRUE(Outer->Query);
  ASSERT_EQ(Outer->Query->Trace.size(), 2u);
  EXPECT_EQ(Outer->Query->Trace[0].Note, "'load' executes a query");
  EXPECT_EQ(Outer->Query->Trace[1].Note, "query executed here");
  EXPECT_FALSE(Outer->Query->Writes);
  EXPECT_TRUE(A.summaryOf("annotated")->Query);

  const FunctionSummary *Pause = A.summaryOf("pauseLater");
  ASSERT_TRUE(Pause->Blocking);
  ASSERT_TRUE(Pause->Blocking->SleepNs);
  EXPECT_EQ(*Pause->Blocking->SleepNs, 250e6);
}

} // namespace
} // namespace perf_audit::test
