// RUN: %check_perf_audit %s perf-audit-excess-copy %t
// RUN: %check_perf_audit_driver %s perf-audit-excess-copy %t-driver
// RUN: %check_perf_audit %s perf-audit-excess-copy %t-cxx14 -- -- -std=c++14
// RUN: %clangxx -fsyntax-only -std=c++20 %t.cpp

#include <atomic>
#include <map>
#include <string>
#include <vector>
// CHECK-FIXES: #include <utility>

struct Message { std::string topic; std::vector<char> body; };

void send(Message m);
void store(std::string key, std::vector<int> values);

// Positives: a copy on the last use, where a move would do.
std::vector<Message> collect(const std::vector<std::string> &topics) {
  std::vector<Message> out;
  for (const std::string &topic : topics) {
    Message m{topic, {}};
    m.body.push_back('x');
    out.push_back(m);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'm' (Message) is copied on its last use: move it instead, ~100 copies per call if 'topics' has ~100 elements [impact: medium 46] [perf-audit-excess-copy]
    // CHECK-FIXES: out.push_back(std::move(m));
  }
  return out;
}

void forward(std::string key, std::vector<int> values) {
  values.push_back(0);
  store(key, values);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'key' (std::string) is copied on its last use: move it instead [impact: low 20] [perf-audit-excess-copy]
  // CHECK-MESSAGES: :[[@LINE-2]]:14: warning: 'values' (std::vector<int>) is copied on its last use: move it instead [impact: low 24] [perf-audit-excess-copy]
  // CHECK-FIXES: store(std::move(key), std::move(values));
}

struct Sink {
  explicit Sink(std::string name) : name_(name) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: 'name' (std::string) is copied on its last use: move it instead [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: explicit Sink(std::string name) : name_(std::move(name)) {}
  std::string name_;
};

auto later(std::vector<int> data) {
  return [data] { return data.size(); };
  // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'data' (std::vector<int>) is copied on its last use: move it instead [impact: low 24] [perf-audit-excess-copy]
  // CHECK-FIXES: return [data = std::move(data)] { return data.size(); };
}

void emplace(std::map<std::string, Message> &index, std::string key) {
  Message m{key, {}};
  index.emplace(key, m);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'key' (std::string) is copied on its last use: move it instead [impact: low 20] [perf-audit-excess-copy]
  // CHECK-MESSAGES: :[[@LINE-2]]:22: warning: 'm' (Message) is copied on its last use: move it instead [impact: low 24] [perf-audit-excess-copy]
  // CHECK-FIXES: index.emplace(std::move(key), std::move(m));
}

// Negatives.

// Used again after the copy: only the last copy can move. The parameter
// is a sink (push_back has a T&& twin): moving it there is the one fix, not
// also a const reference, which the move would copy from again.
void twice(std::vector<Message> &out, Message m) {
  out.push_back(m);
  // CHECK-FIXES: out.push_back(m);
  out.push_back(m);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'm' (Message) is copied on its last use: move it instead [impact: low 24] [perf-audit-excess-copy]
  // CHECK-FIXES: out.push_back(std::move(m));
}

// In a loop, declared outside it: the next iteration uses it again (the
// local itself could bind a reference: that is another finding).
void loop(std::vector<std::string> &out, const std::string &seed) {
  std::string s = seed;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: local 's' (std::string) copies a const reference but is only read [impact: low 20] [perf-audit-excess-copy]
  for (int i = 0; i < 3; ++i)
    out.push_back(s);
    // CHECK-FIXES: out.push_back(s);
}

// Referenced elsewhere in the same call: moving could be seen by the other
// argument, whose evaluation order is unspecified.
void sameCall(std::string s) { store(s, std::vector<int>(s.size())); }

// Aliased: a reference is bound to it.
void aliased(std::vector<std::string> &out) {
  std::string s = "x";
  const std::string &r = s;
  out.push_back(s);
  (void)r.size();
}

// Const, cheap, or already moved.
void others(std::vector<std::string> &out, std::vector<int> &ints) {
  const std::string c = "c";
  out.push_back(c);
  int i = 1;
  ints.push_back(i);
  std::string m = "m";
  out.push_back(std::move(m));
}

// A returned local is moved implicitly.
std::string build() {
  std::string s = "a";
  s += "b";
  return s;
}

// A move saves only what it can steal: the key of a map's element is const,
// so moving a `pair<const std::string, int>` copies the string anyway.
void entries(const std::map<std::string, int> &counts,
             std::vector<std::pair<const std::string, int>> &out,
             std::vector<std::pair<const std::string, std::vector<int>>> &lists) {
  for (auto it = counts.begin(); it != counts.end(); ++it) {
    std::pair<const std::string, int> entry{it->first, it->second * 2};
    out.push_back(entry);
  }
  std::pair<const std::string, std::vector<int>> list{"k", {1, 2}};
  list.second.push_back(3);
  lists.push_back(list);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'list' (std::pair<const std::string, std::vector<int>>) is copied on its last use: move it instead [impact: low 24] [perf-audit-excess-copy]
  // CHECK-FIXES: lists.push_back(std::move(list));
}

// An entry built from a default-constructed value, or from the constant
// default a function hands out, holds nothing but its const key, which a
// move copies too: moving it saves nothing. Built from a value with
// content, the move saves the value's copy.
struct Node {
  std::string text;
  std::vector<int> items;
  static const Node &null() {
    static const Node Null;
    return Null;
  }
  static Node &scratch() {
    static Node Scratch;
    return Scratch;
  }
};
Node parse(const std::string &text);
void members(const std::vector<std::string> &keys,
             std::vector<std::pair<const std::string, Node>> &out) {
  for (const std::string &key : keys) {
    std::pair<const std::string, Node> blank(key, Node::null());
    out.push_back(blank);
    std::pair<const std::string, Node> empty(key, Node());
    out.push_back(empty);
    std::pair<const std::string, Node> braced{key, {}};
    out.push_back(braced);
  }
  std::pair<const std::string, Node> parsed(keys.front(), parse(keys.front()));
  out.push_back(parsed);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'parsed' (std::pair<const std::string, Node>) is copied on its last use: move it instead [impact: low 26] [perf-audit-excess-copy]
  // CHECK-FIXES: out.push_back(std::move(parsed));
  // A static the function does not keep constant may have been given
  // anything.
  std::pair<const std::string, Node> reused(keys.back(), Node::scratch());
  out.push_back(reused);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'reused' (std::pair<const std::string, Node>) is copied on its last use: move it instead [impact: low 26] [perf-audit-excess-copy]
  // CHECK-FIXES: out.push_back(std::move(reused));
}

// A string given nothing but short literals (at most 15 characters, what
// libstdc++ keeps in the string itself) allocates nothing when copied:
// moving it saves nothing. A long literal, or a value built at run time,
// has a buffer to hand over.
struct Writer {
  Writer(std::string colon, std::string null, std::string ending,
         std::string banner);
};
Writer *makeWriter(bool compact, bool dropNull, bool verbose) {
  std::string colon = " : ";
  if (compact)
    colon = ":";
  std::string null = "null";
  if (dropNull)
    null.clear();
  std::string ending;
  std::string banner = "generated by a writer";
  if (verbose)
    banner = "x";
  return new Writer(colon, null, ending, banner);
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: 'banner' (std::string) is copied on its last use: move it instead [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: return new Writer(colon, null, ending, std::move(banner));
}
Writer *makeNamedWriter(const std::string &name) {
  std::string colon = ":";
  colon += name;
  return new Writer(colon, "", "", "");
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'colon' (std::string) is copied on its last use: move it instead [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: return new Writer(std::move(colon), "", "", "");
}

// A type that declares a copy constructor has no implicit move: std::move
// would copy it.
struct Tracked {
  Tracked() = default;
  Tracked(const Tracked &other) : name(other.name) {}
  std::string name;
};
void keep(std::vector<Tracked> &out) {
  Tracked t;
  t.name = "t";
  out.push_back(t);
}

// A function that hands its argument back copies nothing: moving into it
// saves nothing (cpprest's `to_utf8string(const std::string &)`, an
// identity on platforms whose strings are UTF-8). One that keeps its own
// copy does.
inline const std::string &toUtf8(const std::string &s) { return s; }
inline std::string &&toUtf8(std::string &&s) { return static_cast<std::string &&>(s); }
inline const std::string &remember(const std::string &s) {
  static std::string last;
  last = s;
  return last;
}
inline const std::string &remember(std::string &&s) {
  static std::string last;
  last = static_cast<std::string &&>(s);
  return last;
}
std::size_t encode(const std::string &user, const std::string &password) {
  std::string joined = user + ":" + password;
  const std::string &bytes = toUtf8(joined);
  std::string again = user + password;
  return bytes.size() + remember(again).size();
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: 'again' (std::string) is copied on its last use: move it instead [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: return bytes.size() + remember(std::move(again)).size();
}

// A copy constructor that only shares what it copies (a reference count
// going up, as in a task's cancellation token or an intrusive pointer)
// allocates nothing: moving the handle saves no allocation. One that
// duplicates its buffer does.
struct SharedState {
  std::atomic<long> refs{1};
  char data[256];
};
class Handle {
public:
  Handle() : state(nullptr) {}
  Handle(const Handle &other) : state(other.state) {
    if (state)
      state->refs.fetch_add(1);
  }
  Handle(Handle &&other) noexcept : state(other.state) { other.state = nullptr; }
  ~Handle();

private:
  SharedState *state;
};
class Buffer {
public:
  Buffer() : data(nullptr), size(0) {}
  Buffer(const Buffer &other) : data(new char[other.size]), size(other.size) {}
  Buffer(Buffer &&other) noexcept : data(other.data), size(other.size) {
    other.data = nullptr;
  }
  ~Buffer();

private:
  char *data;
  unsigned long size;
};
void keepHandles(std::vector<Handle> &handles, std::vector<Buffer> &buffers) {
  Handle h;
  handles.push_back(h);
  Buffer b;
  buffers.push_back(b);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'b' (Buffer) is copied on its last use: move it instead [impact: low 19] [perf-audit-excess-copy]
  // CHECK-FIXES: buffers.push_back(std::move(b));
}

// A struct built empty owns no buffers until one of its strings is given
// something: moving one that only had numbers set saves nothing. A use in a
// block that goes on to `continue` does not reach the copy after it.
enum class Status { Ok, Error };
struct Comment {
  Status status = Status::Ok;
  std::string message;
  std::string name;
  int index = 0;
};
struct Region {
  int offset;
  Comment comment;
};
void setError(Comment &comment, const char *why);
Region makeRegion(int offset, Comment comment);

void annotate(const std::vector<int> &offsets, std::vector<Region> &regions) {
  for (int offset : offsets) {
    Comment plain;
    plain.index = offset;
    if (offset < 0) {
      setError(plain, "negative");
      continue;
    }
    regions.push_back(makeRegion(offset, plain));
  }
  for (int offset : offsets) {
    Comment named;
    named.name = "field";
    regions.push_back(makeRegion(offset, named));
    // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: 'named' (Comment) is copied on its last use: move it instead, ~100 copies per call if 'offsets' has ~100 elements [impact: medium 42] [perf-audit-excess-copy]
    // CHECK-FIXES: regions.push_back(makeRegion(offset, std::move(named)));
  }
  for (int offset : offsets) {
    Comment failed{};
    if (offset < 0)
      setError(failed, "negative");
    regions.push_back(makeRegion(offset, failed));
    // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: 'failed' (Comment) is copied on its last use: move it instead, ~100 copies per call if 'offsets' has ~100 elements [impact: medium 45] [perf-audit-excess-copy]
    // CHECK-FIXES: regions.push_back(makeRegion(offset, std::move(failed)));
  }
}
