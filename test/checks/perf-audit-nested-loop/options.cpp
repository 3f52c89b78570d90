// The assumed N and the large-constant threshold are options, shared by all
// perf-audit checks; extra linear functions extend the model; findings below
// a minimum are not reported.
//
// RUN: %check_perf_audit --check-suffix=DEFAULT %s perf-audit-nested-loop %t
// RUN: %check_perf_audit --check-suffix=TUNED %s perf-audit-nested-loop %t-tuned \
// RUN:   -- --config="{CheckOptions: {AssumedTripCount: 1000, LargeTripCount: 64, perf-audit-nested-loop.ExtraLinearFunctions: 'app::linearLookup'}}"
// RUN: %check_perf_audit --check-suffix=MINIMUM %s perf-audit-nested-loop %t-min \
// RUN:   -- --config="{CheckOptions: {MinimumTier: high}}"
// RUN: %clang_tidy_plugin --checks='-*,perf-audit-nested-loop' %s \
// RUN:   --config="{CheckOptions: {MinimumTier: severe}}" -- -std=c++20 2>&1 \
// RUN:   | FileCheck --check-prefix=BAD-TIER %s
// BAD-TIER: warning: invalid value 'severe' for option 'MinimumTier'; expected low, medium, high or critical [clang-tidy-config]
// RUN: %clang_tidy_plugin --checks='-*,perf-audit-nested-loop' %s \
// RUN:   --config="{CheckOptions: {AssumedTripCount: 0}}" -- -std=c++20 2>&1 \
// RUN:   | FileCheck --check-prefix=BAD-N %s
// BAD-N: warning: invalid value '0' for option 'AssumedTripCount'; expected a positive count [clang-tidy-config]
// RUN: %clang_tidy_plugin --checks='-*,perf-audit-nested-loop' --dump-config \
// RUN:   --config="{CheckOptions: {LargeTripCount: 64}}" -- 2>&1 \
// RUN:   | FileCheck --check-prefix=DUMP %s
// DUMP-DAG: perf-audit-nested-loop.AssumedTripCount: '100'
// DUMP-DAG: perf-audit-nested-loop.LargeTripCount: '64'
// DUMP-DAG: perf-audit-nested-loop.ExtraLinearFunctions: ''
// DUMP-DAG: perf-audit-nested-loop.MinimumScore: '0'
// DUMP-DAG: perf-audit-nested-loop.MinimumTier: low
// DUMP-DAG: perf-audit-nested-loop.ModelFiles: ''

#include <vector>

namespace app {
int linearLookup(const std::vector<int> &v, int key);
}

int f(const std::vector<int> &a, const std::vector<int> &b) {
  int n = 0;
  for (int x : a)
    for (int k = 0; k < 100; ++k)
      // CHECK-MESSAGES-TUNED: :[[@LINE-1]]:5: warning: nested inner loop runs on every iteration of the loop over 'a': O(n*m), ~100,000 iterations per call if 'a' has ~1,000 elements [impact: medium 59] [perf-audit-nested-loop]
      n += x + k;
  for (int x : a)
    n += app::linearLookup(b, x);
    // CHECK-MESSAGES-TUNED: :[[@LINE-1]]:10: warning: 'app::linearLookup' scans 'b' on every iteration of the loop over 'a': O(n*m), ~1.0M element visits per call if 'a' and 'b' have ~1,000 elements each [impact: high 67] [perf-audit-nested-loop]
  for (int x : a)
    for (int y : b)
      // CHECK-MESSAGES-DEFAULT: :[[@LINE-1]]:5: warning: nested loop over 'b' runs on every iteration of the loop over 'a': O(n*m), ~10,000 iterations per call if 'a' and 'b' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
      // CHECK-MESSAGES-TUNED: :[[@LINE-2]]:5: warning: nested loop over 'b' runs on every iteration of the loop over 'a': O(n*m), ~1.0M iterations per call if 'a' and 'b' have ~1,000 elements each [impact: high 70] [perf-audit-nested-loop]
      n += x * y;
  for (int x : a)
    for (int y : b)
      for (int z : a)
        // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:5: warning: nested loop over 'b' runs on every iteration of the loop over 'a': O(n*m), ~10,000 iterations per call if 'a' and 'b' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
        // CHECK-MESSAGES-DEFAULT: :[[@LINE-2]]:7: warning: nested loop over 'a' runs on every iteration of the loop over 'b': O(n*m), ~1.0M iterations per call if 'a' and 'b' have ~100 elements each [impact: high 70] [perf-audit-nested-loop]
        // CHECK-MESSAGES-TUNED: :[[@LINE-4]]:5: warning: nested loop over 'b' runs on every iteration of the loop over 'a': O(n*m), ~1.0M iterations per call if 'a' and 'b' have ~1,000 elements each [impact: high 70] [perf-audit-nested-loop]
        // CHECK-MESSAGES-TUNED: :[[@LINE-4]]:7: warning: nested loop over 'a' runs on every iteration of the loop over 'b': O(n*m), ~1.0G iterations per call if 'a' and 'b' have ~1,000 elements each [impact: critical 100] [perf-audit-nested-loop]
        // CHECK-MESSAGES-MINIMUM: :[[@LINE-5]]:7: warning: nested loop over 'a' runs on every iteration of the loop over 'b': O(n*m), ~1.0M iterations per call if 'a' and 'b' have ~100 elements each [impact: high 70] [perf-audit-nested-loop]
        n += x * y * z;
  return n;
}
