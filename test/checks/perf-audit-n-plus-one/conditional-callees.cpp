// A callee's query behind a flag or a test of a parameter runs only for the
// arguments that pass it: a call that passes `false` does not query.
//
// RUN: %check_perf_audit %s perf-audit-n-plus-one %t
// RUN: %check_perf_audit_driver %s perf-audit-n-plus-one %t-driver

#include <sqlite3.h>
#include <vector>

enum Detail { Brief, WithTags };

int describe(sqlite3 *db, int postId, bool withTags) {
  int tags = 0;
  if (withTags) {
    sqlite3_stmt *stmt = nullptr;
    sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM tags WHERE post_id = ?", -1,
                       &stmt, nullptr);
    sqlite3_bind_int(stmt, 1, postId);
    if (sqlite3_step(stmt) == SQLITE_ROW)
      tags = sqlite3_column_int(stmt, 0);
    sqlite3_finalize(stmt);
  }
  return postId + tags;
}

int summarise(sqlite3 *db, int postId, Detail detail) {
  if (detail == Brief)
    return postId;
  else
    return describe(db, postId, true);
}

int list(sqlite3 *db, const std::vector<int> &ids, bool verbose) {
  int sum = 0;
  for (int id : ids)
    sum += describe(db, id, false); // Never queries.
  for (int id : ids)
    sum += summarise(db, id, Brief); // Nor this.
  for (int id : ids)
    sum += describe(db, id, verbose); // May query.
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'describe' runs a query on every iteration of the loop over 'ids': ~100 queries per call if 'ids' has ~100 elements [impact: high 70] [perf-audit-n-plus-one]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: loop here
  // CHECK-MESSAGES: :19:9: note: query executed here
  // CHECK-MESSAGES: :[[@LINE-4]]:12: note: load the rows for all keys in one query (WHERE key IN (...)) before the loop and look them up in a map
  for (int id : ids)
    sum += summarise(db, id, WithTags); // Queries.
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'summarise' runs a query on every iteration of the loop over 'ids': ~100 queries per call if 'ids' has ~100 elements [impact: high 70, medium confidence] [perf-audit-n-plus-one]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: loop here
  // CHECK-MESSAGES: :30:12: note: 'describe' executes a query
  // CHECK-MESSAGES: :19:9: note: query executed here
  // CHECK-MESSAGES: :[[@LINE-5]]:12: note: load the rows for all keys in one query (WHERE key IN (...)) before the loop and look them up in a map
  return sum;
}
