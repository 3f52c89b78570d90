// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver
//
// A function that looks a key up in a table, returns what it finds, and
// only on a miss does the work and stores it (a memo table: a code
// generator's import list) does that work once per distinct key, not on
// every call.

#include <map>
#include <string>
#include <vector>

bool clashes(const std::map<std::string, std::string> &imports,
             const std::string &name) {
  for (const auto &entry : imports)
    if (entry.second == name)
      return true;
  return false;
}

std::string addImport(std::map<std::string, std::string> &imports,
                      const std::string &type) {
  const auto found = imports.find(type);
  if (found != imports.end())
    return found->second;
  std::string name = clashes(imports, type) ? "_" + type : type;
  imports[type] = name;
  return name;
}

std::string declare(std::map<std::string, std::string> &imports,
                    const std::vector<std::string> &fields) {
  std::string out;
  for (const std::string &f : fields)
    out += addImport(imports, f);
  return out;
}

// The same with count(): the scan runs once per new key.
int cached(std::map<int, int> &memo, const std::vector<int> &values, int key) {
  if (memo.count(key))
    return memo[key];
  int sum = 0;
  for (int v : values)
    sum += v == key;
  memo.emplace(key, sum);
  return sum;
}
int countAll(std::map<int, int> &memo, const std::vector<int> &values,
             const std::vector<int> &keys) {
  int n = 0;
  for (int k : keys)
    n += cached(memo, values, k);
  return n;
}

// Positive: the lookup returns, but nothing is stored: every miss scans
// again.
std::string lookupOnly(const std::map<std::string, std::string> &imports,
                       const std::string &type) {
  const auto found = imports.find(type);
  if (found != imports.end())
    return found->second;
  return clashes(imports, type) ? "_" + type : type;
}
std::string declareAll(const std::map<std::string, std::string> &imports,
                       const std::vector<std::string> &fields) {
  std::string out;
  for (const std::string &f : fields)
    out += lookupOnly(imports, f);
    // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'lookupOnly' loops over 'imports' on every iteration of the loop over 'fields': O(n*m), ~10,000 iterations per call if 'fields' and 'imports' have ~100 elements each [impact: medium 48, medium confidence] [perf-audit-nested-loop]
  return out;
}
