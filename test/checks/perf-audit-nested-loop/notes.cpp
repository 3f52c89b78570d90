// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver

#include <algorithm>
#include <set>
#include <string>
#include <vector>

static bool contains(const std::vector<std::string> &names, const std::string &name) {
  for (const std::string &n : names)
    if (n == name)
      return true;
  return false;
}

static bool containsTrimmed(const std::vector<std::string> &names,
                            const std::string &name) {
  return !name.empty() && contains(names, name);
}

int f(const std::vector<std::string> &tags, const std::vector<std::string> &known,
      const std::set<std::string> &index, const std::vector<std::string> &other) {
  int n = 0;
  for (const std::string &t : tags) {
    n += containsTrimmed(known, t);
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'containsTrimmed' loops over 'known' on every iteration of the loop over 'tags': O(n*m), ~10,000 iterations per call if 'tags' and 'known' have ~100 elements each [impact: medium 48, medium confidence] [perf-audit-nested-loop]
    // CHECK-NOTES: :[[@LINE-3]]:3: note: loop here
    // CHECK-NOTES: :18:27: note: 'contains' loops over its argument
    // CHECK-NOTES: :10:3: note: loops over 'names' here
    n += std::find(index.begin(), index.end(), t) != index.end();
    // CHECK-NOTES: :[[@LINE-1]]:10: warning: 'std::find' scans 'index' on every iteration of the loop over 'tags': O(n*m), ~10,000 element visits per call if 'tags' and 'index' have ~100 elements each [impact: medium 44] [perf-audit-nested-loop]
    // CHECK-NOTES: :[[@LINE-8]]:3: note: loop here
    // CHECK-NOTES: :[[@LINE-3]]:10: note: use the container's own lookup ('index'.find or .count), which is not linear
    n += *std::min_element(other.begin(), other.end()) == t;
    // CHECK-NOTES: :[[@LINE-1]]:11: warning: 'std::min_element' scans 'other' on every iteration of the loop over 'tags': O(n*m), ~10,000 element visits per call if 'tags' and 'other' have ~100 elements each [impact: medium 44] [perf-audit-nested-loop]
    // CHECK-NOTES: :[[@LINE-12]]:3: note: loop here
    // CHECK-NOTES: :[[@LINE-3]]:11: note: if 'other' does not change inside the loop, compute the result once before it
    for (const std::string &k : known)
      // CHECK-NOTES: :[[@LINE-1]]:5: warning: nested loop over 'known' runs on every iteration of the loop over 'tags': O(n*m), ~10,000 iterations per call if 'tags' and 'known' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
      // CHECK-NOTES: :[[@LINE-16]]:3: note: outer loop here
      // CHECK-NOTES: :[[@LINE-3]]:5: note: to make it linear, build a hash map or set from the inner loop's data once before the outer loop and look up in it
      n += k == t;
  }
  return n;
}
