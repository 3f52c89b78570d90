//===--- CopyCost.cpp - What copying an object costs ----------------------===//
//
// Part of perf-audit. The per-byte and per-allocation costs are the cost
// table's (docs/impact-model.md).
//
//===----------------------------------------------------------------------===//

#include "perf-audit/CopyCost.h"
#include "perf-audit/CallClassifier.h"
#include "perf-audit/Impact.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/DeclTemplate.h"
#include "clang/AST/ExprCXX.h"
#include <functional>

using namespace clang;

namespace perf_audit {

/// How deep a struct of structs is followed.
static constexpr unsigned MaxDepth = 4;

CopyCostModel::CopyCostModel(CallClassifier &Calls, const ASTContext &Ctx,
                             CopyCostOptions Options)
    : Calls(Calls), Ctx(Ctx), Options(Options) {}

std::optional<double> CopyCostModel::costNs(QualType T) {
  T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  auto It = Cache.find(T.getTypePtr());
  if (It != Cache.end())
    return It->second;
  std::optional<double> Cost = costOf(T, 0);
  Cache[T.getTypePtr()] = Cost;
  return Cost;
}

/// True when T is, or is an array of, a class that failed to compile: it has
/// no layout (ASTContext asserts a valid declaration before computing one).
static bool isInvalidRecord(QualType T) {
  const RecordDecl *RD = T->getBaseElementTypeUnsafe()->getAsRecordDecl();
  return RD && RD->isInvalidDecl();
}

/// The cost of copying the bytes of a trivially copyable type.
static double byteCost(const ASTContext &Ctx, QualType T) {
  if (T->isIncompleteType() || T->isDependentType() || isInvalidRecord(T))
    return 0;
  return static_cast<double>(Ctx.getTypeSizeInChars(T).getQuantity()) *
         unitCostNs(CostKind::Copy);
}

/// How deep the calls of a copy constructor are followed.
static constexpr unsigned MaxCallDepth = 4;

/// True when RD's members and bases' members are all trivially copyable
/// values other than pointers (an iterator and a flag, numbers): a copy
/// constructor defined out of sight has nothing to deep-copy, as no member
/// points to a buffer it could own.
static bool holdsOnlyPlainValues(const CXXRecordDecl *RD, unsigned Depth = 0) {
  if (!RD || !RD->hasDefinition() || Depth > 8)
    return false;
  RD = RD->getDefinition();
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (!holdsOnlyPlainValues(Base.getType()->getAsCXXRecordDecl(), Depth + 1))
      return false;
  const ASTContext &Ctx = RD->getASTContext();
  return llvm::all_of(RD->fields(), [&](const FieldDecl *Field) {
    QualType T = Field->getType();
    const Type *Element = T->getBaseElementTypeUnsafe();
    return !T->isReferenceType() && !Element->isPointerType() &&
           !Element->isMemberPointerType() && T.isTriviallyCopyableType(Ctx);
  });
}

bool CopyCostModel::mayAllocate(const FunctionDecl *FD, unsigned Depth) {
  // Allocating can throw: a constructor that promises not to throw (the
  // copy of a shared handle: `exception_ptr`, an intrusive pointer) only
  // shares what it is given.
  if (const auto *Proto = FD->getType()->getAs<FunctionProtoType>();
      Proto && Proto->isNothrow())
    return false;
  const FunctionDecl *Definition = nullptr;
  if (Depth > MaxCallDepth || !FD->hasBody(Definition))
    return true;
  if (const auto *Method = dyn_cast<CXXMethodDecl>(Definition);
      Method && Method->isVirtual())
    return true;
  auto It = AllocatingFunctions.find(Definition);
  if (It != AllocatingFunctions.end())
    return It->second;
  // Assumed while the body is read: a recursion adds nothing.
  AllocatingFunctions[Definition] = false;
  std::function<bool(const Stmt *)> Allocates = [&](const Stmt *S) -> bool {
    if (!S || isa<LambdaExpr>(S))
      return false;
    if (isa<CXXNewExpr>(S))
      return true;
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(S)) {
      const CXXConstructorDecl *Ctor = Construct->getConstructor();
      if (Ctor->isCopyOrMoveConstructor() ? costOf(Construct->getType(), 0)
                                          : mayAllocate(Ctor, Depth + 1))
        return true;
    }
    if (const auto *Call = dyn_cast<CallExpr>(S)) {
      const FunctionDecl *Callee = Call->getDirectCallee();
      if (!Callee)
        return true;
      if (!Callee->getBuiltinID() &&
          (Calls.model().isAllocatingFunction(Calls.nameOf(Callee)) ||
           mayAllocate(Callee, Depth + 1)))
        return true;
    }
    return llvm::any_of(S->children(), Allocates);
  };
  bool Result = Allocates(Definition->getBody());
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(Definition))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      Result = Result || Allocates(Init->getInit());
  AllocatingFunctions[Definition] = Result;
  return Result;
}

bool CopyCostModel::holdsSeveralContainers(const CXXRecordDecl *RD) {
  unsigned Containers = 0;
  for (const FieldDecl *Field : RD->fields()) {
    const CXXRecordDecl *FieldRecord = Field->getType()->getAsCXXRecordDecl();
    const OwningTypeModel *Owning =
        FieldRecord && FieldRecord->hasDefinition()
            ? Calls.model().owningType(
                  Calls.nameOf(FieldRecord->getDefinition()))
            : nullptr;
    if (Owning && !Owning->Characters)
      ++Containers;
  }
  return Containers > 1;
}

std::optional<double> CopyCostModel::costOf(QualType T, unsigned Depth,
                                            bool InElement) {
  T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  if (Depth > MaxDepth || T->isDependentType() || T->isIncompleteType() ||
      isInvalidRecord(T))
    return std::nullopt;
  if (T.isTriviallyCopyableType(Ctx)) {
    if (T->isIncompleteType() ||
        static_cast<uint64_t>(Ctx.getTypeSizeInChars(T).getQuantity()) <=
            Options.MinimumTypeSize)
      return std::nullopt;
    return byteCost(Ctx, T);
  }
  if (const auto *Array = Ctx.getAsConstantArrayType(T)) {
    std::optional<double> Element =
        costOf(Array->getElementType(), Depth + 1, InElement);
    if (!Element)
      return std::nullopt;
    return *Element * Array->getSize().getZExtValue();
  }
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return std::nullopt;
  RD = RD->getDefinition();
  const std::string &Name = Calls.nameOf(RD);
  if (Calls.model().isCheapType(Name))
    return std::nullopt;
  // Not copyable (unique_ptr, streams): nothing to report about copies.
  bool Copyable = false;
  for (const CXXConstructorDecl *Ctor : RD->ctors())
    if (Ctor->isCopyConstructor() && !Ctor->isDeleted())
      Copyable = true;
  if (!Copyable && !RD->needsImplicitCopyConstructor())
    return std::nullopt;
  if (RD->needsImplicitCopyConstructor() &&
      RD->defaultedCopyConstructorIsDeleted())
    return std::nullopt;

  double Allocation = unitCostNs(CostKind::HeapAllocation);
  if (const OwningTypeModel *Owning = Calls.model().owningType(Name)) {
    if (Owning->Characters)
      return Allocation + Options.AssumedCharacters * unitCostNs(CostKind::Copy);
    double PerElement = Owning->NodeBased ? Allocation : 0;
    if (const auto *Spec = dyn_cast<ClassTemplateSpecializationDecl>(RD)) {
      // Element types: the leading type arguments, until the first that is
      // not an element (allocators, comparators, hashers).
      for (const TemplateArgument &Arg : Spec->getTemplateArgs().asArray()) {
        if (Arg.getKind() != TemplateArgument::Type)
          break;
        QualType ArgType = Arg.getAsType();
        const CXXRecordDecl *ArgRecord = ArgType->getAsCXXRecordDecl();
        if (ArgRecord && (ArgRecord->getName().contains("allocator") ||
                          ArgRecord->getName().contains("less") ||
                          ArgRecord->getName().contains("hash") ||
                          ArgRecord->getName().contains("equal_to")))
          break;
        std::optional<double> Element =
            costOf(ArgType, Depth + 1, /*InElement=*/true);
        PerElement += Element ? *Element
                              : std::max(byteCost(Ctx, ArgType),
                                         unitCostNs(CostKind::Copy));
      }
    }
    // The data set is the outer container: the containers inside its
    // elements (each entry's endpoints, each row's cells) hold a few each,
    // or a copy of N elements would be priced as N^depth.
    double Elements =
        InElement ? Options.AssumedNestedElements : Options.AssumedElements;
    return Allocation + Elements * PerElement;
  }

  // A class: what its bases and members cost; a user-provided copy
  // constructor is assumed to deep-copy (one allocation). A record with
  // several containers (options with include paths and extra headers, a
  // graph's nodes and edges) is not one data set: each holds a part of the
  // record, a few elements, as a container inside an element does. A class
  // with one container is a wrapper of its data, priced in full.
  bool MembersInElement = InElement || holdsSeveralContainers(RD);
  double Total = 0;
  bool Expensive = false;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (std::optional<double> C = costOf(Base.getType(), Depth + 1, InElement)) {
      Total += *C;
      Expensive = true;
    }
  for (const FieldDecl *Field : RD->fields())
    if (std::optional<double> C =
            costOf(Field->getType(), Depth + 1, MembersInElement)) {
      Total += *C;
      Expensive = true;
    }
  for (const CXXConstructorDecl *Ctor : RD->ctors())
    if (Ctor->isCopyConstructor() && Ctor->isUserProvided() && !Expensive &&
        !(!Ctor->hasBody() && holdsOnlyPlainValues(RD)) &&
        mayAllocate(Ctor, 0)) {
      Total += Allocation;
      Expensive = true;
    }
  if (!Expensive)
    return std::nullopt;
  return Total + byteCost(Ctx, T);
}

std::optional<double> CopyCostModel::moveSavingNs(QualType T) {
  return savingOf(T, 0);
}

std::optional<double>
CopyCostModel::moveSavingNs(QualType T, ArrayRef<const FieldDecl *> Filled) {
  std::optional<double> Whole = moveSavingNs(T);
  if (!Whole)
    return std::nullopt;
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition() ||
      Calls.model().owningType(Calls.nameOf(RD->getDefinition())))
    return Filled.empty() ? std::nullopt : Whole;
  double Saving = 0;
  bool MembersInElement = holdsSeveralContainers(RD->getDefinition());
  for (const FieldDecl *Field : Filled)
    if (Field->getParent()->getCanonicalDecl() == RD->getCanonicalDecl() &&
        !Field->getType().isConstQualified() &&
        !Field->getType()->isReferenceType())
      if (std::optional<double> S =
              savingOf(Field->getType(), 1, MembersInElement))
        Saving += *S;
  if (Saving <= 0)
    return std::nullopt;
  return Saving;
}

std::optional<double> CopyCostModel::savingOf(QualType T, unsigned Depth,
                                              bool InElement) {
  std::optional<double> Copy = costOf(T, Depth, InElement);
  if (!Copy)
    return std::nullopt;
  T = T.getNonReferenceType().getCanonicalType().getUnqualifiedType();
  if (const auto *Array = Ctx.getAsConstantArrayType(T)) {
    std::optional<double> Element =
        savingOf(Array->getElementType(), Depth + 1, InElement);
    if (!Element)
      return std::nullopt;
    return *Element * Array->getSize().getZExtValue();
  }
  const auto *RD = T->getAsCXXRecordDecl();
  if (!RD || !RD->hasDefinition())
    return std::nullopt;
  RD = RD->getDefinition();
  // An owning type hands its buffer over.
  if (Calls.model().owningType(Calls.nameOf(RD)))
    return Copy;
  const CXXConstructorDecl *Move = nullptr;
  for (const CXXConstructorDecl *Ctor : RD->ctors())
    if (Ctor->isMoveConstructor())
      Move = Ctor;
  if (Move && Move->isDeleted())
    return std::nullopt;
  // A move constructor written by hand is assumed to steal what it can.
  if (Move && Move->isUserProvided())
    return Copy;
  // Without one, and none implicit (a user-declared copy constructor
  // suppresses it), a move is a copy.
  if (!Move && (!RD->needsImplicitMoveConstructor() ||
                RD->defaultedMoveConstructorIsDeleted()))
    return std::nullopt;
  // A defaulted move moves each base and member; a const member (the key of
  // a map's value_type) is copied.
  double Saving = 0;
  bool MembersInElement = InElement || holdsSeveralContainers(RD);
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (std::optional<double> S = savingOf(Base.getType(), Depth + 1, InElement))
      Saving += *S;
  for (const FieldDecl *Field : RD->fields())
    if (!Field->getType().isConstQualified() &&
        !Field->getType()->isReferenceType())
      if (std::optional<double> S =
              savingOf(Field->getType(), Depth + 1, MembersInElement))
        Saving += *S;
  if (Saving <= 0)
    return std::nullopt;
  return Saving;
}

std::string CopyCostModel::spell(QualType T) const {
  PrintingPolicy Policy = Ctx.getPrintingPolicy();
  Policy.SuppressScope = false;
  Policy.SuppressInlineNamespace = true;
  Policy.SuppressDefaultTemplateArgs = true;
  Policy.FullyQualifiedName = true;
  QualType Shown = T.getNonReferenceType().getUnqualifiedType();
  // A member typedef of a template's specialization (a container's
  // `value_type`, `reference`) names the type by its role there, out of
  // context: show what it stands for.
  while (const auto *Typedef = Shown->getAs<TypedefType>()) {
    if (!isa<ClassTemplateSpecializationDecl>(
            Typedef->getDecl()->getDeclContext()))
      break;
    Shown = Typedef->desugar().getUnqualifiedType();
  }
  std::string Spelled = Shown.getAsString(Policy);
  // What `auto` was deduced from may be spelled inside a library template,
  // without its namespace (`basic_string<char, char_traits<char>,
  // allocator<char>>` for the result of a string `operator+`): then the
  // type itself says more.
  const CXXRecordDecl *RD = Shown->getAsCXXRecordDecl();
  if (isa<DeducedType>(Shown.getTypePtr()) && RD && RD->getIdentifier() &&
      !RD->getDeclContext()->getRedeclContext()->isTranslationUnit() &&
      StringRef(Spelled).starts_with(RD->getName()))
    Spelled = Shown.getCanonicalType().getAsString(Policy);
  // A type that comes from a template argument has lost its typedef: give
  // the standard strings the names code spells them with.
  static constexpr std::pair<llvm::StringLiteral, llvm::StringLiteral>
      StringNames[] = {{"std::basic_string<char>", "std::string"},
                       {"std::basic_string<wchar_t>", "std::wstring"},
                       {"std::basic_string_view<char>", "std::string_view"}};
  for (const auto &[Canonical, Name] : StringNames)
    for (size_t At = Spelled.find(Canonical); At != std::string::npos;
         At = Spelled.find(Canonical, At + Name.size()))
      Spelled.replace(At, Canonical.size(), Name);
  return Spelled;
}

} // namespace perf_audit
