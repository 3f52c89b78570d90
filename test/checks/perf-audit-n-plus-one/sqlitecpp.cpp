// RUN: %check_perf_audit %s perf-audit-n-plus-one %t
// RUN: %check_perf_audit_driver %s perf-audit-n-plus-one %t-driver

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <SQLiteCpp/Transaction.h>
#include <string>
#include <vector>

struct Author { int id; std::string name; std::vector<std::string> titles; };

// Positives.

std::vector<Author> authorsWithTitles(SQLite::Database &db) {
  std::vector<Author> authors;
  SQLite::Statement query(db, "SELECT id, name FROM authors");
  while (query.executeStep()) {
    Author a{query.getColumn(0).getInt(), query.getColumn(1).getString(), {}};
    SQLite::Statement titles(db, "SELECT title FROM books WHERE author_id = ?");
    titles.bind(1, a.id);
    while (titles.executeStep())
      // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: a query runs for every row of the query at line 16: ~100 queries per call if the queries at lines 16 and 19 return ~100 rows each [impact: high 70] [perf-audit-n-plus-one]
      a.titles.push_back(titles.getColumn(0).getString());
    authors.push_back(a);
  }
  return authors;
}

std::vector<std::string> namesOf(SQLite::Database &db, const std::vector<int> &ids) {
  std::vector<std::string> names;
  SQLite::Statement byId(db, "SELECT name FROM authors WHERE id = ?");
  for (int id : ids) {
    byId.reset();
    byId.bind(1, id);
    if (byId.executeStep())
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: a query runs on every iteration of the loop over 'ids': ~100 queries per call if 'ids' has ~100 elements [impact: high 70] [perf-audit-n-plus-one]
      names.push_back(byId.getColumn(0).getString());
  }
  return names;
}

void markSold(SQLite::Database &db, const std::vector<int> &bookIds) {
  SQLite::Transaction txn(db);
  for (int id : bookIds) {
    SQLite::Statement update(db, "UPDATE books SET sold = 1 WHERE id = ?");
    update.bind(1, id);
    update.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a database write runs on every iteration of the loop over 'bookIds': ~100 statements per call if 'bookIds' has ~100 elements [impact: high 70] [perf-audit-n-plus-one]
  }
  txn.commit();
}

// Prepared once, but no transaction: every row is its own transaction.
void markReturned(SQLite::Database &db, const std::vector<int> &bookIds) {
  SQLite::Statement update(db, "UPDATE books SET returned = 1 WHERE id = ?");
  for (int id : bookIds) {
    update.reset();
    update.bind(1, id);
    update.exec();
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a database write runs on every iteration of the loop over 'bookIds': ~100 statements per call if 'bookIds' has ~100 elements [impact: high 70] [perf-audit-n-plus-one]
  }
}

int countAll(SQLite::Database &db, const std::vector<std::string> &tables) {
  int total = 0;
  for (const std::string &table : tables)
    total += db.execAndGet("SELECT COUNT(*) FROM " + table).getInt();
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: a query runs on every iteration of the loop over 'tables': ~100 queries per call if 'tables' has ~100 elements [impact: high 70] [perf-audit-n-plus-one]
  return total;
}

// Negatives.

// Prepared once and executed per row inside one transaction: the batching
// the advice asks for, and SQLite's fast path.
void markLent(SQLite::Database &db, const std::vector<int> &bookIds) {
  SQLite::Transaction txn(db);
  SQLite::Statement update(db, "UPDATE books SET lent = 1 WHERE id = ?");
  for (int id : bookIds) {
    update.reset();
    update.bind(1, id);
    update.exec();
  }
  txn.commit();
}

// One query outside any loop.
int authorCount(SQLite::Database &db) {
  return db.execAndGet("SELECT COUNT(*) FROM authors").getInt();
}

// Walking the rows of one query: the cursor is the loop.
std::vector<std::string> allNames(SQLite::Database &db) {
  std::vector<std::string> names;
  SQLite::Statement query(db, "SELECT name FROM authors");
  while (query.executeStep())
    names.push_back(query.getColumn(0).getString());
  return names;
}

// Binding in a loop, one execution after it.
void deleteMany(SQLite::Database &db, const std::vector<int> &ids) {
  std::string sql = "DELETE FROM books WHERE id IN (";
  for (size_t i = 0; i < ids.size(); ++i)
    sql += i ? ",?" : "?";
  sql += ")";
  SQLite::Statement del(db, sql);
  for (size_t i = 0; i < ids.size(); ++i)
    del.bind(static_cast<int>(i + 1), ids[i]);
  del.exec();
}

// A bounded retry and a fixed list of schema statements.
void createSchema(SQLite::Database &db) {
  static const char *const kSchema[] = {
      "CREATE TABLE IF NOT EXISTS authors (id INTEGER PRIMARY KEY, name TEXT)",
      "CREATE TABLE IF NOT EXISTS books (id INTEGER PRIMARY KEY, title TEXT)"};
  for (const char *statement : kSchema)
    db.exec(statement);
  for (int attempt = 0; attempt < 3; ++attempt) {
    try {
      db.exec("INSERT INTO log VALUES ('schema ready')");
      break;
    } catch (const SQLite::Exception &) {
    }
  }
}

// Paging until a page comes back empty: the loop count is not the data size.
int readPages(SQLite::Database &db) {
  int rows = 0;
  for (int offset = 0;; offset += 100) {
    SQLite::Statement page(db, "SELECT id FROM books LIMIT 100 OFFSET ?");
    page.bind(1, offset);
    int inPage = 0;
    while (page.executeStep())
      ++inPage;
    if (inPage == 0)
      break;
    rows += inPage;
  }
  return rows;
}
