// The application's own data access: a repository whose methods run
// queries, and model classes whose relation accessors do. The finding is on
// the call in the loop, with a note for each step down to the query.
//
// RUN: %check_perf_audit %s perf-audit-n-plus-one %t
// RUN: %check_perf_audit_driver %s perf-audit-n-plus-one %t-driver

#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Statement.h>
#include <optional>
#include <string>
#include <vector>

struct Customer { int id; std::string name; };

class CustomerRepository {
public:
  explicit CustomerRepository(SQLite::Database &db) : db_(db) {}

  std::optional<Customer> findById(int id) {
    SQLite::Statement q(db_, "SELECT id, name FROM customers WHERE id = ?");
    q.bind(1, id);
    if (!q.executeStep())
      return std::nullopt;
    return Customer{q.getColumn(0).getInt(), q.getColumn(1).getString()};
  }

  void rename(int id, const std::string &name) {
    SQLite::Statement q(db_, "UPDATE customers SET name = ? WHERE id = ?");
    q.bind(1, name);
    q.bind(2, id);
    q.exec();
  }

private:
  SQLite::Database &db_;
};

class Order {
public:
  Order(SQLite::Database &db, int id, int customerId)
      : db_(&db), id_(id), customerId_(customerId) {}

  // A relation accessor: loads the customer on every call.
  Customer customer() const {
    CustomerRepository repo(*db_);
    return repo.findById(customerId_).value_or(Customer{});
  }

private:
  SQLite::Database *db_;
  int id_;
  int customerId_;
};

std::vector<std::string> customerNames(CustomerRepository &repo,
                                       const std::vector<int> &ids) {
  std::vector<std::string> names;
  for (int id : ids)
    if (auto c = repo.findById(id))
      // CHECK-NOTES: :[[@LINE-1]]:18: warning: 'findById' runs a query on every iteration of the loop over 'ids': ~100 queries per call if 'ids' has ~100 elements [impact: high 70] [perf-audit-n-plus-one]
      // CHECK-NOTES: :[[@LINE-3]]:3: note: loop here
      // CHECK-NOTES: :23:10: note: query executed here
      // CHECK-NOTES: :[[@LINE-4]]:18: note: load the rows for all keys in one query (WHERE key IN (...)) before the loop and look them up in a map
      names.push_back(c->name);
  return names;
}

std::vector<std::string> orderCustomers(const std::vector<Order> &orders) {
  std::vector<std::string> names;
  for (const Order &order : orders)
    names.push_back(order.customer().name);
    // CHECK-NOTES: :[[@LINE-1]]:21: warning: 'customer' runs a query on every iteration of the loop over 'orders': ~100 queries per call if 'orders' has ~100 elements [impact: high 70, medium confidence] [perf-audit-n-plus-one]
    // CHECK-NOTES: :[[@LINE-3]]:3: note: loop here
    // CHECK-NOTES: :47:12: note: 'findById' executes a query
    // CHECK-NOTES: :23:10: note: query executed here
    // CHECK-NOTES: :[[@LINE-5]]:21: note: load the rows for all keys in one query (WHERE key IN (...)) before the loop and look them up in a map
  return names;
}

void normalise(CustomerRepository &repo, const std::vector<Customer> &customers) {
  for (const Customer &c : customers)
    repo.rename(c.id, c.name + " ");
    // CHECK-NOTES: :[[@LINE-1]]:5: warning: 'rename' writes to the database on every iteration of the loop over 'customers': ~100 statements per call if 'customers' has ~100 elements [impact: high 70] [perf-audit-n-plus-one]
    // CHECK-NOTES: :[[@LINE-3]]:3: note: loop here
    // CHECK-NOTES: :32:5: note: query executed here
    // CHECK-NOTES: :[[@LINE-4]]:5: note: batch the writes: one statement for all rows (INSERT with several VALUES rows, UPDATE or DELETE ... WHERE id IN (...)), or a prepared statement executed inside one transaction
}

// Negatives: one lookup, and a lookup in a small constant loop.
std::string firstCustomer(CustomerRepository &repo) {
  std::string names;
  if (auto c = repo.findById(1))
    names = c->name;
  for (int id : {1, 2, 3})
    if (auto c = repo.findById(id))
      names += c->name;
  return names;
}
