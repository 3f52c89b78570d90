//===--- TraversalScope.cpp - Analyse the code the project wrote ----------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/TraversalScope.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace perf_audit {

void restrictTraversalToUserCode(ASTContext &Ctx) {
  std::vector<Decl *> Candidates = Ctx.getTraversalScope();
  bool WholeUnit =
      Candidates.size() == 1 && isa<TranslationUnitDecl>(Candidates.front());
  if (WholeUnit)
    Candidates.assign(Ctx.getTranslationUnitDecl()->decls_begin(),
                      Ctx.getTranslationUnitDecl()->decls_end());
  const SourceManager &SM = Ctx.getSourceManager();
  std::vector<Decl *> Scope;
  for (Decl *D : Candidates) {
    SourceLocation Loc = SM.getExpansionLoc(D->getLocation());
    if (Loc.isValid() && !SM.isInSystemHeader(Loc))
      Scope.push_back(D);
  }
  // Setting the scope drops the parent map: only when it changes.
  if (WholeUnit || Scope.size() != Candidates.size())
    Ctx.setTraversalScope(Scope);
}

} // namespace perf_audit
