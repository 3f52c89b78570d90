//===--- AnalysisContextTest.cpp - One analysis context per unit ----------===//
//
// Part of perf-audit's unit tests.
//
//===----------------------------------------------------------------------===//

#include "TidyAnalysisContext.h"
#include "clang-tidy/ClangTidyOptions.h"
#include "gtest/gtest.h"

using namespace clang::tidy;
using clang::tidy::perf_audit::sharedAnalysisContext;

namespace {

/// A clang-tidy context on one file, configured with Options.
class TidyContext {
public:
  explicit TidyContext(std::map<std::string, std::string> Options) {
    ClangTidyOptions Config = ClangTidyOptions::getDefaults();
    Config.Checks = "-*,perf-audit-*";
    for (const auto &[Key, Value] : Options)
      Config.CheckOptions[Key] = ClangTidyOptions::ClangTidyValue(Value);
    Context = std::make_unique<ClangTidyContext>(
        std::make_unique<DefaultOptionsProvider>(ClangTidyGlobalOptions(),
                                                 Config));
    Context->setCurrentFile("/src/unit.cpp");
  }
  std::shared_ptr<::perf_audit::AnalysisContext>
  shared(llvm::StringRef CheckName) {
    return sharedAnalysisContext(*Context, CheckName, Errors);
  }
  std::unique_ptr<ClangTidyContext> Context;
  std::vector<std::string> Errors;
};

TEST(AnalysisContextTest, TheChecksOfAUnitAndTheRecorderShareOne) {
  TidyContext Tidy({{"AssumedTripCount", "500"},
                    {"perf-audit-blocking-in-async.CheckLocks", "true"}});
  auto Nested = Tidy.shared("perf-audit-nested-loop");
  auto Copies = Tidy.shared("perf-audit-excess-copy");
  auto Recorder = Tidy.shared("");
  EXPECT_EQ(Nested.get(), Copies.get());
  EXPECT_EQ(Nested.get(), Recorder.get());
  // A check's own option is read for everyone: the recorder counts locks.
  EXPECT_TRUE(Recorder->options().CheckLocks);
  EXPECT_EQ(Recorder->options().Loops.AssumedTripCount, 500u);
  EXPECT_TRUE(Tidy.Errors.empty());
}

TEST(AnalysisContextTest, ACheckLocalOptionGivesThatCheckItsOwn) {
  TidyContext Tidy({{"AssumedTripCount", "500"},
                    {"perf-audit-nested-loop.AssumedTripCount", "10"}});
  auto Nested = Tidy.shared("perf-audit-nested-loop");
  auto Copies = Tidy.shared("perf-audit-excess-copy");
  EXPECT_NE(Nested.get(), Copies.get());
  EXPECT_EQ(Nested->options().Loops.AssumedTripCount, 10u);
  EXPECT_EQ(Copies->options().Loops.AssumedTripCount, 500u);
  EXPECT_EQ(Tidy.shared("").get(), Copies.get());
}

TEST(AnalysisContextTest, UnitsDoNotShare) {
  TidyContext First({}), Second({});
  auto A = First.shared("perf-audit-nested-loop");
  auto B = Second.shared("perf-audit-nested-loop");
  EXPECT_NE(A.get(), B.get());
}

TEST(AnalysisContextTest, AValueNotUnderstoodKeepsTheDefaultAndSaysWhy) {
  TidyContext Tidy({{"LargeTripCount", "lots"},
                    {"perf-audit-blocking-in-async.CheckLocks", "maybe"},
                    {"AssumedTripCount", "0"}});
  auto Analysis = Tidy.shared("perf-audit-n-plus-one");
  EXPECT_EQ(Analysis->options().Loops.LargeTripCount, 1000u);
  EXPECT_EQ(Analysis->options().Loops.AssumedTripCount, 100u);
  EXPECT_FALSE(Analysis->options().CheckLocks);
  ASSERT_EQ(Tidy.Errors.size(), 3u);
  EXPECT_EQ(Tidy.Errors[0], "invalid value '0' for option 'AssumedTripCount'; "
                            "expected a positive count");
  EXPECT_EQ(Tidy.Errors[1], "invalid configuration value 'lots' for option "
                            "'LargeTripCount'; expected an integer");
  EXPECT_EQ(Tidy.Errors[2],
            "invalid configuration value 'maybe' for option "
            "'perf-audit-blocking-in-async.CheckLocks'; expected a bool");
}

TEST(AnalysisContextTest, OptionsExtendTheSharedModel) {
  TidyContext Tidy({{"perf-audit-nested-loop.ExtraLinearFunctions",
                     "app::find; app::search"},
                    {"perf-audit-excess-copy.CheapTypes", "app::Handle"}});
  auto Analysis = Tidy.shared("perf-audit-n-plus-one");
  EXPECT_NE(Analysis->model().linearFunction("app::search"), nullptr);
  EXPECT_TRUE(Analysis->model().isCheapType("app::Handle"));
  EXPECT_EQ(Analysis->model().linearFunction("app::other"), nullptr);
}

} // namespace
