//===--- Async.h - Code that runs on an event loop --------------*- C++ -*-===//
//
// Part of perf-audit. Which function bodies run on an event loop (C++20
// coroutines, completion handlers, posted work, annotated functions), and
// how a synchronous asio call inside an asio coroutine becomes asynchronous.
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
} // namespace clang

namespace perf_audit {

class CallClassifier;

/// A function whose body runs on an event loop, and why.
struct AsyncContext {
  enum class Kind {
    Coroutine,         ///< A C++20 coroutine.
    CompletionHandler, ///< Passed to an asynchronous operation.
    PostedWork,        ///< Posted, dispatched or deferred to an executor.
    Annotated,         ///< [[clang::annotate("perf-audit:async")]].
    EntryPoint,        ///< Named in a model's async.entry-points.
  };
  Kind What = Kind::Coroutine;
  const clang::FunctionDecl *Function = nullptr;
  /// For handlers and posted work: the call that hands the function over.
  const clang::Expr *Registration = nullptr;
  std::string RegistrarName;

  /// "coroutine 'serveClient'", "the completion handler of 'async_read'",
  /// "work posted with 'post'", "'onReadable' (perf-audit:async)".
  std::string describe() const;
};

/// True when FD's body is a C++20 coroutine (co_await, co_yield, co_return).
bool isCoroutine(const clang::FunctionDecl *FD);

/// The context FD is by itself: a coroutine, an annotated function, or an
/// entry point named by the model.
std::optional<AsyncContext> intrinsicAsyncContext(const clang::FunctionDecl *FD,
                                                  CallClassifier &Calls);

/// The functions Call hands to an event loop: the lambda, local lambda
/// variable or function object in its handler position, when Call is a
/// model handler function and its executor is not a thread pool.
llvm::SmallVector<AsyncContext, 1> registeredHandlers(const clang::Expr *Call,
                                                      CallClassifier &Calls);

/// The rewrite of a synchronous asio call, in a coroutine returning an
/// awaitable type, into `co_await <async form>(..., <ns>::use_awaitable)`,
/// when it keeps behaviour exactly: no error_code out-parameter (the
/// asynchronous form throws as the synchronous one does), not in a catch
/// handler, not in a macro, the result not used as an object.
struct AsyncRewrite {
  clang::SourceRange CalleeName; ///< The name to replace.
  std::string AsyncName;
  clang::SourceLocation AwaitAt; ///< Where `co_await ` goes.
  clang::SourceLocation TokenAt; ///< The closing parenthesis.
  std::string Token;             ///< ", asio::use_awaitable"
};
std::optional<AsyncRewrite> asyncRewrite(const clang::Expr *Call,
                                         const BlockingCallModel &Model,
                                         const clang::FunctionDecl *Coroutine,
                                         CallClassifier &Calls,
                                         clang::ASTContext &Ctx);

} // namespace perf_audit

#endif // PERF_AUDIT_ASYNC_H
