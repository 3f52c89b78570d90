// RUN: %check_perf_audit %s perf-audit-n-plus-one %t
// RUN: %check_perf_audit_driver %s perf-audit-n-plus-one %t-driver

#include <soci/soci.h>
#include <string>
#include <vector>

struct Item { int id; std::string name; double price; };

// Positives.

std::vector<Item> itemsWithPrices(soci::session &sql) {
  std::vector<Item> items;
  soci::rowset<soci::row> rows = (sql.prepare << "SELECT id, name FROM items");
  for (const soci::row &r : rows) {
    Item item{r.get<int>(0), r.get<std::string>(1), 0};
    sql << "SELECT price FROM prices WHERE item_id = :id", soci::into(item.price),
        soci::use(item.id);
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: a query runs for every row of the query at line 14: ~100 queries per call if the query at line 14 returns ~100 rows [impact: critical 86] [perf-audit-n-plus-one]
    items.push_back(item);
  }
  return items;
}

void insertAll(soci::session &sql, const std::vector<Item> &items) {
  for (const Item &item : items)
    sql << "INSERT INTO items(id, name) VALUES(:id, :name)", soci::use(item.id),
        soci::use(item.name);
    // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: a database write runs on every iteration of the loop over 'items': ~100 statements per call if 'items' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
}

void updatePrices(soci::session &sql, const std::vector<int> &ids) {
  double price = 0;
  int id = 0;
  soci::statement st = (sql.prepare << "UPDATE prices SET price = :p WHERE item_id = :id",
                        soci::use(price), soci::use(id));
  for (int current : ids) {
    id = current;
    st.execute(true);
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a database write runs on every iteration of the loop over 'ids': ~100 statements per call if 'ids' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
  }
}

// Negatives.

// Fetching the rows of one statement.
std::vector<std::string> names(soci::session &sql) {
  std::string name;
  soci::statement st = (sql.prepare << "SELECT name FROM items", soci::into(name));
  st.execute();
  std::vector<std::string> result;
  while (st.fetch())
    result.push_back(name);
  return result;
}

// Bulk operations: one statement with vectors.
void insertBulk(soci::session &sql, const std::vector<int> &ids,
                const std::vector<std::string> &names) {
  sql << "INSERT INTO items(id, name) VALUES(:id, :name)", soci::use(ids),
      soci::use(names);
}

// A container constructed with ten elements and only written in place keeps
// ten: a small constant loop (SOCI's own PostgreSQL test, docs/real-world.md).
std::vector<long> insertTen(soci::session &sql) {
  std::vector<long> ids(10);
  for (std::size_t i = 0; i != ids.size(); i++) {
    long sid = 0;
    std::string txt("abc");
    sql << "insert into items(txt) values(:txt) returning sid",
        soci::use(txt, "txt"), soci::into(sid);
    ids[i] = sid;
  }
  return ids;
}

// Sized by the caller, or grown after its construction: data.
std::vector<long> insertN(soci::session &sql, std::size_t n) {
  std::vector<long> ids(n);
  for (std::size_t i = 0; i != ids.size(); i++)
    sql << "insert into items(txt) values('x') returning sid", soci::into(ids[i]);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a database write runs on every iteration of the loop over 'ids': ~100 statements per call if 'ids' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
  return ids;
}

std::vector<long> insertGrown(soci::session &sql, long first) {
  std::vector<long> ids(10);
  ids.push_back(first);
  for (std::size_t i = 0; i != ids.size(); i++)
    sql << "insert into items(txt) values('x') returning sid", soci::into(ids[i]);
  // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a database write runs on every iteration of the loop over 'ids': ~100 statements per call if 'ids' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
  return ids;
}
