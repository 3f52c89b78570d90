// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver
//
// Regression test from real code (docs/real-world.md, Poco's ActiveRecord
// compiler): a callee that finds one element of a map and walks that
// element's own list does not loop over the map. One that walks the map
// itself does.

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

struct Class {
  std::string Name;
  std::vector<std::string> References;
};
using ClassMap = std::map<std::string, Class>;

// Walks the references of each class it refers to: linear in those lists.
void checkCircular(const Class &C, const ClassMap &Classes) {
  for (const std::string &Ref : C.References) {
    auto It = Classes.find(Ref);
    if (It == Classes.end())
      throw std::runtime_error("unknown class " + Ref);
    for (const std::string &Back : It->second.References)
      if (Back == C.Name)
        throw std::runtime_error("circular reference " + Ref);
  }
}

// Walks every class of the map.
int countReferrers(const Class &C, const ClassMap &Classes) {
  int Count = 0;
  for (const auto &[Name, Other] : Classes)
    for (const std::string &Ref : Other.References)
      Count += Ref == C.Name;
  return Count;
}

int resolve(const ClassMap &Classes) {
  int Referrers = 0;
  for (const auto &Entry : Classes) {
    checkCircular(Entry.second, Classes);
    Referrers += countReferrers(Entry.second, Classes);
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'countReferrers' loops over 'Classes' on every iteration of the loop over 'Classes': O(n^2), ~10,000 iterations per call if 'Classes' has ~100 elements [impact: medium 48] [perf-audit-nested-loop]
  }
  return Referrers;
}
