// RUN: %check_perf_audit %s perf-audit-excess-copy %t -- -- -std=c++11
// RUN: %check_perf_audit_driver %s perf-audit-excess-copy %t-driver -- -- -std=c++11
// RUN: %clangxx -fsyntax-only -std=c++11 %t.cpp
//
// Regression test from real code (docs/real-world.md, cpprest, built as
// C++11): a lambda can move into its capture only from C++14 on (an
// init-capture). Before it, a by-copy capture on a variable's last use has
// no fix to suggest and is not reported; the same copy into a call is.

#include <functional>
#include <string>
#include <vector>
// CHECK-FIXES: #include <utility>

std::function<std::size_t()> later(const std::vector<std::string> &names) {
  std::string host = names.front() + ":80";
  return [host] { return host.size(); };
}

void store(std::vector<std::string> &out, const std::vector<std::string> &names) {
  std::string host = names.front() + ":80";
  out.push_back(host);
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'host' (std::string) is copied on its last use: move it instead [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: out.push_back(std::move(host));
}
