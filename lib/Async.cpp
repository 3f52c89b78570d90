//===--- Async.cpp - Code that runs on an event loop ----------------------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/Async.h"
#include "perf-audit/CallClassifier.h"
#include "perf-audit/EffectAnalysis.h"
#include "clang/AST/ASTContext.h"
#include "clang/AST/DeclCXX.h"
#include "clang/AST/ExprCXX.h"
#include "clang/AST/ParentMapContext.h"
#include "clang/AST/StmtCXX.h"
#include "clang/Basic/SourceManager.h"

using namespace clang;

namespace perf_audit {

bool isCoroutine(const FunctionDecl *FD) {
  return FD && isa_and_nonnull<CoroutineBodyStmt>(FD->getBody());
}

static std::string nameOfFunction(const FunctionDecl *FD) {
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD); MD && MD->getParent()->isLambda())
    return "lambda";
  return displayName(FD);
}

std::string AsyncContext::describe() const {
  std::string Name = Function ? nameOfFunction(Function) : "function";
  switch (What) {
  case Kind::Coroutine:
    return Name == "lambda" ? "a coroutine lambda" : "coroutine '" + Name + "'";
  case Kind::CompletionHandler:
    return "the completion handler of '" + RegistrarName + "'";
  case Kind::PostedWork:
    return "work posted with '" + RegistrarName + "'";
  case Kind::Annotated:
    return "'" + Name + "' (perf-audit:async)";
  case Kind::EntryPoint:
    return "event-loop entry point '" + Name + "'";
  }
  return Name;
}

std::optional<AsyncContext> intrinsicAsyncContext(const FunctionDecl *FD,
                                                  CallClassifier &Calls) {
  if (!FD)
    return std::nullopt;
  AsyncContext C;
  C.Function = FD;
  if (isCoroutine(FD))
    C.What = AsyncContext::Kind::Coroutine;
  else if (hasAnnotation(FD, "perf-audit:async"))
    C.What = AsyncContext::Kind::Annotated;
  else if (Calls.model().isAsyncEntryPoint(Calls.nameOf(FD)))
    C.What = AsyncContext::Kind::EntryPoint;
  else
    return std::nullopt;
  return C;
}

/// The record a value, reference or pointer of type T refers to.
static const CXXRecordDecl *recordOf(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *Ptr = T->getAs<PointerType>())
    T = Ptr->getPointeeType();
  return T->getAsCXXRecordDecl();
}

/// Looks through the wrappers that hand a handler on unchanged:
/// std::move, std::forward, asio::bind_executor.
static const Expr *unwrapHandler(const Expr *E, CallClassifier &Calls) {
  while (E) {
    E = E->IgnoreUnlessSpelledInSource();
    const auto *CE = dyn_cast<CallExpr>(E);
    const FunctionDecl *Callee = CE ? CE->getDirectCallee() : nullptr;
    if (!Callee || CE->getNumArgs() == 0)
      return E;
    StringRef Name = Calls.nameOf(Callee);
    if (Name == "std::move" || Name == "std::forward")
      E = CE->getArg(0);
    else if (Name == "asio::bind_executor" || Name == "boost::asio::bind_executor")
      E = CE->getArg(CE->getNumArgs() - 1);
    else
      return E;
  }
  return E;
}

llvm::SmallVector<AsyncContext, 1> registeredHandlers(const Expr *Call,
                                                      CallClassifier &Calls) {
  llvm::SmallVector<AsyncContext, 1> Result;
  const HandlerFunctionModel *M = Calls.handlerFunction(Call);
  const FunctionDecl *Callee = calleeOf(Call);
  auto Args = argumentsOf(Call);
  // The handler is among the written arguments (asio's functions end with
  // defaulted constraint parameters).
  while (!Args.empty() && !isWrittenArgument(Args.back()))
    Args.pop_back();
  if (!M || !Callee || Args.empty())
    return Result;
  unsigned Index = M->HandlerArg ? *M->HandlerArg
                                 : static_cast<unsigned>(Args.size() - 1);
  if (Index >= Args.size())
    return Result;

  std::string Registrar = Callee->getNameAsString();
  bool Posted = !StringRef(Registrar).starts_with("async_");
  if (Posted) {
    // Work handed to a thread pool may block: it is not an event loop.
    const Expr *Executor = objectOf(Call);
    if (!Executor)
      Executor = Args.front();
    if (const CXXRecordDecl *RD = recordOf(Executor->getType()))
      if (Calls.model().isThreadPoolExecutor(Calls.nameOf(RD)))
        return Result;
  }

  AsyncContext C;
  C.What = Posted ? AsyncContext::Kind::PostedWork
                  : AsyncContext::Kind::CompletionHandler;
  C.Registration = Call;
  C.RegistrarName = Registrar;

  const Expr *Handler = unwrapHandler(Args[Index], Calls);
  const LambdaExpr *Lambda = dyn_cast_or_null<LambdaExpr>(Handler);
  if (!Lambda)
    if (const auto *DRE = dyn_cast_or_null<DeclRefExpr>(Handler))
      if (const auto *VD = dyn_cast<VarDecl>(DRE->getDecl()); VD && VD->getInit())
        Lambda = dyn_cast<LambdaExpr>(VD->getInit()->IgnoreUnlessSpelledInSource());
  if (Lambda) {
    C.Function = Lambda->getCallOperator();
    Result.push_back(C);
    return Result;
  }
  // A function object: each call operator it defines.
  if (const CXXRecordDecl *RD = Handler ? recordOf(Handler->getType()) : nullptr;
      RD && RD->hasDefinition())
    for (const CXXMethodDecl *MD : RD->methods())
      if (MD->getOverloadedOperator() == OO_Call && MD->hasBody()) {
        C.Function = MD;
        Result.push_back(C);
      }
  return Result;
}

/// True when a parameter of FD is a reference to an error_code: the
/// non-throwing overload, whose asynchronous form would throw instead.
static bool takesErrorCode(const FunctionDecl *FD) {
  for (const ParmVarDecl *P : FD->parameters())
    if (P->getType()->isLValueReferenceType() && !P->getType().getNonReferenceType().isConstQualified())
      if (const CXXRecordDecl *RD = P->getType().getNonReferenceType()->getAsCXXRecordDecl())
        if (RD->getName() == "error_code")
          return true;
  return false;
}

/// Whether the value of Call may be prefixed by `co_await` unchanged: it is
/// not the object of a member access or a subscript, where `co_await` would
/// bind to the whole postfix expression.
static bool awaitFitsContext(const Expr *Call, ASTContext &Ctx) {
  const Expr *Current = Call;
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(*Current);
    if (Parents.empty())
      return false;
    const auto *E = Parents[0].get<Expr>();
    if (!E)
      return true; // A full expression, or an initializer.
    if (isa<ImplicitCastExpr, ExprWithCleanups, MaterializeTemporaryExpr,
            CXXBindTemporaryExpr>(E)) {
      Current = E;
      continue;
    }
    if (isa<MemberExpr, ArraySubscriptExpr>(E))
      return false;
    if (const auto *OC = dyn_cast<CXXOperatorCallExpr>(E);
        OC && OC->getOperator() == OO_Subscript && OC->getNumArgs() > 0 &&
        OC->getArg(0) == Current)
      return false;
    return true;
  }
}

static bool inCatchHandler(const Expr *Call, ASTContext &Ctx) {
  DynTypedNode Node = DynTypedNode::create(*Call);
  while (true) {
    DynTypedNodeList Parents = Ctx.getParents(Node);
    if (Parents.empty())
      return false;
    Node = Parents[0];
    if (Node.get<CXXCatchStmt>())
      return true;
    if (Node.get<FunctionDecl>() || Node.get<LambdaExpr>())
      return false;
  }
}

std::optional<AsyncRewrite> asyncRewrite(const Expr *Call,
                                         const BlockingCallModel &Model,
                                         const FunctionDecl *Coroutine,
                                         CallClassifier &Calls,
                                         ASTContext &Ctx) {
  if (Model.AsyncForm.empty() || !isCoroutine(Coroutine))
    return std::nullopt;
  // The coroutine's type decides the completion token.
  const CXXRecordDecl *Returned = Coroutine->getReturnType()->getAsCXXRecordDecl();
  if (!Returned || !Calls.model().isAwaitableType(Calls.nameOf(Returned)))
    return std::nullopt;
  StringRef Awaitable = Calls.nameOf(Returned);
  std::string Namespace = Awaitable.rsplit("::").first.str();

  const auto *CE = dyn_cast<CallExpr>(Call);
  const FunctionDecl *Callee = calleeOf(Call);
  if (!CE || !Callee || takesErrorCode(Callee) || inCatchHandler(Call, Ctx) ||
      !awaitFitsContext(Call, Ctx))
    return std::nullopt;

  const SourceManager &SM = Ctx.getSourceManager();
  AsyncRewrite R;
  StringRef AsyncForm = Model.AsyncForm;
  R.AsyncName = AsyncForm.rsplit("::").second.empty()
                    ? AsyncForm.str()
                    : AsyncForm.rsplit("::").second.str();
  bool Member = !AsyncForm.contains("::");
  if (Member) {
    const auto *MC = dyn_cast<CXXMemberCallExpr>(CE);
    const auto *ME = MC ? dyn_cast<MemberExpr>(MC->getCallee()->IgnoreParens())
                        : nullptr;
    if (!ME)
      return std::nullopt;
    R.CalleeName = SourceRange(ME->getMemberLoc(), ME->getMemberLoc());
  } else {
    const auto *DRE =
        dyn_cast<DeclRefExpr>(CE->getCallee()->IgnoreParenImpCasts());
    if (!DRE)
      return std::nullopt;
    R.CalleeName = DRE->getNameInfo().getSourceRange();
  }
  R.AwaitAt = Call->getBeginLoc();
  R.TokenAt = CE->getRParenLoc();
  bool HasArguments = llvm::any_of(argumentsOf(Call), isWrittenArgument);
  R.Token = (HasArguments ? ", " : "") + Namespace + "::use_awaitable";
  for (SourceLocation Loc :
       {R.CalleeName.getBegin(), R.CalleeName.getEnd(), R.AwaitAt, R.TokenAt})
    if (Loc.isInvalid() || Loc.isMacroID() ||
        SM.isInSystemHeader(Loc))
      return std::nullopt;
  // Only the name itself: an explicit template argument list would follow.
  if (isa<DeclRefExpr>(CE->getCallee()->IgnoreParenImpCasts()) &&
      cast<DeclRefExpr>(CE->getCallee()->IgnoreParenImpCasts())
          ->hasExplicitTemplateArgs())
    return std::nullopt;
  return R;
}

} // namespace perf_audit
