// Growth without reserve, and `s = s + x` on strings. The rewritten file
// still compiles.
//
// RUN: %check_perf_audit %s perf-audit-alloc-in-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-alloc-in-loop %t-driver
// RUN: %clangxx -fsyntax-only -std=c++20 %t.cpp

#include <map>
#include <string>
#include <vector>

struct Item { int id; std::string name; };

// Positives: growth without reserve, with the exact reserve when the final
// size is known before the loop and the container starts empty.
std::vector<int> ids(const std::vector<Item> &items) {
  std::vector<int> out;
  for (const Item &item : items)
    out.push_back(item.id);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'out' grows on every iteration of the loop over 'items' without a reserve: ~7 reallocations per loop, each moving every element if 'items' has ~100 elements [impact: low 29] [perf-audit-alloc-in-loop]
  // CHECK-FIXES: out.reserve(items.size());
  // CHECK-FIXES-NEXT: for (const Item &item : items)
  return out;
}

std::vector<double> squares(int n) {
  std::vector<double> out;
  for (int i = 0; i < n; ++i) {
    out.emplace_back(i * 1.0 * i);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'out' grows on every iteration of the loop over 'n' without a reserve: ~7 reallocations per loop, each moving every element if 'n' is ~100 [impact: low 29] [perf-audit-alloc-in-loop]
  }
  // CHECK-FIXES: out.reserve(n);
  // CHECK-FIXES-NEXT: for (int i = 0; i < n; ++i) {
  return out;
}

// Not empty at the start, or the count is not known before the loop: a note.
void extend(std::vector<int> &out, const std::vector<Item> &items) {
  for (const Item &item : items)
    out.push_back(item.id);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'out' grows on every iteration of the loop over 'items' without a reserve: ~7 reallocations per loop, each moving every element if 'items' has ~100 elements [impact: low 29] [perf-audit-alloc-in-loop]
  // CHECK-FIXES: for (const Item &item : items)
}

// A string grows in its small buffer first (15 characters): only the
// doublings beyond it reallocate.
std::string escaped(const std::string &text) {
  std::string out;
  for (char c : text)
    out.push_back(c == '$' ? '_' : c);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'out' grows on every iteration of the loop over 'text' without a reserve: ~3 reallocations per loop, each moving every element if 'text' has ~100 elements [impact: low 27] [perf-audit-alloc-in-loop]
  // CHECK-FIXES: out.reserve(text.size());
  // CHECK-FIXES-NEXT: for (char c : text)
  return out;
}

// One name (model list `short-text-words`) is a few characters: its escaped
// copy stays in the small buffer, nothing to reserve.
std::string escapedName(const std::string &name) {
  std::string out;
  for (char c : name)
    out.push_back(c == '$' ? '_' : c);
  return out;
}

// Positives: s = s + x.
std::string join(const std::vector<std::string> &words) {
  std::string s;
  for (const std::string &w : words)
    s = s + w;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 's = s + ...' builds a new string on every iteration of the loop over 'words', copying 's' each time: O(n^2), ~100 allocations per call if 'words' has ~100 elements [impact: medium 52] [perf-audit-alloc-in-loop]
    // CHECK-FIXES: s += w;
  return s;
}

std::string csv(const std::vector<Item> &items) {
  std::string s;
  for (const Item &item : items)
    s = s + item.name + ",";
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 's = s + ...' builds a new string on every iteration of the loop over 'items', copying 's' each time: O(n^2), ~100 allocations per call if 'items' has ~100 elements [impact: medium 52] [perf-audit-alloc-in-loop]
    // CHECK-FIXES: s.append(item.name).append(",");
  return s;
}

std::string reversed(const std::vector<std::string> &words) {
  std::string s;
  for (const std::string &w : words)
    s = w + s;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 's = ... + s' builds a new string on every iteration of the loop over 'words', copying 's' each time: O(n^2), ~100 allocations per call if 'words' has ~100 elements [impact: medium 52] [perf-audit-alloc-in-loop]
    // CHECK-FIXES: s = w + s;
  return s;
}

// Negatives.

// A filtering loop: the final size is unknown.
std::vector<int> evens(const std::vector<int> &values) {
  std::vector<int> out;
  for (int v : values)
    if (v % 2 == 0)
      out.push_back(v);
  return out;
}

// Reserved already; a small constant loop; a loop that may stop early.
std::vector<int> reserved(const std::vector<int> &values) {
  std::vector<int> out;
  out.reserve(values.size());
  for (int v : values)
    out.push_back(v);
  std::vector<int> few;
  for (int i = 0; i < 4; ++i)
    few.push_back(i);
  std::vector<int> prefix;
  for (int v : values) {
    if (v < 0)
      break;
    prefix.push_back(v);
  }
  out.insert(out.end(), few.begin(), few.end());
  return prefix.empty() ? out : prefix;
}

// Appending in place, and concatenations outside loops.
std::string appendInPlace(const std::vector<std::string> &words, const std::string &a) {
  std::string s = a + "-" + a;
  for (const std::string &w : words)
    s += w;
  return s;
}
