// A generic search (std::find, std::count) of a set or map walks it element
// by element where the container's own find/count is O(log n) or O(1): a
// finding also outside a loop, priced by one walk per call. No fix-it: the
// member compares by the container's ordering or hash, the algorithm by
// operator==, and a map's elements are pairs.
//
// RUN: %check_perf_audit %s perf-audit-nested-loop %t -- -- -std=c++17
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver -- -- -std=c++17
#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

bool has(const std::set<std::string> &names, const std::string &name) {
  return std::find(names.begin(), names.end(), name) != names.end();
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'std::find' walks 'names' element by element: O(n) where its own lookup is O(log n), ~100 element visits per call if 'names' has ~100 elements [impact: low 22] [perf-audit-nested-loop]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: use the container's own lookup ('names'.find or .count), which is not linear
}

long occurrences(const std::unordered_set<int> &ids, int id) {
  return std::count(ids.begin(), ids.end(), id);
  // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'std::count' walks 'ids' element by element: O(n) where its own lookup is O(1), ~100 element visits per call if 'ids' has ~100 elements [impact: low 22] [perf-audit-nested-loop]
  // CHECK-NOTES: :[[@LINE-2]]:10: note: use the container's own lookup ('ids'.find or .count), which is not linear
}

// In a loop over input, the loop multiplies it (the nested-loop finding).
int known(const std::set<int> &ids, const std::vector<int> &wanted) {
  int n = 0;
  for (int w : wanted)
    n += std::count(ids.begin(), ids.end(), w);
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'std::count' scans 'ids' on every iteration of the loop over 'wanted': O(n*m), ~10,000 element visits per call if 'wanted' and 'ids' have ~100 elements each [impact: medium 44] [perf-audit-nested-loop]
    // CHECK-NOTES: :[[@LINE-3]]:3: note: loop here
    // CHECK-NOTES: :[[@LINE-3]]:10: note: use the container's own lookup ('ids'.find or .count), which is not linear
  return n;
}

// Negatives: the member lookup, a search by predicate (the member cannot do
// it), a vector, and a reduction over a set.
bool hasMember(const std::set<std::string> &names, const std::string &name) {
  return names.find(name) != names.end();
}

bool anyLong(const std::set<std::string> &names) {
  return std::find_if(names.begin(), names.end(),
                      [](const std::string &n) { return n.size() > 10; }) != names.end();
}

bool inVector(const std::vector<int> &v, int x) {
  return std::find(v.begin(), v.end(), x) != v.end();
}

int largest(const std::set<int> &ids) {
  return *std::max_element(ids.begin(), ids.end());
}
