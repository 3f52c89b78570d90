#include "repository.h"
#include <SQLiteCpp/Statement.h>

namespace bookstore {

Repository::Repository(const std::string &path)
    : db_(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) {}

std::vector<Order> Repository::openOrders() {
  std::vector<Order> orders;
  SQLite::Statement query(db_, "SELECT id, customer_id, status FROM orders "
                               "WHERE status = 'open'");
  while (query.executeStep()) {
    Order order;
    order.id = query.getColumn(0).getInt();
    order.customerId = query.getColumn(1).getInt();
    order.status = query.getColumn(2).getString();
    // One more query per order: the lines could come from one JOIN.
    SQLite::Statement lines(db_, "SELECT book_id, quantity FROM order_lines "
                                 "WHERE order_id = ?");
    lines.bind(1, order.id);
    while (lines.executeStep())
      order.lines.push_back({lines.getColumn(0).getInt(),
                             lines.getColumn(1).getInt()});
    orders.push_back(order);
  }
  return orders;
}

std::optional<Customer> Repository::findCustomer(int id) {
  SQLite::Statement query(db_, "SELECT id, name, email FROM customers WHERE id = ?");
  query.bind(1, id);
  if (!query.executeStep())
    return std::nullopt;
  return Customer{query.getColumn(0).getInt(), query.getColumn(1).getString(),
                  query.getColumn(2).getString()};
}

std::optional<Book> Repository::findBook(int id) {
  SQLite::Statement query(db_, "SELECT id, title, author, price FROM books WHERE id = ?");
  query.bind(1, id);
  if (!query.executeStep())
    return std::nullopt;
  Book book;
  book.id = query.getColumn(0).getInt();
  book.title = query.getColumn(1).getString();
  book.author = query.getColumn(2).getString();
  book.price = query.getColumn(3).getDouble();
  return book;
}

std::vector<Book> Repository::allBooks() {
  std::vector<Book> books;
  SQLite::Statement query(db_, "SELECT id, title, author, price FROM books");
  while (query.executeStep()) {
    Book book;
    book.id = query.getColumn(0).getInt();
    book.title = query.getColumn(1).getString();
    book.author = query.getColumn(2).getString();
    book.price = query.getColumn(3).getDouble();
    books.push_back(book);
  }
  return books;
}

void Repository::setStatus(int orderId, const std::string &status) {
  SQLite::Statement update(db_, "UPDATE orders SET status = ? WHERE id = ?");
  update.bind(1, status);
  update.bind(2, orderId);
  update.exec();
}

} // namespace bookstore
