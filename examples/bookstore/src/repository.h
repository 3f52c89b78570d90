#pragma once
#include "model.h"
#include <SQLiteCpp/Database.h>
#include <optional>
#include <vector>

namespace bookstore {

/// Data access over SQLite.
class Repository {
public:
  explicit Repository(const std::string &path);

  std::vector<Order> openOrders();
  std::optional<Customer> findCustomer(int id);
  std::optional<Book> findBook(int id);
  std::vector<Book> allBooks();
  void setStatus(int orderId, const std::string &status);

private:
  SQLite::Database db_;
};

} // namespace bookstore
