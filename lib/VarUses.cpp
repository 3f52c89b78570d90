//===--- VarUses.cpp - How a variable is used in a function ---------------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/VarUses.h"
#include "perf-audit/LoopModel.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/RecursiveASTVisitor.h"
#include "clang/Analysis/Analyses/ExprMutationAnalyzer.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace perf_audit {

bool isMoveOrForward(const CallExpr *Call) {
  const FunctionDecl *Callee = Call->getDirectCallee();
  return Callee && Callee->isInStdNamespace() && Callee->getIdentifier() &&
         (Callee->getName() == "move" || Callee->getName() == "forward") &&
         Call->getNumArgs() == 1;
}

/// True when a construction is given no argument of its own: `T()`, or
/// only the constructor's default arguments.
static bool hasOnlyDefaultArguments(const CXXConstructExpr *Construct) {
  return llvm::all_of(Construct->arguments(), [](const Expr *Arg) {
    return isa<CXXDefaultArgExpr>(Arg);
  });
}

bool startsEmpty(const VarDecl *Var) {
  const Expr *Init = Var->getInit();
  if (!Init)
    return true;
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Init->IgnoreImplicit()))
    return hasOnlyDefaultArguments(Construct);
  if (const auto *List = dyn_cast<InitListExpr>(Init->IgnoreImplicit()))
    return List->getNumInits() == 0;
  return false;
}

namespace {
/// Finds `std::move(Var)` and `std::forward<T>(Var)`: moving from a variable
/// is not reading it.
class MoveFinder : public RecursiveASTVisitor<MoveFinder> {
public:
  explicit MoveFinder(const ValueDecl *Var) : Var(Var) {}
  bool shouldVisitLambdaBodies() const { return true; }
  bool VisitCallExpr(CallExpr *CE) {
    if (isMoveOrForward(CE))
      if (const auto *Ref = dyn_cast<DeclRefExpr>(CE->getArg(0)->IgnoreParenImpCasts());
          Ref && Ref->getDecl() == Var)
        Found = true;
    return !Found;
  }
  const ValueDecl *Var;
  bool Found = false;
};
} // namespace

llvm::SmallVector<const Stmt *, 4> functionCode(const FunctionDecl *FD) {
  llvm::SmallVector<const Stmt *, 4> Code;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(FD))
    for (const CXXCtorInitializer *Init : Ctor->inits())
      if (Init->isWritten() && Init->getInit())
        Code.push_back(Init->getInit());
  if (const Stmt *Body = FD->getBody())
    Code.push_back(Body);
  return Code;
}

namespace {
/// The references to a declaration in a statement, lambda bodies included.
class DeclRefCollector : public RecursiveASTVisitor<DeclRefCollector> {
public:
  explicit DeclRefCollector(const ValueDecl *Var) : Var(Var) {}
  bool shouldVisitLambdaBodies() const { return true; }
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (Ref->getDecl() == Var)
      Refs.push_back(Ref);
    return true;
  }
  const ValueDecl *Var;
  llvm::SmallVector<const DeclRefExpr *, 8> Refs;
};

/// Whether a call of a non-const member function reads its object: the
/// function has a const twin, and what it returns is only read, so the
/// object made const calls the twin and the code means the same.
class ConstTwinReads {
public:
  ConstTwinReads(const Stmt &Scope, ASTContext &Ctx, ReadingFunctions IsReading)
      : Scope(Scope), Ctx(Ctx), IsReading(IsReading) {}

  /// True when Ref is the object of such a call.
  bool isRead(const DeclRefExpr *Ref) {
    const Expr *Object = Ref;
    const Stmt *User = climb(Object);
    const CXXMethodDecl *Method = nullptr;
    const Expr *Call = nullptr;
    if (const auto *Member = dyn_cast_or_null<MemberExpr>(User);
        Member && !Member->isArrow() && Member->getBase() == Object) {
      const auto *MemberCall =
          dyn_cast_or_null<CXXMemberCallExpr>(parentStmt(Member));
      if (MemberCall && MemberCall->getCallee() == Member) {
        Method = MemberCall->getMethodDecl();
        Call = MemberCall;
      }
    } else if (const auto *Operator =
                   dyn_cast_or_null<CXXOperatorCallExpr>(User);
               Operator && Operator->getNumArgs() > 0 &&
               Operator->getArg(0) == Object) {
      Method = dyn_cast_or_null<CXXMethodDecl>(Operator->getDirectCallee());
      Call = Operator;
    }
    if (const auto *RangeCall = dyn_cast_or_null<CallExpr>(User);
        RangeCall && !Method && !isa<CXXOperatorCallExpr>(RangeCall) &&
        llvm::is_contained(RangeCall->arguments(), Object))
      // A range given to a reading function (`std::ranges::find(v, x)`).
      return readingCallReads(RangeCall, 0);
    return Method && constTwin(*Method) && resultOnlyRead(Call, 0);
  }

private:
  // A result passed through more calls than this is taken as written: the
  // chains real code reads through are short (`v.front().name.size()`).
  static constexpr unsigned MaxDepth = 4;

  const Stmt *parentStmt(const Stmt *S) {
    DynTypedNodeList Parents = Ctx.getParents(*S);
    return Parents.empty() ? nullptr : Parents[0].get<Stmt>();
  }

  /// The parent of E past parentheses and conversions that keep what E
  /// refers to (E becomes the outermost of them); null past a conversion
  /// that reads E's value, with ReadsValue set.
  const Stmt *climb(const Expr *&E, bool *ReadsValue = nullptr) {
    while (true) {
      const Stmt *Parent = parentStmt(E);
      if (const auto *Cast = dyn_cast_or_null<ImplicitCastExpr>(Parent)) {
        if (Cast->getCastKind() == CK_LValueToRValue) {
          if (ReadsValue)
            *ReadsValue = true;
          return nullptr;
        }
        if (Cast->getCastKind() != CK_NoOp &&
            Cast->getCastKind() != CK_DerivedToBase &&
            Cast->getCastKind() != CK_UncheckedDerivedToBase)
          return Parent;
      } else if (!isa_and_nonnull<ParenExpr, MaterializeTemporaryExpr,
                                  CXXBindTemporaryExpr, ExprWithCleanups>(
                     Parent)) {
        return Parent;
      }
      E = cast<Expr>(Parent);
    }
  }

  /// The const overload of Method: the same name, parameters and
  /// ref-qualifier.
  const CXXMethodDecl *constTwin(const CXXMethodDecl &Method) {
    if (Method.isConst() || Method.isStatic() ||
        Method.getRefQualifier() == RQ_RValue)
      return nullptr;
    for (const NamedDecl *Candidate :
         Method.getParent()->lookup(Method.getDeclName())) {
      const auto *Other = dyn_cast<CXXMethodDecl>(Candidate);
      if (!Other || Other == &Method || !Other->isConst() ||
          Other->getRefQualifier() == RQ_RValue ||
          Other->getNumParams() != Method.getNumParams())
        continue;
      bool SameParameters = true;
      for (unsigned I = 0; I < Method.getNumParams(); ++I)
        SameParameters &= Ctx.hasSameType(Other->getParamDecl(I)->getType(),
                                          Method.getParamDecl(I)->getType());
      if (SameParameters)
        return Other;
    }
    return nullptr;
  }

  /// True when Arg, an argument of Call, is passed by value or by const
  /// reference to a function that is not a member of Arg.
  static bool passedForReading(const CallExpr *Call, const Expr *Arg) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!Callee)
      return false;
    unsigned Shift = 0;
    if (isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee)) {
      if (Call->getArg(0) == Arg)
        return false;
      Shift = 1;
    }
    for (unsigned I = Shift; I < Call->getNumArgs(); ++I) {
      if (Call->getArg(I) != Arg)
        continue;
      if (I - Shift >= Callee->getNumParams())
        return false;
      QualType Param = Callee->getParamDecl(I - Shift)->getType();
      if (Param->isPointerType())
        return false;
      return !Param->isReferenceType() ||
             (Param->isLValueReferenceType() &&
              Param.getNonReferenceType().isConstQualified());
    }
    return false;
  }

  /// True when a local initialised with Init is a copy, or a const
  /// reference, of it.
  static bool initialisesCopyOrConstReference(const Expr *Init,
                                             const VarDecl *Local) {
    if (Local->getInit()->IgnoreParenImpCasts() != Init->IgnoreParenImpCasts() &&
        Local->getInit() != Init)
      return false;
    QualType Type = Local->getType();
    return !Type->isReferenceType() ||
           (Type->isLValueReferenceType() &&
            Type.getNonReferenceType().isConstQualified());
  }

  const VarDecl *initialised(const Expr *E) {
    DynTypedNodeList Parents = Ctx.getParents(*E);
    if (Parents.empty())
      return nullptr;
    const auto *Local = Parents[0].get<VarDecl>();
    return Local && Local->getInit() == E ? Local : nullptr;
  }

  /// True when the lvalue or the value R, which the const twin would give
  /// as const, is only read.
  bool resultOnlyRead(const Expr *R, unsigned Depth) {
    if (Depth > MaxDepth)
      return false;
    if (!R->isGLValue())
      return R->getType()->isRecordType() && iteratorOnlyRead(R, Depth);
    bool ReadsValue = false;
    const Expr *Use = R;
    const Stmt *User = climb(Use, &ReadsValue);
    if (ReadsValue)
      return true;
    if (const VarDecl *Local = initialised(Use))
      return initialisesCopyOrConstReference(Use, Local);
    if (!User)
      return false;
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(User)) {
      const CXXConstructorDecl *Ctor = Construct->getConstructor();
      return Construct->getNumArgs() >= 1 && Construct->getArg(0) == Use &&
             (Ctor->isCopyConstructor() ||
              (Ctor->getNumParams() > 0 &&
               Ctor->getParamDecl(0)->getType()->isLValueReferenceType() &&
               Ctor->getParamDecl(0)
                   ->getType()
                   .getNonReferenceType()
                   .isConstQualified()));
    }
    if (const auto *Member = dyn_cast<MemberExpr>(User);
        Member && !Member->isArrow() && Member->getBase() == Use)
      return memberOnlyRead(Member, Depth);
    if (const auto *Operator = dyn_cast<CXXOperatorCallExpr>(User);
        Operator && Operator->getNumArgs() > 0 && Operator->getArg(0) == Use)
      if (const auto *Method =
              dyn_cast_or_null<CXXMethodDecl>(Operator->getDirectCallee()))
        return Method->isConst() ||
               (constTwin(*Method) && resultOnlyRead(Operator, Depth + 1));
    if (const auto *Call = dyn_cast<CallExpr>(User))
      return passedForReading(Call, Use);
    return false;
  }

  /// `x.field` or `x.method(...)` of a result that is only read.
  bool memberOnlyRead(const MemberExpr *Member, unsigned Depth) {
    if (isa<FieldDecl>(Member->getMemberDecl()))
      return resultOnlyRead(Member, Depth + 1);
    const auto *Call = dyn_cast_or_null<CXXMemberCallExpr>(parentStmt(Member));
    if (!Call || Call->getCallee() != Member)
      return false;
    const CXXMethodDecl *Method = Call->getMethodDecl();
    return Method && (Method->isConst() ||
                      (constTwin(*Method) && resultOnlyRead(Call, Depth + 1)));
  }

  static bool isComparison(OverloadedOperatorKind Kind) {
    return Kind == OO_EqualEqual || Kind == OO_ExclaimEqual ||
           Kind == OO_Less || Kind == OO_LessEqual || Kind == OO_Greater ||
           Kind == OO_GreaterEqual || Kind == OO_Spaceship;
  }

  /// What an iterator operator does with Operand (`*it`, `it->m`, `it ==
  /// end`, `++it`) only reads the sequence.
  bool iteratorOperatorReads(const CXXOperatorCallExpr *Operator,
                             const Expr *Operand, unsigned Depth) {
    OverloadedOperatorKind Kind = Operator->getOperator();
    if (isComparison(Kind))
      return true;
    if (Operator->getNumArgs() == 0 || Operator->getArg(0) != Operand)
      return false;
    if (Kind == OO_Star)
      return resultOnlyRead(Operator, Depth + 1);
    if (Kind == OO_Arrow) {
      const auto *Member = dyn_cast_or_null<MemberExpr>(parentStmt(Operator));
      return Member && Member->getBase() == Operator &&
             memberOnlyRead(Member, Depth);
    }
    return false;
  }

  /// True when a reading function is given Operand and what it returns is
  /// only read.
  bool readingCallReads(const CallExpr *Call, unsigned Depth) {
    const FunctionDecl *Callee = Call->getDirectCallee();
    if (!IsReading || !Callee || !IsReading(*Callee))
      return false;
    QualType Result = Call->getType();
    if (Result->isVoidType() || Result->isScalarType())
      return true;
    return Result->isRecordType() && !Call->isGLValue() &&
           iteratorOnlyRead(Call, Depth + 1);
  }

  /// The user of the iterator value It, past the copies and moves that pass
  /// it on to a parameter or a local.
  const Stmt *iteratorUser(const Expr *&It) {
    while (true) {
      const Stmt *User = climb(It);
      const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(User);
      if (!Construct || Construct->getNumArgs() != 1 ||
          !Construct->getConstructor()->isCopyOrMoveConstructor())
        return User;
      It = Construct;
    }
  }

  /// True when the iterator value It, which the const twin would give as a
  /// const iterator, is only used to read: compared, dereferenced and read,
  /// given to a reading function, or kept in an `auto` local used so.
  bool iteratorOnlyRead(const Expr *It, unsigned Depth) {
    if (Depth > MaxDepth)
      return false;
    const Expr *Use = It;
    const Stmt *User = iteratorUser(Use);
    if (const VarDecl *Local = initialised(Use))
      return localIteratorOnlyRead(Local, Depth);
    if (const auto *Operator = dyn_cast_or_null<CXXOperatorCallExpr>(User)) {
      if (Operator->getOperator() == OO_Equal && Operator->getNumArgs() == 2 &&
          Operator->getArg(1) == Use) {
        const auto *Target = dyn_cast<DeclRefExpr>(
            Operator->getArg(0)->IgnoreParenImpCasts());
        const auto *Local =
            Target ? dyn_cast<VarDecl>(Target->getDecl()) : nullptr;
        return Local && localIteratorOnlyRead(Local, Depth);
      }
      return iteratorOperatorReads(Operator, Use, Depth);
    }
    if (const auto *Call = dyn_cast_or_null<CallExpr>(User))
      return readingCallReads(Call, Depth);
    return false;
  }

  /// True when a local iterator, declared `auto` (its type follows the
  /// twin's), is only compared, stepped, assigned, dereferenced and read,
  /// or given to a reading function.
  bool localIteratorOnlyRead(const VarDecl *Local, unsigned Depth) {
    if (Depth > MaxDepth || !Local->isLocalVarDecl() ||
        Local->getType()->isReferenceType() || !Local->getTypeSourceInfo() ||
        !Local->getTypeSourceInfo()->getType()->getContainedAutoType())
      return false;
    if (auto [It, New] = LocalIterators.try_emplace(Local, true); !New)
      return It->second;
    DeclRefCollector Uses(Local);
    Uses.TraverseStmt(const_cast<Stmt *>(&Scope));
    bool Reads = llvm::all_of(Uses.Refs, [&](const DeclRefExpr *Ref) {
      const Expr *Use = Ref;
      const Stmt *User = climb(Use);
      if (const auto *Operator = dyn_cast_or_null<CXXOperatorCallExpr>(User)) {
        OverloadedOperatorKind Kind = Operator->getOperator();
        if (Kind == OO_PlusPlus || Kind == OO_MinusMinus ||
            (Kind == OO_Equal && Operator->getArg(0) == Use))
          return true;
        return iteratorOperatorReads(Operator, Use, Depth + 1);
      }
      const Expr *Copy = Use;
      if (const auto *Call = dyn_cast_or_null<CallExpr>(iteratorUser(Copy)))
        return Copy != Use && readingCallReads(Call, Depth + 1);
      return false;
    });
    LocalIterators[Local] = Reads;
    return Reads;
  }

  const Stmt &Scope;
  ASTContext &Ctx;
  ReadingFunctions IsReading;
  // Locals being or already decided (a cycle through `it = v.begin()` is
  // taken as a read: each use is decided on its own).
  llvm::DenseMap<const VarDecl *, bool> LocalIterators;
};
} // namespace

bool isOnlyRead(const ValueDecl *Var, const Stmt &Scope, ASTContext &Ctx,
                ReadingFunctions IsReading) {
  MoveFinder Moves(Var);
  Moves.TraverseStmt(const_cast<Stmt *>(&Scope));
  if (Moves.Found)
    return false;
  ExprMutationAnalyzer Mutations(Scope, Ctx);
  if (!Mutations.isMutated(Var))
    return true;
  // Clang's analysis takes any non-const member call for a change; look at
  // each reference on its own.
  DeclRefCollector Uses(Var);
  Uses.TraverseStmt(const_cast<Stmt *>(&Scope));
  ConstTwinReads Twins(Scope, Ctx, IsReading);
  return llvm::all_of(Uses.Refs, [&](const DeclRefExpr *Ref) {
    return !Mutations.isMutated(Ref) || Twins.isRead(Ref);
  });
}

/// True when Ref, a pointer, is handed to a call's parameter that points to
/// non-const: the callee may change what it points to.
static bool isPassedToChange(const DeclRefExpr *Ref, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(*Ref);
  while (!Parents.empty() && Parents[0].get<ImplicitCastExpr>() &&
         Parents[0].get<ImplicitCastExpr>()->getCastKind() != CK_NoOp)
    Parents = Ctx.getParents(Parents[0]);
  const auto *Call = Parents.empty() ? nullptr : Parents[0].get<CallExpr>();
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  if (!Callee)
    return Call != nullptr; // Through a pointer to function: unknown.
  unsigned Offset =
      isa<CXXOperatorCallExpr>(Call) && isa<CXXMethodDecl>(Callee) ? 1 : 0;
  for (unsigned I = Offset; I < Call->getNumArgs(); ++I) {
    if (Call->getArg(I)->IgnoreParenImpCasts() != Ref)
      continue;
    if (I - Offset >= Callee->getNumParams())
      return true; // A variadic argument.
    QualType Param = Callee->getParamDecl(I - Offset)->getType();
    return Param->isPointerType() &&
           !Param->getPointeeType().isConstQualified();
  }
  return false;
}

bool isChangedAfter(const VarDecl *Var, const Stmt *Point,
                    const FunctionDecl *FD, ASTContext &Ctx,
                    ReadingFunctions IsReading) {
  const Stmt *Body = FD->getBody();
  if (!Body)
    return false;
  MoveFinder Moves(Var);
  Moves.TraverseStmt(const_cast<Stmt *>(Body));
  if (Moves.Found)
    return true;
  const SourceManager &SM = Ctx.getSourceManager();
  DeclRefCollector Uses(Var);
  Uses.TraverseStmt(const_cast<Stmt *>(Body));
  ExprMutationAnalyzer Mutations(*Body, Ctx);
  ConstTwinReads Twins(*Body, Ctx, IsReading);
  QualType Type = Var->getType().getNonReferenceType();
  bool PointsToMutable =
      Type->isPointerType() && !Type->getPointeeType().isConstQualified();
  return llvm::any_of(Uses.Refs, [&](const DeclRefExpr *Ref) {
    if (!SM.isBeforeInTranslationUnit(Point->getEndLoc(), Ref->getBeginLoc()))
      return false;
    if (Mutations.isMutated(Ref) && !Twins.isRead(Ref))
      return true;
    return PointsToMutable && isPassedToChange(Ref, Ctx);
  });
}

bool isOnlyRead(const ValueDecl *Var, const FunctionDecl *FD, ASTContext &Ctx,
                ReadingFunctions IsReading) {
  return llvm::all_of(functionCode(FD), [&](const Stmt *S) {
    return isOnlyRead(Var, *S, Ctx, IsReading);
  });
}

namespace {
class AliasFinder : public RecursiveASTVisitor<AliasFinder> {
public:
  explicit AliasFinder(const VarDecl *Var) : Var(Var) {}

  static bool refersTo(const Expr *E, const VarDecl *Var) {
    if (!E)
      return false;
    const auto *DRE = dyn_cast<DeclRefExpr>(E->IgnoreParenImpCasts());
    return DRE && DRE->getDecl() == Var;
  }

  bool VisitUnaryOperator(UnaryOperator *UO) {
    if (UO->getOpcode() == UO_AddrOf && refersTo(UO->getSubExpr(), Var))
      Found = true;
    return !Found;
  }
  bool VisitVarDecl(VarDecl *VD) {
    if (VD != Var && VD->getType()->isReferenceType() &&
        refersTo(VD->getInit(), Var))
      Found = true;
    return !Found;
  }
  bool VisitLambdaExpr(LambdaExpr *L) {
    for (const LambdaCapture &C : L->captures())
      if (C.capturesVariable() && C.getCapturedVar() == Var &&
          C.getCaptureKind() == LCK_ByRef)
        Found = true;
    return !Found;
  }

  const VarDecl *Var;
  bool Found = false;
};

class LaterUseFinder : public RecursiveASTVisitor<LaterUseFinder> {
public:
  LaterUseFinder(const DeclRefExpr *Ref, const SourceManager &SM)
      : Ref(Ref), SM(SM) {}

  bool shouldVisitLambdaBodies() const { return true; }

  // Inside a lambda, a reference to a variable captured by copy names the
  // lambda's own copy (the capture's initializer is the use that counts); a
  // capture by reference makes the variable aliased, checked separately.
  bool VisitDeclRefExpr(DeclRefExpr *Other) {
    if (Other != Ref && Other->getDecl() == Ref->getDecl() &&
        !Other->refersToEnclosingVariableOrCapture() &&
        SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Ref->getBeginLoc()),
                                     SM.getExpansionLoc(Other->getBeginLoc())))
      Found = true;
    return !Found;
  }

  const DeclRefExpr *Ref;
  const SourceManager &SM;
  bool Found = false;
};
} // namespace

bool isAliased(const VarDecl *Var, const FunctionDecl *FD) {
  AliasFinder Finder(Var);
  for (const Stmt *S : functionCode(FD))
    Finder.TraverseStmt(const_cast<Stmt *>(S));
  return Finder.Found;
}

bool isLastUse(const DeclRefExpr *Ref, const Stmt *Site, const FunctionDecl *FD,
               LoopModel &Loops, ASTContext &Ctx) {
  const auto *Var = dyn_cast<VarDecl>(Ref->getDecl());
  if (!Var)
    return false;
  LaterUseFinder Finder(Ref, Ctx.getSourceManager());
  for (const Stmt *S : functionCode(FD))
    Finder.TraverseStmt(const_cast<Stmt *>(S));
  if (Finder.Found)
    return false;
  // A loop around the use, but not around the declaration, uses it again.
  for (const Stmt *Loop : Loops.enclosingLoops(Site))
    if (!Loops.isDeclaredIn(Var, Loop))
      return false;
  return true;
}

namespace {
/// Collects the references to a variable in a function's own code (not in
/// the bodies of lambdas, which name their own copies).
class RefCollector : public RecursiveASTVisitor<RefCollector> {
public:
  explicit RefCollector(const VarDecl *Var) : Var(Var) {}
  bool VisitDeclRefExpr(DeclRefExpr *Ref) {
    if (Ref->getDecl() == Var && !Ref->refersToEnclosingVariableOrCapture())
      Refs.push_back(Ref);
    return true;
  }
  const VarDecl *Var;
  llvm::SmallVector<const DeclRefExpr *, 8> Refs;
};
} // namespace

/// The first parent of S that is a statement, or null.
static const Stmt *parentStmt(const Stmt *S, ASTContext &Ctx) {
  DynTypedNodeList Parents = Ctx.getParents(*S);
  return Parents.empty() ? nullptr : Parents[0].get<Stmt>();
}

static bool isWithin(const Stmt *Inner, const Stmt *Outer, ASTContext &Ctx) {
  for (const Stmt *S = Inner; S; S = parentStmt(S, Ctx))
    if (S == Outer)
      return true;
  return false;
}

/// The loop or switch a `break` or `continue` leaves or repeats.
static const Stmt *jumpTarget(const Stmt *Jump, ASTContext &Ctx) {
  bool Continue = isa<ContinueStmt>(Jump);
  for (const Stmt *S = parentStmt(Jump, Ctx); S; S = parentStmt(S, Ctx)) {
    if (isLoopStmt(S) || (!Continue && isa<SwitchStmt>(S)))
      return S;
    if (isa<LambdaExpr>(S))
      return nullptr;
  }
  return nullptr;
}

/// True when the block ends with a jump that leaves Var's iteration or its
/// function: a `return`, a `throw`, or a `continue`/`break` of a loop that
/// declares Var (its next iteration starts with a new Var).
static bool endsVarsLifetime(const CompoundStmt *Block, const VarDecl *Var,
                             LoopModel &Loops, ASTContext &Ctx) {
  if (Block->body_empty())
    return false;
  const Stmt *Last = Block->body_back();
  if (const auto *Cleanups = dyn_cast<ExprWithCleanups>(Last))
    Last = Cleanups->getSubExpr();
  if (isa<ReturnStmt, CXXThrowExpr>(Last))
    return true;
  if (isa<ContinueStmt, BreakStmt>(Last)) {
    const Stmt *Target = jumpTarget(Last, Ctx);
    return Target && isLoopStmt(Target) && Loops.isDeclaredIn(Var, Target);
  }
  return false;
}

/// The statement that uses Use, past implicit casts and parentheses; Use
/// becomes the outermost of those.
static const Stmt *userOf(const Expr *&Use, ASTContext &Ctx) {
  const Stmt *Parent = parentStmt(Use, Ctx);
  while (Parent && isa<ImplicitCastExpr, ParenExpr>(Parent)) {
    Use = cast<Expr>(Parent);
    Parent = parentStmt(Parent, Ctx);
  }
  return Parent;
}

/// True when a use is only a read of the whole object: copied from, or
/// passed by value or by const reference.
static bool readsWhole(const Expr *Use, const Stmt *Parent) {
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Parent))
    return Construct->getConstructor()->isCopyConstructor();
  const auto *Call = dyn_cast<CallExpr>(Parent);
  if (!Call || isa<CXXOperatorCallExpr>(Call))
    return false;
  const FunctionDecl *Callee = Call->getDirectCallee();
  if (!Callee)
    return false;
  for (unsigned I = 0; I < Call->getNumArgs() && I < Callee->getNumParams(); ++I)
    if (Call->getArg(I)->IgnoreParenImpCasts() == Use->IgnoreParenImpCasts()) {
      QualType Param = Callee->getParamDecl(I)->getType();
      return !Param->isReferenceType() && !Param->isPointerType()
                 ? true
                 : Param->isLValueReferenceType() &&
                       Param.getNonReferenceType().isConstQualified();
    }
  return false;
}

/// True when E is a string literal of at most Capacity characters, or the
/// empty string (`""`, `std::string()`, `{}`), seen through the conversion
/// to the string class.
static bool isShortLiteral(const Expr *E, unsigned Capacity) {
  E = E->IgnoreImplicit()->IgnoreParens();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E)) {
    if (hasOnlyDefaultArguments(Construct))
      return true;
    // Before C++17, `std::string s = "x";` copies a temporary.
    if (Construct->getConstructor()->isCopyOrMoveConstructor())
      return Construct->getNumArgs() == 1 &&
             isShortLiteral(Construct->getArg(0), Capacity);
    return Construct->getNumArgs() >= 1 &&
           llvm::all_of(llvm::drop_begin(Construct->arguments()),
                        [](const Expr *Arg) {
                          return isa<CXXDefaultArgExpr>(Arg);
                        }) &&
           isShortLiteral(Construct->getArg(0), Capacity);
  }
  if (const auto *List = dyn_cast<InitListExpr>(E))
    return List->getNumInits() == 0 ||
           (List->getNumInits() == 1 &&
            isShortLiteral(List->getInit(0), Capacity));
  const auto *Literal = dyn_cast<StringLiteral>(E);
  return Literal && Literal->getLength() <= Capacity;
}

/// E without the conversions, temporaries, copies and moves that pass an
/// object on unchanged.
static const Expr *passedOn(const Expr *E) {
  while (true) {
    E = E->IgnoreImplicit()->IgnoreParens();
    if (const auto *Construct = dyn_cast<CXXConstructExpr>(E);
        Construct && Construct->getNumArgs() == 1 &&
        Construct->getConstructor()->isCopyOrMoveConstructor()) {
      E = Construct->getArg(0);
      continue;
    }
    if (const auto *Call = dyn_cast<CallExpr>(E); Call && isMoveOrForward(Call)) {
      E = Call->getArg(0);
      continue;
    }
    return E;
  }
}

/// True when E is a default-constructed object: `T()`, `T{}`, or the
/// constant one that a function keeps to hand out (`static const T Null;
/// return Null;`, a shared default). Copying one gives nothing to save: a
/// default-constructed string, container or value owns no buffer.
static bool isDefaultConstructed(const Expr *E, unsigned Depth = 0) {
  E = passedOn(E);
  if (isa<CXXScalarValueInitExpr, ImplicitValueInitExpr>(E))
    return true;
  if (const auto *List = dyn_cast<InitListExpr>(E))
    return llvm::all_of(List->inits(), [&](const Expr *Init) {
      return isDefaultConstructed(Init, Depth);
    });
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(E))
    return Construct->getConstructor()->isDefaultConstructor() &&
           hasOnlyDefaultArguments(Construct);
  const auto *Call = dyn_cast<CallExpr>(E);
  const FunctionDecl *Callee = Call ? Call->getDirectCallee() : nullptr;
  const FunctionDecl *Definition = nullptr;
  if (!Callee || Depth > 0 || !Callee->getReturnType()->isReferenceType() ||
      !Callee->hasBody(Definition))
    return false;
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Definition->getBody());
  if (!Body || Body->size() != 2)
    return false;
  const auto *Decl = dyn_cast<DeclStmt>(Body->body_front());
  const auto *Return = dyn_cast<ReturnStmt>(Body->body_back());
  const auto *Shared =
      Decl && Decl->isSingleDecl() ? dyn_cast<VarDecl>(Decl->getSingleDecl())
                                   : nullptr;
  if (!Shared || !Return || !Return->getRetValue() ||
      !Shared->isStaticLocal() || !Shared->getType().isConstQualified())
    return false;
  const auto *Returned =
      dyn_cast<DeclRefExpr>(Return->getRetValue()->IgnoreParenImpCasts());
  return Returned && Returned->getDecl() == Shared &&
         (!Shared->getInit() || isDefaultConstructed(Shared->getInit(), 1));
}

/// For an object built by a constructor that only initialises members from
/// its parameters (`pair(const T1 &A, const T2 &B) : first(A), second(B)
/// {}`), adds to Fill the fields given something that is not default
/// constructed. False when the constructor does anything else.
static bool fillFromArguments(
    const CXXConstructExpr *Construct,
    llvm::function_ref<void(const FieldDecl *)> Fill) {
  const FunctionDecl *Definition = nullptr;
  if (!Construct->getConstructor()->hasBody(Definition))
    return false;
  const auto *Ctor = cast<CXXConstructorDecl>(Definition);
  const auto *Body = dyn_cast_or_null<CompoundStmt>(Ctor->getBody());
  if (!Body || !Body->body_empty())
    return false;
  for (const CXXCtorInitializer *Init : Ctor->inits()) {
    if (Init->isBaseInitializer()) {
      const CXXRecordDecl *Base =
          Init->getBaseClass() ? Init->getBaseClass()->getAsCXXRecordDecl()
                               : nullptr;
      if (!Base || !Base->hasDefinition() || !Base->isEmpty())
        return false;
      continue;
    }
    const FieldDecl *Field = Init->getMember();
    if (!Field || !Init->getInit())
      return false;
    const Expr *Value = passedOn(Init->getInit());
    if (const auto *Ref = dyn_cast<DeclRefExpr>(Value))
      if (const auto *Param = dyn_cast<ParmVarDecl>(Ref->getDecl());
          Param && Param->getDeclContext() == Ctor) {
        unsigned Index = Param->getFunctionScopeIndex();
        if (Index >= Construct->getNumArgs() ||
            !isDefaultConstructed(Construct->getArg(Index)))
          Fill(Field);
        continue;
      }
    if (!isDefaultConstructed(Value))
      Fill(Field);
  }
  return true;
}

/// True when every base of RD is an empty class (libstdc++'s `pair` derives
/// from an empty `__pair_base`).
static bool hasOnlyEmptyBases(const CXXRecordDecl *RD) {
  return llvm::all_of(RD->bases(), [](const CXXBaseSpecifier &Base) {
    const CXXRecordDecl *Class = Base.getType()->getAsCXXRecordDecl();
    return Class && Class->hasDefinition() && Class->isEmpty();
  });
}

/// True when RD's copy or move constructor is written by hand: it may do
/// more than copy member by member.
static bool hasUserProvidedCopyOrMove(const CXXRecordDecl *RD) {
  return llvm::any_of(RD->ctors(), [](const CXXConstructorDecl *Ctor) {
    return Ctor->isCopyOrMoveConstructor() && Ctor->isUserProvided();
  });
}

bool holdsOnlyShortLiterals(const VarDecl *Var, const Stmt *Site,
                            const FunctionDecl *FD, unsigned Capacity,
                            ASTContext &Ctx) {
  if (!Var->isLocalVarDecl() || Var->isStaticLocal() || !FD->getBody())
    return false;
  if (const Expr *Init = Var->getInit(); Init && !isShortLiteral(Init, Capacity))
    return false;
  RefCollector Collector(Var);
  Collector.TraverseStmt(const_cast<Stmt *>(FD->getBody()));
  for (const DeclRefExpr *Ref : Collector.Refs) {
    if (isWithin(Ref, Site, Ctx))
      continue;
    const Expr *Use = Ref;
    const Stmt *Parent = userOf(Use, Ctx);
    if (!Parent)
      return false;
    // `s = ": "`: given another short value.
    if (const auto *Assign = dyn_cast<CXXOperatorCallExpr>(Parent)) {
      if (Assign->getOperator() == OO_Equal && Assign->getNumArgs() == 2 &&
          Assign->getArg(0)->IgnoreParenImpCasts() == Ref &&
          isShortLiteral(Assign->getArg(1), Capacity))
        continue;
      return false;
    }
    // `s.clear()`, `s.size()`: emptied or read.
    if (const auto *Member = dyn_cast<MemberExpr>(Parent)) {
      const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
      if (Method && (Method->isConst() || (Method->getIdentifier() &&
                                           Method->getName() == "clear")))
        continue;
      return false;
    }
    if (!readsWhole(Use, Parent))
      return false;
  }
  return true;
}

std::optional<llvm::SmallVector<const FieldDecl *, 4>>
fieldsFilledBefore(const VarDecl *Var, const Stmt *Site, const FunctionDecl *FD,
                   LoopModel &Loops, ASTContext &Ctx) {
  const auto *RD = Var->getType()->getAsCXXRecordDecl();
  if (!Var->isLocalVarDecl() || Var->isStaticLocal() || !RD ||
      !RD->hasDefinition() || RD->isUnion() || !FD->getBody())
    return std::nullopt;
  RD = RD->getDefinition();
  if (!hasOnlyEmptyBases(RD) || hasUserProvidedCopyOrMove(RD))
    return std::nullopt;

  llvm::SmallVector<const FieldDecl *, 4> Filled;
  auto Fill = [&](const FieldDecl *F) {
    if (!llvm::is_contained(Filled, F))
      Filled.push_back(F);
  };
  // What the declaration gives content to.
  const Expr *Init = Var->getInit();
  if (Init)
    Init = Init->IgnoreImplicit();
  if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Init)) {
    const CXXConstructorDecl *Ctor = Construct->getConstructor();
    if ((!Ctor->isDefaultConstructor() || Ctor->isUserProvided()) &&
        !fillFromArguments(Construct, Fill))
      return std::nullopt;
  } else if (const auto *List = dyn_cast_or_null<InitListExpr>(Init)) {
    if (List->isTransparent() || !RD->isAggregate())
      return std::nullopt;
    for (const FieldDecl *F : RD->fields()) {
      unsigned Index = F->getFieldIndex();
      if (Index < List->getNumInits() &&
          !isa<ImplicitValueInitExpr, CXXDefaultInitExpr>(
              List->getInit(Index)->IgnoreImplicit()))
        Fill(F);
    }
  } else if (Init) {
    return std::nullopt;
  }
  for (const FieldDecl *F : RD->fields())
    if (F->hasInClassInitializer())
      Fill(F);

  const SourceManager &SM = Ctx.getSourceManager();
  SourceLocation At = SM.getExpansionLoc(Site->getBeginLoc());
  RefCollector Collector(Var);
  Collector.TraverseStmt(const_cast<Stmt *>(FD->getBody()));
  for (const DeclRefExpr *Ref : Collector.Refs) {
    if (isWithin(Ref, Site, Ctx) ||
        !SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Ref->getBeginLoc()),
                                      At))
      continue;
    // A use in a block that then leaves this Var behind does not reach Site.
    bool Reaches = true;
    for (const Stmt *S = parentStmt(Ref, Ctx); S && Reaches;
         S = parentStmt(S, Ctx)) {
      if (isWithin(Site, S, Ctx))
        break;
      if (const auto *Block = dyn_cast<CompoundStmt>(S))
        Reaches = !endsVarsLifetime(Block, Var, Loops, Ctx);
    }
    if (!Reaches)
      continue;
    // How it is used: through a field, as a whole, or by a member function.
    const Expr *Use = Ref;
    const Stmt *Parent = userOf(Use, Ctx);
    if (!Parent)
      return std::nullopt;
    if (const auto *Member = dyn_cast<MemberExpr>(Parent)) {
      if (const auto *F = dyn_cast<FieldDecl>(Member->getMemberDecl())) {
        Fill(F);
        continue;
      }
      const auto *Method = dyn_cast<CXXMethodDecl>(Member->getMemberDecl());
      if (Method && Method->isConst())
        continue;
      return std::nullopt;
    }
    if (!readsWhole(Use, Parent))
      return std::nullopt;
  }
  return Filled;
}

} // namespace perf_audit
