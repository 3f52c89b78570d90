#pragma once
#include "model.h"
#include "repository.h"
#include <string>
#include <vector>

namespace bookstore {

struct Invoice {
  std::string customer;
  std::vector<std::string> lines;
  double total = 0;
};

/// Turns open orders into invoices.
class OrderService {
public:
  explicit OrderService(Repository &repo) : repo_(repo) {}

  std::vector<Invoice> invoiceOpenOrders();
  void closeAll(const std::vector<Order> &orders);
  double totalFor(std::vector<Order> orders, int customerId);

private:
  Repository &repo_;
};

} // namespace bookstore
