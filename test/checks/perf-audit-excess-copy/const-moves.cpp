// RUN: %check_perf_audit %s perf-audit-excess-copy %t
// RUN: %check_perf_audit_driver %s perf-audit-excess-copy %t-driver
//
// `std::move` of a const object gives a `const T&&`, which only the copy
// constructor, the copy assignment or a `const T&` overload accept: the
// object is copied, not moved (clang-tidy's performance-move-const-arg).
// Reported where the copy happens and costs: a member initialised from a
// const reference parameter, a const local returned or pushed into a
// vector. The traps: a move of a non-const object, of a cheap type, and a
// const object moved into a `const T&` parameter that nothing copies.

#include <string>
#include <utility>
#include <vector>

class Person {
public:
  Person(const std::string &name, std::vector<std::string> tags)
      : name_(std::move(name)), tags_(std::move(tags)) {}
  // CHECK-MESSAGES: :[[@LINE-1]]:15: warning: 'name' (std::string) is copied, not moved: it is a const reference [impact: low 20] [perf-audit-excess-copy]
  // CHECK-MESSAGES: :[[@LINE-3]]:29: note: take 'name' by value to move from it

  std::string label() const { return std::move(name_); }
  // CHECK-MESSAGES: :[[@LINE-1]]:38: warning: 'name_' (std::string) is copied, not moved: it is a member read in a const member function [impact: low 20] [perf-audit-excess-copy]

private:
  std::string name_;
  std::vector<std::string> tags_;
};

std::string greeting(const std::string &who);
void show(const std::string &text);

std::vector<std::string> greetings(const std::vector<std::string> &people) {
  std::vector<std::string> out;
  for (const std::string &who : people) {
    const std::string text = greeting(who);
    out.push_back(std::move(text));
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'text' (std::string) is copied, not moved: it is declared const, ~100 copies per call if 'people' has ~100 elements [impact: medium 42] [perf-audit-excess-copy]
    // CHECK-MESSAGES: :[[@LINE-3]]:23: note: drop the const from 'text' to move from it
  }
  return out;
}

std::string finish(const std::string &who) {
  const std::string text = greeting(who) + "!";
  std::string result;
  result = std::move(text);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'text' (std::string) is copied, not moved: it is declared const [impact: low 20] [perf-audit-excess-copy]
  // CHECK-MESSAGES: :[[@LINE-4]]:21: note: drop the const from 'text' to move from it
  return result;
}

// Negatives.

std::vector<std::string> moved(const std::vector<std::string> &people) {
  std::vector<std::string> out;
  for (const std::string &who : people) {
    std::string text = greeting(who);
    out.push_back(std::move(text));
  }
  return out;
}

// Trivially copyable ones: trivially-copyable-moves.cpp.

void onlyBound(const std::string &who) {
  const std::string text = greeting(who);
  show(std::move(text));
}
