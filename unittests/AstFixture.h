//===--- AstFixture.h - Real ASTs from code snippets ------------*- C++ -*-===//
//
// Part of perf-audit's unit tests.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_UNITTESTS_ASTFIXTURE_H
#define PERF_AUDIT_UNITTESTS_ASTFIXTURE_H

#include "clang/AST/ASTContext.h"
#include "clang/ASTMatchers/ASTMatchFinder.h"
#include "clang/ASTMatchers/ASTMatchers.h"
#include "clang/Frontend/ASTUnit.h"
#include "clang/Tooling/Tooling.h"
#include "gtest/gtest.h"
#include <memory>
#include <string>

namespace perf_audit::test {

/// Parses Code as C++17 with the real standard library headers.
inline std::unique_ptr<clang::ASTUnit> buildAst(const std::string &Code) {
  std::unique_ptr<clang::ASTUnit> AST = clang::tooling::buildASTFromCodeWithArgs(
      Code,
      {"-std=c++20", "-resource-dir=" PERF_AUDIT_CLANG_RESOURCE_DIR,
       "-Wno-unused-value"},
      "input.cpp");
  EXPECT_TRUE(AST);
  EXPECT_FALSE(AST->getDiagnostics().hasErrorOccurred())
      << "the snippet does not compile";
  return AST;
}

/// The unique node bound to "x" by Matcher, or null (and a test failure).
template <typename NodeT, typename MatcherT>
const NodeT *selectOne(clang::ASTContext &Ctx, MatcherT Matcher) {
  auto Results = clang::ast_matchers::match(Matcher, Ctx);
  EXPECT_EQ(Results.size(), 1u) << "the matcher should select one node";
  if (Results.empty())
    return nullptr;
  return Results.front().template getNodeAs<NodeT>("x");
}

} // namespace perf_audit::test

#endif // PERF_AUDIT_UNITTESTS_ASTFIXTURE_H
