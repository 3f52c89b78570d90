// RUN: %check_perf_audit %s perf-audit-excess-copy %t
// RUN: %check_perf_audit_driver %s perf-audit-excess-copy %t-driver
// RUN: %check_perf_audit --check-suffix=LOW %s perf-audit-excess-copy %t-low -- \
// RUN:   --config="{CheckOptions: {MinimumConfidence: low}}" --
// RUN: %clangxx -fsyntax-only -std=c++20 %t-low.cpp
//
// Regression test from real code (docs/real-world.md, jsoncpp's
// Reader::addError): a function that reports a failure (it returns bool,
// every return gives false, and every call of it leaves its caller with
// that failure: `return fail(...)`, or `fail(...); return false;`) runs once
// per failed parse, never in a run that succeeds. What it copies is
// reported with low confidence, hidden by default. So is what a loop over
// the errors recorded so far does, and an error recorded by a function that
// goes on (it runs once per error: none when the run succeeds).
// The traps: a function that returns false but whose caller goes on (a
// check, not a failure), one that returns true, and a loop over a member
// that is not an error list.

#include <deque>
#include <string>
#include <vector>

struct Token {
  const char *begin;
  const char *end;
};

class Parser {
public:
  bool readValue(const Token &token);
  std::vector<std::string> messages() const;
  std::vector<std::string> notes() const;

private:
  struct ErrorInfo {
    Token token;
    std::string message;
  };
  bool fail(const std::string &message, const Token &token);
  void warn(const std::string &message);
  bool failAndSkip(const std::string &message, const Token &token);
  bool skip();
  bool isReserved(const std::string &word);
  bool remember(const std::string &word);

  std::deque<ErrorInfo> errors_;
  std::vector<std::string> log_;
  const Token *current_ = nullptr;
  const Token *end_ = nullptr;
};

bool Parser::fail(const std::string &message, const Token &token) {
  ErrorInfo info;
  info.token = token;
  info.message = message;
  errors_.push_back(info);
  // CHECK-MESSAGES-LOW: :[[@LINE-1]]:21: warning: 'info' ({{(Parser::)?}}ErrorInfo) is copied on its last use: move it instead [impact: low 20, low confidence] [perf-audit-excess-copy]
  // CHECK-FIXES-LOW: errors_.push_back(std::move(info));
  return false;
}

// Records an error and goes on: not a failure report, but it runs once per
// error, none in a run that succeeds.
void Parser::warn(const std::string &message) {
  ErrorInfo info;
  info.message = message;
  errors_.push_back(info);
  // CHECK-MESSAGES-LOW: :[[@LINE-1]]:21: warning: 'info' ({{(Parser::)?}}ErrorInfo) is copied on its last use: move it instead [impact: low 20, low confidence] [perf-audit-excess-copy]
  // CHECK-FIXES: errors_.push_back(info);
  // CHECK-FIXES-LOW: errors_.push_back(std::move(info));
}

bool Parser::skip() {
  while (current_ != end_ && *current_->begin != ',')
    ++current_;
  return false;
}

bool Parser::failAndSkip(const std::string &message, const Token &token) {
  fail(message, token);
  return skip();
}

bool Parser::isReserved(const std::string &word) {
  std::string entry = "checked " + word;
  log_.push_back(entry);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'entry' (std::string) is copied on its last use: move it instead [impact: low 20] [perf-audit-excess-copy]
  // CHECK-MESSAGES-LOW: :[[@LINE-2]]:18: warning: 'entry' (std::string) is copied on its last use: move it instead [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: log_.push_back(std::move(entry));
  // CHECK-FIXES-LOW: log_.push_back(std::move(entry));
  return false;
}

bool Parser::remember(const std::string &word) {
  std::string entry = "seen " + word;
  log_.push_back(entry);
  // CHECK-MESSAGES: :[[@LINE-1]]:18: warning: 'entry' (std::string) is copied on its last use: move it instead [impact: low 20] [perf-audit-excess-copy]
  // CHECK-MESSAGES-LOW: :[[@LINE-2]]:18: warning: 'entry' (std::string) is copied on its last use: move it instead [impact: low 20] [perf-audit-excess-copy]
  // CHECK-FIXES: log_.push_back(std::move(entry));
  // CHECK-FIXES-LOW: log_.push_back(std::move(entry));
  return true;
}

bool Parser::readValue(const Token &token) {
  if (token.begin == token.end)
    return fail("empty token", token);
  std::string word(token.begin, token.end);
  if (word == "!") {
    failAndSkip("unexpected '!'", token);
    return false;
  }
  if (word == "?")
    return failAndSkip("unexpected '?'", token);
  if (!isReserved(word))
    remember(word);
  return true;
}

std::vector<std::string> Parser::messages() const {
  std::vector<std::string> out;
  for (const ErrorInfo &error : errors_) {
    std::string line = error.message + " here";
    out.push_back(line);
    // CHECK-MESSAGES-LOW: :[[@LINE-1]]:19: warning: 'line' (std::string) is copied on its last use: move it instead [impact: low 20, low confidence] [perf-audit-excess-copy]
    // CHECK-FIXES: out.push_back(line);
    // CHECK-FIXES-LOW: out.push_back(std::move(line));
  }
  return out;
}

std::vector<std::string> Parser::notes() const {
  std::vector<std::string> out;
  for (const std::string &entry : log_) {
    std::string line = entry + " here";
    out.push_back(line);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'line' (std::string) is copied on its last use: move it instead, ~100 copies per call if 'log_' has ~100 elements [impact: medium 42, medium confidence] [perf-audit-excess-copy]
    // CHECK-MESSAGES-LOW: :[[@LINE-2]]:19: warning: 'line' (std::string) is copied on its last use: move it instead, ~100 copies per call if 'log_' has ~100 elements [impact: medium 42, medium confidence] [perf-audit-excess-copy]
    // CHECK-FIXES: out.push_back(std::move(line));
    // CHECK-FIXES-LOW: out.push_back(std::move(line));
  }
  return out;
}
