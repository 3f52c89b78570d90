// RUN: %check_perf_audit %s perf-audit-excess-copy %t
// RUN: %check_perf_audit_driver %s perf-audit-excess-copy %t-driver
// RUN: %check_perf_audit --check-suffix=LOW %s perf-audit-excess-copy %t-low -- \
// RUN:   --config="{CheckOptions: {MinimumConfidence: low}}" --
// RUN: %clangxx -fsyntax-only -std=c++20 %t-low.cpp
//
// Regression test from real code (docs/real-world.md, jsoncpp's
// `Value::removeIndex`: `(*map_)[key] = ...` over keys the map holds):
// `m[key]`, `try_emplace` and `insert` copy their argument only when its
// key is not in the container yet. Whether moving it saves a copy depends
// on what the container holds, which the code does not say for a member, a
// parameter or a container reached through a pointer: low confidence,
// hidden by default. A container that copies on every call
// (`push_back`, `emplace`) is reported as usual.

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>
// CHECK-FIXES-LOW: #include <utility>

void count(std::map<std::string, int> &counts,
           const std::vector<std::string> &words) {
  for (const std::string &word : words) {
    std::string key = word + "#";
    counts[key] += 1;
    // CHECK-MESSAGES-LOW: :[[@LINE-1]]:12: warning: 'key' (std::string) is copied on its last use: move it instead, ~100 copies per call if 'words' has ~100 elements (a copy only when the key is new) [impact: medium 42, low confidence] [perf-audit-excess-copy]
    // CHECK-FIXES-LOW: counts[std::move(key)] += 1;
  }
}

void index(std::unordered_map<std::string, std::size_t> &positions,
           std::set<std::string> &names, const std::vector<std::string> &rows) {
  for (std::size_t i = 0; i < rows.size(); ++i) {
    std::string name = rows[i].substr(1);
    positions[name] = i;
    // CHECK-MESSAGES-LOW: :[[@LINE-1]]:15: warning: 'name' (std::string) is copied on its last use: move it instead, ~100 copies per call if 'rows' has ~100 elements (a copy only when the key is new) [impact: medium 42, low confidence] [perf-audit-excess-copy]
    // CHECK-FIXES-LOW: positions[std::move(name)] = i;
    std::string tag = rows[i] + "!";
    names.insert(tag);
    // CHECK-MESSAGES-LOW: :[[@LINE-1]]:18: warning: 'tag' (std::string) is copied on its last use: move it instead, ~100 copies per call if 'rows' has ~100 elements (a copy only when the key is new) [impact: medium 42, low confidence] [perf-audit-excess-copy]
    // CHECK-FIXES-LOW: names.insert(std::move(tag));
  }
}

// A map the function builds from empty holds only what it put in: a key is
// new unless the input repeats it (cpprest's `uri::split_query`).
std::map<std::string, std::string> splitQuery(const std::vector<std::string> &pairs) {
  std::map<std::string, std::string> results;
  for (const std::string &pair : pairs) {
    std::string key = pair.substr(0, pair.find('='));
    results[key] = pair.substr(pair.find('=') + 1);
    // CHECK-MESSAGES: :[[@LINE-1]]:13: warning: 'key' (std::string) is copied on its last use: move it instead, ~100 copies per call if 'pairs' has ~100 elements [impact: medium 42] [perf-audit-excess-copy]
    // CHECK-MESSAGES-LOW: :[[@LINE-2]]:13: warning: 'key' (std::string) is copied on its last use: move it instead, ~100 copies per call if 'pairs' has ~100 elements [impact: medium 42] [perf-audit-excess-copy]
    // CHECK-FIXES: results[std::move(key)] = pair.substr(pair.find('=') + 1);
    // CHECK-FIXES-LOW: results[std::move(key)] = pair.substr(pair.find('=') + 1);
  }
  return results;
}

std::unordered_map<std::string, std::size_t>
positionsOf(const std::vector<std::string> &names) {
  std::unordered_map<std::string, std::size_t> positions;
  for (std::size_t i = 0; i < names.size(); ++i) {
    std::string lowered = names[i] + "_";
    positions.try_emplace(lowered, i);
    // CHECK-MESSAGES: :[[@LINE-1]]:27: warning: 'lowered' (std::string) is copied on its last use: move it instead, ~100 copies per call if 'names' has ~100 elements [impact: medium 42] [perf-audit-excess-copy]
    // CHECK-MESSAGES-LOW: :[[@LINE-2]]:27: warning: 'lowered' (std::string) is copied on its last use: move it instead, ~100 copies per call if 'names' has ~100 elements [impact: medium 42] [perf-audit-excess-copy]
    // CHECK-FIXES: positions.try_emplace(std::move(lowered), i);
    // CHECK-FIXES-LOW: positions.try_emplace(std::move(lowered), i);
  }
  return positions;
}

// Copied on every call: reported at the loop's confidence.
void collect(std::vector<std::string> &out, const std::vector<std::string> &rows) {
  for (const std::string &row : rows) {
    std::string trimmed = row.substr(1);
    out.push_back(trimmed);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'trimmed' (std::string) is copied on its last use: move it instead, ~100 copies per call if 'rows' has ~100 elements [impact: medium 42] [perf-audit-excess-copy]
    // CHECK-MESSAGES-LOW: :[[@LINE-2]]:19: warning: 'trimmed' (std::string) is copied on its last use: move it instead, ~100 copies per call if 'rows' has ~100 elements [impact: medium 42] [perf-audit-excess-copy]
    // CHECK-FIXES: out.push_back(std::move(trimmed));
    // CHECK-FIXES-LOW: out.push_back(std::move(trimmed));
  }
}
