// `s = s + x` copies what s has built so far; that is quadratic only when s
// keeps its text from one iteration to the next. Emptied or reassigned at
// the start of every iteration, it holds one iteration's text. The rewritten
// file still compiles.
//
// RUN: %check_perf_audit %s perf-audit-alloc-in-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-alloc-in-loop %t-driver
// RUN: %clangxx -fsyntax-only -std=c++20 %t.cpp

#include <map>
#include <string>
#include <vector>

void emit(const std::string &line);

void headers(const std::map<std::string, std::string> &fields) {
  std::string line;
  for (const auto &[key, value] : fields) {
    line.clear();
    line = line + key + ": " + value; // One header's text.
    emit(line);
  }
}

void prefixed(const std::vector<std::string> &names) {
  std::string text;
  for (const std::string &name : names) {
    text = "item ";
    text = text + name;
    emit(text);
  }
}

std::string joined(const std::vector<std::string> &names) {
  std::string all;
  for (const std::string &name : names) {
    if (name.empty())
      all.clear(); // Only on some iterations: the others accumulate.
    all = all + name;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'all = all + ...' builds a new string on every iteration of the loop over 'names', copying 'all' each time: O(n^2), ~100 allocations per call if 'names' has ~100 elements [impact: medium 52] [perf-audit-alloc-in-loop]
    // CHECK-MESSAGES: :[[@LINE-5]]:3: note: loop here
    // CHECK-FIXES: all += name;
  }
  return all;
}

std::string rebuilt(const std::vector<std::string> &names) {
  std::string all;
  for (const std::string &name : names) {
    all = all + name; // Before the reset: it still accumulates.
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'all = all + ...' builds a new string on every iteration of the loop over 'names', copying 'all' each time: O(n^2), ~100 allocations per call if 'names' has ~100 elements [impact: medium 52] [perf-audit-alloc-in-loop]
    // CHECK-MESSAGES: :[[@LINE-3]]:3: note: loop here
    // CHECK-FIXES: all += name; // Before the reset: it still accumulates.
    if (all.size() > 80)
      all = name;
  }
  return all;
}
