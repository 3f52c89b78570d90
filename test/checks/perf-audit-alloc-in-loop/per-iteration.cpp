// Containers, expensive objects and allocations made on every iteration.
//
// RUN: %check_perf_audit %s perf-audit-alloc-in-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-alloc-in-loop %t-driver

#include <array>
#include <boost/regex.hpp>
#include <cstdlib>
#include <memory>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

struct Parser { std::string text; int parse() const { return static_cast<int>(text.size()); } };

// Positives.

int tokens(const std::vector<std::string> &lines) {
  int n = 0;
  for (const std::string &line : lines) {
    std::vector<std::string> parts;
    // CHECK-MESSAGES: :[[@LINE-1]]:30: warning: 'parts' (std::vector<std::string>) allocates anew on every iteration of the loop over 'lines': ~100 allocations per call if 'lines' has ~100 elements [impact: medium 41] [perf-audit-alloc-in-loop]
    std::string word;
    // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'word' (std::string) allocates anew on every iteration of the loop over 'lines': ~100 allocations per call if 'lines' has ~100 elements [impact: medium 41] [perf-audit-alloc-in-loop]
    for (char c : line) {
      if (c == ' ') {
        parts.push_back(word);
        word.clear();
      } else {
        word += c;
      }
    }
    n += static_cast<int>(parts.size());
  }
  return n;
}

int matches(const std::vector<std::string> &lines) {
  int n = 0;
  for (const std::string &line : lines) {
    std::regex number("[0-9]+");
    // CHECK-MESSAGES: :[[@LINE-1]]:16: warning: 'number' (std::regex) is constructed on every iteration of the loop over 'lines' from arguments that do not change in it: ~100 constructions per call if 'lines' has ~100 elements [impact: high 70] [perf-audit-alloc-in-loop]
    n += std::regex_search(line, number);
    n += std::regex_match(line, std::regex("^#"));
    // CHECK-MESSAGES: :[[@LINE-1]]:33: warning: a temporary std::regex is constructed on every iteration of the loop over 'lines' from arguments that do not change in it: ~100 constructions per call if 'lines' has ~100 elements [impact: high 70] [perf-audit-alloc-in-loop]
    boost::regex word("\\w+");
    // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'word' (boost::regex) is constructed on every iteration of the loop over 'lines' from arguments that do not change in it: ~100 constructions per call if 'lines' has ~100 elements [impact: high 70] [perf-audit-alloc-in-loop]
    n += boost::regex_search(line, word);
  }
  return n;
}

int perPattern(const std::vector<std::string> &lines, const std::vector<std::string> &patterns) {
  int n = 0;
  for (const std::string &line : lines)
    for (const std::string &pattern : patterns) {
      std::regex re(pattern);
      // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 're' (std::regex) is constructed on every iteration of the loop over 'lines', repeating the same constructions on each of its iterations: ~10,000 constructions per call if 'lines' and 'patterns' have ~100 elements each [impact: critical 92] [perf-audit-alloc-in-loop]
      n += std::regex_search(line, re);
    }
  return n;
}

std::vector<std::string> format(const std::vector<double> &values) {
  std::vector<std::string> out;
  out.reserve(values.size());
  for (double v : values) {
    std::ostringstream text;
    // CHECK-MESSAGES: :[[@LINE-1]]:24: warning: 'text' (std::ostringstream) is constructed on every iteration of the loop over 'values': ~100 constructions per call if 'values' has ~100 elements [impact: medium 52] [perf-audit-alloc-in-loop]
    text << v;
    out.push_back(text.str());
  }
  return out;
}

int parseAll(const std::vector<std::string> &inputs) {
  int n = 0;
  for (const std::string &input : inputs) {
    auto parser = std::make_unique<Parser>(Parser{input});
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'std::make_unique<Parser>' allocates on every iteration of the loop over 'inputs', and the object does not outlive the iteration: ~100 allocations per call if 'inputs' has ~100 elements [impact: medium 41] [perf-audit-alloc-in-loop]
    n += parser->parse();
    char *buffer = new char[input.size() + 1];
    // CHECK-MESSAGES: :[[@LINE-1]]:20: warning: 'new char[]' allocates on every iteration of the loop over 'inputs', and the object does not outlive the iteration: ~100 allocations per call if 'inputs' has ~100 elements [impact: medium 41] [perf-audit-alloc-in-loop]
    buffer[0] = input.empty() ? '\0' : input[0];
    n += buffer[0];
    delete[] buffer;
    void *scratch = std::malloc(64);
    // CHECK-MESSAGES: :[[@LINE-1]]:21: warning: 'malloc' allocates on every iteration of the loop over 'inputs', and the object does not outlive the iteration: ~100 allocations per call if 'inputs' has ~100 elements [impact: medium 41] [perf-audit-alloc-in-loop]
    std::free(scratch);
  }
  return n;
}

// Negatives.

// Moved out, returned, or stored: the allocation leaves the iteration.
std::vector<std::vector<int>> groups(const std::vector<int> &values) {
  std::vector<std::vector<int>> out;
  out.reserve(values.size());
  for (int v : values) {
    std::vector<int> group;
    group.push_back(v);
    out.push_back(std::move(group));
  }
  return out;
}
std::vector<std::unique_ptr<Parser>> parsers(const std::vector<std::string> &inputs) {
  std::vector<std::unique_ptr<Parser>> out;
  out.reserve(2 * inputs.size());
  for (const std::string &input : inputs) {
    auto parser = std::make_unique<Parser>(Parser{input});
    out.push_back(std::move(parser));
    out.push_back(std::make_unique<Parser>(Parser{input}));
  }
  return out;
}

// A regex built from the line itself: it changes every iteration.
int dynamicPatterns(const std::vector<std::string> &lines) {
  int n = 0;
  for (const std::string &line : lines) {
    std::regex re(line);
    n += std::regex_match("x", re);
  }
  return n;
}

// Small constant loops; objects that do not allocate.
int small(const std::string &text) {
  int n = 0;
  for (int i = 0; i < 3; ++i) {
    std::string copy = text;
    std::vector<int> scratch;
    scratch.push_back(i);
    n += static_cast<int>(copy.size() + scratch.size());
  }
  return n;
}
int arrays(const std::vector<int> &values) {
  int n = 0;
  for (int v : values) {
    std::array<int, 16> table{};
    table[0] = v;
    n += table[0];
  }
  return n;
}

// A container initialised with data, not filled afterwards: nothing to reuse.
int sizes(const std::vector<int> &values) {
  int n = 0;
  for (int v : values) {
    std::vector<int> twice(2, v);
    n += static_cast<int>(twice.size());
  }
  return n;
}
