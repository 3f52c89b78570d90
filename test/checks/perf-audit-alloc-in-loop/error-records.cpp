// RUN: %check_perf_audit %s perf-audit-alloc-in-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-alloc-in-loop %t-driver
//
// A container of error records (named `errors_`, `warnings`, or holding a
// class named `...Error`, `Diagnostic`) holds what went wrong so far: a
// handful whatever the input, none when the run succeeds. A loop over one is
// bounded, so growing a vector in it needs no reserve (jsoncpp's
// Reader::getStructuredErrors). Only the words of a name count (`mirrors` is
// not `errors`), and a container of numbers named `errors` holds a value per
// sample. Renamed (`entries_`, `notes`, `Entry`), every loop here is
// reported.

#include <cstddef>
#include <deque>
#include <string>
#include <vector>

struct Token {
  std::size_t begin, end;
};

class Reader {
public:
  struct ErrorInfo {
    Token token;
    std::string message;
  };
  struct StructuredError {
    std::size_t start, limit;
    std::string message;
  };
  struct Mirror {
    std::string url;
  };

  std::vector<StructuredError> structuredErrors() const;
  std::vector<std::string> errorMessages() const;
  std::vector<std::string> mirrorUrls() const;

private:
  std::deque<ErrorInfo> errors_;
  std::vector<Mirror> mirrors_;
};

std::vector<Reader::StructuredError> Reader::structuredErrors() const {
  std::vector<StructuredError> all;
  for (const ErrorInfo &error : errors_) {
    StructuredError structured{error.token.begin, error.token.end,
                               error.message};
    all.push_back(std::move(structured));
  }
  return all;
}

std::vector<std::string> Reader::errorMessages() const {
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < errors_.size(); ++i)
    lines.push_back(errors_[i].message);
  return lines;
}

std::vector<std::string> Reader::mirrorUrls() const {
  std::vector<std::string> urls;
  for (const Mirror &mirror : mirrors_)
    urls.push_back(mirror.url);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'urls' grows on every iteration of the loop over 'mirrors_' without a reserve: ~7 reallocations per loop, each moving every element if 'mirrors_' has ~100 elements [impact: low 29, medium confidence] [perf-audit-alloc-in-loop]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: loop here
  return urls;
}
// CHECK-FIXES: urls.reserve(mirrors_.size());
// CHECK-FIXES-NEXT: for (const Mirror &mirror : mirrors_)

struct Diagnostic {
  int line;
  std::string text;
};

class HTTPError {
public:
  int status() const;
};

std::vector<int> diagnosticLines(const std::vector<Diagnostic> &found) {
  std::vector<int> lines;
  for (const Diagnostic &d : found)
    lines.push_back(d.line);
  return lines;
}

std::vector<int> statuses(const std::vector<HTTPError> &failed) {
  std::vector<int> codes;
  for (const HTTPError &e : failed)
    codes.push_back(e.status());
  return codes;
}

std::vector<std::string> prefixed(const std::vector<std::string> &warnings) {
  std::vector<std::string> out;
  for (const std::string &w : warnings)
    out.push_back("warning: " + w);
  return out;
}

std::vector<double> squared(const std::vector<double> &errors) {
  std::vector<double> out;
  for (double e : errors)
    out.push_back(e * e);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'out' grows on every iteration of the loop over 'errors' without a reserve: ~7 reallocations per loop, each moving every element if 'errors' has ~100 elements [impact: low 29] [perf-audit-alloc-in-loop]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: loop here
  return out;
}
// CHECK-FIXES: out.reserve(errors.size());
// CHECK-FIXES-NEXT: for (double e : errors)

std::vector<std::string> names(const std::vector<std::string> &terrors) {
  std::vector<std::string> out;
  for (const std::string &t : terrors)
    out.push_back(t + "!");
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'out' grows on every iteration of the loop over 'terrors' without a reserve: ~7 reallocations per loop, each moving every element if 'terrors' has ~100 elements [impact: low 29] [perf-audit-alloc-in-loop]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: loop here
  return out;
}
// CHECK-FIXES: out.reserve(terrors.size());
// CHECK-FIXES-NEXT: for (const std::string &t : terrors)

// Reached through a parameter's member: the last name says what it holds.
struct Report {
  std::vector<std::string> warnings;
  std::vector<std::string> entries;
};

std::vector<std::string> warningLines(const Report &r) {
  std::vector<std::string> out;
  for (const std::string &w : r.warnings)
    out.push_back("warning: " + w);
  return out;
}

std::vector<std::string> entryLines(const Report &r) {
  std::vector<std::string> out;
  for (const std::string &e : r.entries)
    out.push_back("entry: " + e);
  // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'out' grows on every iteration of the loop over 'r.entries' without a reserve: ~7 reallocations per loop, each moving every element if 'r.entries' has ~100 elements [impact: low 29] [perf-audit-alloc-in-loop]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: loop here
  return out;
}
// CHECK-FIXES: out.reserve(r.entries.size());
// CHECK-FIXES-NEXT: for (const std::string &e : r.entries)
