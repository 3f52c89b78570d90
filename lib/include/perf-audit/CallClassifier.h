//===--- CallClassifier.h - Calls matched against models -------*- C++ -*-===//
//
// Part of perf-audit. A call has several AST shapes (a function call, a member
// call, an overloaded operator, a constructor); the checks see one.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_CALLCLASSIFIER_H
#define PERF_AUDIT_CALLCLASSIFIER_H

#include "perf-audit/ApiModel.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <string>

namespace clang {
class ASTContext;
class Decl;
class Expr;
class FunctionDecl;
class LambdaExpr;
class NamedDecl;
class Stmt;
} // namespace clang

namespace perf_audit {

/// The function a call expression or constructor expression invokes, or null.
const clang::FunctionDecl *calleeOf(const clang::Expr *Call);

/// The object of a member call or member operator call (`q` in `q.exec()`),
/// or null.
const clang::Expr *objectOf(const clang::Expr *Call);

/// The explicit arguments of a call, without the object of a member call.
llvm::SmallVector<const clang::Expr *, 4> argumentsOf(const clang::Expr *Call);

/// True when an argument was written at the call site (not a default).
bool isWrittenArgument(const clang::Expr *Arg);

/// The identifier that names D; empty for an operator, a conversion
/// function, a constructor or a destructor (NamedDecl::getName() asserts
/// that the name is an identifier) and for a null D.
llvm::StringRef identifierName(const clang::NamedDecl *D);

/// Matches calls against an ApiModel, caching the model name of each callee.
class CallClassifier {
public:
  explicit CallClassifier(const ApiModel &Model) : Model(Model) {}

  const ApiModel &model() const { return Model; }

  /// The model name of D (see modelName()), cached.
  const std::string &nameOf(const clang::NamedDecl *D);

  /// The query model of Call when it is a database call whose conditions
  /// hold (`executes-when-arg`, `executes-when-arg-type`); also finds the
  /// model of a method the callee overrides.
  const QueryCallModel *query(const clang::Expr *Call);

  /// True when Call executes a statement (a round trip) per the model, or
  /// calls a function annotated `perf-audit:query`. A row cursor whose first
  /// call executes (SQLiteCpp's executeStep) is both.
  bool isRoundTrip(const clang::Expr *Call);

  /// True when Call fetches the next row of a result set.
  bool isRowCursor(const clang::Expr *Call);

  /// True when a round trip writes: its model says so, or its SQL text
  /// starts with INSERT, UPDATE, DELETE, REPLACE, MERGE or UPSERT.
  bool writes(const clang::Expr *Call);

  /// True when Call, in Loop, executes a statement prepared before Loop
  /// (its object holds the SQL text from outside the loop) while a
  /// transaction begun before Loop in the same function is open: the
  /// batching the N+1 advice asks for, already done.
  bool isPreparedInTransaction(const clang::Expr *Call, const clang::Stmt *Loop);

  /// True when Lambda's body runs where the lambda is written: it is called
  /// right away (`[&] { ... }()`), or handed to a library function that
  /// calls what it is given before it returns (`invoking-functions`:
  /// std::for_each). Handed to anything else (a thread, an executor, a
  /// std::function kept for later, a function of the project, which is
  /// followed through its own body), it runs elsewhere.
  bool isInvokedWhereWritten(const clang::LambdaExpr *Lambda,
                             clang::ASTContext &Ctx);

  const BlockingCallModel *blocking(const clang::Expr *Call);
  const LinearFunctionModel *linear(const clang::Expr *Call);
  /// What a linear call scans: its argument, the first of its iterator
  /// pair, or its object; null when the call has none.
  static const clang::Expr *scannedBy(const clang::Expr *Call,
                                      const LinearFunctionModel &M);
  const HandlerFunctionModel *handlerFunction(const clang::Expr *Call);

private:
  template <typename T, typename Lookup>
  const T *lookupWithOverrides(const clang::FunctionDecl *FD, Lookup L);

  const ApiModel &Model;
  llvm::DenseMap<const clang::NamedDecl *, std::string> Names;
};

/// The SQL text a database call runs, when the code shows it: a string
/// literal among its arguments, or among the arguments that built the
/// statement object it is called on (`SQLite::Statement q(db, "..."); q.exec()`).
std::optional<std::string> sqlTextOf(const clang::Expr *Call);

/// True when SQL starts (after blanks) with a data-modifying keyword.
bool isWriteStatement(llvm::StringRef Sql);

/// True when D carries `[[clang::annotate(Annotation)]]`
/// (e.g. "perf-audit:query") on any of its redeclarations.
bool hasAnnotation(const clang::Decl *D, llvm::StringRef Annotation);

} // namespace perf_audit

#endif // PERF_AUDIT_CALLCLASSIFIER_H
