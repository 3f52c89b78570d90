// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver
//
// Regression test from real code (docs/real-world.md, SOCI's tests): with a
// bulk fetch, each turn of `while (st.fetch())` refills the vector bound with
// into(), and the inner loop walks that batch: each row is visited once.

#include <soci/soci.h>
#include <string>
#include <vector>

int sumIds(soci::session &sql) {
  std::vector<int> batch(100);
  soci::statement st = (sql.prepare << "select id from orders", soci::into(batch));
  st.execute();
  int total = 0;
  while (st.fetch())
    for (std::size_t i = 0; i != batch.size(); ++i)
      total += batch[i];
  return total;
}

// A vector that is not the fetch buffer is a second input.
int matches(soci::session &sql, const std::vector<int> &wanted) {
  int id = 0;
  soci::statement st = (sql.prepare << "select id from orders", soci::into(id));
  st.execute();
  int n = 0;
  while (st.fetch())
    for (std::size_t i = 0; i != wanted.size(); ++i)
      // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: nested loop over 'wanted' runs on every iteration of the loop over the rows of the query at line 27: O(n*m), ~10,000 iterations per call if 'wanted' has ~100 elements and the query at line 27 returns ~100 rows [impact: medium 48] [perf-audit-nested-loop]
      n += wanted[i] == id;
  return n;
}
