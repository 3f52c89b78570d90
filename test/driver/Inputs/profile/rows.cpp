// A query per row of another, stepped in its loop's condition: the profile
// counts the queries at the statement before the inner loop (line 11, once
// per order), not at the condition (line 12, once per row and once more).
#include <SQLiteCpp/SQLiteCpp.h>

int countLines(SQLite::Database &db) {
  int n = 0;
  SQLite::Statement orders(db, "SELECT id FROM orders");
  while (orders.executeStep()) {
    SQLite::Statement lines(db, "SELECT quantity FROM order_lines WHERE order_id = ?");
    lines.bind(1, orders.getColumn(0).getInt());
    while (lines.executeStep())
      n += lines.getColumn(0).getInt();
  }
  return n;
}
