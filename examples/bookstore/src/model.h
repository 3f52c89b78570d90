#pragma once
#include <string>
#include <vector>

namespace bookstore {

struct Book {
  int id = 0;
  std::string title;
  std::string author;
  std::vector<std::string> tags;
  double price = 0;
};

struct OrderLine {
  int bookId = 0;
  int quantity = 0;
};

struct Order {
  int id = 0;
  int customerId = 0;
  std::vector<OrderLine> lines;
  std::string status;
};

struct Customer {
  int id = 0;
  std::string name;
  std::string email;
};

} // namespace bookstore
