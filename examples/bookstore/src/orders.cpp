#include "orders.h"
#include <sstream>

namespace bookstore {

std::vector<Invoice> OrderService::invoiceOpenOrders() {
  std::vector<Invoice> invoices;
  for (Order order : repo_.openOrders()) {
    Invoice invoice;
    // A customer lookup per order: an N+1 through the repository.
    if (auto customer = repo_.findCustomer(order.customerId))
      invoice.customer = customer->name;
    for (const OrderLine &line : order.lines) {
      // ... and a book lookup per line.
      auto book = repo_.findBook(line.bookId);
      if (!book)
        continue;
      std::ostringstream text;
      text << book->title << " x" << line.quantity;
      invoice.lines.push_back(text.str());
      invoice.total += book->price * line.quantity;
    }
    invoices.push_back(invoice);
  }
  return invoices;
}

void OrderService::closeAll(const std::vector<Order> &orders) {
  // One UPDATE per order instead of one UPDATE ... WHERE id IN (...).
  for (const Order &order : orders)
    repo_.setStatus(order.id, "closed");
}

double OrderService::totalFor(std::vector<Order> orders, int customerId) {
  double total = 0;
  for (const Order &order : orders)
    if (order.customerId == customerId)
      total += static_cast<double>(order.lines.size());
  return total;
}

} // namespace bookstore
