//===--- Async.h - Code that runs on an event loop --------------*- C++ -*-===//
//
// Part of perf-audit. Which function bodies run on an event loop (C++20
// coroutines, stackful coroutines, completion handlers, posted work,
// registered callbacks, annotated functions), and how a synchronous asio
// call inside an asio coroutine becomes asynchronous.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_ASYNC_H
#define PERF_AUDIT_ASYNC_H

#include "perf-audit/ApiModel.h"
#include "clang/Basic/SourceLocation.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace clang {
class ASTContext;
class Expr;
class FunctionDecl;
class ParmVarDecl;
} // namespace clang

namespace perf_audit {

class CallClassifier;

/// A function whose body runs on an event loop, and why.
struct AsyncContext {
  enum class Kind {
    Coroutine,         ///< A C++20 coroutine.
    StackfulCoroutine, ///< Takes a yield context (`boost::asio::spawn`).
    CompletionHandler, ///< Passed to an asynchronous operation.
    PostedWork,        ///< Posted, dispatched or deferred to an executor.
    Callback,          ///< Registered to run on each event of a loop.
    Annotated,         ///< [[clang::annotate("perf-audit:async")]].
    EntryPoint,        ///< Named in a model's async.entry-points.
  };
  Kind What = Kind::Coroutine;
  const clang::FunctionDecl *Function = nullptr;
  /// For handlers and posted work: the call that hands the function over.
  const clang::Expr *Registration = nullptr;
  std::string RegistrarName;
  /// The registering library's advice: how to move work off its loop and
  /// how to wait on it (empty: asio's).
  std::string Offload;
  std::string Timer;
  /// An entry point the loop calls many times per screen update
  /// (EntryPointModel::Frequent).
  bool Frequent = false;

  /// "coroutine 'serveClient'", "the completion handler of 'async_read'",
  /// "work posted with 'post'", "'onReadable' (perf-audit:async)".
  std::string describe() const;
};

/// True when FD's body is a C++20 coroutine (co_await, co_yield, co_return).
bool isCoroutine(const clang::FunctionDecl *FD);

/// The parameter of FD whose type is a model yield context (a stackful
/// coroutine's `boost::asio::yield_context`), or null.
const clang::ParmVarDecl *yieldContextOf(const clang::FunctionDecl *FD,
                                         CallClassifier &Calls);

/// The argument of Call bound to a non-const `error_code &` parameter (the
/// non-throwing overload of an asio call), or null.
const clang::Expr *errorCodeArgument(const clang::Expr *Call);

/// True when FD's body runs in a coroutine frame of its own, stackless or
/// stackful: it blocks where it runs, and a call to it is reported there,
/// not at the call.
bool runsInOwnCoroutine(const clang::FunctionDecl *FD, CallClassifier &Calls);

/// The context FD is by itself: a coroutine, an annotated function, or an
/// entry point named by the model.
std::optional<AsyncContext> intrinsicAsyncContext(const clang::FunctionDecl *FD,
                                                  CallClassifier &Calls);

/// The functions Call hands to an event loop: the lambda, local lambda
/// variable, function object, function or member function in its handler
/// position (through the model's handler wrappers), when Call is a model
/// handler function and its executor is not a thread pool.
llvm::SmallVector<AsyncContext, 1> registeredHandlers(const clang::Expr *Call,
                                                      CallClassifier &Calls);

/// The rewrite of a synchronous asio call, in a coroutine returning an
/// awaitable type, into `co_await <async form>(..., <ns>::use_awaitable)`,
/// or in a stackful coroutine into `<async form>(..., yield)`, when it keeps
/// behaviour exactly: no error_code out-parameter (the asynchronous form
/// throws as the synchronous one does), not in a catch handler, not in a
/// macro, the result not used as an object (for `co_await`).
struct AsyncRewrite {
  clang::SourceRange CalleeName; ///< The name to replace.
  std::string AsyncName;
  clang::SourceLocation AwaitAt; ///< Where `co_await ` goes; unset for yield.
  clang::SourceLocation TokenAt; ///< The closing parenthesis.
  std::string Token;             ///< ", asio::use_awaitable" or ", yield"
};
std::optional<AsyncRewrite> asyncRewrite(const clang::Expr *Call,
                                         const BlockingCallModel &Model,
                                         const clang::FunctionDecl *Coroutine,
                                         CallClassifier &Calls,
                                         clang::ASTContext &Ctx);

} // namespace perf_audit

#endif // PERF_AUDIT_ASYNC_H
