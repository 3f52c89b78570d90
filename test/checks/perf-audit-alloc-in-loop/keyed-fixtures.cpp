// RUN: %check_perf_audit %s perf-audit-alloc-in-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-alloc-in-loop %t-driver
//
// A local container filled by a few statements that each set one key
// (`m["k1"] = a; m["k2"] = b;`: a map's or a JSON object's subscript by key)
// holds at most that many elements: a loop over it, directly, through a const
// reference, or through a view of its members, runs a constant count, and
// growing a vector in it needs no reserve (tests build their fixtures this
// way). The traps: the object is also filled by a callee given it by
// reference, the keys are set in a loop over the input, or it is subscripted
// by position (a JSON array grows to the index): each is reported.

#include <map>
#include <string>
#include <vector>

class Json {
public:
  Json();
  Json(const char *Text);
  Json &operator[](const std::string &Key);
  Json &operator[](unsigned Index);
  using iterator = Json *;
  using const_iterator = const Json *;
  iterator begin();
  iterator end();
  const_iterator begin() const;
  const_iterator end() const;
  unsigned size() const;
  std::string asString() const;
  // The members as a range, to be walked by a range-for.
  struct Members {
    iterator First, Last;
    iterator begin() const { return First; }
    iterator end() const { return Last; }
  };
  Members members();
};

void parseInto(const std::string &Text, Json &Out);

std::vector<std::string> fixtureKeys() {
  std::map<std::string, std::string> m;
  m["k1"] = "a";
  m["k2"] = "b";
  std::vector<std::string> keys;
  for (const auto &kv : m)
    keys.push_back(kv.first);
  const auto &view = m;
  for (const auto &kv : view)
    keys.push_back(kv.second);
  return keys;
}

std::vector<std::string> fixtureMembers() {
  Json j;
  j["k1"] = "a";
  j["k2"] = "b";
  std::vector<std::string> values;
  for (const Json &member : j.members())
    values.push_back(member.asString());
  const Json &cj = j;
  for (const Json &member : cj)
    values.push_back(member.asString());
  return values;
}

std::vector<std::string> parsedMembers(const std::string &Text) {
  Json j;
  parseInto(Text, j);
  j["extra"] = "x";
  std::vector<std::string> values;
  for (const Json &member : j)
    values.push_back(member.asString());
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'values' grows on every iteration of the loop over 'j' without a reserve: ~7 reallocations per loop, each moving every element if 'j' has ~100 elements [impact: low 29] [perf-audit-alloc-in-loop]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: loop here
  return values;
}
// CHECK-FIXES: values.reserve(j.size());
// CHECK-FIXES-NEXT: for (const Json &member : j)

std::vector<std::string> namedMembers(const std::vector<std::string> &Names) {
  Json j;
  for (const std::string &Name : Names)
    j[Name] = "x";
  std::vector<std::string> values;
  for (const Json &member : j)
    values.push_back(member.asString());
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'values' grows on every iteration of the loop over 'j' without a reserve: ~7 reallocations per loop, each moving every element if 'j' has ~100 elements [impact: low 29] [perf-audit-alloc-in-loop]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: loop here
  return values;
}
// CHECK-FIXES: values.reserve(j.size());
// CHECK-FIXES-NEXT: for (const Json &member : j)

std::vector<std::string> positionedMembers(unsigned Last) {
  Json j;
  j[0u] = "first";
  j[Last] = "last";
  std::vector<std::string> values;
  for (const Json &member : j)
    values.push_back(member.asString());
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'values' grows on every iteration of the loop over 'j' without a reserve: ~7 reallocations per loop, each moving every element if 'j' has ~100 elements [impact: low 29] [perf-audit-alloc-in-loop]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: loop here
  return values;
}
// CHECK-FIXES: values.reserve(j.size());
// CHECK-FIXES-NEXT: for (const Json &member : j)

// Walked backwards from its end: a position moves, the count stays.
std::vector<std::string> fixtureBackwards() {
  Json j;
  j["k1"] = "a";
  j["k2"] = "b";
  std::vector<std::string> values;
  for (auto it = j.end(); it != j.begin();) {
    --it;
    values.push_back(it->asString());
  }
  return values;
}

std::vector<std::string> parsedBackwards(const std::string &Text) {
  Json j;
  parseInto(Text, j);
  std::vector<std::string> values;
  for (auto it = j.end(); it != j.begin();) {
    --it;
    values.push_back(it->asString());
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'values' grows on every iteration of the loop over 'it' without a reserve: ~7 reallocations per loop, each moving every element if 'it' has ~100 elements [impact: low 29] [perf-audit-alloc-in-loop]
    // CHECK-MESSAGES: :[[@LINE-4]]:3: note: loop here
    // CHECK-MESSAGES: :[[@LINE-3]]:12: note: reserve the final size before the loop ('values.reserve(<iterations>)')
  }
  return values;
}
