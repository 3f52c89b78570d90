// RUN: %check_perf_audit %s perf-audit-excess-copy %t -- -- -std=c++17
// RUN: %check_perf_audit_driver %s perf-audit-excess-copy %t-driver -- -- -std=c++17
// RUN: %check_perf_audit --check-suffix=LOW %s perf-audit-excess-copy %t-low -- \
// RUN:   --config="{CheckOptions: {MinimumConfidence: low}}" -- -std=c++17
// RUN: %clangxx -fsyntax-only -std=c++17 %t.cpp
//
// Regression test from real code (docs/real-world.md, cpprest's pplx
// tasks and flatbuffers' code generators): a by-value parameter that every
// call builds in place (a lambda into a std::function, a literal into a
// string, a temporary, a move) is not copied: a const reference would build
// the same object. All calls of a function local to the file are in it; of
// any other function only this file's are, so there the finding is only
// less sure (hidden by default).

#include <functional>
#include <string>
#include <utility>

namespace {
int runTask(std::function<int()> task) { return task(); }
std::size_t measure(std::string text) { return text.size(); }

// One call passes a function it keeps: that call copies it.
int runKept(std::function<int()> task) { return task(); }
// CHECK-MESSAGES: :[[@LINE-1]]:34: warning: parameter 'task' (std::function<int ()>) is copied on every call but only read: pass it by const reference [impact: low 21] [perf-audit-excess-copy]
// CHECK-MESSAGES-LOW: :[[@LINE-2]]:34: warning: parameter 'task' (std::function<int ()>) is copied on every call but only read: pass it by const reference [impact: low 21] [perf-audit-excess-copy]
// CHECK-FIXES: int runKept(const std::function<int()> &task) { return task(); }
// CHECK-FIXES-LOW: int runKept(const std::function<int()> &task) { return task(); }
} // namespace

int runShared(std::function<int()> task) { return task(); }
// CHECK-MESSAGES-LOW: :[[@LINE-1]]:36: warning: parameter 'task' (std::function<int ()>) is copied on every call but only read: pass it by const reference [impact: low 21, low confidence] [perf-audit-excess-copy]
// CHECK-FIXES-LOW: int runShared(const std::function<int()> &task) { return task(); }

int useTasks(const std::function<int()> &kept, std::function<int()> owned,
             int base) {
  int n = runTask([] { return 1; }) + runTask([base] { return base; }) +
          runTask(std::move(owned));
  n += static_cast<int>(measure("abc") + measure(std::string(3, 'x')));
  n += runKept(kept) + runKept([] { return 2; });
  return n + runShared([] { return 3; });
}

// A call written in a template is dependent in the pattern: its
// instantiation converts the stored lambda into the std::function.
struct Transformer {
  static int perform(std::function<int()> task) { return task(); }
  // CHECK-MESSAGES-LOW: :[[@LINE-1]]:43: warning: parameter 'task' (std::function<int ()>) is copied on every call but only read: pass it by const reference [impact: low 21, low confidence] [perf-audit-excess-copy]
  // CHECK-FIXES-LOW: static int perform(const std::function<int()> &task) { return task(); }
};

template <typename Function> struct Continuation {
  Function function;
  int run() const { return Transformer::perform(function); }
};

int continueWith(int base) {
  auto lambda = [base] { return base + 1; };
  Continuation<decltype(lambda)> Converted{lambda};
  return Converted.run();
}

// Instantiated with a std::function, the same call copies it.
struct Keeper {
  static int keep(std::function<int()> task) { return task(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:40: warning: parameter 'task' (std::function<int ()>) is copied on every call but only read: pass it by const reference [impact: low 21] [perf-audit-excess-copy]
  // CHECK-MESSAGES-LOW: :[[@LINE-2]]:40: warning: parameter 'task' (std::function<int ()>) is copied on every call but only read: pass it by const reference [impact: low 21] [perf-audit-excess-copy]
  // CHECK-FIXES: static int keep(const std::function<int()> &task) { return task(); }
  // CHECK-FIXES-LOW: static int keep(const std::function<int()> &task) { return task(); }
};

template <typename Function> struct Holder {
  Function function;
  int run() const { return Keeper::keep(function); }
};

int keepStored(int base) {
  Holder<std::function<int()>> Stored{[base] { return base; }};
  return Stored.run();
}
