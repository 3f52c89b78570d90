//===--- LineHashTest.cpp - primaryLocationLineHash -----------------------===//
//
// Part of perf-audit's unit tests. The vectors are codeql-action's published
// test vectors (src/fingerprints.test.ts), from ../shared/sarif/README.md.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/Report.h"
#include "gtest/gtest.h"

namespace perf_audit::test {
namespace {

using Hashes = std::vector<std::string>;

TEST(LineHashTest, EmptyFile) {
  EXPECT_EQ(computeLineHashes(""), Hashes{"c129715d7a2bc9a3:1"});
}

TEST(LineHashTest, WhitespaceIsIgnored) {
  EXPECT_EQ(computeLineHashes(" a\nb\n  \t\tc\n d"),
            (Hashes{"271789c17abda88f:1", "54703d4cd895b18:1",
                    "180aee12dab6264:1", "a23a3dc5e078b07b:1"}));
}

TEST(LineHashTest, RepeatedLinesAreCounted) {
  EXPECT_EQ(computeLineHashes(
                "x = 2\nx = 1\nprint(x)\nx = 3\nprint(x)\nx = 4\nprint(x)\n"),
            (Hashes{"e54938cc54b302f1:1", "bb609acbe9138d60:1",
                    "1131fd5871777f34:1", "5c482a0f8b35ea28:1",
                    "54517377da7028d2:1", "2c644846cb18d53e:1",
                    "f1b89f20de0d133:1", "c129715d7a2bc9a3:1"}));
}

TEST(LineHashTest, LineEndingsAreNormalised) {
  Hashes Expected{"e9496ae3ebfced30:1", "fb7c023a8b9ccb3f:1",
                  "ce8ba1a563dcdaca:1", "e20e36e16fcb0cc8:1",
                  "b3edc88f2938467e:1", "c8e28b0b4002a3a0:1",
                  "c129715d7a2bc9a3:1"};
  EXPECT_EQ(computeLineHashes(" hello; \t\nworld!!!\n\n\n  \t\tGreetings\n End\n"),
            Expected);
  EXPECT_EQ(computeLineHashes(
                " hello; \t\r\nworld!!!\r\n\r\n\r\n  \t\tGreetings\r\n End\r\n"),
            Expected);
  EXPECT_EQ(computeLineHashes(" hello; \t\rworld!!!\r\r\r  \t\tGreetings\r End\r"),
            Expected);
}

} // namespace
} // namespace perf_audit::test
