// RUN: %check_perf_audit %s perf-audit-n-plus-one %t
// RUN: %check_perf_audit_driver %s perf-audit-n-plus-one %t-driver

#include <sqlite3.h>
#include <string>
#include <vector>

// Positives.

int countTags(sqlite3 *db, const std::vector<int> &postIds) {
  int total = 0;
  sqlite3_stmt *stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT COUNT(*) FROM tags WHERE post_id = ?", -1, &stmt, nullptr);
  for (int id : postIds) {
    sqlite3_reset(stmt);
    sqlite3_bind_int(stmt, 1, id);
    if (sqlite3_step(stmt) == SQLITE_ROW)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: a query runs on every iteration of the loop over 'postIds': ~100 queries per call if 'postIds' has ~100 elements [impact: high 70] [perf-audit-n-plus-one]
      total += sqlite3_column_int(stmt, 0);
  }
  sqlite3_finalize(stmt);
  return total;
}

void logAll(sqlite3 *db, const std::vector<std::string> &lines) {
  for (const std::string &line : lines) {
    std::string sql = "INSERT INTO log(line) VALUES('" + line + "')";
    sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a query runs on every iteration of the loop over 'lines': ~100 queries per call if 'lines' has ~100 elements [impact: high 70] [perf-audit-n-plus-one]
  }
}

// Negatives: stepping through the rows of one statement.
std::vector<int> ids(sqlite3 *db) {
  std::vector<int> result;
  sqlite3_stmt *stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT id FROM posts", -1, &stmt, nullptr);
  while (sqlite3_step(stmt) == SQLITE_ROW)
    result.push_back(sqlite3_column_int(stmt, 0));
  sqlite3_finalize(stmt);
  return result;
}

// Negative: a schema check that runs once in the program's life, however
// many rows call it (a static local flag only its branch sets).
void ensureSchema(sqlite3 *db) {
  static bool checked = false;
  if (!checked) {
    sqlite3_exec(db, "CREATE TABLE IF NOT EXISTS log(line TEXT)", nullptr, nullptr, nullptr);
    checked = true;
  }
}

void appendAll(sqlite3 *db, const std::vector<std::string> &lines,
               std::vector<std::string> &out) {
  for (const std::string &line : lines) {
    ensureSchema(db);
    out.push_back(line);
  }
}

// Positive: the same check behind a flag any code may clear again.
bool gSchemaChecked = false;
void ensureSchemaAgain(sqlite3 *db) {
  if (!gSchemaChecked) {
    sqlite3_exec(db, "CREATE TABLE IF NOT EXISTS log(line TEXT)", nullptr, nullptr, nullptr);
    gSchemaChecked = true;
  }
}

void appendAllAgain(sqlite3 *db, const std::vector<std::string> &lines,
                    std::vector<std::string> &out) {
  for (const std::string &line : lines) {
    ensureSchemaAgain(db);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: 'ensureSchemaAgain' runs a query on every iteration of the loop over 'lines': ~100 queries per call if 'lines' has ~100 elements [impact: high 70] [perf-audit-n-plus-one]
    out.push_back(line);
  }
}
