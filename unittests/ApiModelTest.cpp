//===--- ApiModelTest.cpp - Model files: schema, errors, lookup -----------===//
//
// Part of perf-audit's unit tests.
//
//===----------------------------------------------------------------------===//

#include "AstFixture.h"
#include "perf-audit/ApiModel.h"
#include "perf-audit/CallClassifier.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

using namespace clang;
using namespace clang::ast_matchers;

namespace perf_audit::test {
namespace {

std::string mergeError(llvm::StringRef Text) {
  ApiModel Model;
  llvm::Error E = Model.merge(Text, "user.yaml");
  return E ? llvm::toString(std::move(E)) : "";
}

TEST(ApiModelTest, BuiltinModelsLoad) {
  const ApiModel &M = ApiModel::builtin();
  const LinearFunctionModel *Find = M.linearFunction("std::find");
  ASSERT_TRUE(Find);
  EXPECT_EQ(Find->Scans, ScanShape::IteratorPair);
  const LinearFunctionModel *Strlen = M.linearFunction("strlen");
  ASSERT_TRUE(Strlen);
  EXPECT_TRUE(Strlen->ConditionOnly);
  EXPECT_TRUE(M.isFrontOperation("std::vector", "erase"));
  EXPECT_FALSE(M.isFrontOperation("std::deque", "erase"));
  // A push and a pop in one iteration make a path stack.
  EXPECT_TRUE(M.isAppendingMethod("push_back"));
  EXPECT_TRUE(M.isRemovingLastMethod("pop_back"));
  EXPECT_FALSE(M.isRemovingLastMethod("clear"));
  EXPECT_TRUE(M.isInsertingIfAbsent("std::map::operator[]"));
  EXPECT_TRUE(M.isInsertingIfAbsent("std::unordered_set::insert"));
  EXPECT_FALSE(M.isInsertingIfAbsent("std::map::emplace"));
  EXPECT_FALSE(M.isInsertingIfAbsent("std::vector::insert"));
}

TEST(ApiModelTest, ErrorRecordsAreNamedByWholeWords) {
  const ApiModel &M = ApiModel::builtin();
  EXPECT_TRUE(M.namesErrorRecords("errors_"));
  EXPECT_TRUE(M.namesErrorRecords("m_parseErrors"));
  EXPECT_TRUE(M.namesErrorRecords("PARSE_ERRORS"));
  EXPECT_TRUE(M.namesErrorRecords("HTTPError"));
  EXPECT_TRUE(M.namesErrorRecords("StructuredError"));
  EXPECT_TRUE(M.namesErrorRecords("diags"));
  EXPECT_TRUE(M.namesErrorRecords("Diagnostic"));
  // Words, not substrings: `terrors`, `mirrors`, `Errorless` are not errors.
  EXPECT_FALSE(M.namesErrorRecords("terrors"));
  EXPECT_FALSE(M.namesErrorRecords("mirrors_"));
  EXPECT_FALSE(M.namesErrorRecords("Errorless"));
  EXPECT_FALSE(M.namesErrorRecords("entries"));
}

TEST(ApiModelTest, BatchingFunctionsMatchWithinOneClass) {
  const ApiModel &M = ApiModel::builtin();
  EXPECT_TRUE(M.isBatchingFunction("pqxx::pipeline::insert"));
  EXPECT_TRUE(M.isBatchingFunction("pqxx::stream_to::write_row"));
  EXPECT_FALSE(M.isBatchingFunction("pqxx::transaction_base::exec"));
  // `*` stays within one name: a nested class is not covered.
  EXPECT_FALSE(M.isBatchingFunction("pqxx::pipeline::Query::get"));
}

TEST(ApiModelTest, UserEntriesOverrideBuiltins) {
  ApiModel M = ApiModel::builtin();
  ASSERT_FALSE(static_cast<bool>(M.merge(R"yaml(
linear-functions:
  - { name: ::mylib::scan, scans: argument, arg: 1 }
  - { name: std::find, scans: argument }
)yaml", "user.yaml")));
  const LinearFunctionModel *Scan = M.linearFunction("mylib::scan");
  ASSERT_TRUE(Scan) << "a leading :: is dropped";
  EXPECT_EQ(Scan->Arg, 1u);
  EXPECT_EQ(M.linearFunction("std::find")->Scans, ScanShape::Argument);
}

TEST(ApiModelTest, EventLoopsLendTheirAdviceToTheirHandlersAndEntryPoints) {
  ApiModel M;
  ASSERT_FALSE(static_cast<bool>(M.merge(R"yaml(
async:
  handler-functions:
    - { name: app::post }
  event-loops:
    - library: app reactor
      offload: "hand it to app::Workers"
      timer: "reactor.after(delay, f)"
      handler-functions:
        - { name: app::Reactor::watch, handler-arg: 1, handler-kind: callback,
            receiver-types: [app::Widget] }
      entry-points: [app::View::paint]
      frequent-entry-points: [app::View::cell]
)yaml", "user.yaml")));
  const HandlerFunctionModel *Watch = M.handlerFunction("app::Reactor::watch");
  ASSERT_TRUE(Watch);
  EXPECT_EQ(Watch->HandlerArg, 1u);
  EXPECT_EQ(Watch->Kind, HandlerKind::Callback);
  EXPECT_EQ(Watch->Offload, "hand it to app::Workers");
  EXPECT_EQ(Watch->Timer, "reactor.after(delay, f)");
  EXPECT_EQ(Watch->ReceiverTypes, std::vector<std::string>{"app::Widget"});
  // Outside an event-loops entry: the kind follows the name, asio's advice.
  const HandlerFunctionModel *Post = M.handlerFunction("app::post");
  ASSERT_TRUE(Post);
  EXPECT_FALSE(Post->Kind.has_value());
  EXPECT_TRUE(Post->Offload.empty());
  const EntryPointModel *Paint = M.asyncEntryPoint("app::View::paint");
  ASSERT_TRUE(Paint);
  EXPECT_EQ(Paint->Offload, "hand it to app::Workers");
  EXPECT_FALSE(Paint->Frequent);
  const EntryPointModel *Cell = M.asyncEntryPoint("app::View::cell");
  ASSERT_TRUE(Cell);
  EXPECT_TRUE(Cell->Frequent);
  EXPECT_EQ(Cell->Offload, "hand it to app::Workers");
  EXPECT_FALSE(M.asyncEntryPoint("app::View::update"));
  EXPECT_EQ(mergeError("async:\n  handler-functions:\n"
                       "    - { name: f, handler-kind: later }\n"),
            "user.yaml:3:32: error: unknown handler kind; expected one of: "
            "completion posted callback");
}

TEST(ApiModelTest, BuiltinEventLoopsAndStackfulCoroutines) {
  const ApiModel &M = ApiModel::builtin();
  EXPECT_TRUE(M.isYieldContextType("boost::asio::basic_yield_context"));
  ASSERT_TRUE(M.handlerWrapper("boost::beast::bind_front_handler"));
  EXPECT_EQ(M.handlerWrapper("boost::beast::bind_front_handler")->HandlerArg, 0u);
  ASSERT_TRUE(M.handlerFunction("uv_timer_start"));
  EXPECT_EQ(M.handlerFunction("uv_timer_start")->Kind, HandlerKind::Callback);
  ASSERT_TRUE(M.asyncEntryPoint("QWidget::paintEvent"));
  EXPECT_TRUE(M.asyncEntryPoint("QWidget::paintEvent")->Frequent);
  ASSERT_TRUE(M.asyncEntryPoint("QWidget::mousePressEvent"));
  EXPECT_FALSE(M.asyncEntryPoint("QWidget::mousePressEvent")->Frequent);
  const BlockingCallModel *Load = M.blockingCall("QPixmap::load");
  ASSERT_TRUE(Load);
  EXPECT_EQ(Load->MemoryPathPrefixes, (std::vector<std::string>{":/", "qrc:"}));
  ASSERT_TRUE(M.blockingCall("QPixmap::save"));
  EXPECT_TRUE(M.blockingCall("QPixmap::save")->MemoryPathPrefixes.empty());
  const BlockingCallModel *Yield = M.blockingCall("std::this_thread::yield");
  ASSERT_TRUE(Yield);
  EXPECT_TRUE(Yield->BlocksInWaitLoop);
}

TEST(ApiModelTest, ReadingFunctionsExcludeWritingAlgorithms) {
  ApiModel M = ApiModel::builtin();
  EXPECT_TRUE(M.isReadingFunction("std::find"));
  EXPECT_TRUE(M.isReadingFunction("std::ranges::count_if"));
  // They write through the iterators, or hand out non-const elements.
  EXPECT_FALSE(M.isReadingFunction("std::sort"));
  EXPECT_FALSE(M.isReadingFunction("std::for_each"));
  EXPECT_FALSE(M.isReadingFunction("mylib::contains"));
  ASSERT_FALSE(static_cast<bool>(M.merge(R"yaml(
reading-functions:
  - ::mylib::contains
)yaml", "user.yaml")));
  EXPECT_TRUE(M.isReadingFunction("mylib::contains"));
}

TEST(ApiModelTest, ErrorsNameFileLineAndColumn) {
  EXPECT_EQ(mergeError("linear-functions:\n  - { name: f, scanz: argument }\n"),
            "user.yaml:2:16: error: unknown key 'scanz'");
  EXPECT_EQ(mergeError("linear-functions:\n  - { name: f, scans: pairs }\n"),
            "user.yaml:2:23: error: unknown scan shape; expected one of: "
            "iterator-pair argument object");
  EXPECT_EQ(mergeError("linear-functions:\n  - { scans: argument }\n"),
            "user.yaml:2:7: error: missing required key 'name'");
  EXPECT_EQ(mergeError("blocking:\n  - { name: s, kind: slep }\n"),
            "user.yaml:2:22: error: unknown blocking kind; expected one of: "
            "sleep wait join file-io socket-io dns process sync-asio lock "
            "database image-codec");
  EXPECT_NE(mergeError("linear-functions: [ {"), "");
}

TEST(ApiModelTest, MissingUserFileIsAnError) {
  llvm::Expected<ApiModel> M = ApiModel::load({"/nonexistent/models.yaml"});
  ASSERT_FALSE(static_cast<bool>(M));
  EXPECT_EQ(llvm::toString(M.takeError()),
            "/nonexistent/models.yaml: error: cannot read model file: No such "
            "file or directory");
}

TEST(ApiModelTest, ModelNamesDropTemplateArgumentsAndInlineNamespaces) {
  auto AST = buildAst(R"cpp(
    #include <string>
    #include <vector>
    namespace app { inline namespace v2 { struct Repo { int find(int); }; } }
    void f(std::vector<int> &v, std::string &s, app::Repo &r) {
      v.erase(v.begin());
      s.append("x");
      r.find(1);
    }
  )cpp");
  ASSERT_TRUE(AST);
  ASTContext &Ctx = AST->getASTContext();
  auto Name = [&](const char *Method) {
    const auto *Call = selectOne<CXXMemberCallExpr>(
        Ctx, cxxMemberCallExpr(callee(cxxMethodDecl(hasName(Method)))).bind("x"));
    return Call ? modelName(Call->getMethodDecl()) : std::string();
  };
  EXPECT_EQ(Name("erase"), "std::vector::erase");
  EXPECT_EQ(Name("append"), "std::basic_string::append");
  EXPECT_EQ(Name("find"), "app::Repo::find");
}

TEST(ApiModelTest, SplitList) {
  EXPECT_EQ(splitList(" a ; b;;c "), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(splitList("a,b"), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(splitList("").empty());
}

} // namespace
} // namespace perf_audit::test
