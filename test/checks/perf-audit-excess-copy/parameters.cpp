// RUN: %check_perf_audit %s perf-audit-excess-copy %t -- -- -std=c++20 -I %S/Inputs
// RUN: %check_perf_audit_driver %s perf-audit-excess-copy %t-driver -- -- -std=c++20 -I %S/Inputs
// RUN: %clangxx -fsyntax-only -std=c++20 -I %S/Inputs %t.cpp

#include "api.h"
#include <coroutine>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

struct Config { std::map<std::string, std::string> values; };

// Positives: every declaration in this file changes with the definition.
int countWords(std::string text, char separator = ' ');
// CHECK-FIXES: int countWords(const std::string &text, char separator = ' ');
int countWords(std::string text, char separator) {
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: parameter 'text' (std::string) is copied on every call but only read: pass it by const reference [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: int countWords(const std::string &text, char separator) {
  int n = 1;
  for (char c : text)
    n += c == separator;
  return n;
}

int total(std::vector<int>);
// CHECK-FIXES: int total(const std::vector<int> &);
int total(std::vector<int> values) {
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: parameter 'values' (std::vector<int>) is copied on every call but only read: pass it by const reference [impact: low 24] [perf-audit-excess-copy]
  // CHECK-FIXES: int total(const std::vector<int> &values) {
  int n = 0;
  for (int v : values)
    n += v;
  return n;
}

// The outer container is the data set; the containers in its elements are
// priced at a few elements each (not 100 x 100 strings).
std::size_t cells(std::vector<std::vector<std::string>> table);
// CHECK-FIXES: std::size_t cells(const std::vector<std::vector<std::string>> &table);
std::size_t cells(std::vector<std::vector<std::string>> table) {
  // CHECK-MESSAGES: :[[@LINE-1]]:57: warning: parameter 'table' (std::vector<std::vector<std::string>>) is copied on every call but only read: pass it by const reference [impact: medium 49] [perf-audit-excess-copy]
  // CHECK-FIXES: std::size_t cells(const std::vector<std::vector<std::string>> &table) {
  std::size_t n = 0;
  for (const std::vector<std::string> &row : table)
    n += row.size();
  return n;
}

struct Server {
  bool configured(const Config config) const {
    // CHECK-MESSAGES: :[[@LINE-1]]:32: warning: parameter 'config' (Config) is copied on every call but only read: pass it by const reference [impact: medium 47] [perf-audit-excess-copy]
    // CHECK-FIXES:  bool configured(const Config &config) const {
    return config.values.count("port") > 0;
  }
};

// Declared in a header: a note instead of a fix-it.
int publish(std::string topic) {
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: parameter 'topic' (std::string) is copied on every call but only read: pass it by const reference [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: int publish(std::string topic) {
  return static_cast<int>(topic.size());
}

// Negatives.

// Modified, moved into a member (a sink), returned, copied onwards.
struct Named {
  explicit Named(std::string name) : name_(std::move(name)) {}
  std::string name_;
};
std::string shout(std::string s) {
  for (char &c : s)
    c = static_cast<char>(c & ~0x20);
  return s;
}
std::string identity(std::string s) { return s; }

// Cheap types: small trivially copyable, views, shared handles.
struct Point { double x, y; };
int cheap(Point p, std::shared_ptr<Config> config, std::string_view v) {
  return static_cast<int>(p.x + v.size()) + (config ? 1 : 0);
}

// Virtual functions and overrides share one signature: reported with one
// level less confidence (another override may modify its copy) and a note,
// never rewritten (changing one override alone would stop it overriding).
struct Handler {
  virtual ~Handler() = default;
  virtual int handle(std::string request) { return static_cast<int>(request.size()); }
  // CHECK-MESSAGES: :[[@LINE-1]]:34: warning: parameter 'request' (std::string) is copied on every call but only read: pass it by const reference [impact: low 20, medium confidence] [perf-audit-excess-copy]
  // CHECK-MESSAGES: :[[@LINE-2]]:34: note: 'handle' is virtual: change the parameter to 'const std::string &' in the base and every override together
  // CHECK-FIXES: virtual int handle(std::string request) { return static_cast<int>(request.size()); }
};
struct LoudHandler : Handler {
  int handle(std::string request) override { return 2 * static_cast<int>(request.size()); }
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: parameter 'request' (std::string) is copied on every call but only read: pass it by const reference [impact: low 20, medium confidence] [perf-audit-excess-copy]
  // CHECK-MESSAGES: :[[@LINE-2]]:26: note: 'handle' overrides 'Handler::handle': change the parameter to 'const std::string &' in the base and every override together
  // CHECK-FIXES: int handle(std::string request) override { return 2 * static_cast<int>(request.size()); }
};

// An unnamed parameter is never used, but still copied by every call.
int ignoreName(int id, std::string) { return id; }
// CHECK-MESSAGES: :[[@LINE-1]]:24: warning: unnamed parameter 2 (std::string) is copied on every call but never used: pass it by const reference [impact: low 20] [perf-audit-excess-copy]
// CHECK-FIXES: int ignoreName(int id, const std::string &) { return id; }

// A function whose address is taken.
static int length(std::string s) { return static_cast<int>(s.size()); }
std::function<int(std::string)> lengthFunction() { return &length; }

// A coroutine: a reference parameter would dangle.
struct Task {
  struct promise_type {
    Task get_return_object() { return {}; }
    std::suspend_never initial_suspend() noexcept { return {}; }
    std::suspend_never final_suspend() noexcept { return {}; }
    void return_void() {}
    void unhandled_exception() {}
  };
};
Task log(std::string message) {
  (void)message.size();
  co_return;
}

// Templates and lambdas: template-parameters.cpp, lambda-parameters.cpp.

// A sink handed to a forwarding function that builds from it: a const
// reference would keep the copy inside make_shared; moving is the fix.
struct Factory {
  Factory(std::string name, std::function<int()> make)
      : name(std::move(name)), make(std::move(make)) {}
  std::string name;
  std::function<int()> make;
};
std::shared_ptr<Factory> makeFactory(const std::string &name,
                                     std::function<int()> make) {
  return std::make_shared<Factory>(name, make);
  // CHECK-MESSAGES: :[[@LINE-1]]:42: warning: 'make' (std::function<int ()>) is copied on its last use: move it instead [impact: low 21] [perf-audit-excess-copy]
  // CHECK-FIXES: return std::make_shared<Factory>(name, std::move(make));
}
// A forwarding function that only calls what it is given copies nothing:
// the parameter is only read.
int callWith(std::function<int(const std::string &)> f, std::string text) {
  // CHECK-MESSAGES: :[[@LINE-1]]:54: warning: parameter 'f' (std::function<int (const std::string &)>) is copied on every call but only read: pass it by const reference [impact: low 21] [perf-audit-excess-copy]
  // CHECK-MESSAGES: :[[@LINE-2]]:69: warning: parameter 'text' (std::string) is copied on every call but only read: pass it by const reference [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: int callWith(const std::function<int(const std::string &)> &f, const std::string &text) {
  return std::invoke(f, text);
}
