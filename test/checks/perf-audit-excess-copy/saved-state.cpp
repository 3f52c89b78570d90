// RUN: %check_perf_audit %s perf-audit-excess-copy %t -- -- -std=c++17
// RUN: %check_perf_audit_driver %s perf-audit-excess-copy %t-driver -- -- -std=c++17
//
// Regression test from real code (docs/real-world.md, SOCI's tests): a copy
// that saves an object's state before the object is changed is needed; a
// reference would see the new state.

#include <soci/soci.h>
#include <string>
#include <vector>

struct Settings {
  std::string name;
  std::string prefix;
};

class Service {
public:
  const Settings &settings() const { return settings_; }
  void configure(const Settings &s) { settings_ = s; }

private:
  Settings settings_;
};

void withTemporaryLogger(soci::session &sql, soci::logger_impl *temporary) {
  soci::logger const saved = sql.get_logger();
  sql.set_logger(temporary);
  sql << "delete from t";
  sql.set_logger(saved);
}

void withTemporarySettings(Service &service, const Settings &temporary) {
  const Settings saved = service.settings();
  service.configure(temporary);
  service.configure(saved);
}

std::size_t describe(const Service &service) {
  const Settings copy = service.settings();
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: local 'copy' (Settings) copies a const reference but is only read [impact: low 24] [perf-audit-excess-copy]
  return copy.name.size() + copy.prefix.size();
}

// CHECK-FIXES: const Settings &copy = service.settings();

// The object a copy comes from, through a local reference, pointer or
// range-for element, changes afterwards: the copy is the snapshot.
void throughReference(Service &service, const Settings &temporary) {
  const Service &view = service;
  const Settings saved = view.settings();
  service.configure(temporary);
  service.configure(saved);
}

void throughPointer(Service &service, const Settings &temporary) {
  const Service *view = &service;
  const Settings saved = view->settings();
  service.configure(temporary);
  service.configure(saved);
}

void throughLocal(const Settings &temporary) {
  Service service;
  const Service &view = service;
  const Settings saved = view.settings();
  service.configure(temporary);
  service.configure(saved);
}

std::size_t throughElement(std::vector<Settings> &all, const Settings &fresh) {
  std::size_t total = 0;
  for (const Settings &element : all) {
    const Settings old = element;
    all.front() = fresh;
    total += old.name.size();
  }
  return total;
}

// Changed by a function given a non-const reference or pointer to it, or
// through a pointer handed on.
void reset(Service &service);
void resetAt(Service *service);
std::size_t changedByReference(Service &service) {
  const Settings saved = service.settings();
  reset(service);
  return saved.name.size();
}
std::size_t changedByAddress(Service &service) {
  const Settings saved = service.settings();
  resetAt(&service);
  return saved.name.size();
}
std::size_t changedThroughPointer(Service *service) {
  const Settings saved = service->settings();
  resetAt(service);
  return saved.name.size();
}

// A non-const member call whose result is only read does not change the
// object: the copy is not a snapshot.
struct Registry {
  const Settings &primary() const;
  Settings &primary();
};
Registry makeRegistry();
std::size_t describeLocal() {
  Registry registry = makeRegistry();
  const Registry &view = registry;
  const Settings copy = view.primary();
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: local 'copy' (Settings) copies a const reference but is only read [impact: low 24] [perf-audit-excess-copy]
  // CHECK-MESSAGES: :[[@LINE-2]]:18: note: if what it copies is not modified or destroyed while 'copy' is used, bind a const reference instead
  std::size_t size = registry.primary().name.size();
  return size + copy.name.size();
}
