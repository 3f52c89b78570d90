// RUN: %check_perf_audit %s perf-audit-excess-copy %t -- -- -std=c++20
// RUN: %check_perf_audit_driver %s perf-audit-excess-copy %t-driver -- -- -std=c++20
// RUN: %clangxx -fsyntax-only -std=c++20 %t.cpp

#include <functional>
#include <string>
#include <utility>
#include <vector>

// A copy on a variable's last use inside a template is judged on the
// unit's instantiations: reported once at the pattern's use, with the move
// as a fix-it when every instantiation takes it there and the template is
// this file's own. A move that saves nothing in one instantiation (an int)
// still compiles there.
template <typename T>
void collect(const std::vector<T> &in,
             const std::function<void(std::vector<T>)> &callback) {
  std::vector<T> result;
  for (const T &x : in)
    result.push_back(x);
  callback(result);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'result' (std::vector<std::string> where instantiated) is copied on its last use: move it instead [impact: medium 42] [perf-audit-excess-copy]
  // CHECK-FIXES: callback(std::move(result));
}

void useCollect(const std::vector<std::string> &names,
                const std::vector<int> &ids) {
  collect<std::string>(names, [](const std::vector<std::string> &) {});
  collect<int>(ids, [](const std::vector<int> &) {});
}

// A template of a header: template-last-uses-header.cpp.

// Negatives.
// In one instantiation the use binds to a `T &`: a move would not compile.
void consume(int &count);
void consume(std::string text);
template <typename T> void hand(T value) { consume(value); }
void useHand() {
  hand(std::string("text"));
  hand(1);
}
template <typename T> std::size_t keep(T value, std::vector<T> &out) {
  out.push_back(value);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'value' (std::string in 1 of 2 instantiations) is copied on its last use: move it instead [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: out.push_back(std::move(value));
  return out.size();
}
std::size_t useKeep(std::vector<std::string> &names, std::vector<int> &ids) {
  return keep(std::string("a"), names) + keep(1, ids);
}

// Used again after: not the last use in any instantiation.
template <typename T> std::size_t twice(T value, std::vector<T> &out) {
  out.push_back(value);
  return out.size() + value.size();
}
std::size_t useTwice(std::vector<std::string> &names) {
  return twice(std::string("a"), names);
}
