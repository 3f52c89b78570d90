#include "catalog.h"
#include "orders.h"
#include "report.h"
#include "server.h"
#include <iostream>

int main(int argc, char **argv) {
  bookstore::Repository repo(argc > 1 ? argv[1] : "bookstore.db");
  bookstore::OrderService orders(repo);
  bookstore::Catalog catalog(repo.allBooks());

  std::vector<bookstore::Invoice> invoices = orders.invoiceOpenOrders();
  std::cout << bookstore::renderReport(invoices);
  for (const std::string &title : bookstore::missingTitles(catalog, {"Dune", "Emma"}))
    std::cout << "missing: " << title << "\n";
  // `bookstore DB --report-only` stops here: a run to profile.
  if (argc > 2 && std::string(argv[2]) == "--report-only")
    return 0;

  asio::io_context io;
  asio::ip::tcp::acceptor acceptor(io, {asio::ip::tcp::v4(), 8080});
  asio::co_spawn(io, bookstore::listen(std::move(acceptor), repo), asio::detached);
  io.run();
}
