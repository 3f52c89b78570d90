// RUN: %check_perf_audit %s perf-audit-excess-copy %t
// RUN: %check_perf_audit_driver %s perf-audit-excess-copy %t-driver
// RUN: %clangxx -fsyntax-only -std=c++20 %t.cpp
//
// A local copied from another local or a by-value parameter, when neither
// is modified afterwards: a const reference sees the same value for as long
// as the copy would live, so the copy buys nothing. The traps: an original
// changed after the copy (the copy is a snapshot), a copy changed, an
// original anything else can reach (a reference bound to it, its address
// taken, captured by reference), a global, a copy returned (the copy is the
// return value), a copy constructor given a second argument.

#include <functional>
#include <string>
#include <vector>

struct Request {
  std::string path;
  std::vector<std::string> headers;
};

Request parse(const std::string &line);
void send(const std::string &text);
void sendCopy(std::string text);
void log(const std::vector<std::string> &lines);
void mutate(std::string &text);
void keep(const std::string *text);

std::size_t route(const std::string &line) {
  Request request = parse(line);
  std::string path = request.path;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: local 'path' (std::string) copies 'request', which is not modified either, but is only read [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: const std::string &path = request.path;
  std::vector<std::string> headers(request.headers);
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: local 'headers' (std::vector<std::string>) copies 'request', which is not modified either, but is only read [impact: medium 42] [perf-audit-excess-copy]
  // CHECK-FIXES: const std::vector<std::string> &headers(request.headers);
  send(path);
  log(headers);
  return request.path.size() + headers.size();
}

// The copy goes on to a by-value sink on its last use: moving it there is
// the fix (a reference would be copied there again); only the move is
// reported, never both.
void forward(const std::string &line) {
  Request request = parse(line);
  std::string path = request.path;
  send(path);
  sendCopy(path);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'path' (std::string) is copied on its last use: move it instead [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: sendCopy(std::move(path));
  send(request.path);
}

void announce(std::string greeting) {
  auto copy = greeting;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: local 'copy' (std::string) copies 'greeting', which is not modified either, but is only read [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: const auto &copy = greeting;
  send(copy);
  send(greeting);
}

void lines(const std::vector<std::string> &input) {
  std::vector<std::string> all = input;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: local 'all' (std::vector<std::string>) copies a const reference but is only read [impact: medium 42] [perf-audit-excess-copy]
  // CHECK-FIXES: const std::vector<std::string> &all = input;
  std::vector<std::string> again = all;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: local 'again' (std::vector<std::string>) copies 'all', which is not modified either, but is only read [impact: medium 42] [perf-audit-excess-copy]
  // CHECK-FIXES: const std::vector<std::string> &again = all;
  log(all);
  log(again);
}

// The last use goes to an overload that hands its parameter back (as
// cpprest's to_utf8string does): moving into it saves nothing, so the copy
// is still the local's.
inline const std::string &toUtf8(const std::string &text) { return text; }
std::string toUtf8(std::string &&text);

std::size_t hostLength(const Request &request) {
  std::string host = request.path;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: local 'host' (std::string) copies a const reference but is only read [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: const std::string &host = request.path;
  return toUtf8(host).size();
}

// Two declarations in one statement: the fix would split it; a note only.
void pairOfCopies(const std::string &line) {
  std::string text = parse(line).path;
  std::string first = text, second;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: local 'first' (std::string) copies 'text', which is not modified either, but is only read [impact: low 20] [perf-audit-excess-copy]
  // CHECK-MESSAGES: :[[@LINE-2]]:15: note: if what it copies is not modified or destroyed while 'first' is used, bind a const reference instead
  send(first);
  send(second);
  send(text);
}

// The copy is the original's last use: moving the original is the fix.
void lastOfOriginal(const std::string &line) {
  std::string text = parse(line).path;
  std::string kept = text;
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: 'text' (std::string) is copied on its last use: move it instead [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: std::string kept = std::move(text);
  send(kept);
}

// Negatives.

void snapshot(const std::string &line) {
  std::string text = parse(line).path;
  std::string before = text;
  mutate(text);
  if (before != text)
    send(before);
}

void changedCopy(const std::string &line) {
  std::string text = parse(line).path;
  std::string copy = text;
  copy += "!";
  send(copy);
  send(text);
}

void aliasedOriginal(const std::string &line) {
  std::string text = parse(line).path;
  const std::string &alias = text;
  std::string copy = text;
  send(copy);
  send(alias);
}

void addressTaken(const std::string &line) {
  std::string text = parse(line).path;
  keep(&text);
  std::string copy = text;
  send(copy);
}

std::function<void()> capturedByReference(const std::string &line) {
  std::string text = parse(line).path;
  std::string copy = text;
  auto later = [&text] { send(text); };
  send(copy);
  return later;
}

std::string global;

void fromGlobal() {
  std::string copy = global;
  send(copy);
}

std::string returned(const std::string &line) {
  std::string text = parse(line).path;
  std::string copy = text;
  send(text);
  return copy;
}

struct Deep {
  Deep();
  Deep(const Deep &other, bool share = false);
  std::vector<std::string> parts;
  std::size_t size() const;
};

std::size_t shallow(const Deep &original) {
  Deep shared(original, true);
  return shared.size() + original.size();
}

void reassigned(const std::string &line) {
  std::string text = parse(line).path;
  std::string copy = text;
  send(copy);
  text = "done";
  send(text);
}
