//===- ExplicitInstantiations.cpp - List a file's template instantiations -===//
//
// perf-audit-explicit-instantiations FILE -- <compiler flags>
//
// Prints, one per line, an explicit instantiation definition for every
// implicit instantiation of a template written in FILE: `template struct
// ns::Box<std::basic_string<char>>;`, `template void ns::f<int>(int);`.
//
// The fix-it test (test/fixits/every-fixit-compiles.test) appends them to a
// file whose fix-its it applied. An implicit instantiation only instantiates
// the members a file uses; an explicit one instantiates every member of the
// class, so a fix-it that is wrong for one instantiation of a member nobody
// calls (a parameter made `const &` that a member then changes) no longer
// compiles. Instantiations whose arguments cannot be named at namespace scope
// (a lambda, a local class) are left out.
//
//===----------------------------------------------------------------------===//

#include "clang/AST/ASTConsumer.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/QualTypeNames.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Basic/SourceManager.h"
#include "clang/Frontend/CompilerInstance.h"
#include "clang/Frontend/FrontendAction.h"
#include "clang/Tooling/CompilationDatabase.h"
#include "clang/Tooling/Tooling.h"
#include "llvm/Config/llvm-config.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/raw_ostream.h"

#include <cctype>
#include <set>
#include <string>

using namespace clang;

namespace {

/// Whether a type can be spelled at namespace scope: no lambda, no local or
/// unnamed class anywhere in it, template arguments included. A function
/// type as a template argument (`std::function<void (std::vector<T>)>`) is
/// printed with its own parameters unqualified, which does not compile
/// there either.
bool isNameable(QualType Type, bool InArgument = false) {
  if (Type.isNull())
    return false;
  Type = Type.getCanonicalType();
  while (true) {
    if (const auto *Pointer = Type->getAs<PointerType>())
      Type = Pointer->getPointeeType();
    else if (const auto *Reference = Type->getAs<ReferenceType>())
      Type = Reference->getPointeeType();
    else if (const auto *Array = Type->getAsArrayTypeUnsafe())
      Type = Array->getElementType();
    else
      break;
  }
  if (const auto *Function = Type->getAs<FunctionProtoType>()) {
    if (InArgument || !isNameable(Function->getReturnType()))
      return false;
    for (QualType Param : Function->getParamTypes())
      if (!isNameable(Param))
        return false;
    return true;
  }
  const auto *Record = Type->getAsCXXRecordDecl();
  if (!Record)
    return !Type->isDependentType();
  if (Record->isLambda() || Record->isLocalClass() || !Record->getIdentifier())
    return false;
  for (const DeclContext *Context = Record->getDeclContext(); Context;
       Context = Context->getParent())
    if (Context->isFunctionOrMethod())
      return false;
  if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(Record))
    for (const TemplateArgument &Argument : Spec->getTemplateArgs().asArray())
      if (Argument.getKind() == TemplateArgument::Type &&
          !isNameable(Argument.getAsType(), /*InArgument=*/true))
        return false;
  return true;
}

/// A template that can be instantiated from namespace scope: written in the
/// main file, in a namespace or a class that is neither local nor a template.
bool isInstantiableFromNamespaceScope(const Decl *Template,
                                      const SourceManager &Sources) {
  if (!Sources.isWrittenInMainFile(Sources.getExpansionLoc(
          Template->getLocation())))
    return false;
  for (const DeclContext *Context = Template->getDeclContext(); Context;
       Context = Context->getParent()) {
    if (Context->isFunctionOrMethod())
      return false;
    if (const auto *Record = dyn_cast<CXXRecordDecl>(Context))
      if (Record->getDescribedClassTemplate() ||
          isa<ClassTemplateSpecializationDecl>(Record) ||
          !Record->getIdentifier())
        return false;
  }
  return true;
}

class InstantiationLister : public RecursiveASTVisitor<InstantiationLister> {
public:
  explicit InstantiationLister(ASTContext &Context)
      : Context(Context), Policy(Context.getPrintingPolicy()) {
    Policy.SuppressUnwrittenScope = true;
    Policy.SuppressScope = false;
    Policy.FullyQualifiedName = true;
  }

  bool VisitClassTemplateDecl(ClassTemplateDecl *Template) {
    if (!Template->isThisDeclarationADefinition() ||
        !isInstantiableFromNamespaceScope(Template, Context.getSourceManager()))
      return true;
    for (ClassTemplateSpecializationDecl *Spec : Template->specializations()) {
      if (Spec->getSpecializationKind() != TSK_ImplicitInstantiation ||
          !Spec->hasDefinition())
        continue;
      QualType Type = recordType(Spec);
      if (!isNameable(Type))
        continue;
      add(*Template, ("template " + Spec->getKindName() + " " + spell(Type) +
                      ";")
                         .str());
    }
    return true;
  }

  bool VisitFunctionTemplateDecl(FunctionTemplateDecl *Template) {
    const FunctionDecl *Pattern = Template->getTemplatedDecl();
    if (!Pattern->isThisDeclarationADefinition() ||
        isa<CXXConstructorDecl, CXXDestructorDecl, CXXConversionDecl>(
            Pattern) ||
        Pattern->getReturnType()->getContainedDeducedType() ||
        !isInstantiableFromNamespaceScope(Template, Context.getSourceManager()))
      return true;
    for (FunctionDecl *Spec : Template->specializations())
      if (Spec->getTemplateSpecializationKind() == TSK_ImplicitInstantiation &&
          Spec->isDefined())
        addFunction(*Spec);
    return true;
  }

  const std::set<std::string> &lines() const { return Lines; }

private:
  QualType recordType(const CXXRecordDecl *Record) const {
    // LLVM 22 replaced getRecordType with the tag-type accessors.
#if LLVM_VERSION_MAJOR >= 22
    return Context.getCanonicalTagType(Record);
#else
    return Context.getRecordType(Record);
#endif
  }

  std::string spell(QualType Type) const {
    return TypeName::getFullyQualifiedName(Type, Context, Policy,
                                           /*WithGlobalNsPrefix=*/true);
  }

  /// `template R ns::f<Args>(Params) const;`, or nothing when some part of
  /// it cannot be named.
  void addFunction(const FunctionDecl &Spec) {
    const TemplateArgumentList *Arguments =
        Spec.getTemplateSpecializationArgs();
    if (!Arguments || !isNameable(Spec.getType()))
      return;
    std::string Text;
    llvm::raw_string_ostream Out(Text);
    // The name is not written with a leading `::`: after a return type that
    // ends in a name, `R ::ns::f` would read as `R::ns::f`.
    Out << "template " << spell(Spec.getReturnType()) << " ";
    if (const auto *Record = dyn_cast<CXXRecordDecl>(Spec.getDeclContext()))
      Out << TypeName::getFullyQualifiedName(recordType(Record),
                                             Context, Policy)
          << "::";
    else if (const auto *Namespace =
                 dyn_cast<NamespaceDecl>(Spec.getDeclContext()))
      Out << spellNamespace(*Namespace);
    Out << Spec.getDeclName() << "<";
    bool First = true;
    for (const TemplateArgument &Argument : Arguments->asArray()) {
      for (const TemplateArgument &Element :
           Argument.getKind() == TemplateArgument::Pack
               ? Argument.pack_elements()
               : llvm::ArrayRef<TemplateArgument>(Argument)) {
        if (!First)
          Out << ", ";
        First = false;
        if (Element.getKind() == TemplateArgument::Type) {
          if (!isNameable(Element.getAsType()))
            return;
          Out << spell(Element.getAsType());
        } else if (Element.getKind() == TemplateArgument::Integral) {
          Element.print(Policy, Out, /*IncludeType=*/true);
        } else {
          return;
        }
      }
    }
    Out << ">(";
    for (unsigned I = 0; I < Spec.getNumParams(); ++I)
      Out << (I ? ", " : "") << spell(Spec.getParamDecl(I)->getType());
    if (Spec.isVariadic())
      Out << (Spec.getNumParams() ? ", ..." : "...");
    Out << ")";
    if (const auto *Method = dyn_cast<CXXMethodDecl>(&Spec)) {
      if (Method->isConst())
        Out << " const";
      if (Method->getRefQualifier() == RQ_LValue)
        Out << " &";
      else if (Method->getRefQualifier() == RQ_RValue)
        Out << " &&";
    }
    Out << ";";
    add(*Spec.getPrimaryTemplate(), Text);
  }

  /// An entity of an unnamed namespace is instantiated from inside one: the
  /// global namespace encloses it, but cannot name it.
  void add(const Decl &Template, std::string Line) {
    // The lines go at the end of the file, at global scope: a leading `::`
    // adds nothing there, and LLVM 22 no longer prints it where LLVM 19
    // does; without it, both print the same lines in the same order.
    std::string Plain;
    for (size_t I = 0; I < Line.size(); ++I) {
      bool Leading = Line.compare(I, 2, "::") == 0 &&
                     (I == 0 || !(std::isalnum(Line[I - 1]) ||
                                  Line[I - 1] == '_' || Line[I - 1] == '>'));
      if (Leading) {
        if (!Plain.empty() && Plain.back() == ' ' && Plain.size() >= 2 &&
            Plain[Plain.size() - 2] == '<')
          Plain.pop_back(); // `< ::std` was spaced to avoid `<:`.
        ++I;
        continue;
      }
      Plain += Line[I];
    }
    Line = std::move(Plain);
    for (const DeclContext *Context = Template.getDeclContext(); Context;
         Context = Context->getParent())
      if (const auto *Namespace = dyn_cast<NamespaceDecl>(Context))
        if (Namespace->isAnonymousNamespace()) {
          Line = "namespace { " + Line + " }";
          break;
        }
    Lines.insert(std::move(Line));
  }

  static std::string spellNamespace(const NamespaceDecl &Namespace) {
    std::string Scope;
    llvm::SmallVector<const NamespaceDecl *, 4> Chain;
    for (const DeclContext *Context = &Namespace; Context;
         Context = Context->getParent())
      if (const auto *Enclosing = dyn_cast<NamespaceDecl>(Context))
        Chain.push_back(Enclosing);
    for (const NamespaceDecl *Enclosing : llvm::reverse(Chain))
      if (!Enclosing->isAnonymousNamespace() && !Enclosing->isInline())
        Scope += Enclosing->getName().str() + "::";
    return Scope;
  }

  ASTContext &Context;
  PrintingPolicy Policy;
  std::set<std::string> Lines;
};

class ListConsumer : public ASTConsumer {
  void HandleTranslationUnit(ASTContext &Context) override {
    if (Context.getDiagnostics().hasErrorOccurred())
      return;
    InstantiationLister Lister(Context);
    Lister.TraverseDecl(Context.getTranslationUnitDecl());
    for (const std::string &Line : Lister.lines())
      llvm::outs() << Line << "\n";
  }
};

class ListAction : public ASTFrontendAction {
  std::unique_ptr<ASTConsumer> CreateASTConsumer(CompilerInstance &,
                                                 StringRef) override {
    return std::make_unique<ListConsumer>();
  }
};

} // namespace

int main(int Argc, const char **Argv) {
  std::string Error;
  std::unique_ptr<tooling::FixedCompilationDatabase> Database =
      tooling::FixedCompilationDatabase::loadFromCommandLine(Argc, Argv, Error);
  if (!Database) {
    llvm::errs() << "perf-audit-explicit-instantiations: " << Error
                 << "\nusage: perf-audit-explicit-instantiations FILE -- "
                    "<compiler flags>\n";
    return 2;
  }
  if (Argc != 2) {
    llvm::errs() << "usage: perf-audit-explicit-instantiations FILE -- "
                    "<compiler flags>\n";
    return 2;
  }
  tooling::ClangTool Tool(*Database, {Argv[1]});
  Tool.appendArgumentsAdjuster(tooling::getInsertArgumentAdjuster(
      {"-resource-dir", PERF_AUDIT_CLANG_RESOURCE_DIR},
      tooling::ArgumentInsertPosition::END));
  return Tool.run(
      tooling::newFrontendActionFactory<ListAction>().get());
}
