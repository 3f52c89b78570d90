// A buffer that a callee in the loop is also handed grows by an amount the
// loop does not know: a recursive writer appends each element's text to the
// caller's string. Reserving the iteration count there is no fix.
//
// RUN: %check_perf_audit %s perf-audit-alloc-in-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-alloc-in-loop %t-driver
// RUN: %clangxx -fsyntax-only -std=c++20 %t.cpp

#include <cstdio>
#include <string>
#include <vector>

struct Node {
  std::string name;
  std::vector<Node> children;
  void format(std::string &out) const;
};

void quote(const std::string &text, std::string &out);

// Negative: each child appends its own text to `out` through format().
void Node::format(std::string &out) const {
  quote(name, out);
  for (const Node &child : children) {
    child.format(out);
    out.push_back(',');
  }
}

// Negative: the same writer in a template, whose call is dependent.
template <typename Element>
void formatAll(const std::vector<Element> &elements, std::string &out) {
  for (const Element &element : elements) {
    element.format(out);
    out.push_back(';');
  }
}
template void formatAll(const std::vector<Node> &, std::string &);

// Negative: a C-style helper given the buffer's address.
void fill(std::vector<int> *sink, int value);
void fillAll(const std::vector<int> &values, std::vector<int> &sink) {
  for (int v : values) {
    fill(&sink, v);
    sink.push_back(v);
  }
}

// Positive: a callee that only reads the buffer does not grow it.
void log(const std::vector<int> &seen);
std::vector<int> collect(const std::vector<int> &values) {
  std::vector<int> seen;
  for (int v : values) {
    seen.push_back(v);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'seen' grows on every iteration of the loop over 'values' without a reserve: ~7 reallocations per loop, each moving every element if 'values' has ~100 elements [impact: low 29] [perf-audit-alloc-in-loop]
    log(seen);
  }
  return seen;
}
// CHECK-FIXES: seen.reserve(values.size());
// CHECK-FIXES-NEXT: for (int v : values) {
