//===--- LoopModelTest.cpp - Trip counts and enclosing loops --------------===//
//
// Part of perf-audit's unit tests. Each snippet marks the loop under test by
// a call to mark() in its body.
//
//===----------------------------------------------------------------------===//

#include "AstFixture.h"
#include "perf-audit/ApiModel.h"
#include "perf-audit/FindingText.h"
#include "perf-audit/LoopModel.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace perf_audit::test {
namespace {

const char *Prelude = R"cpp(
#include <array>
#include <cstring>
#include <istream>
#include <list>
#include <map>
#include <string>
#include <vector>
void mark();
struct Item { int price; std::vector<int> parts; };
)cpp";

struct MarkedLoop {
  std::unique_ptr<ASTUnit> AST;
  std::unique_ptr<LoopModel> Model;
  const Stmt *Loop = nullptr;
  const LoopInfo *Info = nullptr;
};

MarkedLoop analyse(const std::string &Code, LoopModelOptions Options = {}) {
  MarkedLoop Result;
  Result.AST = buildAst(std::string(Prelude) + Code);
  if (!Result.AST)
    return Result;
  ASTContext &Ctx = Result.AST->getASTContext();
  auto Marked = compoundStmt(has(callExpr(callee(functionDecl(hasName("mark"))))));
  Result.Loop = selectOne<Stmt>(
      Ctx, stmt(anyOf(forStmt(hasBody(Marked)), cxxForRangeStmt(hasBody(Marked)),
                      whileStmt(hasBody(Marked)), doStmt(hasBody(Marked))))
               .bind("x"));
  Result.Model =
      std::make_unique<LoopModel>(Ctx, ApiModel::builtin(), Options);
  if (Result.Loop)
    Result.Info = &Result.Model->info(Result.Loop);
  return Result;
}

TEST(LoopModelTest, RangeForOverParameterIsInputDependent) {
  MarkedLoop L = analyse("void f(const std::vector<Item> &orders) {"
                         "  for (const Item &o : orders) { mark(); } }");
  ASSERT_TRUE(L.Info);
  EXPECT_EQ(L.Info->Trip.Kind, TripKind::InputDependent);
  EXPECT_EQ(L.Info->Trip.Source, InputSource::Parameter);
  EXPECT_EQ(L.Info->Description, "the loop over 'orders'");
  EXPECT_TRUE(L.Model->isLarge(*L.Info));
  EXPECT_EQ(L.Model->estimate(*L.Info), 100);
}

TEST(LoopModelTest, FixedSizeRangesAreConstant) {
  MarkedLoop Array = analyse("void f() { std::array<int, 4> a{};"
                             "  for (int x : a) { mark(); } }");
  ASSERT_TRUE(Array.Info);
  EXPECT_EQ(Array.Info->Trip.Kind, TripKind::Constant);
  EXPECT_EQ(Array.Info->Trip.Constant, 4u);
  EXPECT_FALSE(Array.Model->isLarge(*Array.Info));

  MarkedLoop List = analyse("void f() { for (int x : {1, 2, 3}) { mark(); } }");
  ASSERT_TRUE(List.Info);
  EXPECT_EQ(List.Info->Trip.Kind, TripKind::Constant);
  EXPECT_EQ(List.Info->Trip.Constant, 3u);

  MarkedLoop CArray = analyse("int table[16];"
                              "void f() { for (int x : table) { mark(); } }");
  ASSERT_TRUE(CArray.Info);
  EXPECT_EQ(CArray.Info->Trip.Kind, TripKind::Constant);
  EXPECT_EQ(CArray.Info->Trip.Constant, 16u);
}

TEST(LoopModelTest, ConstantTablesKeepTheirSize) {
  MarkedLoop L = analyse(
      "void f() { const std::vector<std::string> kinds = {\"a\", \"b\"};"
      "  for (const auto &k : kinds) { mark(); } }");
  ASSERT_TRUE(L.Info);
  EXPECT_EQ(L.Info->Trip.Kind, TripKind::Constant);
  EXPECT_EQ(L.Info->Trip.Constant, 2u);
}

TEST(LoopModelTest, FilledLocalContainerIsInputDependent) {
  MarkedLoop L = analyse("void f(int n) { std::vector<int> v;"
                         "  for (int i = 0; i < n; ++i) v.push_back(i);"
                         "  for (int x : v) { mark(); } }");
  ASSERT_TRUE(L.Info);
  EXPECT_EQ(L.Info->Trip.Kind, TripKind::InputDependent);
  EXPECT_EQ(L.Info->Trip.Source, InputSource::Container);
}

TEST(LoopModelTest, IndexLoops) {
  MarkedLoop Small = analyse("void f() { for (int i = 0; i < 8; ++i) { mark(); } }");
  ASSERT_TRUE(Small.Info);
  EXPECT_EQ(Small.Info->Trip.Kind, TripKind::Constant);
  EXPECT_EQ(Small.Info->Trip.Constant, 8u);

  MarkedLoop Inclusive =
      analyse("void f() { for (int i = 1; i <= 10; ++i) { mark(); } }");
  ASSERT_TRUE(Inclusive.Info);
  EXPECT_EQ(Inclusive.Info->Trip.Constant, 10u);

  MarkedLoop Named = analyse("void f() { const int N = 2000;"
                             "  for (int i = 0; i < N; ++i) { mark(); } }");
  ASSERT_TRUE(Named.Info);
  EXPECT_EQ(Named.Info->Trip.Kind, TripKind::Constant);
  EXPECT_EQ(Named.Info->Trip.Constant, 2000u);
  EXPECT_TRUE(Named.Model->isLarge(*Named.Info)) << "2000 >= LargeTripCount";

  MarkedLoop Size = analyse("void f(const std::vector<int> &v) {"
                            "  for (size_t i = 0; i < v.size(); ++i) { mark(); } }");
  ASSERT_TRUE(Size.Info);
  EXPECT_EQ(Size.Info->Trip.Kind, TripKind::InputDependent);
  EXPECT_EQ(Size.Info->Description, "the loop over 'v'");

  MarkedLoop Param =
      analyse("void f(int n) { for (int i = 0; i < n; ++i) { mark(); } }");
  ASSERT_TRUE(Param.Info);
  EXPECT_EQ(Param.Info->Trip.Source, InputSource::Parameter);

  MarkedLoop Down =
      analyse("void f(int n) { for (int i = n; i > 0; --i) { mark(); } }");
  ASSERT_TRUE(Down.Info);
  EXPECT_EQ(Down.Info->Trip.Kind, TripKind::InputDependent);
}

TEST(LoopModelTest, IteratorLoops) {
  MarkedLoop L = analyse(
      "void f(std::list<int> &l) {"
      "  for (auto it = l.begin(); it != l.end(); ++it) { mark(); } }");
  ASSERT_TRUE(L.Info);
  EXPECT_EQ(L.Info->Trip.Kind, TripKind::InputDependent);
  EXPECT_EQ(L.Info->Description, "the loop over 'l'");
  ASSERT_EQ(L.Info->IterationVars.size(), 1u);
  EXPECT_EQ(L.Info->IterationVars[0]->getName(), "it");
}

TEST(LoopModelTest, WhileAndDoLoops) {
  MarkedLoop Stream = analyse("void f(std::istream &in) { std::string line;"
                              "  while (std::getline(in, line)) { mark(); } }");
  ASSERT_TRUE(Stream.Info);
  EXPECT_EQ(Stream.Info->Trip.Kind, TripKind::InputDependent);

  MarkedLoop Retry = analyse("bool attempt();"
                             "void f() { int retries = 3;"
                             "  while (retries-- > 0) { mark(); if (attempt()) break; } }");
  ASSERT_TRUE(Retry.Info);
  EXPECT_EQ(Retry.Info->Trip.Kind, TripKind::Constant);
  EXPECT_EQ(Retry.Info->Trip.Constant, 3u);

  MarkedLoop CountDown = analyse("void f(int n) { while (n--) { mark(); } }");
  ASSERT_TRUE(CountDown.Info);
  EXPECT_EQ(CountDown.Info->Trip.Kind, TripKind::InputDependent);

  MarkedLoop Queue = analyse("void f(std::vector<int> &q) {"
                             "  while (!q.empty()) { mark(); q.pop_back(); } }");
  ASSERT_TRUE(Queue.Info);
  EXPECT_EQ(Queue.Info->Trip.Kind, TripKind::InputDependent);
  EXPECT_TRUE(Queue.Info->IterationVars.empty())
      << "a drained container is not a position";

  MarkedLoop Do = analyse("void f(const char *p) { do { mark(); } while (*p++); }");
  ASSERT_TRUE(Do.Info);
  EXPECT_EQ(Do.Info->Trip.Kind, TripKind::InputDependent);
}

TEST(LoopModelTest, FlagsAndInfiniteLoopsAreUnknown) {
  MarkedLoop Forever = analyse("bool done(); void f() { for (;;) { mark(); if (done()) break; } }");
  ASSERT_TRUE(Forever.Info);
  EXPECT_EQ(Forever.Info->Trip.Kind, TripKind::Unknown);
  EXPECT_FALSE(Forever.Model->isLarge(*Forever.Info));

  MarkedLoop Flag = analyse("void f(bool &running) { while (running) { mark(); } }");
  ASSERT_TRUE(Flag.Info);
  EXPECT_EQ(Flag.Info->Trip.Kind, TripKind::Unknown);

  MarkedLoop True = analyse("bool done(); void f() { while (true) { mark(); if (done()) break; } }");
  ASSERT_TRUE(True.Info);
  EXPECT_EQ(True.Info->Trip.Kind, TripKind::Unknown);
  EXPECT_EQ(True.Model->estimate(*True.Info), 1)
      << "a count that is not seen multiplies as one run, not as N";
}

TEST(LoopModelTest, MultiplicativeStepIsLogarithmic) {
  MarkedLoop L = analyse("void f(int n) { for (int i = 1; i < n; i *= 2) { mark(); } }");
  ASSERT_TRUE(L.Info);
  EXPECT_EQ(L.Info->Trip.Kind, TripKind::Logarithmic);
  EXPECT_FALSE(L.Model->isLarge(*L.Info));
  EXPECT_EQ(L.Model->estimate(*L.Info), 7) << "log2(100) rounded up";
}

TEST(LoopModelTest, DoublingBetweenConstantsIsItsStepCount) {
  MarkedLoop L = analyse("void f() { for (int limit = 1 << 10; limit < 1 << 20;"
                         " limit *= 2) { mark(); } }");
  ASSERT_TRUE(L.Info);
  EXPECT_EQ(L.Info->Trip.Kind, TripKind::Constant);
  EXPECT_EQ(L.Info->Trip.Constant, 10u) << "2^10 doubled ten times is 2^20";
  EXPECT_FALSE(L.Model->isLarge(*L.Info));
}

TEST(LoopModelTest, MasksAndRemaindersBoundTheirValue) {
  MarkedLoop Rem = analyse("void f(const std::vector<int> &v) {"
                           "  for (unsigned i = 0; i < v.size() % 8; ++i) { mark(); } }");
  ASSERT_TRUE(Rem.Info);
  EXPECT_EQ(Rem.Info->Trip.Kind, TripKind::Constant) << "below 8, whatever v holds";
  EXPECT_EQ(Rem.Info->Trip.Constant, 8u);
  MarkedLoop Mask = analyse("void f(const std::vector<int> &v) {"
                            "  for (unsigned i = 0; i < (v.size() & 3); ++i) { mark(); } }");
  ASSERT_TRUE(Mask.Info);
  EXPECT_EQ(Mask.Info->Trip.Kind, TripKind::Constant);
  EXPECT_FALSE(Mask.Model->isLarge(*Mask.Info));
}

TEST(LoopModelTest, HelpersAreReadWithTheCallersArguments) {
  // The helper's result is bounded by its second argument: the caller's
  // constant, not the size it also passes.
  MarkedLoop Padding = analyse(
      "unsigned long padding(unsigned long size, unsigned long align) {"
      "  return (~size + 1) & (align - 1); }"
      "void f(const std::vector<int> &v) {"
      "  for (unsigned long i = 0; i < padding(v.size(), 8); ++i) { mark(); } }");
  ASSERT_TRUE(Padding.Info);
  EXPECT_EQ(Padding.Info->Trip.Kind, TripKind::Constant);
  EXPECT_LE(Padding.Info->Trip.Constant, 8u);
  // Given the caller's data, the helper's result follows it.
  MarkedLoop Half = analyse(
      "unsigned long half(unsigned long n) { return n / 2; }"
      "void f(const std::vector<int> &v) {"
      "  for (unsigned long i = 0; i < half(v.size()); ++i) { mark(); } }");
  ASSERT_TRUE(Half.Info);
  EXPECT_EQ(Half.Info->Trip.Kind, TripKind::InputDependent);
  EXPECT_EQ(Half.Info->Trip.Source, InputSource::Parameter);
}

TEST(LoopModelTest, WaitAndRetryLoopsAreNotInputSized) {
  MarkedLoop Wait = analyse("bool done(); void f() { while (!done()) { mark(); } }");
  ASSERT_TRUE(Wait.Info);
  EXPECT_EQ(Wait.Info->Trip.Kind, TripKind::Unknown);
  EXPECT_EQ(Wait.Info->Trip.Basis, TripBasis::WaitOrRetry);
  MarkedLoop Retry = analyse(
      "bool removeOne(std::vector<int> &v, int x);"
      "void f(std::vector<int> &v) { while (removeOne(v, 3)) { mark(); } }");
  ASSERT_TRUE(Retry.Info);
  EXPECT_EQ(Retry.Info->Trip.Basis, TripBasis::WaitOrRetry);
  EXPECT_FALSE(Retry.Model->isLarge(*Retry.Info));
  // A lookup of one key repeats until the key is new.
  MarkedLoop Fresh = analyse(
      "struct Ids { bool contains(int) const; int size() const; int *begin(); };"
      "int next(); void f(const Ids &ids) { int id = next();"
      "  while (ids.contains(id)) { mark(); id = next(); } }");
  ASSERT_TRUE(Fresh.Info);
  EXPECT_EQ(Fresh.Info->Trip.Basis, TripBasis::WaitOrRetry);
  EXPECT_FALSE(Fresh.Model->isLarge(*Fresh.Info));
  // A container's own state is data, not a status.
  MarkedLoop Drain = analyse("void f(std::vector<int> &q) {"
                             "  while (!q.empty()) { mark(); q.pop_back(); } }");
  ASSERT_TRUE(Drain.Info);
  EXPECT_EQ(Drain.Info->Trip.Kind, TripKind::InputDependent);
}

TEST(LoopModelTest, CommandLineArgumentsAreAHandful) {
  MarkedLoop L = analyse("int main(int argc, char **argv) {"
                         "  for (int i = 1; i < argc; ++i) { mark(); } }");
  ASSERT_TRUE(L.Info);
  EXPECT_EQ(L.Info->Trip.Kind, TripKind::Bounded);
  EXPECT_EQ(L.Info->Trip.Basis, TripBasis::CommandLine);
  EXPECT_FALSE(L.Model->isLarge(*L.Info));
  EXPECT_EQ(L.Model->estimate(*L.Info), BoundedTripCount);
  EXPECT_EQ(L.Info->Description, "the loop over the command-line arguments");
}

TEST(LoopModelTest, CharactersOfOneNameAreAFew) {
  MarkedLoop Name = analyse("void f(const std::string &type_name) {"
                            "  for (char c : type_name) { mark(); } }");
  ASSERT_TRUE(Name.Info);
  EXPECT_EQ(Name.Info->Trip.Kind, TripKind::Bounded);
  EXPECT_EQ(Name.Info->Trip.Basis, TripBasis::ShortText);
  EXPECT_FALSE(Name.Model->isLarge(*Name.Info));
  EXPECT_EQ(Name.Model->estimate(*Name.Info), ShortTextLength);
  EXPECT_EQ(Name.Info->Description,
            "the loop over the characters of 'type_name'");
  MarkedLoop Text = analyse("void f(const std::string &text) {"
                            "  for (char c : text) { mark(); } }");
  ASSERT_TRUE(Text.Info);
  EXPECT_EQ(Text.Info->Trip.Kind, TripKind::InputDependent);
  MarkedLoop Names = analyse("void f(const std::vector<std::string> &names) {"
                             "  for (const std::string &n : names) { mark(); } }");
  ASSERT_TRUE(Names.Info);
  EXPECT_EQ(Names.Info->Trip.Kind, TripKind::InputDependent)
      << "a container of names is as long as the input";
}

TEST(LoopModelTest, CountsKeptBelowAConstant) {
  MarkedLoop Capped = analyse(
      "struct Ctx { int inFlight; std::vector<int> pending; };"
      "void start(Ctx *c); void f(Ctx *c) {"
      "  while (c->inFlight < 50 && !c->pending.empty()) { mark(); start(c); } }");
  ASSERT_TRUE(Capped.Info);
  EXPECT_EQ(Capped.Info->Trip.Kind, TripKind::Constant);
  EXPECT_EQ(Capped.Info->Trip.Constant, 50u);
  MarkedLoop Inclusive = analyse(
      "struct Ctx { unsigned done; }; void step(Ctx *c);"
      "void f(Ctx *c) { while (8 >= c->done) { mark(); step(c); } }");
  ASSERT_TRUE(Inclusive.Info);
  EXPECT_EQ(Inclusive.Info->Trip.Constant, 9u);
  // Either of two counts below a constant keeps it going: their sum.
  MarkedLoop Either = analyse(
      "struct Value { int high; int low; }; Value total(); void draw();"
      "void f() { Value v = total();"
      "  while (v.high < 17 || (v.high > 21 && v.low < 17)) {"
      "    mark(); draw(); v = total(); } }");
  ASSERT_TRUE(Either.Info);
  EXPECT_EQ(Either.Info->Trip.Kind, TripKind::Constant);
  EXPECT_EQ(Either.Info->Trip.Constant, 34u);
  // Kept below data, it is input.
  MarkedLoop Data = analyse(
      "struct Ctx { int inFlight; }; void start(Ctx *c);"
      "void f(Ctx *c, const std::vector<int> &v) {"
      "  while (c->inFlight < (int)v.size()) { mark(); start(c); } }");
  ASSERT_TRUE(Data.Info);
  EXPECT_EQ(Data.Info->Trip.Kind, TripKind::InputDependent);
}

TEST(LoopModelTest, ContainersFilledByFewInsertions) {
  MarkedLoop Files = analyse(
      "int compile(int argc, const char **argv) {"
      "  std::vector<std::string> files;"
      "  for (int i = 1; i < argc; ++i) files.push_back(argv[i]);"
      "  for (const std::string &f : files) { mark(); } return 0; }");
  ASSERT_TRUE(Files.Info);
  EXPECT_EQ(Files.Info->Trip.Kind, TripKind::Bounded);
  EXPECT_FALSE(Files.Model->isLarge(*Files.Info));
  MarkedLoop Three = analyse(
      "void f() { std::vector<int> v{}; v.push_back(1);"
      "  for (int i = 0; i < 2; ++i) v.push_back(i);"
      "  for (int x : v) { mark(); } }");
  ASSERT_TRUE(Three.Info);
  EXPECT_EQ(Three.Info->Trip.Kind, TripKind::Constant);
  EXPECT_EQ(Three.Info->Trip.Constant, 3u);
  // Passed on by non-const reference, it may be filled with anything.
  MarkedLoop Escaped = analyse(
      "void fill(std::vector<int> &v); void f() { std::vector<int> v;"
      "  v.push_back(1); fill(v); for (int x : v) { mark(); } }");
  ASSERT_TRUE(Escaped.Info);
  EXPECT_EQ(Escaped.Info->Trip.Kind, TripKind::InputDependent);
  // Two keys set by subscript, walked through a const reference.
  MarkedLoop Keyed = analyse(
      "void f() { std::map<std::string, int> m; m[\"a\"] = 1; m[\"b\"] = 2;"
      "  const auto &view = m; for (const auto &kv : view) { mark(); } }");
  ASSERT_TRUE(Keyed.Info);
  EXPECT_EQ(Keyed.Info->Trip.Kind, TripKind::Constant);
  EXPECT_EQ(Keyed.Info->Trip.Constant, 2u);
  // A key per element of the input is as many keys as the input has.
  MarkedLoop PerName = analyse(
      "void f(const std::vector<std::string> &names) {"
      "  std::map<std::string, int> m; for (const auto &n : names) m[n] = 1;"
      "  for (const auto &kv : m) { mark(); } }");
  ASSERT_TRUE(PerName.Info);
  EXPECT_EQ(PerName.Info->Trip.Kind, TripKind::InputDependent);
}

TEST(LoopModelTest, MembersFilledFromTheCommandLineAreAHandful) {
  // flatc: the options parsed from argv keep the input files in a member,
  // walked by another function.
  const char *Options =
      "struct Options { std::vector<std::string> files; int level = 0; };"
      "Options parse(int argc, const char **argv) { Options o;"
      "  for (int i = 1; i < argc; ++i) {"
      "    if (argv[i][0] == '-') { ++o.level; continue; }"
      "    o.files.push_back(argv[i]); }"
      "  if (o.files.empty()) o.level = -1;"
      "  return o; }";
  MarkedLoop Files = analyse(std::string(Options) +
                             "void run(const Options &o) {"
                             "  for (const std::string &f : o.files) { mark(); } }");
  ASSERT_TRUE(Files.Info);
  EXPECT_EQ(Files.Info->Trip.Kind, TripKind::Bounded);
  EXPECT_EQ(Files.Info->Trip.Basis, TripBasis::CommandLine);
  EXPECT_FALSE(Files.Model->isLarge(*Files.Info));
  // Filled from data as well (a file list read from a file), it is input.
  MarkedLoop Listed = analyse(
      std::string(Options) +
      "void addListed(Options &o, const std::vector<std::string> &listed) {"
      "  for (const std::string &l : listed) o.files.push_back(l); }"
      "void run(const Options &o) {"
      "  for (const std::string &f : o.files) { mark(); } }");
  ASSERT_TRUE(Listed.Info);
  EXPECT_EQ(Listed.Info->Trip.Kind, TripKind::InputDependent);
  // Assigned whole, it holds whatever was assigned.
  MarkedLoop Assigned = analyse(
      std::string(Options) +
      "void reset(Options &o, const std::vector<std::string> &all) {"
      "  o.files = all; }"
      "void run(const Options &o) {"
      "  for (const std::string &f : o.files) { mark(); } }");
  ASSERT_TRUE(Assigned.Info);
  EXPECT_EQ(Assigned.Info->Trip.Kind, TripKind::InputDependent);
  // A member the unit never fills is not known to be small.
  MarkedLoop Unfilled = analyse(
      "struct Options { std::vector<std::string> files; };"
      "void run(const Options &o) {"
      "  for (const std::string &f : o.files) { mark(); } }");
  ASSERT_TRUE(Unfilled.Info);
  EXPECT_EQ(Unfilled.Info->Trip.Kind, TripKind::InputDependent);
}

TEST(LoopModelTest, PartsOfAnOuterElementAreAFew) {
  // The definitions of each group: one walk over the data with the groups.
  MarkedLoop Part = analyse(
      "struct Group { std::vector<std::string> definitions; };"
      "void f(const std::vector<Group> &groups) {"
      "  for (const Group &g : groups)"
      "    for (const std::string &d : g.definitions) { mark(); } }");
  ASSERT_TRUE(Part.Info);
  EXPECT_TRUE(Part.Model->walksElementPart(Part.Loop));
  const Stmt *Body =
      *cast<CompoundStmt>(loopBody(Part.Loop))->body_begin();
  EXPECT_EQ(Part.Model->executionsPerCall(Body), 100.0 * BoundedTripCount);
  std::vector<AssumedSize> Sizes = Part.Model->assumedSizes(Body);
  ASSERT_EQ(Sizes.size(), 2u);
  EXPECT_EQ(Sizes[0].Kind, AssumedSize::Elements);
  EXPECT_EQ(Sizes[0].Name, "groups");
  EXPECT_EQ(Sizes[1].Kind, AssumedSize::Parts);
  EXPECT_EQ(Sizes[1].Name, "g.definitions");
  EXPECT_EQ(sizeAssumption(Sizes, 100),
            " if 'groups' has ~100 elements and 'g.definitions' ~4");
  // A triangle over one index is quadratic, not a part.
  MarkedLoop Triangle = analyse(
      "void f(const std::vector<int> &v) {"
      "  for (std::size_t i = 0; i < v.size(); ++i)"
      "    for (std::size_t j = 0; j < i; ++j) { mark(); } }");
  ASSERT_TRUE(Triangle.Info);
  EXPECT_FALSE(Triangle.Model->walksElementPart(Triangle.Loop));
  // The same data again in the inner loop is not a part of the element.
  MarkedLoop Pairs = analyse(
      "void f(const std::vector<int> &a, const std::vector<int> &b) {"
      "  for (int x : a) for (int y : b) { mark(); } }");
  ASSERT_TRUE(Pairs.Info);
  EXPECT_FALSE(Pairs.Model->walksElementPart(Pairs.Loop));
  // Under a loop over a handful, the part is the data itself.
  MarkedLoop Few = analyse(
      "struct Group { std::vector<std::string> definitions; };"
      "void f() { Group a, b; for (const Group *g : {&a, &b})"
      "  for (const std::string &d : g->definitions) { mark(); } }");
  ASSERT_TRUE(Few.Info);
  EXPECT_FALSE(Few.Model->walksElementPart(Few.Loop));
}

TEST(LoopModelTest, ParametersEveryCallGivesAConstantList) {
  MarkedLoop Local = analyse(
      "static void each(const std::vector<int> &cols) {"
      "  for (int c : cols) { mark(); } }"
      "void f() { each({1, 2}); const std::vector<int> three = {1, 2, 3};"
      "  each(three); }");
  ASSERT_TRUE(Local.Info);
  EXPECT_EQ(Local.Info->Trip.Kind, TripKind::Constant);
  EXPECT_EQ(Local.Info->Trip.Constant, 3u);
  // Visible to other files: its callers are not all known.
  MarkedLoop Open = analyse(
      "void each(const std::vector<int> &cols) {"
      "  for (int c : cols) { mark(); } }"
      "void f() { each({1, 2}); }");
  ASSERT_TRUE(Open.Info);
  EXPECT_EQ(Open.Info->Trip.Kind, TripKind::InputDependent);
  MarkedLoop Given = analyse(
      "static void each(const std::vector<int> &cols) {"
      "  for (int c : cols) { mark(); } }"
      "void f(const std::vector<int> &v) { each({1, 2}); each(v); }");
  ASSERT_TRUE(Given.Info);
  EXPECT_EQ(Given.Info->Trip.Kind, TripKind::InputDependent);
}

TEST(LoopModelTest, AssumedTripCountIsAnOption) {
  LoopModelOptions Options;
  Options.AssumedTripCount = 50;
  Options.LargeTripCount = 10;
  MarkedLoop Param = analyse(
      "void f(int n) { for (int i = 0; i < n; ++i) { mark(); } }", Options);
  ASSERT_TRUE(Param.Info);
  EXPECT_EQ(Param.Model->estimate(*Param.Info), 50);
  MarkedLoop Small =
      analyse("void f() { for (int i = 0; i < 16; ++i) { mark(); } }", Options);
  ASSERT_TRUE(Small.Info);
  EXPECT_TRUE(Small.Model->isLarge(*Small.Info));
}

TEST(LoopModelTest, EnclosingLoopsAndExecutions) {
  auto AST = buildAst(std::string(Prelude) + R"cpp(
    int work(int);
    int f(const std::vector<Item> &items, int n) {
      int total = 0;
      for (int k = 0; k < 4; ++k)
        for (const Item &it : items)
          for (int i = work(n); i < n; ++i)
            total += work(i);
      auto lambda = [&] { for (int j = 0; j < n; ++j) total += work(j); };
      lambda();
      return total;
    }
  )cpp");
  ASSERT_TRUE(AST);
  ASTContext &Ctx = AST->getASTContext();
  LoopModel Model(Ctx, ApiModel::builtin());

  const auto *Innermost = selectOne<CallExpr>(
      Ctx, callExpr(callee(functionDecl(hasName("work"))),
                    hasArgument(0, declRefExpr(to(varDecl(hasName("i"))))))
               .bind("x"));
  ASSERT_TRUE(Innermost);
  auto Loops = Model.enclosingLoops(Innermost);
  ASSERT_EQ(Loops.size(), 3u);
  EXPECT_TRUE(isa<ForStmt>(Loops[0]));
  EXPECT_TRUE(isa<CXXForRangeStmt>(Loops[1]));
  EXPECT_TRUE(isa<ForStmt>(Loops[2]));
  EXPECT_EQ(Model.executionsPerCall(Innermost), 4 * 100 * 100);

  // The init-statement of a for runs once per entry into the loop.
  const auto *InInit = selectOne<CallExpr>(
      Ctx, callExpr(callee(functionDecl(hasName("work"))),
                    hasArgument(0, declRefExpr(to(parmVarDecl(hasName("n"))))),
                    hasAncestor(functionDecl(hasName("f"))),
                    unless(hasAncestor(lambdaExpr())))
               .bind("x"));
  ASSERT_TRUE(InInit);
  EXPECT_EQ(Model.enclosingLoops(InInit).size(), 2u);

  // A lambda is a function boundary.
  const auto *InLambda = selectOne<CallExpr>(
      Ctx, callExpr(callee(functionDecl(hasName("work"))),
                    hasArgument(0, declRefExpr(to(varDecl(hasName("j"))))))
               .bind("x"));
  ASSERT_TRUE(InLambda);
  EXPECT_EQ(Model.enclosingLoops(InLambda).size(), 1u);
}

TEST(LoopModelTest, BlocksThatLeaveRunOnce) {
  auto AST = buildAst(std::string(Prelude) + R"cpp(
    int work(int);
    [[noreturn]] void fail(int);
    int f(const std::vector<int> &outer, const std::vector<int> &inner) {
      for (int o : outer) {
        for (int i : inner) {
          if (i == o) {
            work(1);
            break;
          }
          if (i < 0) {
            work(2);
            fail(i);
          }
          switch (i) {
          case 7:
            work(3);
            break;
          }
          if (i > o) {
            work(4);
            continue;
          }
        }
        if (o == 0) {
          work(5);
          return o;
        }
      }
      return 0;
    }
  )cpp");
  ASSERT_TRUE(AST);
  ASTContext &Ctx = AST->getASTContext();
  LoopModel Model(Ctx, ApiModel::builtin());
  auto LoopsAround = [&](int Tag) {
    const auto *Call = selectOne<CallExpr>(
        Ctx, callExpr(callee(functionDecl(hasName("work"))),
                      hasArgument(0, integerLiteral(equals(Tag))))
                 .bind("x"));
    return Call ? Model.enclosingLoops(Call).size() : 99u;
  };
  EXPECT_EQ(LoopsAround(1), 1u) << "the break leaves the inner loop only";
  EXPECT_EQ(LoopsAround(2), 0u) << "a [[noreturn]] call leaves the function";
  EXPECT_EQ(LoopsAround(3), 2u) << "that break leaves the switch";
  EXPECT_EQ(LoopsAround(4), 2u) << "continue goes on with the loop";
  EXPECT_EQ(LoopsAround(5), 0u) << "return leaves the function";
}

TEST(LoopModelTest, StatementsThatRunOncePerCall) {
  auto AST = buildAst(std::string(Prelude) + R"cpp(
    int work(int);
    [[noreturn]] void fail(int);
    struct Index {
      bool ready_ = false;
      std::vector<int> cache_;
      int f(const std::vector<int> &keys) {
        for (int k : keys) {
          if (k < 0)
            return work(1);
          if (k == 0)
            throw work(2);
          if (k == 1)
            fail(work(3));
          if (!ready_) {
            work(4);
            ready_ = true;
          }
          if (cache_.empty()) {
            work(5);
            cache_.push_back(k);
          }
          bool seen = false;
          for (int j : keys) {
            if (!seen) {
              work(6);
              seen = true;
            }
          }
          if (!ready_)
            work(7);
        }
        return 0;
      }
    };
  )cpp");
  ASSERT_TRUE(AST);
  ASTContext &Ctx = AST->getASTContext();
  LoopModel Model(Ctx, ApiModel::builtin());
  auto LoopsAround = [&](int Tag) {
    const auto *Call = selectOne<CallExpr>(
        Ctx, callExpr(callee(functionDecl(hasName("work"))),
                      hasArgument(0, integerLiteral(equals(Tag))))
                 .bind("x"));
    return Call ? Model.enclosingLoops(Call).size() : 99u;
  };
  EXPECT_EQ(LoopsAround(1), 0u) << "the value of a return";
  EXPECT_EQ(LoopsAround(2), 0u) << "the operand of a throw";
  EXPECT_EQ(LoopsAround(3), 0u) << "an argument of a [[noreturn]] call";
  EXPECT_EQ(LoopsAround(4), 0u) << "a block that turns its own flag off";
  EXPECT_EQ(LoopsAround(5), 0u) << "a lazy fill of an empty cache";
  EXPECT_EQ(LoopsAround(6), 1u)
      << "the flag is declared in the outer loop: once per outer iteration";
  EXPECT_EQ(LoopsAround(7), 1u) << "a guard the block does not turn off";
}

TEST(LoopModelTest, Invariance) {
  auto AST = buildAst(std::string(Prelude) + R"cpp(
    bool has(const std::vector<int> &v, int x);
    void f(const std::vector<Item> &items, const std::vector<int> &blocked) {
      for (const Item &it : items) {
        has(blocked, it.price);
        has(it.parts, 1);
      }
    }
  )cpp");
  ASSERT_TRUE(AST);
  ASTContext &Ctx = AST->getASTContext();
  LoopModel Model(Ctx, ApiModel::builtin());
  const auto *Loop = selectOne<CXXForRangeStmt>(
      Ctx, cxxForRangeStmt(hasAncestor(functionDecl(hasName("f")))).bind("x"));
  const auto *Blocked = selectOne<Expr>(
      Ctx, declRefExpr(to(parmVarDecl(hasName("blocked")))).bind("x"));
  const auto *Parts =
      selectOne<Expr>(Ctx, memberExpr(member(hasName("parts")),
                                      hasAncestor(functionDecl(hasName("f"))))
                               .bind("x"));
  ASSERT_TRUE(Loop && Blocked && Parts);
  EXPECT_TRUE(Model.isInvariantIn(Blocked, Loop));
  EXPECT_FALSE(Model.isInvariantIn(Parts, Loop));
  EXPECT_EQ(Model.spelling(Parts), "it.parts");
}

TEST(LoopModelTest, LoopsThatClearTheirConditionRunOnce) {
  // Qt's Q_FOREACH before C++17: an inner `for` whose increment sets the
  // flag its condition tests runs its body once per outer iteration.
  MarkedLoop Once = analyse(
      "struct Box { int control = 1; };"
      "void f(int v) { Box b; for (int x = v; b.control; b.control = 0) { mark(); } }");
  ASSERT_TRUE(Once.Info);
  EXPECT_EQ(Once.Info->Trip.Kind, TripKind::Constant);
  EXPECT_EQ(Once.Info->Trip.Constant, 1u);
  MarkedLoop Flag = analyse(
      "void f() { for (bool more = true; more; more = false) { mark(); } }");
  ASSERT_TRUE(Flag.Info);
  EXPECT_EQ(Flag.Info->Trip.Constant, 1u);
  // Setting the flag to something else keeps the loop's own count.
  MarkedLoop Other = analyse(
      "void f(const std::vector<int> &v) {"
      "  for (std::size_t i = 0; i < v.size(); i = i + 1) { mark(); } }");
  ASSERT_TRUE(Other.Info);
  EXPECT_TRUE(Other.Info->Trip.isInput());
}

} // namespace
} // namespace perf_audit::test
