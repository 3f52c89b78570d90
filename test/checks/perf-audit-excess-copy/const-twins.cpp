// RUN: %check_perf_audit %s perf-audit-excess-copy %t -- -- -std=c++20
// RUN: %check_perf_audit_driver %s perf-audit-excess-copy %t-driver -- -- -std=c++20
// RUN: %clangxx -fsyntax-only -std=c++20 %t.cpp

#include <algorithm>
#include <map>
#include <string>
#include <vector>

// Positives: each use is a call of a non-const member that has a const twin
// (begin, end, front, operator[], find), and what it returns is only read.
// Made const, the copy calls the twins and the code means the same.
bool hasName(std::vector<std::string> names, const std::string &name) {
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: parameter 'names' (std::vector<std::string>) is copied on every call but only read: pass it by const reference [impact: medium 42] [perf-audit-excess-copy]
  // CHECK-FIXES: bool hasName(const std::vector<std::string> &names, const std::string &name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string firstOf(std::vector<std::string> names) { return names.front(); }
// CHECK-MESSAGES: :[[@LINE-1]]:46: warning: parameter 'names' (std::vector<std::string>) is copied on every call but only read: pass it by const reference [impact: medium 42] [perf-audit-excess-copy]
// CHECK-FIXES: std::string firstOf(const std::vector<std::string> &names) { return names.front(); }

std::size_t firstTwo(std::vector<std::string> names) {
  // CHECK-MESSAGES: :[[@LINE-1]]:47: warning: parameter 'names' (std::vector<std::string>) is copied on every call but only read: pass it by const reference [impact: medium 42] [perf-audit-excess-copy]
  // CHECK-FIXES: std::size_t firstTwo(const std::vector<std::string> &names) {
  return names.front().size() + names[1].size();
}

int lookup(std::map<std::string, int> table, const std::string &key) {
  // CHECK-MESSAGES: :[[@LINE-1]]:39: warning: parameter 'table' (std::map<std::string, int>) is copied on every call but only read: pass it by const reference [impact: medium 45] [perf-audit-excess-copy]
  // CHECK-FIXES: int lookup(const std::map<std::string, int> &table, const std::string &key) {
  auto it = table.find(key);
  if (it == table.end())
    return 0;
  return it->second;
}

struct Registry {
  std::vector<std::string> names;
  long count(const std::string &name) const {
    std::vector<std::string> snapshot = names;
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: local 'snapshot' (std::vector<std::string>) copies a const reference but is only read [impact: medium 42] [perf-audit-excess-copy]
    // CHECK-FIXES: const std::vector<std::string> &snapshot = names;
    return std::count(snapshot.begin(), snapshot.end(), name);
  }
};

// Traps: the copy is changed through what the member returns, or the member
// has no const twin: the copy is needed, or the const version would not
// compile.
std::size_t sortedFirst(std::vector<std::string> names) {
  std::sort(names.begin(), names.end());
  return names.front().size();
}

std::size_t renamedFirst(std::vector<std::string> names) {
  names.front() = "x";
  return names.size() + names.front().size();
}

int defaulted(std::map<std::string, int> table) { return table["a"]; }

std::size_t writtenThroughIterator(std::vector<std::string> names) {
  auto it = names.begin();
  *it = "x";
  return it->size() + names.size();
}

std::size_t grownThroughReference(std::vector<std::string> names) {
  std::string &first = names.front();
  first += "x";
  return first.size() + names.size();
}

std::size_t spelledIterator(std::vector<std::string> names) {
  std::vector<std::string>::iterator it = names.begin();
  return it->size();
}

void upperCased(std::vector<std::string> names) {
  std::for_each(names.begin(), names.end(), [](std::string &s) { s += "!"; });
}
