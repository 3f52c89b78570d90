//===--- EnclosingFunctions.cpp - Which function a location is in ---------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/EnclosingFunctions.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace perf_audit {

EnclosingFunctions::EnclosingFunctions(ASTContext &Ctx) {
  const SourceManager &SM = Ctx.getSourceManager();
  auto Add = [&](const FunctionDecl *FD) {
    if (!FD->doesThisDeclarationHaveABody() || FD->isImplicit())
      return;
    SourceLocation Begin = SM.getExpansionLoc(FD->getBeginLoc());
    SourceLocation End = SM.getExpansionRange(FD->getEndLoc()).getEnd();
    if (Begin.isInvalid() || End.isInvalid() ||
        SM.getFileID(Begin) != SM.getFileID(End))
      return;
    Files[SM.getFilename(Begin)].push_back(
        {SM.getFileOffset(Begin), SM.getFileOffset(End),
         FD->getQualifiedNameAsString()});
  };
  // Declarations only, depth first: namespaces, classes and templates hold
  // the functions.
  std::vector<const DeclContext *> Work{Ctx.getTranslationUnitDecl()};
  while (!Work.empty()) {
    const DeclContext *DC = Work.back();
    Work.pop_back();
    for (const Decl *D : DC->decls()) {
      if (const auto *T = dyn_cast<FunctionTemplateDecl>(D))
        D = T->getTemplatedDecl();
      else if (const auto *T = dyn_cast<ClassTemplateDecl>(D))
        D = T->getTemplatedDecl();
      if (const auto *FD = dyn_cast<FunctionDecl>(D)) {
        Add(FD);
        continue;
      }
      if (isa<ClassTemplateSpecializationDecl>(D) &&
          !isa<ClassTemplatePartialSpecializationDecl>(D) &&
          cast<ClassTemplateSpecializationDecl>(D)
                  ->getSpecializationKind() != TSK_ExplicitSpecialization)
        continue; // An instantiation: its pattern is already there.
      if (isa<NamespaceDecl, LinkageSpecDecl, ExportDecl, CXXRecordDecl>(D))
        Work.push_back(cast<DeclContext>(D));
    }
  }
}

std::string EnclosingFunctions::at(llvm::StringRef File,
                                   unsigned Offset) const {
  auto It = Files.find(File);
  if (It == Files.end())
    return {};
  const Range *Best = nullptr;
  for (const Range &R : It->second)
    if (R.Begin <= Offset && Offset <= R.End &&
        (!Best || R.End - R.Begin < Best->End - Best->Begin))
      Best = &R;
  return Best ? Best->Name : std::string();
}

} // namespace perf_audit
