//===--- TraversalScope.h - Analyse the code the project wrote --*- C++ -*-===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_TRAVERSALSCOPE_H
#define PERF_AUDIT_TRAVERSALSCOPE_H

namespace clang {
class ASTContext;
} // namespace clang

namespace perf_audit {

/// Narrows what AST matchers (and the parent map `hasAncestor` builds)
/// traverse to the top-level declarations outside system headers.
///
/// The checks never report in system headers, yet the standard library, Qt
/// and Boost are most of a translation unit's declarations: matching over
/// them and building their parent map was most of the checks' cost.
/// clang-tidy 21 and later skip system headers the same way, and clangd
/// narrows to the main file; a scope already narrowed (clangd's) is only
/// narrowed further, never widened. Idempotent.
void restrictTraversalToUserCode(clang::ASTContext &Ctx);

} // namespace perf_audit

#endif // PERF_AUDIT_TRAVERSALSCOPE_H
