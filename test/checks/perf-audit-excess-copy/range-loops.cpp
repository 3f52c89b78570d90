// RUN: %check_perf_audit %s perf-audit-excess-copy %t
// RUN: %check_perf_audit_driver %s perf-audit-excess-copy %t-driver
// RUN: %clangxx -fsyntax-only -std=c++20 %t.cpp

#include <map>
#include <string>
#include <string_view>
#include <vector>

struct Order { int id; std::string customer; std::vector<int> items; };

int positives(const std::vector<std::string> &names, const std::vector<Order> &orders,
              const std::map<std::string, int> &stock) {
  int n = 0;
  for (std::string name : names)
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: loop variable 'name' (std::string) copies each element but is only read: ~100 copies per call if 'names' has ~100 elements [impact: medium 42] [perf-audit-excess-copy]
    // CHECK-FIXES:  for (const std::string &name : names)
    n += static_cast<int>(name.size());
  for (auto order : orders)
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: loop variable 'order' (Order) copies each element but is only read: ~100 copies per call if 'orders' has ~100 elements [impact: medium 48] [perf-audit-excess-copy]
    // CHECK-FIXES:  for (const auto &order : orders)
    n += order.id + static_cast<int>(order.items.size());
  for (const Order copy : orders)
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: loop variable 'copy' (Order) copies each element but is only read: ~100 copies per call if 'orders' has ~100 elements [impact: medium 48] [perf-audit-excess-copy]
    // CHECK-FIXES:  for (const Order &copy : orders)
    n += copy.id;
  // The map's elements are pair<const std::string, int>: a pair<std::string,
  // int> variable converts, and copies, each one.
  for (std::pair<std::string, int> entry : stock)
    // CHECK-MESSAGES: :[[@LINE-1]]:36: warning: loop variable 'entry' (std::pair<std::string, int>) copies each element but is only read: ~100 copies per call if 'stock' has ~100 elements [impact: medium 43] [perf-audit-excess-copy]
    // CHECK-FIXES:  for (const auto &entry : stock)
    n += entry.second;
  for (auto [key, value] : stock)
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: loop variable structured binding (std::pair<const std::string, int>) copies each element but is only read: ~100 copies per call if 'stock' has ~100 elements [impact: medium 43] [perf-audit-excess-copy]
    // CHECK-FIXES:  for (const auto &[key, value] : stock)
    n += value + static_cast<int>(key.size());
  return n;
}

// Negatives.

void modifies(std::vector<std::string> &names, std::vector<std::string> &out) {
  for (std::string name : names) {
    name += "!";
    out.push_back(name);
    // The copy is needed, but its last use can move it.
    // CHECK-MESSAGES: :[[@LINE-2]]:19: warning: 'name' (std::string) is copied on its last use: move it instead, ~100 copies per call if 'names' has ~100 elements [impact: medium 42] [perf-audit-excess-copy]
    // CHECK-FIXES:    out.push_back(std::move(name));
  }
  for (std::string name : names)
    out.push_back(std::move(name));
}

int cheap(const std::vector<int> &ids, const std::vector<std::string_view> &views,
          const std::vector<std::pair<int, int>> &pairs) {
  int n = 0;
  for (int id : ids)
    n += id;
  for (std::string_view v : views)
    n += static_cast<int>(v.size());
  for (auto [a, b] : pairs)
    n += a * b;
  return n;
}

// Already references.
int references(const std::vector<std::string> &names) {
  int n = 0;
  for (const std::string &name : names)
    n += static_cast<int>(name.size());
  for (auto &&name : names)
    n += static_cast<int>(name.size());
  return n;
}

// Elements produced by value: initialising the variable copies nothing.
struct Numbers {
  struct iterator {
    int i;
    std::string operator*() const { return std::to_string(i); }
    iterator &operator++() { ++i; return *this; }
    bool operator!=(const iterator &o) const { return i != o.i; }
  };
  iterator begin() const { return {0}; }
  iterator end() const { return {10}; }
};
int produced(const Numbers &numbers) {
  int n = 0;
  for (std::string s : numbers)
    n += static_cast<int>(s.size());
  return n;
}

// Templates: judged on the instantiations, reported once at the pattern
// with no fix-it (template-locals.cpp).
template <typename T> int sizes(const std::vector<T> &items) {
  int n = 0;
  for (auto item : items)
    n += sizeof(item);
  // CHECK-MESSAGES: :[[@LINE-2]]:13: warning: loop variable 'item' (auto, std::string where instantiated) copies each element but is only read: ~100 copies per call if 'items' has ~100 elements [impact: medium 42] [perf-audit-excess-copy]
  // CHECK-MESSAGES: :[[@LINE-3]]:13: note: in a template, change it to a const reference by hand: no fix-it is offered, as this unit sees only its own instantiations
  // CHECK-FIXES: for (auto item : items)
  return n;
}
int useSizes(const std::vector<std::string> &s) { return sizes(s); }

// A variable of another class, constructed from each element, converts
// what the element is not: a reference to the element would not have its
// members. Not a copy to avoid.
struct Label {
  Label(const std::string &text) : text(text) {}
  std::size_t width() const { return text.size(); }
  std::string text;
};
std::size_t labelWidths(const std::vector<std::string> &texts) {
  std::size_t total = 0;
  for (const Label label : texts)
    total += label.width();
  return total;
}
