// A service with one finding of each family, to pin how they rank.
#include <asio.hpp>
#include <pqxx/pqxx>
#include <memory>
#include <string>
#include <vector>

struct Cell { double value; };

// A query per row of another query.
std::vector<std::string> customerNames(pqxx::connection &conn) {
  pqxx::work txn(conn);
  std::vector<std::string> names;
  for (const auto &order : txn.exec("SELECT customer_id FROM orders")) {
    pqxx::result r = txn.exec_params("SELECT name FROM customers WHERE id = $1",
                                     order[0].as<int>());
    names.push_back(r[0][0].as<std::string>());
  }
  return names;
}

// A blocking write in a coroutine.
asio::awaitable<void> greet(asio::ip::tcp::socket &socket) {
  asio::write(socket, asio::buffer("hello", 5));
  co_return;
}

// An allocation in a nested loop over input.
double grid(const std::vector<std::vector<double>> &rows, int columns) {
  double total = 0;
  for (const auto &row : rows)
    for (int c = 0; c < columns; ++c) {
      auto cell = std::make_unique<Cell>(Cell{row[c]});
      total += cell->value;
    }
  return total;
}

// A copy outside loops.
std::size_t length(std::string text) { return text.size(); }
