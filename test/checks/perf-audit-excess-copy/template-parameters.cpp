// RUN: %check_perf_audit %s perf-audit-excess-copy %t -- -- -std=c++20
// RUN: %check_perf_audit_driver %s perf-audit-excess-copy %t-driver -- -- -std=c++20
// RUN: %clangxx -fsyntax-only -std=c++20 %t.cpp

#include <map>
#include <string>
#include <vector>

// A by-value parameter of a dependent type is judged on the instantiations
// the unit makes: reported once, at the pattern's parameter, with a note and
// no fix-it (`const T &` deduces differently: an array argument no longer
// decays, and units this one does not see may instantiate it otherwise).
template <typename T> std::size_t sizeOf(T value) { return value.size(); }
// CHECK-MESSAGES: :[[@LINE-1]]:44: warning: parameter 'value' (T, std::vector<std::string> where instantiated) is copied on every call but only read: pass it by const reference [impact: medium 42] [perf-audit-excess-copy]
// CHECK-MESSAGES: :[[@LINE-2]]:44: note: in a template, change it to a const reference by hand, with every declaration and explicit specialization of 'sizeOf': no fix-it is offered, as this unit sees only its own instantiations
// CHECK-FIXES: template <typename T> std::size_t sizeOf(T value) { return value.size(); }
std::size_t useSizeOf(const std::vector<std::string> &names,
                      const std::string &name) {
  return sizeOf(names) + sizeOf(name);
}

// Only some instantiations copy anything costly: the message says how many.
template <typename Key>
int countOf(const std::map<Key, int> &counts, Key key) {
  // CHECK-MESSAGES: :[[@LINE-1]]:51: warning: parameter 'key' (Key, std::string in 1 of 2 instantiations) is copied on every call but only read: pass it by const reference [impact: low 20] [perf-audit-excess-copy]
  // CHECK-MESSAGES: :[[@LINE-2]]:51: note: in a template, change it to a const reference by hand, with every declaration and explicit specialization of 'countOf': no fix-it is offered, as this unit sees only its own instantiations
  auto it = counts.find(key);
  return it == counts.end() ? 0 : it->second;
}
int useCountOf(const std::map<std::string, int> &byName,
               const std::map<int, int> &byId) {
  return countOf(byName, std::string("a")) + countOf(byId, 1);
}

// A generic lambda is a template too.
std::size_t useGenericLambda(const std::vector<std::string> &names) {
  auto total = [](const auto list) { return list.size(); };
  // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: parameter 'list' (const auto, std::vector<std::string> where instantiated) is copied on every call but only read: pass it by const reference [impact: medium 42] [perf-audit-excess-copy]
  // CHECK-MESSAGES: :[[@LINE-2]]:30: note: in a generic lambda, change it to a const reference by hand: no fix-it is offered, as this unit sees only its own instantiations
  return total(names);
}

// Negatives.
// One instantiation changes its copy (through the overload that takes a
// non-const reference): every instantiation needs it.
void normalize(std::string &text);
void normalize(const std::vector<std::string> &lines);
template <typename T> std::size_t normalizedSize(T value) {
  normalize(value);
  return value.size();
}
std::size_t useModifying(const std::vector<std::string> &lines) {
  return normalizedSize(lines) + normalizedSize(lines.front());
}
// Instantiated only with cheap types: nothing is copied that costs.
template <typename T> T twice(T value) { return value + value; }
int useCheap(int n) { return twice(n) + static_cast<int>(twice(2.0)); }
// Sunk: an instantiation moves its copy into the result.
template <typename T> struct Holder { T held; };
template <typename T> Holder<T> hold(T value) { return {std::move(value)}; }
Holder<std::string> useHold(const std::string &s) { return hold(s); }
// Instantiated with a reference: nothing is copied.
template <typename T> std::size_t lengthOf(T value) { return value.size(); }
std::size_t useReference(std::string &s) { return lengthOf<std::string &>(s); }
// Never instantiated: the pattern alone does not say what is copied.
template <typename T> std::size_t unused(T value) { return value.size(); }
// An explicit specialization is code of its own, checked on its own. Its
// parameter types are the template's with the arguments substituted: a
// fix-it to it alone would specialize nothing, to the template too would
// change every other instantiation.
template <typename T> std::size_t widthOf(T value) { return sizeof(value); }
// CHECK-FIXES: template <typename T> std::size_t widthOf(T value) { return sizeof(value); }
template <> std::size_t widthOf<std::string>(std::string value) {
  // CHECK-MESSAGES: :[[@LINE-1]]:58: warning: parameter 'value' (std::string) is copied on every call but only read: pass it by const reference [impact: low 20] [perf-audit-excess-copy]
  // CHECK-MESSAGES: :[[@LINE-2]]:58: note: 'widthOf' is an explicit specialization: its parameter types are the template's; change the parameter to 'const std::string &' here and in the template together
  // CHECK-FIXES: template <> std::size_t widthOf<std::string>(std::string value) {
  return value.size();
}
std::size_t useWidthOf(const std::string &s) { return widthOf(s) + widthOf(1); }

// A member of a class template with a dependent base may override one of
// the base's: reported without a fix-it, which could stop it overriding.
struct Sink {
  virtual ~Sink() = default;
  virtual void write(std::string line) = 0;
};
template <typename Base> struct Counted : Base {
  void write(std::string line) override { count += line.size(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: parameter 'line' (std::string) is copied on every call but only read: pass it by const reference [impact: low 20, medium confidence] [perf-audit-excess-copy]
  // CHECK-MESSAGES: :[[@LINE-2]]:26: note: 'write' may override a member of the dependent base 'Base': change the parameter to 'const std::string &' in the base and every override together
  // CHECK-FIXES: void write(std::string line) override { count += line.size(); }
  std::size_t count = 0;
};
Counted<Sink> counted;
// Without a dependent base, a member of a class template is rewritten as
// any function is.
template <typename T> struct Tally {
  void add(std::string line) { count += line.size(); }
  // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: parameter 'line' (std::string) is copied on every call but only read: pass it by const reference [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: void add(const std::string &line) { count += line.size(); }
  std::size_t count = 0;
};
Tally<int> tally;

// A member function of a class template is judged on the members its
// class's specializations instantiate from it.
template <typename T> class Index {
public:
  bool contains(T key) const {
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: parameter 'key' (T, std::string in 1 of 2 instantiations) is copied on every call but only read: pass it by const reference [impact: low 20] [perf-audit-excess-copy]
    // CHECK-MESSAGES: :[[@LINE-2]]:19: note: in a template, change it to a const reference by hand, with every declaration and explicit specialization of 'contains': no fix-it is offered, as this unit sees only its own instantiations
    // CHECK-FIXES: bool contains(T key) const {
    for (const T &k : keys_)
      if (k == key)
        return true;
    return false;
  }
  // A sink: moving it on is the fix, not a reference (the last-use rule,
  // template-last-uses.cpp).
  void add(T key) { keys_.push_back(key); }
  // CHECK-MESSAGES: :[[@LINE-1]]:37: warning: 'key' (std::string in 1 of 2 instantiations) is copied on its last use: move it instead [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: void add(T key) { keys_.push_back(std::move(key)); }

private:
  std::vector<T> keys_;
};
bool useIndex(Index<std::string> &names, Index<int> &ids, const std::string &s) {
  names.add(s);
  ids.add(1);
  return names.contains(s) || ids.contains(2);
}
