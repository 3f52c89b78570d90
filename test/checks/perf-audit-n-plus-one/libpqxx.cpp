// RUN: %check_perf_audit %s perf-audit-n-plus-one %t -- -- -std=c++17
// RUN: %check_perf_audit_driver %s perf-audit-n-plus-one %t-driver -- -- -std=c++17

#include <pqxx/pqxx>
#include <map>
#include <string>
#include <vector>

struct Order { int id; int customer; std::string customerName; };

// Positives.

std::vector<Order> ordersWithCustomers(pqxx::connection &conn) {
  pqxx::work txn(conn);
  std::vector<Order> orders;
  for (const auto &row : txn.exec("SELECT id, customer_id FROM orders")) {
    Order o{row[0].as<int>(), row[1].as<int>(), {}};
    pqxx::result customer =
        txn.exec_params("SELECT name FROM customers WHERE id = $1", o.customer);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: a query runs for every row of the query at line 16: ~100 queries per call if the query at line 16 returns ~100 rows [impact: critical 86] [perf-audit-n-plus-one]
    if (!customer.empty())
      o.customerName = customer[0][0].as<std::string>();
    orders.push_back(o);
  }
  return orders;
}

void archive(pqxx::connection &conn, const std::vector<int> &orderIds) {
  pqxx::work txn(conn);
  for (int id : orderIds)
    txn.exec0("UPDATE orders SET archived = true WHERE id = " + txn.quote(id));
    // CHECK-MESSAGES: :[[@LINE-1]]:5: warning: a database write runs on every iteration of the loop over 'orderIds': ~100 statements per call if 'orderIds' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
  txn.commit();
}

std::map<int, int> stock(pqxx::connection &conn, const std::vector<int> &items) {
  conn.prepare("stock", "SELECT quantity FROM stock WHERE item = $1");
  pqxx::work txn(conn);
  std::map<int, int> result;
  for (int item : items)
    result[item] = txn.exec_prepared1("stock", item)[0].as<int>();
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: a query runs on every iteration of the loop over 'items': ~100 queries per call if 'items' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
  return result;
}

// Negatives.

// One query with IN (...): the loop only builds its text.
std::vector<std::string> names(pqxx::connection &conn, const std::vector<int> &ids) {
  pqxx::work txn(conn);
  std::string list;
  for (int id : ids)
    list += (list.empty() ? "" : ",") + std::to_string(id);
  std::vector<std::string> result;
  for (const auto &row : txn.exec("SELECT name FROM customers WHERE id IN (" + list + ")"))
    result.push_back(row[0].as<std::string>());
  return result;
}

// Preparing in a loop is not a round trip.
void prepareAll(pqxx::connection &conn, const std::vector<std::string> &tables) {
  for (const std::string &table : tables)
    conn.prepare("count_" + table, "SELECT COUNT(*) FROM " + table);
}

// A bounded retry.
int ping(pqxx::connection &conn) {
  for (int attempt = 0; attempt < 5; ++attempt) {
    try {
      pqxx::nontransaction ntx(conn);
      return ntx.exec1("SELECT 1")[0].as<int>();
    } catch (const pqxx::broken_connection &) {
    }
  }
  return 0;
}
