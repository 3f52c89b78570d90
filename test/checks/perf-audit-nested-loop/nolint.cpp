// NOLINT comments and .clang-tidy files work as for any clang-tidy check.
//
// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver

#include <vector>

int f(const std::vector<int> &a, const std::vector<int> &b) {
  int n = 0;
  for (int x : a)
    for (int y : b) // NOLINT(perf-audit-nested-loop)
      n += x * y;
  for (int x : a)
    // NOLINTNEXTLINE(perf-audit-*)
    for (int y : b)
      n += x - y;
  // NOLINTBEGIN
  for (int x : a)
    for (int y : b)
      n += x + y;
  // NOLINTEND
  for (int x : a)
    for (int y : b) // NOLINT(some-other-check)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: nested loop over 'b' runs on every iteration of the loop over 'a': O(n*m), ~10,000 iterations per call if 'a' and 'b' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
      n += x ^ y;
  return n;
}
