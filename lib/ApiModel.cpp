//===--- ApiModel.cpp - Model files: schema, loading, lookup --------------===//
//
// Part of perf-audit. The YAML schema is documented in docs/models.md; keep
// the two in step.
//
//===----------------------------------------------------------------------===//

#include "perf-audit/ApiModel.h"
#include "perf-audit/ClangCompat.h"
#include "clang/AST/Decl.h"
#include "clang/AST/DeclCXX.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/YAMLTraits.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace perf_audit {
namespace {

/// The built-in model files, generated from lib/models/*.yaml at build time.
struct EmbeddedFile {
  const char *Name;
  const char *Text;
};
const EmbeddedFile BuiltinModels[] = {
#include "BuiltinModels.inc"
};

enum class QueryEngine { Server, Embedded };

struct QueryLibraryModel {
  std::string Library;
  QueryEngine Engine = QueryEngine::Server;
  std::vector<QueryCallModel> Calls;
  std::vector<std::string> LazyCollections;
  std::vector<std::string> BatchingFunctions;
};

/// A library's event loop: its handler functions share the advice of how to
/// leave the loop and wait on it.
struct EventLoopModel {
  std::string Library;
  std::string Offload;
  std::string Timer;
  std::vector<HandlerFunctionModel> HandlerFunctions;
  std::vector<std::string> EntryPoints;
  std::vector<std::string> FrequentEntryPoints;
};

struct AsyncModel {
  std::vector<HandlerFunctionModel> HandlerFunctions;
  std::vector<EventLoopModel> EventLoops;
  std::vector<std::string> ThreadPoolExecutors;
  std::vector<std::string> AwaitableTypes;
  std::vector<std::string> EntryPoints;
  std::vector<HandlerWrapperModel> HandlerWrappers;
  std::vector<std::string> YieldContextTypes;
};

struct TypesModel {
  std::vector<std::string> AllocatingFunctions;
  std::vector<std::string> AppendingMethods;
  std::vector<std::string> ClearingMethods;
  std::vector<std::string> RemovingLastMethods;
  std::vector<std::string> InsertingIfAbsent;
  std::vector<std::string> ErrorRecordWords;
  std::vector<std::string> NamePartWords;
  std::vector<std::string> ShortTextWords;
  std::vector<OwningTypeModel> Owning;
  std::vector<ExpensiveTypeModel> Expensive;
  std::vector<std::string> Cheap;
  std::vector<std::string> NamedResources;
};

/// One model file: every section is optional.
struct ModelDocument {
  std::vector<LinearFunctionModel> LinearFunctions;
  std::vector<FrontOperationModel> FrontOperations;
  std::vector<QueryLibraryModel> Queries;
  std::vector<BlockingCallModel> Blocking;
  AsyncModel Async;
  TypesModel Types;
  std::vector<std::string> InvokingFunctions;
  std::vector<std::string> ReadingFunctions;
};

/// The cost-table entries a model may name; kept in step with Impact.h.
const char *const KnownCostNames[] = {"heap-allocation", "regex-compile",
                                      "stream-construction", "locale-construction",
                                      "file-open"};

} // namespace
} // namespace perf_audit

using namespace perf_audit;

LLVM_YAML_IS_SEQUENCE_VECTOR(perf_audit::LinearFunctionModel)
LLVM_YAML_IS_SEQUENCE_VECTOR(perf_audit::FrontOperationModel)
LLVM_YAML_IS_SEQUENCE_VECTOR(perf_audit::QueryLibraryModel)
LLVM_YAML_IS_SEQUENCE_VECTOR(perf_audit::QueryCallModel)
LLVM_YAML_IS_SEQUENCE_VECTOR(perf_audit::BlockingCallModel)
LLVM_YAML_IS_SEQUENCE_VECTOR(perf_audit::HandlerFunctionModel)
LLVM_YAML_IS_SEQUENCE_VECTOR(perf_audit::HandlerWrapperModel)
LLVM_YAML_IS_SEQUENCE_VECTOR(perf_audit::EventLoopModel)
LLVM_YAML_IS_SEQUENCE_VECTOR(perf_audit::ExpensiveTypeModel)
LLVM_YAML_IS_SEQUENCE_VECTOR(perf_audit::OwningTypeModel)

namespace llvm {
namespace yaml {

/// Enumerations are read as scalars with an error that lists the accepted
/// spellings, so that a typo in a model file is easy to fix.
#define PERF_AUDIT_ENUM_SCALAR(TYPE, WHAT, ...)                                \
  template <> struct ScalarTraits<TYPE> {                                      \
    static ArrayRef<std::pair<StringRef, TYPE>> names() {                      \
      static const std::pair<StringRef, TYPE> Names[] = {__VA_ARGS__};         \
      return Names;                                                            \
    }                                                                          \
    static void output(const TYPE &Value, void *, raw_ostream &OS) {           \
      for (const auto &Entry : names())                                        \
        if (Entry.second == Value)                                             \
          OS << Entry.first;                                                   \
    }                                                                          \
    static StringRef input(StringRef Scalar, void *, TYPE &Value) {            \
      for (const auto &Entry : names())                                        \
        if (Scalar == Entry.first) {                                           \
          Value = Entry.second;                                                \
          return {};                                                           \
        }                                                                      \
      static const std::string Message = [] {                                  \
        std::string M = "unknown " WHAT "; expected one of:";                  \
        for (const auto &Entry : names())                                      \
          M += " " + Entry.first.str();                                        \
        return M;                                                              \
      }();                                                                     \
      return Message;                                                          \
    }                                                                          \
    static QuotingType mustQuote(StringRef) { return QuotingType::None; }      \
  };

PERF_AUDIT_ENUM_SCALAR(ScanShape, "scan shape",
                       {"iterator-pair", ScanShape::IteratorPair},
                       {"argument", ScanShape::Argument},
                       {"object", ScanShape::Object})
PERF_AUDIT_ENUM_SCALAR(LinearFix, "fix",
                       {"index", LinearFix::Index},
                       {"hoist", LinearFix::Hoist})
PERF_AUDIT_ENUM_SCALAR(QueryEffect, "query effect",
                       {"round-trip", QueryEffect::RoundTrip},
                       {"prepare", QueryEffect::Prepare},
                       {"fetch", QueryEffect::Fetch},
                       {"transaction", QueryEffect::Transaction})
PERF_AUDIT_ENUM_SCALAR(QueryEngine, "query engine",
                       {"server", QueryEngine::Server},
                       {"embedded", QueryEngine::Embedded})
PERF_AUDIT_ENUM_SCALAR(QueryAccess, "query access",
                       {"read", QueryAccess::Read},
                       {"write", QueryAccess::Write},
                       {"unknown", QueryAccess::Unknown})
PERF_AUDIT_ENUM_SCALAR(BlockingKind, "blocking kind",
                       {"sleep", BlockingKind::Sleep},
                       {"wait", BlockingKind::Wait},
                       {"join", BlockingKind::Join},
                       {"file-io", BlockingKind::FileIO},
                       {"socket-io", BlockingKind::SocketIO},
                       {"dns", BlockingKind::Dns},
                       {"process", BlockingKind::Process},
                       {"sync-asio", BlockingKind::SyncAsio},
                       {"lock", BlockingKind::Lock},
                       {"database", BlockingKind::Database},
                       {"image-codec", BlockingKind::ImageCodec})
PERF_AUDIT_ENUM_SCALAR(HandlerKind, "handler kind",
                       {"completion", HandlerKind::Completion},
                       {"posted", HandlerKind::Posted},
                       {"callback", HandlerKind::Callback})
#undef PERF_AUDIT_ENUM_SCALAR

template <> struct MappingTraits<LinearFunctionModel> {
  static void mapping(IO &Io, LinearFunctionModel &M) {
    Io.mapRequired("name", M.Name);
    Io.mapOptional("scans", M.Scans, ScanShape::IteratorPair);
    Io.mapOptional("arg", M.Arg, 0u);
    Io.mapOptional("fix", M.Fix, LinearFix::Index);
    Io.mapOptional("condition-only", M.ConditionOnly, false);
  }
};

template <> struct MappingTraits<FrontOperationModel> {
  static void mapping(IO &Io, FrontOperationModel &M) {
    Io.mapRequired("class", M.Class);
    Io.mapRequired("methods", M.Methods);
  }
};

template <> struct MappingTraits<QueryCallModel> {
  static void mapping(IO &Io, QueryCallModel &M) {
    Io.mapRequired("name", M.Name);
    Io.mapOptional("effect", M.Effect, QueryEffect::RoundTrip);
    Io.mapOptional("access", M.Access, QueryAccess::Unknown);
    Io.mapOptional("row-cursor", M.RowCursor, false);
    Io.mapOptional("executes-when-arg", M.ExecutesWhenArg);
    Io.mapOptional("executes-with", M.ExecutesWith);
    Io.mapOptional("lazy-relation", M.LazyRelation, false);
  }
  static std::string validate(IO &, QueryCallModel &M) {
    if (M.RowCursor && M.Effect == QueryEffect::Prepare)
      return "a 'row-cursor' call must have effect 'round-trip' or 'fetch'";
    return "";
  }
};

template <> struct MappingTraits<QueryLibraryModel> {
  static void mapping(IO &Io, QueryLibraryModel &M) {
    Io.mapRequired("library", M.Library);
    Io.mapOptional("engine", M.Engine, QueryEngine::Server);
    Io.mapRequired("calls", M.Calls);
    Io.mapOptional("lazy-collections", M.LazyCollections);
    Io.mapOptional("batching-functions", M.BatchingFunctions);
  }
};

template <> struct MappingTraits<BlockingCallModel> {
  static void mapping(IO &Io, BlockingCallModel &M) {
    Io.mapRequired("name", M.Name);
    Io.mapRequired("kind", M.Kind);
    Io.mapOptional("duration-arg", M.DurationArg);
    Io.mapOptional("duration-unit", M.DurationUnit, std::string("s"));
    Io.mapOptional("async-form", M.AsyncForm, std::string());
    Io.mapOptional("blocks-when-arg", M.BlocksWhenArg);
    Io.mapOptional("blocks-in-wait-loop", M.BlocksInWaitLoop);
    Io.mapOptional("memory-path-prefixes", M.MemoryPathPrefixes);
    Io.mapOptional("opt-in", M.OptIn, false);
  }
  static std::string validate(IO &, BlockingCallModel &M) {
    if (!is_contained(ArrayRef<StringRef>{"s", "ms", "us", "ns"},
                      M.DurationUnit))
      return "unknown duration-unit '" + M.DurationUnit +
             "'; expected one of: s ms us ns";
    return "";
  }
};

template <> struct MappingTraits<HandlerFunctionModel> {
  static void mapping(IO &Io, HandlerFunctionModel &M) {
    Io.mapRequired("name", M.Name);
    Io.mapOptional("handler-arg", M.HandlerArg);
    Io.mapOptional("handler-kind", M.Kind);
    Io.mapOptional("receiver-types", M.ReceiverTypes);
  }
};

template <> struct MappingTraits<EventLoopModel> {
  static void mapping(IO &Io, EventLoopModel &M) {
    Io.mapRequired("library", M.Library);
    Io.mapOptional("offload", M.Offload);
    Io.mapOptional("timer", M.Timer);
    Io.mapOptional("handler-functions", M.HandlerFunctions);
    Io.mapOptional("entry-points", M.EntryPoints);
    Io.mapOptional("frequent-entry-points", M.FrequentEntryPoints);
  }
};

template <> struct MappingTraits<HandlerWrapperModel> {
  static void mapping(IO &Io, HandlerWrapperModel &M) {
    Io.mapRequired("name", M.Name);
    Io.mapOptional("handler-arg", M.HandlerArg);
  }
};

template <> struct MappingTraits<AsyncModel> {
  static void mapping(IO &Io, AsyncModel &M) {
    Io.mapOptional("handler-functions", M.HandlerFunctions);
    Io.mapOptional("event-loops", M.EventLoops);
    Io.mapOptional("thread-pool-executors", M.ThreadPoolExecutors);
    Io.mapOptional("awaitable-types", M.AwaitableTypes);
    Io.mapOptional("entry-points", M.EntryPoints);
    Io.mapOptional("handler-wrappers", M.HandlerWrappers);
    Io.mapOptional("yield-context-types", M.YieldContextTypes);
  }
};

template <> struct MappingTraits<ExpensiveTypeModel> {
  static void mapping(IO &Io, ExpensiveTypeModel &M) {
    Io.mapRequired("name", M.Name);
    Io.mapOptional("cost", M.Cost, std::string("heap-allocation"));
  }
  static std::string validate(IO &, ExpensiveTypeModel &M) {
    if (is_contained(KnownCostNames, M.Cost))
      return "";
    std::string Message = "unknown cost '" + M.Cost + "'; expected one of:";
    for (const char *Name : KnownCostNames)
      Message += std::string(" ") + Name;
    return Message;
  }
};

template <> struct MappingTraits<OwningTypeModel> {
  static void mapping(IO &Io, OwningTypeModel &M) {
    Io.mapRequired("name", M.Name);
    Io.mapOptional("node-based", M.NodeBased, false);
    Io.mapOptional("characters", M.Characters, false);
  }
};

template <> struct MappingTraits<TypesModel> {
  static void mapping(IO &Io, TypesModel &M) {
    Io.mapOptional("owning", M.Owning);
    Io.mapOptional("allocating-functions", M.AllocatingFunctions);
    Io.mapOptional("appending-methods", M.AppendingMethods);
    Io.mapOptional("clearing-methods", M.ClearingMethods);
    Io.mapOptional("removing-last-methods", M.RemovingLastMethods);
    Io.mapOptional("inserting-if-absent", M.InsertingIfAbsent);
    Io.mapOptional("error-record-words", M.ErrorRecordWords);
    Io.mapOptional("name-part-words", M.NamePartWords);
    Io.mapOptional("short-text-words", M.ShortTextWords);
    Io.mapOptional("expensive", M.Expensive);
    Io.mapOptional("cheap", M.Cheap);
    Io.mapOptional("named-resources", M.NamedResources);
  }
};

template <> struct MappingTraits<ModelDocument> {
  static void mapping(IO &Io, ModelDocument &M) {
    Io.mapOptional("linear-functions", M.LinearFunctions);
    Io.mapOptional("front-operations", M.FrontOperations);
    Io.mapOptional("queries", M.Queries);
    Io.mapOptional("blocking", M.Blocking);
    Io.mapOptional("async", M.Async);
    Io.mapOptional("types", M.Types);
    Io.mapOptional("invoking-functions", M.InvokingFunctions);
    Io.mapOptional("reading-functions", M.ReadingFunctions);
  }
};

} // namespace yaml
} // namespace llvm

namespace perf_audit {

/// Model names are written without a leading `::` (`sleep`, not `::sleep`).
static std::string normalizeName(StringRef Name) {
  Name = Name.trim();
  Name.consume_front("::");
  return Name.str();
}

Error ApiModel::merge(StringRef Text, StringRef BufferName) {
  std::string Diagnostics;
  auto Handler = [](const SMDiagnostic &D, void *Context) {
    auto &Out = *static_cast<std::string *>(Context);
    if (!Out.empty())
      Out += "\n";
    raw_string_ostream OS(Out);
    OS << D.getFilename() << ":" << D.getLineNo() << ":" << (D.getColumnNo() + 1)
       << ": error: " << D.getMessage();
  };
  ModelDocument Doc;
  yaml::Input In(MemoryBufferRef(Text, BufferName), nullptr, Handler,
                 &Diagnostics);
  In >> Doc;
  if (In.error()) {
    if (Diagnostics.empty())
      Diagnostics = (BufferName + ": error: not a valid model file").str();
    return createStringError(In.error(), Diagnostics);
  }

  for (LinearFunctionModel &M : Doc.LinearFunctions) {
    M.Name = normalizeName(M.Name);
    LinearFunctions.push_back(std::move(M));
  }
  for (FrontOperationModel &M : Doc.FrontOperations) {
    M.Class = normalizeName(M.Class);
    FrontOperations.push_back(std::move(M));
  }
  for (QueryLibraryModel &Lib : Doc.Queries) {
    for (QueryCallModel &M : Lib.Calls) {
      M.Library = Lib.Library;
      M.Embedded = Lib.Engine == QueryEngine::Embedded;
      M.Name = normalizeName(M.Name);
      for (std::string &T : M.ExecutesWith)
        T = normalizeName(T);
      QueryCalls.push_back(std::move(M));
    }
    for (std::string &Name : Lib.LazyCollections)
      LazyCollections.push_back(normalizeName(Name));
    for (std::string &Name : Lib.BatchingFunctions)
      BatchingFunctions.push_back(normalizeName(Name));
  }
  for (BlockingCallModel &M : Doc.Blocking) {
    M.Name = normalizeName(M.Name);
    BlockingCalls.push_back(std::move(M));
  }
  for (HandlerFunctionModel &M : Doc.Async.HandlerFunctions) {
    M.Name = normalizeName(M.Name);
    HandlerFunctions.push_back(std::move(M));
  }
  for (EventLoopModel &Loop : Doc.Async.EventLoops)
    for (HandlerFunctionModel &M : Loop.HandlerFunctions) {
      M.Name = normalizeName(M.Name);
      M.Offload = Loop.Offload;
      M.Timer = Loop.Timer;
      for (std::string &Type : M.ReceiverTypes)
        Type = normalizeName(Type);
      HandlerFunctions.push_back(std::move(M));
    }
  for (EventLoopModel &Loop : Doc.Async.EventLoops) {
    for (std::string &Name : Loop.EntryPoints)
      AsyncEntryPoints.push_back({normalizeName(Name), Loop.Offload, Loop.Timer});
    for (std::string &Name : Loop.FrequentEntryPoints)
      AsyncEntryPoints.push_back(
          {normalizeName(Name), Loop.Offload, Loop.Timer, /*Frequent=*/true});
  }
  for (std::string &Name : Doc.Async.ThreadPoolExecutors)
    ThreadPoolExecutors.push_back(normalizeName(Name));
  for (std::string &Name : Doc.Async.AwaitableTypes)
    AwaitableTypes.push_back(normalizeName(Name));
  for (std::string &Name : Doc.Async.EntryPoints)
    AsyncEntryPoints.push_back({normalizeName(Name), "", ""});
  for (HandlerWrapperModel &M : Doc.Async.HandlerWrappers) {
    M.Name = normalizeName(M.Name);
    HandlerWrappers.push_back(std::move(M));
  }
  for (std::string &Name : Doc.Async.YieldContextTypes)
    YieldContextTypes.push_back(normalizeName(Name));
  for (ExpensiveTypeModel &M : Doc.Types.Expensive) {
    M.Name = normalizeName(M.Name);
    ExpensiveTypes.push_back(std::move(M));
  }
  for (std::string &Name : Doc.Types.Cheap)
    CheapTypes.push_back(normalizeName(Name));
  for (std::string &Name : Doc.Types.NamedResources)
    NamedResourceTypes.push_back(normalizeName(Name));
  for (std::string &Name : Doc.Types.AllocatingFunctions)
    AllocatingFunctions.push_back(normalizeName(Name));
  for (std::string &Name : Doc.Types.AppendingMethods)
    AppendingMethods.push_back(Name);
  for (std::string &Name : Doc.Types.ClearingMethods)
    ClearingMethods.push_back(Name);
  for (std::string &Name : Doc.Types.RemovingLastMethods)
    RemovingLastMethods.push_back(Name);
  for (std::string &Name : Doc.Types.InsertingIfAbsent)
    InsertingIfAbsent.push_back(normalizeName(Name));
  for (std::string &Word : Doc.Types.ErrorRecordWords)
    ErrorRecordWords.push_back(StringRef(Word).lower());
  for (std::string &Word : Doc.Types.NamePartWords)
    NamePartWords.push_back(StringRef(Word).lower());
  for (std::string &Word : Doc.Types.ShortTextWords)
    ShortTextWords.push_back(StringRef(Word).lower());
  for (std::string &Name : Doc.InvokingFunctions)
    InvokingFunctions.push_back(normalizeName(Name));
  for (std::string &Name : Doc.ReadingFunctions)
    ReadingFunctions.push_back(normalizeName(Name));
  for (OwningTypeModel &M : Doc.Types.Owning) {
    M.Name = normalizeName(M.Name);
    OwningTypes.push_back(std::move(M));
  }
  reindex();
  return Error::success();
}

void ApiModel::addLinearFunction(LinearFunctionModel M) {
  M.Name = normalizeName(M.Name);
  LinearFunctions.push_back(std::move(M));
  reindex();
}

void ApiModel::reindex() {
  auto Index = [](auto &Entries, StringMap<size_t> &Map) {
    Map.clear();
    for (size_t I = 0; I < Entries.size(); ++I)
      Map[Entries[I].Name] = I;
  };
  Index(LinearFunctions, LinearIndex);
  Index(QueryCalls, QueryIndex);
  Index(BlockingCalls, BlockingIndex);
  Index(HandlerFunctions, HandlerIndex);
  Index(ExpensiveTypes, ExpensiveIndex);
  Index(OwningTypes, OwningIndex);
}

const ApiModel &ApiModel::builtin() {
  static const ApiModel Model = [] {
    ApiModel M;
    for (const EmbeddedFile &File : BuiltinModels)
      if (Error E = M.merge(File.Text, File.Name))
        report_fatal_error(Twine("perf-audit: built-in model is invalid: ") +
                           toString(std::move(E)));
    return M;
  }();
  return Model;
}

Expected<ApiModel> ApiModel::load(ArrayRef<std::string> UserFiles,
                                  StringRef Directory) {
  ApiModel Model = builtin();
  for (const std::string &Path : UserFiles) {
    SmallString<256> Absolute(Path);
    if (!Directory.empty())
      compat::makeAbsolute(Directory, Absolute);
    ErrorOr<std::unique_ptr<MemoryBuffer>> Buffer =
        MemoryBuffer::getFile(Absolute);
    if (!Buffer)
      return createStringError(Buffer.getError(),
                               "%s: error: cannot read model file: %s",
                               Path.c_str(),
                               Buffer.getError().message().c_str());
    if (Error E = Model.merge((*Buffer)->getBuffer(), Path))
      return std::move(E);
  }
  return Model;
}

template <typename T>
static const T *lookup(const std::vector<T> &Entries,
                       const StringMap<size_t> &Index, StringRef Name) {
  auto It = Index.find(Name);
  return It == Index.end() ? nullptr : &Entries[It->second];
}

const LinearFunctionModel *ApiModel::linearFunction(StringRef Name) const {
  return lookup(LinearFunctions, LinearIndex, Name);
}

bool ApiModel::isFrontOperation(StringRef Class, StringRef Method) const {
  return any_of(FrontOperations, [&](const FrontOperationModel &M) {
    return M.Class == Class && is_contained(M.Methods, Method);
  });
}

const QueryCallModel *ApiModel::queryCall(StringRef Name) const {
  return lookup(QueryCalls, QueryIndex, Name);
}

bool ApiModel::isLazyCollection(StringRef TypeName) const {
  return is_contained(LazyCollections, TypeName);
}

const BlockingCallModel *ApiModel::blockingCall(StringRef Name) const {
  return lookup(BlockingCalls, BlockingIndex, Name);
}

/// `*` matches any run of characters except ':' (within one name).
static bool matchesNamePattern(StringRef Pattern, StringRef Name) {
  if (Pattern.empty())
    return Name.empty();
  if (Pattern.front() != '*')
    return !Name.empty() && Name.front() == Pattern.front() &&
           matchesNamePattern(Pattern.drop_front(), Name.drop_front());
  for (size_t Take = 0; Take <= Name.size(); ++Take) {
    if (matchesNamePattern(Pattern.drop_front(), Name.drop_front(Take)))
      return true;
    if (Take < Name.size() && Name[Take] == ':')
      break;
  }
  return false;
}

const HandlerFunctionModel *ApiModel::handlerFunction(StringRef Name) const {
  if (const HandlerFunctionModel *Exact =
          lookup(HandlerFunctions, HandlerIndex, Name))
    return Exact;
  // Later entries win, as for exact names.
  for (const HandlerFunctionModel &M : llvm::reverse(HandlerFunctions))
    if (StringRef(M.Name).contains('*') && matchesNamePattern(M.Name, Name))
      return &M;
  return nullptr;
}

bool ApiModel::isBatchingFunction(StringRef Name) const {
  return llvm::any_of(BatchingFunctions, [&](const std::string &Pattern) {
    return matchesNamePattern(Pattern, Name);
  });
}

bool ApiModel::isAwaitableType(StringRef TypeName) const {
  return is_contained(AwaitableTypes, TypeName);
}

bool ApiModel::isThreadPoolExecutor(StringRef TypeName) const {
  return is_contained(ThreadPoolExecutors, TypeName);
}

const EntryPointModel *ApiModel::asyncEntryPoint(StringRef Name) const {
  for (const EntryPointModel &M : llvm::reverse(AsyncEntryPoints))
    if (M.Name == Name)
      return &M;
  return nullptr;
}

const HandlerWrapperModel *ApiModel::handlerWrapper(StringRef Name) const {
  // Later entries win, as for the other lists.
  for (const HandlerWrapperModel &M : llvm::reverse(HandlerWrappers))
    if (M.Name == Name)
      return &M;
  return nullptr;
}

bool ApiModel::isYieldContextType(StringRef TypeName) const {
  return is_contained(YieldContextTypes, TypeName);
}

const ExpensiveTypeModel *ApiModel::expensiveType(StringRef Name) const {
  return lookup(ExpensiveTypes, ExpensiveIndex, Name);
}

const OwningTypeModel *ApiModel::owningType(StringRef Name) const {
  return lookup(OwningTypes, OwningIndex, Name);
}

bool ApiModel::isAllocatingFunction(StringRef Name) const {
  return is_contained(AllocatingFunctions, Name);
}

bool ApiModel::isAppendingMethod(StringRef MethodName) const {
  return is_contained(AppendingMethods, MethodName);
}

bool ApiModel::isRemovingLastMethod(StringRef MethodName) const {
  return is_contained(RemovingLastMethods, MethodName);
}

bool ApiModel::isInsertingIfAbsent(StringRef Name) const {
  return is_contained(InsertingIfAbsent, Name);
}

/// The words of an identifier, lower case: `m_parseErrors` and
/// `PARSE_ERRORS` both give "m", "parse", "errors".
static SmallVector<std::string, 4> identifierWords(StringRef Name) {
  SmallVector<std::string, 4> Words;
  std::string Word;
  auto Flush = [&] {
    if (!Word.empty())
      Words.push_back(std::move(Word));
    Word.clear();
  };
  for (size_t I = 0; I < Name.size(); ++I) {
    char C = Name[I];
    if (!isAlnum(C)) {
      Flush();
      continue;
    }
    // A capital after a lower-case letter, or the last capital of a run
    // followed by a lower-case letter (`HTTPError`), starts a word.
    bool Starts = isUpper(C) && I > 0 &&
                  (isLower(Name[I - 1]) ||
                   (isUpper(Name[I - 1]) && I + 1 < Name.size() &&
                    isLower(Name[I + 1])));
    if (Starts)
      Flush();
    Word += toLower(C);
  }
  Flush();
  return Words;
}

/// True when a word of Identifier, or the word without a plural `s`, is
/// one of Words.
static bool hasWordOf(StringRef Identifier, ArrayRef<std::string> Words) {
  for (const std::string &Word : identifierWords(Identifier)) {
    StringRef W = Word;
    if (is_contained(Words, W) ||
        (W.consume_back("s") && is_contained(Words, W)))
      return true;
  }
  return false;
}

bool ApiModel::namesErrorRecords(StringRef Identifier) const {
  return hasWordOf(Identifier, ErrorRecordWords);
}

bool ApiModel::namesNameParts(StringRef Identifier) const {
  return hasWordOf(Identifier, NamePartWords);
}

bool ApiModel::namesShortText(StringRef Identifier) const {
  return hasWordOf(Identifier, ShortTextWords);
}

bool ApiModel::isClearingMethod(StringRef MethodName) const {
  return is_contained(ClearingMethods, MethodName);
}

bool ApiModel::isInvokingFunction(StringRef Name) const {
  return is_contained(InvokingFunctions, Name);
}

bool ApiModel::isReadingFunction(StringRef Name) const {
  return is_contained(ReadingFunctions, Name);
}

void ApiModel::addCheapType(StringRef Name) {
  CheapTypes.push_back(normalizeName(Name));
}

bool ApiModel::isCheapType(StringRef Name) const {
  return is_contained(CheapTypes, Name);
}

bool ApiModel::isNamedResourceType(StringRef Name) const {
  return is_contained(NamedResourceTypes, Name);
}

std::string modelName(const clang::NamedDecl *D) {
  using namespace clang;
  std::string Leaf;
  if (const auto *Ctor = dyn_cast<CXXConstructorDecl>(D))
    Leaf = Ctor->getParent()->getName().str();
  else if (const auto *Dtor = dyn_cast<CXXDestructorDecl>(D))
    Leaf = "~" + Dtor->getParent()->getName().str();
  else
    Leaf = D->getDeclName().getAsString();

  SmallVector<StringRef, 4> Scopes;
  for (const DeclContext *DC = D->getDeclContext(); DC; DC = DC->getParent()) {
    if (const auto *NS = dyn_cast<NamespaceDecl>(DC)) {
      if (NS->isInline() || NS->isAnonymousNamespace())
        continue;
      Scopes.push_back(NS->getName());
    } else if (const auto *RD = dyn_cast<RecordDecl>(DC)) {
      if (RD->getIdentifier())
        Scopes.push_back(RD->getName());
    } else if (isa<FunctionDecl>(DC)) {
      // A local class: its methods are only reachable through the function.
      break;
    }
  }
  std::string Name;
  for (StringRef Scope : llvm::reverse(Scopes))
    Name += Scope.str() + "::";
  return Name + Leaf;
}

std::vector<std::string> splitList(StringRef Value) {
  SmallVector<StringRef, 8> Parts;
  Value.split(Parts, [&] { return Value.contains(';') ? ';' : ','; }(),
              /*MaxSplit=*/-1, /*KeepEmpty=*/false);
  std::vector<std::string> Result;
  for (StringRef Part : Parts)
    if (!Part.trim().empty())
      Result.push_back(Part.trim().str());
  return Result;
}

} // namespace perf_audit
