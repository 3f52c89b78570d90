//===--- ApiModel.h - What perf-audit knows about library APIs ---*- C++ -*-===//
//
// Part of perf-audit. API knowledge is data: the built-in models are the YAML
// files of lib/models/, compiled into the binary, and users add their own
// files. docs/models.md documents the schema.
//
//===----------------------------------------------------------------------===//

#ifndef PERF_AUDIT_APIMODEL_H
#define PERF_AUDIT_APIMODEL_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <optional>
#include <string>
#include <vector>

namespace clang {
class NamedDecl;
} // namespace clang

namespace perf_audit {

/// How a linear-time function names the sequence it walks.
enum class ScanShape {
  IteratorPair, ///< Arguments Arg and Arg+1 are [first, last).
  Argument,     ///< Argument Arg is the container or string itself.
  Object,       ///< The object of a member call (`list.indexOf(x)`).
};

/// What to do about a linear call repeated in a loop.
enum class LinearFix {
  Index, ///< A lookup: build a hash set or map once, look up in O(1).
  Hoist, ///< A reduction: compute it once before the loop.
};

/// A function whose cost grows linearly with one of its inputs
/// (std::find, strlen, ...).
struct LinearFunctionModel {
  std::string Name;
  ScanShape Scans = ScanShape::IteratorPair;
  unsigned Arg = 0;
  LinearFix Fix = LinearFix::Index;
  /// Only worth reporting when re-evaluated as a loop condition (strlen in
  /// `i < strlen(s)`); in a loop body the scanned string is usually unrelated
  /// to the loop and short.
  bool ConditionOnly = false;
};

/// Member functions that move every element of a sequence container when
/// applied at its front (vector::erase(begin()), insert(begin(), x)).
struct FrontOperationModel {
  std::string Class;
  std::vector<std::string> Methods;
};

/// What a database call does on the wire.
enum class QueryEffect {
  RoundTrip, ///< Executes a statement: one round trip to the server.
  Prepare,   ///< Prepares or binds only: no round trip by itself.
  Fetch,     ///< Reads the next row of a result already executed.
  /// Begins a transaction (`QSqlDatabase::transaction`, a SQLiteCpp
  /// `Transaction` object): statements until its commit are one unit.
  Transaction,
};

/// Whether a round trip reads or writes.
enum class QueryAccess { Read, Write, Unknown };

/// A database call of one library.
struct QueryCallModel {
  std::string Library;
  /// Qualified name: free function, method (`Class::method`), constructor
  /// (`Class::Class`) or operator (`Class::operator<<`).
  std::string Name;
  QueryEffect Effect = QueryEffect::RoundTrip;
  QueryAccess Access = QueryAccess::Unknown;
  /// Each call moves to the next row of a result: a loop driven by it is a
  /// loop over the rows of a query. With effect round-trip the first call
  /// also executes the statement (SQLiteCpp's executeStep).
  bool RowCursor = false;
  /// Only executes when this argument is written explicitly (the QSqlQuery
  /// constructor runs its query string only when one is given).
  std::optional<unsigned> ExecutesWhenArg;
  /// Only executes when an argument has one of these types or names one of
  /// these functions (cppdb's `statement << cppdb::exec`).
  std::vector<std::string> ExecutesWith;
  /// Only executes when its object is a relation of another mapped object
  /// (`post->author->name` loads the author; `post->title` does not).
  bool LazyRelation = false;
  /// The library runs in process (SQLite): a statement costs no network
  /// round trip.
  bool Embedded = false;
};

/// The kind of blocking call, for the cost table and the suggested fix.
enum class BlockingKind { Sleep, Wait, Join, FileIO, SocketIO, Dns, Process,
                          SyncAsio, Lock, Database, ImageCodec };

/// A call that blocks the calling thread.
struct BlockingCallModel {
  std::string Name;
  BlockingKind Kind = BlockingKind::Wait;
  /// For sleeps: the argument that holds the duration.
  std::optional<unsigned> DurationArg;
  /// Unit of a plain integer duration argument ("s", "ms", "us", "ns").
  std::string DurationUnit = "s";
  /// The name of the asynchronous form that replaces it inside an asio
  /// coroutine (`asio::async_read`), when the rewrite is exact.
  std::string AsyncForm;
  /// Only blocks when this argument is written (a file stream constructed
  /// with a file name opens the file).
  std::optional<unsigned> BlocksWhenArg;
  /// Off unless the check option that names this kind enables it.
  bool OptIn = false;
  /// Only blocks as the body of a loop that waits for a condition (a busy
  /// wait: `while (!ready) std::this_thread::yield();`); alone it returns.
  bool BlocksInWaitLoop = false;
  /// Does not block when the path it is given, as a string literal argument
  /// or the one its object was built with, starts with one of these: a
  /// resource compiled into the program (Qt's `:/icons/a.png`).
  std::vector<std::string> MemoryPathPrefixes;
};

/// How a handler function hands its argument to the event loop.
enum class HandlerKind {
  Completion, ///< Runs once the operation completes (`async_read`).
  Posted,     ///< Queued to run next (`post`, `runInLoop`).
  Callback,   ///< Registered, and called on every event (`uv_read_start`).
};

/// A function that runs one of its arguments on an event loop.
struct HandlerFunctionModel {
  /// A qualified name; `*` matches any run of characters within one name
  /// (`asio::*::async_*`).
  std::string Name;
  /// Index of the handler argument; unset means the last argument.
  std::optional<unsigned> HandlerArg;
  /// Unset: a completion handler when the name starts with `async_`, posted
  /// work otherwise.
  std::optional<HandlerKind> Kind;
  /// From the model's event-loops entry: how blocking work leaves this
  /// loop ("hand it to uv_queue_work"), and how the loop waits without
  /// blocking ("uv_timer_start(...)"); empty, asio's.
  std::string Offload;
  std::string Timer;
  /// When set, the handler runs on this loop only when its receiver is one
  /// of these classes or derives from one (Qt: a QWidget's slots run on the
  /// GUI thread). The receiver is the nearest argument before the handler
  /// that points to an object: `connect(sender, signal, receiver, slot)`,
  /// `connect(sender, signal, functor)`.
  std::vector<std::string> ReceiverTypes;
};

/// A function that runs on an event loop whenever it is called (model
/// `entry-points`), and so does every member function overriding it.
struct EntryPointModel {
  std::string Name;
  /// The loop's advice, as for HandlerFunctionModel.
  std::string Offload;
  std::string Timer;
  /// Called many times per screen update (model `frequent-entry-points`:
  /// a repaint, a view's per-item calls, a mouse move): weighed as a loop
  /// over input.
  bool Frequent = false;
};

/// A function that returns a handler made of one of its arguments
/// (`asio::bind_executor`, `beast::bind_front_handler`): the handler runs
/// that argument.
struct HandlerWrapperModel {
  std::string Name;
  /// Index of the wrapped callable; unset means the last argument.
  std::optional<unsigned> HandlerArg;
};

/// A type that owns heap memory: copying it allocates and copies every
/// element.
struct OwningTypeModel {
  std::string Name;
  /// One allocation per element (lists, maps, sets, hash tables).
  bool NodeBased = false;
  /// Holds characters, not elements of its template argument types.
  bool Characters = false;
};

/// A type whose construction allocates or does expensive work.
struct ExpensiveTypeModel {
  std::string Name;
  /// Cost-table entry used for its construction (see Impact.h).
  std::string Cost = "heap-allocation";
};

/// All API knowledge, merged from the built-in models and user files.
class ApiModel {
public:
  /// The models compiled into the binary (lib/models/*.yaml). Parsed once.
  static const ApiModel &builtin();

  /// The built-in models followed by each user file in order. A relative
  /// path is relative to Directory (the compilation's directory, as the
  /// paths of a compile command are), never to the process's working
  /// directory, which parallel analyses must not depend on.
  static llvm::Expected<ApiModel> load(llvm::ArrayRef<std::string> UserFiles,
                                       llvm::StringRef Directory = "");

  /// Adds the models of one YAML document; BufferName is used in errors,
  /// which read `file:line:col: error: ...`.
  llvm::Error merge(llvm::StringRef Text, llvm::StringRef BufferName);

  /// Adds one entry (a check option naming extra functions).
  void addLinearFunction(LinearFunctionModel M);

  const LinearFunctionModel *linearFunction(llvm::StringRef Name) const;
  bool isFrontOperation(llvm::StringRef Class, llvm::StringRef Method) const;
  const QueryCallModel *queryCall(llvm::StringRef Name) const;
  /// Types whose iteration runs a query (a lazily loaded relation
  /// collection).
  bool isLazyCollection(llvm::StringRef TypeName) const;
  /// Functions that queue statements and send them in batches
  /// (`pqxx::pipeline::insert`): calling one in a loop is the remedy for an
  /// N+1, and the loops of its body run once per batch, not per call.
  bool isBatchingFunction(llvm::StringRef Name) const;
  const BlockingCallModel *blockingCall(llvm::StringRef Name) const;
  const HandlerFunctionModel *handlerFunction(llvm::StringRef Name) const;
  bool isThreadPoolExecutor(llvm::StringRef TypeName) const;
  /// The coroutine types whose `use_awaitable` token makes a synchronous
  /// asio call asynchronous (`asio::awaitable`).
  bool isAwaitableType(llvm::StringRef TypeName) const;
  const EntryPointModel *asyncEntryPoint(llvm::StringRef Name) const;
  const HandlerWrapperModel *handlerWrapper(llvm::StringRef Name) const;
  /// The context types of stackful coroutines
  /// (`boost::asio::basic_yield_context`): a function taking one runs on
  /// the event loop, and the asynchronous form of a blocking call takes it
  /// as its completion token.
  bool isYieldContextType(llvm::StringRef TypeName) const;
  const ExpensiveTypeModel *expensiveType(llvm::StringRef Name) const;
  const OwningTypeModel *owningType(llvm::StringRef Name) const;
  bool isAllocatingFunction(llvm::StringRef Name) const;
  bool isAppendingMethod(llvm::StringRef MethodName) const;
  /// Methods that empty a container (`clear`): a loop over a member followed
  /// by one drains it, visiting each element once over all calls.
  bool isClearingMethod(llvm::StringRef MethodName) const;
  /// Methods that remove the last element (`pop_back`): with an appending
  /// method in the same iteration, a container used as a stack.
  bool isRemovingLastMethod(llvm::StringRef MethodName) const;
  /// Members of keyed containers that use their arguments only when the key
  /// is not there yet (`std::map::operator[]`, `try_emplace`, `insert`): an
  /// argument given to one is copied only on an insertion.
  bool isInsertingIfAbsent(llvm::StringRef Name) const;
  /// True when one of the words of Identifier (split at `_` and at case
  /// changes, a plural `s` dropped) is an `error-record-words` entry:
  /// `errors_`, `m_diagnostics`, `ParseWarning`. A container of such
  /// records holds what went wrong so far: nothing, when a run succeeds.
  bool namesErrorRecords(llvm::StringRef Identifier) const;
  /// True when a word of Identifier (as for namesErrorRecords) is a
  /// `name-part-words` entry: `components`, `path_segments`. A container of
  /// strings named so holds the parts of one qualified name or path, as
  /// many as it is deep.
  bool namesNameParts(llvm::StringRef Identifier) const;
  /// True when a word of Identifier (as for namesErrorRecords) is a
  /// `short-text-words` entry: `type_name`, `constant`, `token_`. A string
  /// named so holds one word or number: a few characters, however large
  /// the input.
  bool namesShortText(llvm::StringRef Identifier) const;
  /// Library functions that call the callable they are given before they
  /// return (`std::for_each`, `std::sort`): a lambda handed to one runs
  /// there. Any other library function may keep it for later.
  bool isInvokingFunction(llvm::StringRef Name) const;
  /// Library functions that only read through the iterators and ranges
  /// they are given (`std::find`, `std::count_if`): a container whose
  /// `begin()`/`end()` only go to them is not changed by them.
  bool isReadingFunction(llvm::StringRef Name) const;
  /// Adds a type to the cheap list (a check option naming more).
  void addCheapType(llvm::StringRef Name);
  bool isCheapType(llvm::StringRef Name) const;
  /// Types constructed from the name of a resource (a file's path, a
  /// directory, a URL): what one holds is the resource's, as large as the
  /// resource is, and has nothing to do with the length of the name.
  bool isNamedResourceType(llvm::StringRef Name) const;

private:
  std::vector<LinearFunctionModel> LinearFunctions;
  std::vector<FrontOperationModel> FrontOperations;
  std::vector<QueryCallModel> QueryCalls;
  std::vector<std::string> LazyCollections;
  std::vector<std::string> BatchingFunctions;
  std::vector<BlockingCallModel> BlockingCalls;
  std::vector<HandlerFunctionModel> HandlerFunctions;
  std::vector<std::string> ThreadPoolExecutors;
  std::vector<std::string> AwaitableTypes;
  std::vector<EntryPointModel> AsyncEntryPoints;
  std::vector<HandlerWrapperModel> HandlerWrappers;
  std::vector<std::string> YieldContextTypes;
  std::vector<ExpensiveTypeModel> ExpensiveTypes;
  std::vector<OwningTypeModel> OwningTypes;
  std::vector<std::string> AllocatingFunctions;
  std::vector<std::string> AppendingMethods;
  std::vector<std::string> ClearingMethods;
  std::vector<std::string> RemovingLastMethods;
  std::vector<std::string> InsertingIfAbsent;
  std::vector<std::string> ErrorRecordWords;
  std::vector<std::string> NamePartWords;
  std::vector<std::string> ShortTextWords;
  std::vector<std::string> InvokingFunctions;
  std::vector<std::string> ReadingFunctions;
  std::vector<std::string> CheapTypes;
  std::vector<std::string> NamedResourceTypes;

  // Name -> index of the last entry with that name: later files override.
  llvm::StringMap<size_t> LinearIndex, QueryIndex, BlockingIndex, HandlerIndex,
      ExpensiveIndex, OwningIndex;
  void reindex();
};

/// The name a declaration has in model files: enclosing namespaces and
/// classes joined by `::`, without template arguments and without inline or
/// anonymous namespaces (`std::vector::erase`, `SQLite::Statement::exec`).
/// Free functions of the global namespace are spelled without a prefix
/// (`strlen`).
std::string modelName(const clang::NamedDecl *D);

/// Splits a `;`- or `,`-separated option value into trimmed, non-empty items.
std::vector<std::string> splitList(llvm::StringRef Value);

} // namespace perf_audit

#endif // PERF_AUDIT_APIMODEL_H
