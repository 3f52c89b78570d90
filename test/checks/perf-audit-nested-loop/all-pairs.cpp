// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver
// RUN: %check_perf_audit --check-suffix=LOW %s perf-audit-nested-loop %t-low -- \
// RUN:   --config="{CheckOptions: {MinimumConfidence: low}}"
//
// Regression test from real code (docs/real-world.md, flatbuffers' Dart
// generator: one import line for every other namespace, in every
// namespace's file). An inner loop that looks for nothing of the outer turn
// and writes something out for every pair does work as large as its output:
// no hash map makes it smaller, so the finding is low confidence, hidden by
// default. A loop that compares the two elements, or stops at a match, is a
// search and is reported.

#include <map>
#include <sstream>
#include <string>
#include <vector>

struct Unit {
  std::string name;
  std::string code;
};

void emitChanged(const std::string &row, const std::string &column);

std::string imports(const std::map<std::string, Unit> &units) {
  std::string all;
  for (auto a = units.begin(); a != units.end(); ++a) {
    std::string code;
    for (auto b = units.begin(); b != units.end(); ++b)
      // CHECK-MESSAGES-LOW: :[[@LINE-1]]:5: warning: nested loop over 'units' runs on every iteration of the loop over 'units': O(n^2), ~10,000 iterations per call if 'units' has ~100 elements [impact: medium 48, low confidence] [perf-audit-nested-loop]
      if (b->first != a->first)
        code += "import '" + b->first + "';\n";
    all += code + a->second.code;
  }
  return all;
}

void table(const std::vector<Unit> &rows,
           const std::vector<std::string> &columns, std::ostringstream &out) {
  for (const Unit &row : rows) {
    for (const std::string &column : columns)
      // CHECK-MESSAGES-LOW: :[[@LINE-1]]:5: warning: nested loop over 'columns' runs on every iteration of the loop over 'rows': O(n*m), ~10,000 iterations per call if 'rows' and 'columns' have ~100 elements each [impact: medium 48, low confidence] [perf-audit-nested-loop]
      out << row.name << '.' << column << ' ';
    for (const std::string &column : columns)
      // CHECK-MESSAGES-LOW: :[[@LINE-1]]:5: warning: nested loop over 'columns' runs on every iteration of the loop over 'rows': O(n*m), ~10,000 iterations per call if 'rows' and 'columns' have ~100 elements each [impact: medium 48, low confidence] [perf-audit-nested-loop]
      emitChanged(row.name, column);
  }
}

// Searches: a comparison of the two elements, a skip to the next one, a
// predicate of both, the first match.
bool sameName(const Unit &a, const Unit &b);

int searches(const std::vector<Unit> &left, const std::vector<Unit> &right,
             std::vector<std::string> &out) {
  int found = 0;
  for (const Unit &l : left) {
    for (const Unit &r : right)
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: nested loop over 'right' runs on every iteration of the loop over 'left': O(n*m), ~10,000 iterations per call if 'left' and 'right' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
    // CHECK-MESSAGES-LOW: :[[@LINE-2]]:5: warning: nested loop over 'right' runs on every iteration of the loop over 'left': O(n*m), ~10,000 iterations per call if 'left' and 'right' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
      if (r.name == l.name)
        out.push_back(r.code);
    for (const Unit &r : right) {
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: nested loop over 'right' runs on every iteration of the loop over 'left': O(n*m), ~10,000 iterations per call if 'left' and 'right' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
    // CHECK-MESSAGES-LOW: :[[@LINE-2]]:5: warning: nested loop over 'right' runs on every iteration of the loop over 'left': O(n*m), ~10,000 iterations per call if 'left' and 'right' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
      if (r.name != l.name)
        continue;
      out.push_back(r.code);
    }
    for (const Unit &r : right)
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: nested loop over 'right' runs on every iteration of the loop over 'left': O(n*m), ~10,000 iterations per call if 'left' and 'right' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
    // CHECK-MESSAGES-LOW: :[[@LINE-2]]:5: warning: nested loop over 'right' runs on every iteration of the loop over 'left': O(n*m), ~10,000 iterations per call if 'left' and 'right' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
      if (sameName(l, r))
        out.push_back(r.code);
    for (const Unit &r : right)
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: nested loop over 'right' runs on every iteration of the loop over 'left': O(n*m), ~10,000 iterations per call if 'left' and 'right' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
    // CHECK-MESSAGES-LOW: :[[@LINE-2]]:5: warning: nested loop over 'right' runs on every iteration of the loop over 'left': O(n*m), ~10,000 iterations per call if 'left' and 'right' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
      if (r.code.size() > l.code.size()) {
        ++found;
        break;
      }
  }
  return found;
}
