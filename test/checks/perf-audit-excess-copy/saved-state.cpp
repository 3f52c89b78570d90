// RUN: %check_perf_audit %s perf-audit-excess-copy %t -- -- -std=c++17
// RUN: %check_perf_audit_driver %s perf-audit-excess-copy %t-driver -- -- -std=c++17
//
// Regression test from real code (docs/real-world.md, SOCI's tests): a copy
// that saves an object's state before the object is changed is needed; a
// reference would see the new state.

#include <soci/soci.h>
#include <string>

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
