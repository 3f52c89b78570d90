// RUN: %check_perf_audit %s perf-audit-excess-copy %t
// RUN: %check_perf_audit_driver %s perf-audit-excess-copy %t-driver
// RUN: %clangxx -fsyntax-only -std=c++20 %t.cpp
//
// A by-value parameter copied onward (into a member, a container, a
// returned value) is a sink: moving it is the fix. When its type cannot be
// moved (it declares a copy constructor and no move constructor), a move
// copies as well, and the copy made for the call is the one a const
// reference saves. The trap: a movable type stays a sink (the move is
// reported where it is copied on).

#include <string>
#include <vector>

struct Settings {
  Settings();
  Settings(const Settings &other);
  Settings &operator=(const Settings &other);
  std::string name;
  std::vector<std::string> paths;
};

class Store {
public:
  explicit Store(Settings settings) : settings_(settings) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: parameter 'settings' (Settings) is copied on every call, then copied again: moving it would copy as well; pass it by const reference [impact: medium 42] [perf-audit-excess-copy]
  // CHECK-FIXES: explicit Store(const Settings &settings) : settings_(settings) {}

  void keep(Settings settings) { history_.push_back(settings); }
  // CHECK-MESSAGES: :[[@LINE-1]]:22: warning: parameter 'settings' (Settings) is copied on every call, then copied again: moving it would copy as well; pass it by const reference [impact: medium 42] [perf-audit-excess-copy]
  // CHECK-FIXES: void keep(const Settings &settings) { history_.push_back(settings); }

  void rename(std::string name) { name_ = name; }
  // CHECK-MESSAGES: :[[@LINE-1]]:43: warning: 'name' (std::string) is copied on its last use: move it instead [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: void rename(std::string name) { name_ = std::move(name); }

private:
  Settings settings_;
  std::vector<Settings> history_;
  std::string name_;
};

// A copy constructor defined in another file, of a class that holds only
// plain values (an iterator and a flag): nothing it could deep-copy, so the
// copy is priced as its bytes, and costs nothing worth a finding.
class Cursor {
public:
  Cursor(const Cursor &other);
  std::vector<int>::const_iterator position;
  bool atEnd = false;
};
class Range {
public:
  Range(Cursor first, Cursor last) : first_(first), last_(last) {}
private:
  Cursor first_, last_;
};

// One that holds a pointer may own what it points to: a copy constructor
// out of sight is assumed to copy it.
class Blob {
public:
  Blob(const Blob &other);
  char *bytes = nullptr;
  std::size_t size = 0;
};
class Archive {
public:
  explicit Archive(Blob blob) : blob_(blob) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: parameter 'blob' (Blob) is copied on every call, then copied again: moving it would copy as well; pass it by const reference [impact: low 19] [perf-audit-excess-copy]
  // CHECK-FIXES: explicit Archive(const Blob &blob) : blob_(blob) {}
private:
  Blob blob_;
};
