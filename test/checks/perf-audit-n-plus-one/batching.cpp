// A batching API (model `batching-functions`) is how an N+1 is fixed: a call
// of one in a loop queues work that is sent once per batch. Built in:
// pqxx::pipeline and pqxx::stream_to; applications name their own writers.
//
// RUN: %check_perf_audit --check-suffix=BATCHED %s perf-audit-n-plus-one %t -- \
// RUN:   --config="{CheckOptions: {ModelFiles: '%S/Inputs/batching.yaml'}}" -- -std=c++17
// RUN: %check_perf_audit_driver --check-suffix=BATCHED %s perf-audit-n-plus-one %t-driver -- \
// RUN:   --config="{CheckOptions: {ModelFiles: '%S/Inputs/batching.yaml'}}" -- -std=c++17
// RUN: %check_perf_audit --check-suffix=UNMODELLED %s perf-audit-n-plus-one %t-plain -- -- -std=c++17

#include <pqxx/pqxx>
#include <string>
#include <utility>
#include <vector>

namespace shop {
// Queues order lines and sends them 500 at a time in one INSERT.
class OrderLineWriter {
public:
  explicit OrderLineWriter(pqxx::work &Txn) : Txn(Txn) {}
  void add(int Order, int Product) {
    Pending.emplace_back(Order, Product);
    if (Pending.size() >= 500)
      flush();
  }
  void flush() {
    if (Pending.empty())
      return;
    std::string Sql = "INSERT INTO order_lines (order_id, product_id) VALUES ";
    for (const auto &[Order, Product] : Pending)
      Sql += "(" + std::to_string(Order) + "," + std::to_string(Product) + "),";
    Sql.pop_back();
    Txn.exec0(Sql);
    Pending.clear();
  }

private:
  pqxx::work &Txn;
  std::vector<std::pair<int, int>> Pending;
};
} // namespace shop

void saveLines(pqxx::work &Txn, int Order, const std::vector<int> &Products) {
  shop::OrderLineWriter Writer(Txn);
  for (int Product : Products)
    Writer.add(Order, Product);
  // CHECK-MESSAGES-UNMODELLED: :[[@LINE-1]]:5: warning: 'add' runs a query on every iteration of the loop over 'Products'
  Writer.flush();
}

// The model covers the writer only: a statement per element is still one.
void saveLinesOneByOne(pqxx::work &Txn, int Order,
                       const std::vector<int> &Products) {
  for (int Product : Products)
    Txn.exec_params0("INSERT INTO order_lines VALUES ($1, $2)", Order, Product);
  // CHECK-MESSAGES-BATCHED: :[[@LINE-1]]:5: warning: a database write runs on every iteration of the loop over 'Products'
  // CHECK-MESSAGES-UNMODELLED: :[[@LINE-2]]:5: warning: a database write runs on every iteration of the loop over 'Products'
}
