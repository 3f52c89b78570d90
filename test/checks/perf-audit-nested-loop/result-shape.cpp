// RUN: %check_perf_audit %s perf-audit-nested-loop %t -- -- -std=c++17
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver -- -- -std=c++17
//
// Regression test from real code (docs/real-world.md, libpqxx's tests): a
// loop over the columns of each row is bounded by the result's shape, not by
// its row count.

#include <pqxx/pqxx>
#include <string>
#include <vector>

std::vector<int> nonNullColumns(pqxx::work &tx) {
  pqxx::result r = tx.exec("SELECT * FROM orders");
  std::vector<int> counts(r.columns());
  for (const auto &row : r)
    for (pqxx::row::size_type f = 0; f < r.columns(); ++f)
      counts[f] += !row[f].is_null();
  return counts;
}

// Comparing every row with every row multiplies the rows.
int duplicates(pqxx::work &tx) {
  pqxx::result r = tx.exec("SELECT id FROM orders");
  int n = 0;
  for (const auto &a : r)
    for (const auto &b : r)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: nested loop over the rows of the query at line 23 runs on every iteration of the loop over the rows of the query at line 23: O(n*m), ~10,000 iterations per call if the query at line 23 returns ~100 rows [impact: medium 48] [perf-audit-nested-loop]
      n += a[0].as<int>() == b[0].as<int>();
  return n;
}
