// RUN: %check_perf_audit %s perf-audit-excess-copy %t -- -- -std=c++20
// RUN: %check_perf_audit_driver %s perf-audit-excess-copy %t-driver -- -- -std=c++20
// RUN: %clangxx -fsyntax-only -std=c++20 %t.cpp

#include <map>
#include <string>
#include <vector>

// A range-for variable or a local of a dependent type is judged on the
// unit's instantiations, as a dependent parameter is: reported once, at
// the pattern, with a note and no fix-it.
template <typename T> std::size_t totalSize(const std::vector<T> &items) {
  std::size_t total = 0;
  for (const T item : items)
    total += item.size();
  // CHECK-MESSAGES: :[[@LINE-2]]:16: warning: loop variable 'item' (const T, std::vector<int> where instantiated) copies each element but is only read: ~100 copies per call if 'items' has ~100 elements [impact: medium 46] [perf-audit-excess-copy]
  // CHECK-MESSAGES: :[[@LINE-3]]:16: note: in a template, change it to a const reference by hand: no fix-it is offered, as this unit sees only its own instantiations
  // CHECK-FIXES: for (const T item : items)
  return total;
}

template <typename Map> std::size_t firstKeyLength(const Map &map) {
  auto first = map.begin()->first;
  // CHECK-MESSAGES: :[[@LINE-1]]:8: warning: local 'first' (auto, std::string in 1 of 2 instantiations) copies a const reference but is only read [impact: low 20] [perf-audit-excess-copy]
  // CHECK-MESSAGES: :[[@LINE-2]]:8: note: in a template, change it to a const reference by hand: no fix-it is offered, as this unit sees only its own instantiations
  // CHECK-FIXES: auto first = map.begin()->first;
  return sizeof(first) + first.size();
}

struct Id {
  std::size_t size() const { return 1; }
};

std::size_t useTemplates(const std::vector<std::vector<int>> &rows,
                         const std::map<std::string, int> &byName,
                         const std::map<Id, int> &byId) {
  return totalSize(rows) + firstKeyLength(byName) + firstKeyLength(byId);
}

// Negatives.
// One instantiation changes its copy: every one needs it.
void normalize(std::string &text);
void normalize(const std::vector<int> &values);
template <typename T> std::size_t normalizedSizes(const std::vector<T> &items) {
  std::size_t total = 0;
  for (T item : items) {
    normalize(item);
    total += item.size();
  }
  return total;
}
std::size_t useNormalized(const std::vector<std::string> &names,
                          const std::vector<std::vector<int>> &rows) {
  return normalizedSizes(names) + normalizedSizes(rows);
}
// Instantiated only with cheap types.
template <typename T> T sum(const std::vector<T> &values) {
  T total{};
  for (const T value : values)
    total += value;
  return total;
}
int useSum(const std::vector<int> &values) { return sum(values); }
// A type the pattern knows is checked in the pattern, once.
template <typename T> std::size_t namesLength(const std::vector<std::string> &names, T) {
  std::size_t total = 0;
  for (const std::string name : names)
    total += name.size();
  // CHECK-MESSAGES: :[[@LINE-2]]:26: warning: loop variable 'name' (std::string) copies each element but is only read: ~100 copies per call if 'names' has ~100 elements [impact: medium 42] [perf-audit-excess-copy]
  // CHECK-FIXES: for (const std::string &name : names)
  return total;
}
std::size_t useNamesLength(const std::vector<std::string> &names) {
  return namesLength(names, 1) + namesLength(names, 'c');
}
// In one instantiation the local converts instead of copying: a reference
// would not compile there.
struct Money {
  std::string currency;
  operator int() const { return 0; }
};
template <typename From, typename To> int convert(const From &from) {
  To value = from;
  return sizeof(value);
}
int useConvert(const Money &m) { return convert<Money, Money>(m) + convert<Money, int>(m); }
