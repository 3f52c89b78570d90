// RUN: %check_perf_audit %s perf-audit-excess-copy %t -- -- -std=c++20 -I %S/Inputs
// RUN: %check_perf_audit_driver %s perf-audit-excess-copy %t-driver -- -- -std=c++20 -I %S/Inputs
// RUN: %clangxx -fsyntax-only -std=c++20 -I %S/Inputs %t.cpp

// A by-value parameter declared more than once: every declaration changes
// with the definition, or none does (rewriting only some would declare an
// overload, and calls would become ambiguous).

#include "api.h"
#include <string>

// Three declarations in this file, named and unnamed: all three change.
int countVowels(std::string);
// CHECK-FIXES: int countVowels(const std::string &);
int countVowels(std::string word);
// CHECK-FIXES: int countVowels(const std::string &word);
int countVowels(std::string word) {
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: parameter 'word' (std::string) is copied on every call but only read: pass it by const reference [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: int countVowels(const std::string &word) {
  int n = 0;
  for (char c : word)
    n += c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
  return n;
}

// The middle declaration spells the type through a macro, which a fix-it
// cannot rewrite: no declaration changes, and a note says what to do.
#define WORD std::string
int countSpaces(std::string text);
// CHECK-FIXES: int countSpaces(std::string text);
int countSpaces(WORD text);
// CHECK-FIXES: int countSpaces(WORD text);
int countSpaces(std::string text) {
  // CHECK-NOTES: :[[@LINE-1]]:29: warning: parameter 'text' (std::string) is copied on every call but only read: pass it by const reference [impact: low 20] [perf-audit-excess-copy]
  // CHECK-NOTES: :[[@LINE-4]]:22: note: declared here with a type that cannot be rewritten in place (a macro, a declarator): change every declaration to 'const std::string &'
  // CHECK-FIXES: int countSpaces(std::string text) {
  int n = 0;
  for (char c : text)
    n += c == ' ';
  return n;
}

// Declared in a header other translation units include: a note instead.
int publish(std::string topic) {
  // CHECK-NOTES: :[[@LINE-1]]:25: warning: parameter 'topic' (std::string) is copied on every call but only read: pass it by const reference [impact: low 20] [perf-audit-excess-copy]
  // CHECK-NOTES: api.h:5:13: note: declared in another file here: change both declarations to 'const std::string &'
  // CHECK-FIXES: int publish(std::string topic) {
  return static_cast<int>(topic.size());
}
