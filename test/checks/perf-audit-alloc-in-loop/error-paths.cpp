// RUN: %check_perf_audit %s perf-audit-alloc-in-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-alloc-in-loop %t-driver
//
// Regression tests from real code (docs/real-world.md): a message built in a
// block that goes on to throw, return or break runs at most once per loop,
// not on every iteration (SOCI); a loop bounded by a sentinel such as
// std::string::npos has no constant trip count (i2pd's HTTP parser was
// reported with ~18446744073.7G allocations per call): it walks the places
// found in the string searched, as many as the string holds (cpprest's
// uri::split_query).

#include <cstddef>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

[[noreturn]] void fail(const std::string &message);
void use(const std::string &text);

void checkSizes(const std::vector<std::size_t> &sizes) {
  for (std::size_t i = 0; i != sizes.size(); ++i) {
    if (sizes[i] != sizes[0]) {
      std::ostringstream msg;
      msg << "size mismatch at " << i;
      throw std::runtime_error(msg.str());
    }
  }
}

void bindColumns(const std::vector<int> &types) {
  for (int type : types) {
    switch (type) {
    case 0:
      use("int");
      break;
    default:
      std::ostringstream msg;
      msg << "type " << type << " not supported";
      fail(msg.str());
    }
  }
}

int firstLong(const std::vector<std::string> &names) {
  int index = 0;
  for (const std::string &name : names) {
    if (name.size() > 8) {
      std::string upper = name + "!";
      use(upper);
      return index;
    }
    ++index;
  }
  return -1;
}

void reportFirst(const std::vector<std::string> &names) {
  for (const std::string &name : names) {
    if (name.empty()) {
      std::ostringstream msg;
      msg << "empty name after " << names.front();
      use(msg.str());
      break;
    }
  }
}

void splitLines(const std::string &text, std::vector<std::string> &out);

int countTokens(const std::string &str) {
  std::size_t pos = 0, eol;
  int n = 0;
  while ((eol = str.find("\r\n", pos)) != std::string::npos) {
    std::vector<std::string> tokens;
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'tokens' (std::vector<std::string>) allocates anew on every iteration of the loop over 'str': ~100 allocations per call if 'str' has ~100 elements [impact: medium 41] [perf-audit-alloc-in-loop]
    splitLines(str.substr(pos, eol - pos), tokens);
    n += static_cast<int>(tokens.size());
    pos = eol + 2;
  }
  return n;
}

// The cursor moved in the body, past each separator found.
void splitPairs(const std::string &query, std::vector<std::string> &keys) {
  std::size_t prev = 0;
  while (prev != std::string::npos) {
    std::size_t amp = query.find('&', prev);
    std::ostringstream key;
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'key' (std::ostringstream) is constructed on every iteration of the loop over 'query': ~100 constructions per call if 'query' has ~100 elements [impact: medium 52] [perf-audit-alloc-in-loop]
    key << query.substr(prev, amp - prev);
    keys.push_back(key.str());
    prev = amp == std::string::npos ? amp : amp + 1;
  }
}

// The same message built on a path that goes on to the next iteration.
void reportAll(const std::vector<std::string> &names) {
  for (const std::string &name : names) {
    if (name.empty()) {
      std::ostringstream msg;
      // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'msg' (std::ostringstream) is constructed on every iteration of the loop over 'names': ~100 constructions per call if 'names' has ~100 elements [impact: medium 52] [perf-audit-alloc-in-loop]
      msg << "empty name after " << names.front();
      use(msg.str());
      continue;
    }
  }
}

// A break inside a switch leaves the switch: the loop still repeats the
// construction.
void describeAll(const std::vector<int> &types) {
  for (int type : types) {
    switch (type) {
    case 1: {
      std::ostringstream text;
      // CHECK-MESSAGES: :[[@LINE-1]]:26: warning: 'text' (std::ostringstream) is constructed on every iteration of the loop over 'types': ~100 constructions per call if 'types' has ~100 elements [impact: medium 52] [perf-audit-alloc-in-loop]
      text << type;
      use(text.str());
      break;
    }
    default:
      break;
    }
  }
}
