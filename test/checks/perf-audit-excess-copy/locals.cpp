// RUN: %check_perf_audit %s perf-audit-excess-copy %t
// RUN: %check_perf_audit_driver %s perf-audit-excess-copy %t-driver
// RUN: %clangxx -fsyntax-only -std=c++20 %t.cpp

#include <map>
#include <stdexcept>
#include <string>
#include <vector>

struct Customer {
  std::string name;
  std::vector<std::string> tags;
  const std::string &displayName() const { return name; }
};

// Positives: the source outlives the local (a const reference parameter, a
// member reached through one or through a const this): a fix-it.
int describe(const Customer &customer, const std::vector<std::string> &defaults) {
  std::string name = customer.displayName();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: local 'name' (std::string) copies a const reference but is only read [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: const std::string &name = customer.displayName();
  const auto tags = customer.tags;
  // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: local 'tags' (std::vector<std::string>) copies a const reference but is only read [impact: medium 42] [perf-audit-excess-copy]
  // CHECK-FIXES: const auto &tags = customer.tags;
  std::vector<std::string> fallback = defaults;
  // CHECK-MESSAGES: :[[@LINE-1]]:28: warning: local 'fallback' (std::vector<std::string>) copies a const reference but is only read [impact: medium 42] [perf-audit-excess-copy]
  // CHECK-FIXES: const std::vector<std::string> &fallback = defaults;
  return static_cast<int>(name.size() + tags.size() + fallback.size());
}

struct Directory {
  std::map<int, Customer> byId;
  int count(int id) const {
    int n = 0;
    for (int i = 0; i < id; ++i) {
      Customer c = byId.at(i);
      // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: local 'c' (Customer) copies a const reference but is only read: ~100 copies per call if 'id' is ~100 [impact: high 64] [perf-audit-excess-copy]
      // CHECK-FIXES: const Customer &c = byId.at(i);
      n += static_cast<int>(c.tags.size());
    }
    return n;
  }
};

// The source may not outlive the local: a note, no fix-it.
int fromLocalReference(const std::map<int, std::string> &names) {
  const std::string &found = names.at(1);
  std::string copy = found;
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: local 'copy' (std::string) copies a const reference but is only read [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: std::string copy = found;
  return static_cast<int>(copy.size());
}

// Negatives.

// A snapshot: the original changes while the copy is used.
int snapshot(std::vector<std::string> &items) {
  const std::vector<std::string> before = items;
  items.push_back("new");
  return static_cast<int>(before.size() + items.size());
}

// The copy is modified, or moved.
std::string modified(const Customer &c) {
  std::string name = c.name;
  name += "!";
  return name;
}

// Copied from a value that is not const: the copy may be needed.
int fromValue(std::string s) {
  std::string t = s;
  s.clear();
  return static_cast<int>(t.size());
}

// Produced by value: nothing to avoid.
std::string make();
int produced() {
  std::string s = make();
  return static_cast<int>(s.size());
}

// The standard exceptions share their message: a copy (sqlitecpp's test of
// its exception's copy constructor, docs/real-world.md) costs a reference
// count, not an allocation. So does a class that adds numbers to one.
class DatabaseError : public std::runtime_error {
public:
  DatabaseError(const char *What, int Code)
      : std::runtime_error(What), Code(Code) {}
  int code() const { return Code; }

private:
  int Code;
};
bool sameError(const DatabaseError &Error, const std::logic_error &Logic) {
  const DatabaseError Copy = Error;
  const std::logic_error LogicCopy = Logic;
  return Copy.code() == Error.code() && LogicCopy.what() == Logic.what();
}

// A class that adds a string of its own to one is not cheap.
class DetailedError : public std::runtime_error {
public:
  DetailedError(const char *What, std::string Detail)
      : std::runtime_error(What), Detail(std::move(Detail)) {}
  const std::string &detail() const { return Detail; }

private:
  std::string Detail;
};
std::size_t detailLength(const DetailedError &Error) {
  const DetailedError Copy = Error;
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: local 'Copy' (DetailedError) copies a const reference but is only read [impact: low 21] [perf-audit-excess-copy]
  // CHECK-FIXES: const DetailedError &Copy = Error;
  return Copy.detail().size();
}

// A call through a pointer to member has no method declaration to say
// whether it returns a reference into its object (reading one crashed): the
// suggestion is a note, not a fix-it.
struct Labelled {
  std::string label;
  const std::string &get() const { return label; }
};
std::size_t throughMemberPointer(const Labelled &L,
                                 const std::string &(Labelled::*Get)() const) {
  std::string Copy = (L.*Get)();
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: local 'Copy' (std::string) copies a const reference but is only read [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: std::string Copy = (L.*Get)();
  return Copy.size();
}

// A const local whose last use copies it cannot be moved there: a reference
// saves its own copy, and the last use copies from the source instead.
void keepName(const Customer &customer, std::vector<std::string> &names) {
  const std::string name = customer.name;
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: local 'name' (std::string) copies a const reference but is only read [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: const std::string &name = customer.name;
  names.push_back(name);
}
// Not const: the last-use rule moves it instead.
void moveName(const Customer &customer, std::vector<std::string> &names) {
  std::string name = customer.name;
  names.push_back(name);
  // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'name' (std::string) is copied on its last use: move it instead [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: names.push_back(std::move(name));
}

// The source's last use, of a type that cannot move (a copy constructor
// and no move constructor): no move is reported there, so the reference is.
struct Legacy {
  Legacy();
  Legacy(const Legacy &Other);
  std::string text;
};
Legacy makeLegacy();
std::size_t copiedOnLastUse() {
  Legacy original = makeLegacy();
  Legacy copy = original;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: local 'copy' (Legacy) copies 'original', which is not modified either, but is only read [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: const Legacy &copy = original;
  return copy.text.size();
}

// A const member returning a reference reads what its object refers to; as
// for any getter, that it outlives the copy is not proven: a note.
struct Rows {
  std::string &at(std::size_t i) const { return data[i]; }
  std::string *data;
};
std::size_t fromConstMember(const Rows &rows) {
  const std::string first = rows.at(0);
  // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: local 'first' (std::string) copies a const reference but is only read [impact: low 20] [perf-audit-excess-copy]
  // CHECK-MESSAGES: :[[@LINE-2]]:21: note: if what it copies is not modified or destroyed while 'first' is used, bind a const reference instead
  // CHECK-FIXES: const std::string first = rows.at(0);
  return first.size();
}
