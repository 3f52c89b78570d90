// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver

#include <algorithm>
#include <array>
#include <cstring>
#include <set>
#include <string>
#include <unordered_set>
#include <vector>

struct User { int id; std::string name; std::vector<int> roles; };

// Positives: linear work on every iteration of a loop over input.

int rejectBlocked(const std::vector<User> &users, const std::vector<int> &blocked) {
  int rejected = 0;
  for (const User &u : users)
    if (std::find(blocked.begin(), blocked.end(), u.id) != blocked.end())
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::find' scans 'blocked' on every iteration of the loop over 'users': O(n*m), ~10,000 element visits per call if 'users' and 'blocked' have ~100 elements each [impact: medium 44] [perf-audit-nested-loop]
      ++rejected;
  return rejected;
}

std::vector<int> dedupe(const std::vector<int> &input) {
  std::vector<int> seen;
  for (int x : input)
    if (std::count(seen.begin(), seen.end(), x) == 0)
      // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'std::count' scans 'seen' on every iteration of the loop over 'input': O(n*m), ~10,000 element visits per call if 'input' and 'seen' have ~100 elements each [impact: medium 44] [perf-audit-nested-loop]
      seen.push_back(x);
  return seen;
}

int largest(const std::vector<std::vector<int>> &rows, const std::vector<int> &weights) {
  int best = 0;
  for (const auto &row : rows)
    best += *std::max_element(weights.begin(), weights.end()) * static_cast<int>(row.size());
    // CHECK-MESSAGES: :[[@LINE-1]]:14: warning: 'std::max_element' scans 'weights' on every iteration of the loop over 'rows': O(n*m), ~10,000 element visits per call if 'rows' and 'weights' have ~100 elements each [impact: medium 44] [perf-audit-nested-loop]
  return best;
}

int vowels(const char *text) {
  int n = 0;
  for (size_t i = 0; i < strlen(text); ++i)
    // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'strlen' in the loop condition re-scans 'text' on every iteration: O(n^2), ~10,000 element visits per call if 'text' has ~100 elements [impact: medium 44] [perf-audit-nested-loop]
    n += std::strchr("aeiou", text[i]) != nullptr;
  return n;
}

int processQueue(std::vector<int> &queue) {
  int sum = 0;
  while (!queue.empty()) {
    sum += queue.front();
    queue.erase(queue.begin());
    // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'erase' at the front of 'queue' moves every element, on every iteration of the loop over 'queue': O(n^2), ~10,000 element moves per call if 'queue' has ~100 elements [impact: medium 44] [perf-audit-nested-loop]
  }
  return sum;
}

std::vector<std::string> reversed(const std::vector<std::string> &lines) {
  std::vector<std::string> out;
  for (const std::string &line : lines)
    out.insert(out.begin(), line);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'insert' at the front of 'out' moves every element, on every iteration of the loop over 'lines': O(n^2), ~10,000 element moves per call if 'lines' and 'out' have ~100 elements each [impact: medium 44] [perf-audit-nested-loop]
  return out;
}

static bool hasRole(const std::vector<int> &roles, int role) {
  for (int r : roles)
    if (r == role)
      return true;
  return false;
}

int admins(const std::vector<User> &users, const std::vector<int> &adminRoles) {
  int n = 0;
  for (const User &u : users)
    n += hasRole(adminRoles, u.id);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'hasRole' loops over 'adminRoles' on every iteration of the loop over 'users': O(n*m), ~10,000 iterations per call if 'users' and 'adminRoles' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
  return n;
}

class Registry {
public:
  bool known(int id) const {
    for (int k : ids_)
      if (k == id)
        return true;
    return false;
  }
  int countKnown(const std::vector<int> &candidates) const {
    int n = 0;
    for (int c : candidates)
      n += known(c);
      // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'known' loops over member 'ids_' on every iteration of the loop over 'candidates': O(n*m), ~10,000 iterations per call if 'candidates' and 'ids_' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
    return n;
  }

private:
  std::vector<int> ids_;
};

// Negatives.

// Hashed and ordered containers look up in O(1) or O(log n).
int lookups(const std::vector<User> &users, const std::unordered_set<int> &blocked,
            const std::set<int> &admins) {
  int n = 0;
  for (const User &u : users)
    n += blocked.count(u.id) + (admins.find(u.id) != admins.end());
  return n;
}

// A search in a small constant table.
static const std::array<int, 3> kReserved = {0, 1, 2};
int reserved(const std::vector<User> &users) {
  int n = 0;
  for (const User &u : users)
    n += std::find(kReserved.begin(), kReserved.end(), u.id) != kReserved.end();
  for (const User &u : users) {
    const int local[] = {7, 8, 9};
    n += std::count(std::begin(local), std::end(local), u.id);
  }
  return n;
}

// Searching each element's own data: linear in the total.
int ownRoles(const std::vector<User> &users) {
  int n = 0;
  for (const User &u : users)
    n += std::count(u.roles.begin(), u.roles.end(), 3) + hasRole(u.roles, 4);
  return n;
}

// A linear search outside any loop, or in a small constant loop.
bool once(const std::vector<int> &v) {
  bool found = std::find(v.begin(), v.end(), 42) != v.end();
  for (int k = 0; k < 3; ++k)
    found |= std::find(v.begin(), v.end(), k) != v.end();
  return found;
}

// strlen hoisted, or in a loop that does not walk the string.
int hoisted(const char *text) {
  int n = 0;
  const size_t len = strlen(text);
  for (size_t i = 0; i < len; ++i)
    n += text[i] == 'a';
  return n;
}

// Erasing at the back, or erasing from a deque.
void trim(std::vector<int> &v, std::string &s) {
  while (!v.empty() && v.back() == 0)
    v.erase(v.end() - 1);
  while (!s.empty() && s.back() == ' ')
    s.pop_back();
}

// A count parameter is a bound, not data the callee scans.
static int repeat(int times) {
  int n = 0;
  for (int i = 0; i < times; ++i)
    n += i;
  return n;
}
int padAll(const std::vector<User> &users, int width) {
  int n = 0;
  for (const User &u : users)
    n += repeat(width) + u.id;
  return n;
}
