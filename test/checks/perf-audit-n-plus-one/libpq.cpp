// libpq (libpq-dev, the C client of PostgreSQL): PQexec, PQexecParams and
// PQexecPrepared each run a statement and wait for its result. Per element of
// a container, or per row of an outer result, that is a round trip each.
//
// RUN: %check_perf_audit %s perf-audit-n-plus-one %t -- -- -I /usr/include/postgresql
// RUN: %check_perf_audit_driver %s perf-audit-n-plus-one %t-driver -- -- -I /usr/include/postgresql
#include <libpq-fe.h>
#include <string>
#include <vector>

std::vector<std::string> names(PGconn *conn, const std::vector<std::string> &ids) {
  std::vector<std::string> result;
  for (const std::string &id : ids) {
    const char *params[1] = {id.c_str()};
    PGresult *res = PQexecParams(conn, "SELECT name FROM users WHERE id = $1", 1,
                                 nullptr, params, nullptr, nullptr, 0);
    // CHECK-NOTES: :[[@LINE-2]]:21: warning: a query runs on every iteration of the loop over 'ids': ~100 queries per call if 'ids' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
    // CHECK-NOTES: :[[@LINE-5]]:3: note: loop here
    // CHECK-NOTES: :[[@LINE-4]]:21: note: load the rows for all keys in one query (WHERE key IN (...)) before the loop and look them up in a map
    if (PQresultStatus(res) == PGRES_TUPLES_OK && PQntuples(res) == 1)
      result.push_back(PQgetvalue(res, 0, 0));
    PQclear(res);
  }
  return result;
}

void ordersPerUser(PGconn *conn) {
  PGresult *users = PQexec(conn, "SELECT id FROM users");
  for (int i = 0; i < PQntuples(users); ++i) {
    const char *params[1] = {PQgetvalue(users, i, 0)};
    PGresult *orders = PQexecPrepared(conn, "orders_of_user", 1, params, nullptr, nullptr, 0);
    // CHECK-NOTES: :[[@LINE-1]]:24: warning: a query runs for every row of the query at line [[@LINE-4]]: ~100 queries per call if the query at line [[@LINE-4]] returns ~100 rows [impact: critical 86] [perf-audit-n-plus-one]
    // CHECK-NOTES: :[[@LINE-5]]:21: note: outer query here
    // CHECK-NOTES: :[[@LINE-5]]:3: note: loop here
    // CHECK-NOTES: :[[@LINE-4]]:24: note: fetch what the loop needs in the outer query with a JOIN, or in one query WHERE ... IN (...) before the loop
    PQclear(orders);
  }
  PQclear(users);
}

void insertAll(PGconn *conn, const std::vector<std::string> &lines) {
  for (const std::string &line : lines) {
    const char *params[1] = {line.c_str()};
    PQexecParams(conn, "INSERT INTO log(line) VALUES($1)", 1, nullptr, params, nullptr, nullptr, 0);
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: a database write runs on every iteration of the loop over 'lines': ~100 statements per call if 'lines' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
    // CHECK-NOTES: :[[@LINE-4]]:3: note: loop here
    // CHECK-NOTES: :[[@LINE-3]]:5: note: batch the writes: one statement for all rows (INSERT with several VALUES rows, UPDATE or DELETE ... WHERE id IN (...)), or a prepared statement executed inside one transaction
  }
}

// Negatives: a bounded retry, and the rows of one result.
void retry(PGconn *conn) {
  for (int attempt = 0; attempt < 3; ++attempt) {
    PGresult *res = PQexec(conn, "SELECT 1");
    bool ok = PQresultStatus(res) == PGRES_TUPLES_OK;
    PQclear(res);
    if (ok)
      return;
    PQreset(conn);
  }
}

std::vector<std::string> allNames(PGconn *conn) {
  std::vector<std::string> result;
  PGresult *res = PQexec(conn, "SELECT name FROM users");
  for (int i = 0; i < PQntuples(res); ++i)
    result.push_back(PQgetvalue(res, i, 0));
  PQclear(res);
  return result;
}
