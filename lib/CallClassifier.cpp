//===--- CallClassifier.cpp - Calls in the AST, matched against models ----===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/CallClassifier.h"
#include "llvm/ADT/StringExtras.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/Attr.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/Expr.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/Basic/SourceManager.h"
#include "llvm/ADT/STLExtras.h"
#include <functional>

using namespace clang;

namespace perf_audit {

const FunctionDecl *calleeOf(const Expr *Call) {
  if (!Call)
    return nullptr;
  if (const auto *CE = dyn_cast<CallExpr>(Call))
    return CE->getDirectCallee();
  if (const auto *Construct = dyn_cast<CXXConstructExpr>(Call))
    return Construct->getConstructor();
  return nullptr;
}

const Expr *objectOf(const Expr *Call) {
  if (const auto *MC = dyn_cast_or_null<CXXMemberCallExpr>(Call))
    return MC->getImplicitObjectArgument();
  if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(Call))
    if (isa_and_nonnull<CXXMethodDecl>(OC->getDirectCallee()) &&
        OC->getNumArgs() > 0)
      return OC->getArg(0);
  return nullptr;
}

llvm::SmallVector<const Expr *, 4> argumentsOf(const Expr *Call) {
  llvm::SmallVector<const Expr *, 4> Args;
  if (const auto *OC = dyn_cast_or_null<CXXOperatorCallExpr>(Call)) {
    unsigned First = isa_and_nonnull<CXXMethodDecl>(OC->getDirectCallee()) ? 1 : 0;
    for (unsigned I = First; I < OC->getNumArgs(); ++I)
      Args.push_back(OC->getArg(I));
  } else if (const auto *CE = dyn_cast_or_null<CallExpr>(Call)) {
    for (const Expr *A : CE->arguments())
      Args.push_back(A);
  } else if (const auto *Construct = dyn_cast_or_null<CXXConstructExpr>(Call)) {
    for (const Expr *A : Construct->arguments())
      Args.push_back(A);
  }
  return Args;
}

bool isWrittenArgument(const Expr *Arg) {
  return Arg && !isa<CXXDefaultArgExpr>(Arg->IgnoreImplicit());
}

StringRef identifierName(const NamedDecl *D) {
  if (const IdentifierInfo *II = D ? D->getIdentifier() : nullptr)
    return II->getName();
  return StringRef();
}

bool hasAnnotation(const Decl *D, llvm::StringRef Annotation) {
  if (!D)
    return false;
  for (const Decl *Redecl : D->redecls())
    for (const auto *A : Redecl->specific_attrs<AnnotateAttr>())
      if (A->getAnnotation() == Annotation)
        return true;
  return false;
}

const std::string &CallClassifier::nameOf(const NamedDecl *D) {
  auto [It, Inserted] = Names.try_emplace(D);
  if (Inserted)
    It->second = modelName(D);
  return It->second;
}

template <typename T, typename Lookup>
const T *CallClassifier::lookupWithOverrides(const FunctionDecl *FD, Lookup L) {
  if (!FD)
    return nullptr;
  // Instantiations carry the name of their pattern; the pattern is what a
  // model names.
  if (const T *Found = L(nameOf(FD)))
    return Found;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    for (const CXXMethodDecl *Overridden : MD->overridden_methods())
      if (const T *Found = lookupWithOverrides<T>(Overridden, L))
        return Found;
  return nullptr;
}

/// True when the argument is an empty string literal or absent.
static bool isEmptyOrDefault(const Expr *Arg) {
  if (!isWrittenArgument(Arg))
    return true;
  const Expr *Stripped = Arg->IgnoreUnlessSpelledInSource();
  if (const auto *Lit = dyn_cast<StringLiteral>(Stripped))
    return Lit->getLength() == 0;
  return false;
}

const QueryCallModel *CallClassifier::query(const Expr *Call) {
  const QueryCallModel *M = lookupWithOverrides<QueryCallModel>(
      calleeOf(Call), [&](llvm::StringRef N) { return Model.queryCall(N); });
  if (!M)
    return nullptr;
  auto Args = argumentsOf(Call);
  if (M->ExecutesWhenArg) {
    unsigned Index = *M->ExecutesWhenArg;
    if (Index >= Args.size() || isEmptyOrDefault(Args[Index]))
      return nullptr;
  }
  if (M->LazyRelation) {
    const Expr *Object = objectOf(Call);
    if (!Object || !isa<MemberExpr>(Object->IgnoreUnlessSpelledInSource()))
      return nullptr;
  }
  if (!M->ExecutesWith.empty()) {
    bool Found = llvm::any_of(Args, [&](const Expr *A) {
      QualType T = A->IgnoreImplicit()->getType().getNonReferenceType();
      if (const auto *RD = T->getAsRecordDecl())
        return llvm::is_contained(M->ExecutesWith, nameOf(RD));
      // A function passed as a manipulator (`stmt << cppdb::exec`).
      if (const auto *DRE =
              dyn_cast<DeclRefExpr>(A->IgnoreParenImpCasts()->IgnoreUnlessSpelledInSource()))
        return llvm::is_contained(M->ExecutesWith,
                                  nameOf(DRE->getDecl()));
      return false;
    });
    if (!Found)
      return nullptr;
  }
  return M;
}

bool CallClassifier::isRoundTrip(const Expr *Call) {
  if (const QueryCallModel *M = query(Call))
    return M->Effect == QueryEffect::RoundTrip;
  return hasAnnotation(calleeOf(Call), "perf-audit:query");
}

bool CallClassifier::isRowCursor(const Expr *Call) {
  const QueryCallModel *M = query(Call);
  return M && M->RowCursor;
}

/// The first string literal in S, in source order, also through a named
/// constant: `exec(kUpdate)` with `const auto kUpdate = u"UPDATE ..."_s`.
static const StringLiteral *firstStringLiteral(const Stmt *S,
                                               unsigned Depth = 0) {
  if (!S || Depth > 3)
    return nullptr;
  if (const auto *Lit = dyn_cast<StringLiteral>(S))
    return Lit;
  if (const auto *Ref = dyn_cast<DeclRefExpr>(S))
    if (const auto *VD = dyn_cast<VarDecl>(Ref->getDecl());
        VD && VD->getType().isConstQualified() && VD->getInit())
      return firstStringLiteral(VD->getInit(), Depth + 1);
  for (const Stmt *Child : S->children())
    if (const StringLiteral *Found = firstStringLiteral(Child, Depth))
      return Found;
  return nullptr;
}

/// The text of a literal of any character width; SQL keywords are ASCII,
/// other characters read as '?'.
static std::string literalText(const StringLiteral *Lit) {
  if (Lit->getCharByteWidth() == 1)
    return Lit->getString().str();
  std::string Text;
  for (unsigned I = 0, N = Lit->getLength(); I < N; ++I) {
    uint32_t Unit = Lit->getCodeUnit(I);
    Text += Unit < 128 ? static_cast<char>(Unit) : '?';
  }
  return Text;
}

/// The variable a call is made on (`q` in `q.exec()`), or null.
static const VarDecl *objectVariable(const Expr *Call) {
  const Expr *Object = objectOf(Call);
  const auto *DRE =
      Object ? dyn_cast<DeclRefExpr>(Object->IgnoreUnlessSpelledInSource())
             : nullptr;
  return DRE ? dyn_cast<VarDecl>(DRE->getDecl()) : nullptr;
}

/// True when Text starts like an SQL statement, not like a placeholder or
/// a column name handed to a bind call.
static bool looksLikeStatement(llvm::StringRef Text) {
  Text = Text.ltrim();
  for (llvm::StringRef Keyword :
       {"select", "insert", "update", "delete", "replace", "merge", "upsert",
        "with", "create", "alter", "drop", "pragma", "begin", "commit"})
    if (Text.size() > Keyword.size() &&
        Text.take_front(Keyword.size()).equals_insensitive(Keyword) &&
        !llvm::isAlnum(Text[Keyword.size()]) && Text[Keyword.size()] != '_')
      return true;
  return false;
}

/// The last call on VD before At, in Fn, given the text of a statement
/// (`q.prepare(kUpdate)`); null when there is none. Bind calls name
/// placeholders and columns, not statements.
static const CXXMemberCallExpr *lastStatementCall(const FunctionDecl *Fn,
                                                  const VarDecl *VD,
                                                  const Expr *Except,
                                                  SourceLocation At,
                                                  std::string *Text) {
  if (!Fn || !Fn->getBody() || !VD)
    return nullptr;
  const SourceManager &SM = Fn->getASTContext().getSourceManager();
  const CXXMemberCallExpr *Last = nullptr;
  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S)
      return;
    if (const auto *Earlier = dyn_cast<CXXMemberCallExpr>(S);
        Earlier && Earlier != Except && objectVariable(Earlier) == VD &&
        SM.isBeforeInTranslationUnit(SM.getExpansionLoc(Earlier->getBeginLoc()),
                                     At))
      for (const Expr *Arg : Earlier->arguments())
        if (const StringLiteral *Lit = firstStringLiteral(Arg);
            Lit && looksLikeStatement(literalText(Lit))) {
          Last = Earlier;
          if (Text)
            *Text = literalText(Lit);
          break;
        }
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  Visit(Fn->getBody());
  return Last;
}

std::optional<std::string> sqlTextOf(const Expr *Call) {
  for (const Expr *Arg : argumentsOf(Call))
    if (const StringLiteral *Lit = firstStringLiteral(Arg))
      return literalText(Lit);
  // The statement object holds the text: built by a chain of calls
  // (`sql << "UPDATE ..." << id << exec`), or declared with it
  // (`Statement q(db, "UPDATE ..."); q.exec()`).
  if (const Expr *Object = objectOf(Call)) {
    const Stmt *Origin = Object;
    const VarDecl *VD = objectVariable(Call);
    if (VD)
      Origin = VD->getInit();
    if (const StringLiteral *Lit = firstStringLiteral(Origin))
      return literalText(Lit);
    // Or prepared by an earlier call on it (`q.prepare(kUpdate); ...
    // q.exec();`, Qt SQL): the last one before Call that is given the text
    // of a statement.
    const auto *Fn = VD ? dyn_cast_or_null<FunctionDecl>(
                              VD->getParentFunctionOrMethod())
                        : nullptr;
    std::string Text;
    if (Fn && lastStatementCall(Fn, VD, Call,
                                Fn->getASTContext().getSourceManager()
                                    .getExpansionLoc(Call->getBeginLoc()),
                                &Text))
      return Text;
  }
  return std::nullopt;
}

bool isWriteStatement(llvm::StringRef Sql) {
  Sql = Sql.ltrim();
  for (llvm::StringRef Keyword :
       {"insert", "update", "delete", "replace", "merge", "upsert"})
    if (Sql.size() >= Keyword.size() &&
        Sql.take_front(Keyword.size()).equals_insensitive(Keyword))
      return true;
  return false;
}

bool CallClassifier::writes(const Expr *Call) {
  if (const QueryCallModel *M = query(Call)) {
    if (M->Access == QueryAccess::Write)
      return true;
    if (M->Access == QueryAccess::Read)
      return false;
  }
  std::optional<std::string> Sql = sqlTextOf(Call);
  return Sql && isWriteStatement(*Sql);
}

bool CallClassifier::isPreparedInTransaction(const Expr *Call,
                                             const Stmt *Loop) {
  const VarDecl *VD = objectVariable(Call);
  const auto *Fn =
      VD ? dyn_cast_or_null<FunctionDecl>(VD->getParentFunctionOrMethod())
         : nullptr;
  if (!Fn || !Fn->getBody() || !Loop)
    return false;
  const SourceManager &SM = Fn->getASTContext().getSourceManager();
  SourceLocation LoopBegin = SM.getExpansionLoc(Loop->getBeginLoc());
  auto Before = [&](SourceLocation L) {
    return SM.isBeforeInTranslationUnit(SM.getExpansionLoc(L), LoopBegin);
  };
  // The statement is given its text outside the loop.
  const StringLiteral *Declared = firstStringLiteral(VD->getInit());
  bool Prepared =
      Before(VD->getLocation()) &&
      ((Declared && looksLikeStatement(literalText(Declared))) ||
       lastStatementCall(Fn, VD, Call, LoopBegin, nullptr));
  if (!Prepared)
    return false;
  // A transaction begun before the loop.
  bool Begun = false;
  std::function<void(const Stmt *)> Visit = [&](const Stmt *S) {
    if (!S || Begun)
      return;
    if (const auto *E = dyn_cast<Expr>(S);
        E && (isa<CallExpr, CXXConstructExpr>(E)) && Before(E->getBeginLoc()))
      if (const QueryCallModel *M = query(E);
          M && M->Effect == QueryEffect::Transaction)
        Begun = true;
    for (const Stmt *Child : S->children())
      Visit(Child);
  };
  Visit(Fn->getBody());
  return Begun;
}

const BlockingCallModel *CallClassifier::blocking(const Expr *Call) {
  return lookupWithOverrides<BlockingCallModel>(
      calleeOf(Call), [&](llvm::StringRef N) { return Model.blockingCall(N); });
}

const LinearFunctionModel *CallClassifier::linear(const Expr *Call) {
  return lookupWithOverrides<LinearFunctionModel>(
      calleeOf(Call), [&](llvm::StringRef N) { return Model.linearFunction(N); });
}

const Expr *CallClassifier::scannedBy(const Expr *Call,
                                      const LinearFunctionModel &M) {
  if (M.Scans == ScanShape::Object)
    return isa<CXXMemberCallExpr>(Call) ? objectOf(Call) : nullptr;
  auto Args = argumentsOf(Call);
  return M.Arg < Args.size() ? Args[M.Arg] : nullptr;
}

const HandlerFunctionModel *CallClassifier::handlerFunction(const Expr *Call) {
  return lookupWithOverrides<HandlerFunctionModel>(
      calleeOf(Call),
      [&](llvm::StringRef N) { return Model.handlerFunction(N); });
}

bool CallClassifier::isInvokedWhereWritten(const LambdaExpr *Lambda,
                                           ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*Lambda);
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return false;
    const auto *Parent = Parents[0].get<Expr>();
    if (!Parent)
      return false;
    // Up through the conversions and copies of the closure object.
    const auto *Construct = dyn_cast<CXXConstructExpr>(Parent);
    if (isa<ImplicitCastExpr, ParenExpr, MaterializeTemporaryExpr,
            CXXBindTemporaryExpr, CXXFunctionalCastExpr>(Parent) ||
        (Construct && Construct->getNumArgs() == 1)) {
      Node = Parents[0];
      continue;
    }
    if (const auto *Op = dyn_cast<CXXOperatorCallExpr>(Parent))
      if (Op->getOperator() == OO_Call && Op->getNumArgs() > 0 &&
          Op->getArg(0)->IgnoreImplicit() == Node.get<Expr>()->IgnoreImplicit())
        return true;
    const FunctionDecl *Callee = calleeOf(Parent);
    return Callee && isa<CallExpr>(Parent) &&
           Model.isInvokingFunction(nameOf(Callee));
  }
}

} // namespace perf_audit
