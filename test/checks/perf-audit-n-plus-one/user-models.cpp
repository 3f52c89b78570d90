// Users teach the check their own APIs: a model file (ModelFiles), or
// [[clang::annotate("perf-audit:query")]] on their own declarations. A typo
// in a model file is a configuration error naming file, line and column.
//
// RUN: %check_perf_audit %s perf-audit-n-plus-one %t -- \
// RUN:   --config="{CheckOptions: {ModelFiles: '%S/Inputs/legacy-db.yaml'}}"
// RUN: %check_perf_audit_driver %s perf-audit-n-plus-one %t-driver -- \
// RUN:   --config="{CheckOptions: {ModelFiles: '%S/Inputs/legacy-db.yaml'}}"
// RUN: %clang_tidy_plugin --checks='-*,perf-audit-n-plus-one' %s \
// RUN:   --config="{CheckOptions: {ModelFiles: '%S/Inputs/typo.yaml'}}" -- -std=c++20 2>&1 \
// RUN:   | FileCheck --check-prefix=TYPO %s -DDIR=%S
// TYPO: warning: [[DIR]]/Inputs/typo.yaml:4:34: error: unknown key 'efect' [clang-tidy-config]
// RUN: %clang_tidy_plugin --checks='-*,perf-audit-n-plus-one' %s \
// RUN:   --config="{CheckOptions: {ModelFiles: '%S/Inputs/missing.yaml'}}" -- -std=c++20 2>&1 \
// RUN:   | FileCheck --check-prefix=MISSING %s -DDIR=%S
// MISSING: warning: [[DIR]]/Inputs/missing.yaml: error: cannot read model file: No such file or directory [clang-tidy-config]

#include <string>
#include <vector>

namespace legacy {
struct Cursor { bool advance(); int value() const; };
struct Db {
  Cursor run(const std::string &sql);
  void prepare(const std::string &sql);
};
} // namespace legacy

[[clang::annotate("perf-audit:query")]] int remoteLookup(int key);

int sum(legacy::Db &db, const std::vector<int> &keys) {
  int total = 0;
  for (int key : keys) {
    legacy::Cursor c = db.run("SELECT v FROM t WHERE k = " + std::to_string(key));
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: a query runs on every iteration of the loop over 'keys': ~100 queries per call if 'keys' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
    while (c.advance())
      total += c.value();
    total += remoteLookup(key);
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: a query runs on every iteration of the loop over 'keys': ~100 queries per call if 'keys' has ~100 elements [impact: critical 86] [perf-audit-n-plus-one]
  }
  for (int key : keys)
    db.prepare("SELECT v FROM t WHERE k = " + std::to_string(key));
  return total;
}
