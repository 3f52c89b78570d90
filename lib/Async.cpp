//===--- Async.cpp - Code that runs on an event loop ----------------------===//
//
// Part of perf-audit.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/Async.h"
#include "perf-audit/CallClassifier.h"
#include "perf-audit/EffectAnalysis.h"
#include "perf-audit/LoopModel.h"
#include "perf-audit/VarUses.h"
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
  case Kind::StackfulCoroutine:
    return Name == "lambda" ? "a stackful coroutine lambda"
                            : "stackful coroutine '" + Name + "'";
  case Kind::CompletionHandler:
    return "the completion handler of '" + RegistrarName + "'";
  case Kind::PostedWork:
    return "work posted with '" + RegistrarName + "'";
  case Kind::Callback:
    return "the callback registered with '" + RegistrarName + "'";
  case Kind::Annotated:
    return "'" + Name + "' (perf-audit:async)";
  case Kind::EntryPoint:
    // An overrider is named with its class: 'Canvas::paintEvent'.
    if (const auto *MD = dyn_cast_or_null<CXXMethodDecl>(Function);
        MD && Name != "lambda" && MD->getParent()->getIdentifier())
      Name = MD->getParent()->getName().str() + "::" + Name;
    return "event-loop entry point '" + Name + "'";
  }
  return Name;
}

/// The record a value, reference or pointer of type T refers to.
static const CXXRecordDecl *recordOf(QualType T) {
  T = T.getNonReferenceType();
  if (const auto *Ptr = T->getAs<PointerType>())
    T = Ptr->getPointeeType();
  return T->getAsCXXRecordDecl();
}

const ParmVarDecl *yieldContextOf(const FunctionDecl *FD,
                                  CallClassifier &Calls) {
  if (!FD)
    return nullptr;
  for (const ParmVarDecl *P : FD->parameters())
    if (const CXXRecordDecl *RD = recordOf(P->getType()))
      if (Calls.model().isYieldContextType(Calls.nameOf(RD)))
        return P;
  return nullptr;
}

bool runsInOwnCoroutine(const FunctionDecl *FD, CallClassifier &Calls) {
  return isCoroutine(FD) || yieldContextOf(FD, Calls);
}

/// The model entry point FD is, or overrides (`Canvas::paintEvent`
/// overrides `QWidget::paintEvent`).
static const EntryPointModel *entryPointOf(const FunctionDecl *FD,
                                           CallClassifier &Calls) {
  if (const EntryPointModel *M = Calls.model().asyncEntryPoint(Calls.nameOf(FD)))
    return M;
  if (const auto *MD = dyn_cast<CXXMethodDecl>(FD))
    for (const CXXMethodDecl *Overridden : MD->overridden_methods())
      if (const EntryPointModel *M = entryPointOf(Overridden, Calls))
        return M;
  return nullptr;
}

std::optional<AsyncContext> intrinsicAsyncContext(const FunctionDecl *FD,
                                                  CallClassifier &Calls) {
  if (!FD)
    return std::nullopt;
  AsyncContext C;
  C.Function = FD;
  if (isCoroutine(FD))
    C.What = AsyncContext::Kind::Coroutine;
  else if (yieldContextOf(FD, Calls))
    C.What = AsyncContext::Kind::StackfulCoroutine;
  else if (hasAnnotation(FD, "perf-audit:async"))
    C.What = AsyncContext::Kind::Annotated;
  else if (const EntryPointModel *M = entryPointOf(FD, Calls)) {
    C.What = AsyncContext::Kind::EntryPoint;
    C.Offload = M->Offload;
    C.Timer = M->Timer;
    C.Frequent = M->Frequent;
  } else {
    return std::nullopt;
  }
  return C;
}

/// True when RD is one of Names or derives from one.
static bool derivesFromAny(const CXXRecordDecl *RD,
                           const std::vector<std::string> &Names,
                           CallClassifier &Calls) {
  if (!RD)
    return false;
  RD = RD->getDefinition() ? RD->getDefinition() : RD;
  if (llvm::is_contained(Names, Calls.nameOf(RD)))
    return true;
  if (!RD->hasDefinition())
    return false;
  for (const CXXBaseSpecifier &Base : RD->bases())
    if (derivesFromAny(Base.getType()->getAsCXXRecordDecl(), Names, Calls))
      return true;
  return false;
}

/// Call's arguments up to the last one written (defaulted ones dropped).
static llvm::SmallVector<const Expr *, 4> writtenArguments(const Expr *Call) {
  auto Args = argumentsOf(Call);
  while (!Args.empty() && !isWrittenArgument(Args.back()))
    Args.pop_back();
  return Args;
}

/// Looks through what hands a handler on unchanged: std::move,
/// std::forward, and the model's handler wrappers (asio::bind_executor,
/// beast::bind_front_handler).
static const Expr *unwrapHandler(const Expr *E, CallClassifier &Calls) {
  while (E) {
    E = E->IgnoreUnlessSpelledInSource();
    const auto *CE = dyn_cast<CallExpr>(E);
    const FunctionDecl *Callee = CE ? CE->getDirectCallee() : nullptr;
    if (!Callee || CE->getNumArgs() == 0)
      return E;
    StringRef Name = Calls.nameOf(Callee);
    auto Args = writtenArguments(CE);
    if (Name == "std::move" || Name == "std::forward") {
      E = CE->getArg(0);
    } else if (const HandlerWrapperModel *W = Calls.model().handlerWrapper(Name);
               W && !Args.empty()) {
      unsigned Index = W->HandlerArg ? *W->HandlerArg
                                     : static_cast<unsigned>(Args.size() - 1);
      if (Index >= Args.size())
        return nullptr;
      E = Args[Index];
    } else {
      return E;
    }
  }
  return E;
}

/// The function a handler expression names: `onTimer`, `&onTimer`,
/// `&Session::onRead`, or null.
static const FunctionDecl *namedFunction(const Expr *E) {
  if (!E)
    return nullptr;
  E = E->IgnoreParenImpCasts();
  if (const auto *UO = dyn_cast<UnaryOperator>(E); UO && UO->getOpcode() == UO_AddrOf)
    E = UO->getSubExpr()->IgnoreParenImpCasts();
  const auto *DRE = dyn_cast<DeclRefExpr>(E);
  const auto *FD = DRE ? dyn_cast<FunctionDecl>(DRE->getDecl()) : nullptr;
  if (!FD)
    return nullptr;
  const FunctionDecl *Def = nullptr;
  return FD->hasBody(Def) ? Def : nullptr;
}

llvm::SmallVector<AsyncContext, 1> registeredHandlers(const Expr *Call,
                                                      CallClassifier &Calls) {
  llvm::SmallVector<AsyncContext, 1> Result;
  const HandlerFunctionModel *M = Calls.handlerFunction(Call);
  const FunctionDecl *Callee = calleeOf(Call);
  // The handler is among the written arguments (asio's functions end with
  // defaulted constraint parameters).
  auto Args = writtenArguments(Call);
  if (!M || !Callee || Args.empty())
    return Result;
  // A trailing option (Qt's connection type) is not the handler.
  if (!M->HandlerArg && Args.size() > 1 &&
      Args.back()->IgnoreParenImpCasts()->getType()->isEnumeralType())
    Args.pop_back();
  unsigned Index = M->HandlerArg ? *M->HandlerArg
                                 : static_cast<unsigned>(Args.size() - 1);
  if (Index >= Args.size())
    return Result;
  // Inside an overload of a handler function that hands its own handler
  // parameter on (Qt's three-argument connect calls the four-argument one),
  // the registration is the call of that overload, not this one.
  const Expr *Handed = LoopModel::strip(Args[Index]);
  if (const auto *Move = dyn_cast<CallExpr>(Handed); Move && isMoveOrForward(Move))
    Handed = LoopModel::strip(Move->getArg(0));
  if (const auto *Ref = dyn_cast<DeclRefExpr>(Handed))
    if (const auto *P = dyn_cast<ParmVarDecl>(Ref->getDecl()))
      if (const auto *Forwarder = dyn_cast<FunctionDecl>(P->getDeclContext());
          Forwarder && Calls.model().handlerFunction(Calls.nameOf(Forwarder)))
        return Result;
  if (!M->ReceiverTypes.empty()) {
    // The receiver: the nearest object pointer before the handler, of the
    // type written (a `this` converted to `const QObject *` is a widget).
    const CXXRecordDecl *Receiver = nullptr;
    for (unsigned I = Index; I-- > 0 && !Receiver;)
      if (QualType T = Args[I]->IgnoreParenImpCasts()->getType();
          T->isPointerType())
        Receiver = recordOf(T);
    if (!derivesFromAny(Receiver, M->ReceiverTypes, Calls))
      return Result;
  }

  std::string Registrar = Callee->getNameAsString();
  HandlerKind Kind = M->Kind ? *M->Kind
                     : StringRef(Registrar).starts_with("async_")
                         ? HandlerKind::Completion
                         : HandlerKind::Posted;
  bool Posted = Kind == HandlerKind::Posted;
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
  switch (Kind) {
  case HandlerKind::Completion:
    C.What = AsyncContext::Kind::CompletionHandler;
    break;
  case HandlerKind::Posted:
    C.What = AsyncContext::Kind::PostedWork;
    break;
  case HandlerKind::Callback:
    C.What = AsyncContext::Kind::Callback;
    break;
  }
  C.Registration = Call;
  C.RegistrarName = Registrar;
  C.Offload = M->Offload;
  C.Timer = M->Timer;

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
  if (const FunctionDecl *Named = namedFunction(Handler)) {
    C.Function = Named;
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

static bool isErrorCodeOut(const ParmVarDecl *P) {
  if (!P->getType()->isLValueReferenceType() ||
      P->getType().getNonReferenceType().isConstQualified())
    return false;
  const CXXRecordDecl *RD = P->getType().getNonReferenceType()->getAsCXXRecordDecl();
  return RD && RD->getName() == "error_code";
}

/// True when a parameter of FD is a reference to an error_code: the
/// non-throwing overload, whose asynchronous form would throw instead.
static bool takesErrorCode(const FunctionDecl *FD) {
  return llvm::any_of(FD->parameters(), isErrorCodeOut);
}

const Expr *errorCodeArgument(const Expr *Call) {
  const FunctionDecl *Callee = calleeOf(Call);
  if (!Callee)
    return nullptr;
  auto Args = argumentsOf(Call);
  for (unsigned I = 0; I < Args.size() && I < Callee->getNumParams(); ++I)
    if (isErrorCodeOut(Callee->getParamDecl(I)))
      return Args[I];
  return nullptr;
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
  if (Model.AsyncForm.empty() || !Coroutine)
    return std::nullopt;
  // The completion token: the coroutine type's use_awaitable, or the yield
  // context of a stackful coroutine.
  std::string Token;
  bool Await = isCoroutine(Coroutine);
  if (Await) {
    const CXXRecordDecl *Returned =
        Coroutine->getReturnType()->getAsCXXRecordDecl();
    if (!Returned || !Calls.model().isAwaitableType(Calls.nameOf(Returned)))
      return std::nullopt;
    Token = StringRef(Calls.nameOf(Returned)).rsplit("::").first.str() +
            "::use_awaitable";
  } else if (const ParmVarDecl *Yield = yieldContextOf(Coroutine, Calls);
             Yield && !Yield->getName().empty() &&
             Yield->getType().getNonReferenceType()->isRecordType()) {
    Token = Yield->getName().str();
  } else {
    return std::nullopt;
  }

  const auto *CE = dyn_cast<CallExpr>(Call);
  const FunctionDecl *Callee = calleeOf(Call);
  if (!CE || !Callee || takesErrorCode(Callee) || inCatchHandler(Call, Ctx) ||
      (Await && !awaitFitsContext(Call, Ctx)))
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
  if (Await)
    R.AwaitAt = Call->getBeginLoc();
  R.TokenAt = CE->getRParenLoc();
  bool HasArguments = llvm::any_of(argumentsOf(Call), isWrittenArgument);
  R.Token = (HasArguments ? ", " : "") + Token;
  for (SourceLocation Loc :
       {R.CalleeName.getBegin(), R.CalleeName.getEnd(), Call->getBeginLoc(),
        R.TokenAt})
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
