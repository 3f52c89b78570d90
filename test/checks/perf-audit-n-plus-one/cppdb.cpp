// RUN: %check_perf_audit %s perf-audit-n-plus-one %t
// RUN: %check_perf_audit_driver %s perf-audit-n-plus-one %t-driver

#include <cppdb/frontend.h>
#include <string>
#include <vector>

struct Post { int id; int authorId; std::string author; };

// Positives.

std::vector<Post> posts(cppdb::session &sql) {
  std::vector<Post> result;
  cppdb::result r = sql << "SELECT id, author_id FROM posts";
  while (r.next()) {
    Post p{r.get<int>("id"), r.get<int>("author_id"), {}};
    cppdb::result author = sql << "SELECT name FROM users WHERE id=?" << p.authorId << cppdb::row;
    // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: a query runs for every row of the query at line 14: ~100 queries per call if the query at line 14 returns ~100 rows [impact: critical 86] [perf-audit-n-plus-one]
    if (!author.empty())
      p.author = author.get<std::string>(0);
    result.push_back(p);
  }
  return result;
}

void touch(cppdb::session &sql, const std::vector<int> &ids) {
  for (int id : ids)
    sql << "UPDATE posts SET seen=1 WHERE id=?" << id << cppdb::exec;
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a database write runs on every iteration of the loop over 'ids': ~100 statements per call if 'ids' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
}

void touchPrepared(cppdb::session &sql, const std::vector<int> &ids) {
  cppdb::statement st = sql.create_prepared_statement("UPDATE posts SET seen=1 WHERE id=?");
  for (int id : ids) {
    st.reset();
    st.bind(id);
    st.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a database write runs on every iteration of the loop over 'ids': ~100 statements per call if 'ids' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
  }
}

// Negatives: statements created in a loop but run once after it.
void deleteIn(cppdb::session &sql, const std::vector<int> &ids) {
  std::string query = "DELETE FROM posts WHERE id IN (0";
  for (int id : ids)
    query += "," + std::to_string(id);
  query += ")";
  sql << query << cppdb::exec;
}
