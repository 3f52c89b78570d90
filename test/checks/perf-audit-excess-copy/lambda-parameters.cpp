// RUN: %check_perf_audit %s perf-audit-excess-copy %t -- -- -std=c++20
// RUN: %check_perf_audit_driver %s perf-audit-excess-copy %t-driver -- -- -std=c++20
// RUN: %clangxx -fsyntax-only -std=c++20 %t.cpp

#include <algorithm>
#include <functional>
#include <string>
#include <vector>

// A lambda's by-value parameter copies on every call as a function's does:
// a comparator copies two strings per comparison.
void sortByLength(std::vector<std::string> &names) {
  std::sort(names.begin(), names.end(), [](std::string a, std::string b) {
    // CHECK-MESSAGES: :[[@LINE-1]]:56: warning: parameter 'a' (std::string) is copied on every call but only read: pass it by const reference [impact: low 20] [perf-audit-excess-copy]
    // CHECK-MESSAGES: :[[@LINE-2]]:71: warning: parameter 'b' (std::string) is copied on every call but only read: pass it by const reference [impact: low 20] [perf-audit-excess-copy]
    // CHECK-FIXES: std::sort(names.begin(), names.end(), [](const std::string &a, const std::string &b) {
    return a.size() < b.size();
  });
}

// Stored in a std::function of by-value parameters: a const reference
// parameter still matches it.
std::function<bool(std::vector<int>)> isEmpty = [](std::vector<int> values) {
  // CHECK-MESSAGES: :[[@LINE-1]]:69: warning: parameter 'values' (std::vector<int>) is copied on every call but only read: pass it by const reference [impact: low 24] [perf-audit-excess-copy]
  // CHECK-FIXES: std::function<bool(std::vector<int>)> isEmpty = [](const std::vector<int> &values) {
  return values.empty();
};

// Negatives.
// Converted to a function pointer (a C callback): the pointer's type fixes
// the parameters.
using Callback = std::size_t (*)(std::string);
Callback lengthCallback = [](std::string text) { return text.size(); };
// The lambda changes its copy.
auto upper = [](std::string text) {
  for (char &c : text)
    c = static_cast<char>(c & ~0x20);
  return text;
};
// The lambda sinks its copy.
void collect(std::vector<std::string> &out, const std::vector<std::string> &in) {
  std::for_each(in.begin(), in.end(),
                [&out](std::string name) { out.push_back(std::move(name)); });
}
