// A function that nothing can call costs nothing until someone calls it: a
// member of a class this file defines and uses (a private one when other
// members are called, a public one when objects of the class are made), or
// a function with internal linkage, that the unit never names. Its findings
// are low confidence, reported only when MinimumConfidence is low. External
// functions are the code's interface: their callers may be in other files;
// so are the members of a class no code here uses yet.
//
// RUN: %check_perf_audit %s perf-audit-alloc-in-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-alloc-in-loop %t-driver
// RUN: %check_perf_audit --check-suffix=LOW %s perf-audit-alloc-in-loop %t-low -- \
// RUN:   --config="{CheckOptions: {MinimumConfidence: low}}"

#include <algorithm>
#include <vector>

class Reader {
public:
  std::vector<int> read(const std::vector<int> &in) const { return used(in); }
  std::vector<int> exposed(const std::vector<int> &in) const;
  bool operator()(int a, int b) const;

private:
  std::vector<int> used(const std::vector<int> &in) const;
  std::vector<int> unused(const std::vector<int> &in) const;
};

// Positive: called by read().
std::vector<int> Reader::used(const std::vector<int> &in) const {
  std::vector<int> out;
  for (int v : in)
    out.push_back(v);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'out' grows on every iteration of the loop over 'in' without a reserve: ~7 reallocations per loop, each moving every element if 'in' has ~100 elements [impact: low 29] [perf-audit-alloc-in-loop]
    // CHECK-MESSAGES-LOW: :[[@LINE-2]]:9: warning: 'out' grows on every iteration of the loop over 'in' without a reserve: ~7 reallocations per loop, each moving every element if 'in' has ~100 elements [impact: low 29] [perf-audit-alloc-in-loop]
  return out;
}
// CHECK-FIXES: out.reserve(in.size());
// CHECK-FIXES-NEXT: for (int v : in)
// CHECK-FIXES-LOW: out.reserve(in.size());
// CHECK-FIXES-LOW-NEXT: for (int v : in)

// Low: private, and nothing calls it.
std::vector<int> Reader::unused(const std::vector<int> &in) const {
  std::vector<int> out;
  for (int v : in)
    out.push_back(v);
    // CHECK-MESSAGES-LOW: :[[@LINE-1]]:9: warning: 'out' grows on every iteration of the loop over 'in' without a reserve: ~7 reallocations per loop, each moving every element if 'in' has ~100 elements [impact: low 29, low confidence] [perf-audit-alloc-in-loop]
  return out;
}

// Low: public, but no other file can name a class this file defines, and
// the objects this file makes never call it.
std::vector<int> Reader::exposed(const std::vector<int> &in) const {
  std::vector<int> out;
  for (int v : in)
    out.push_back(v);
    // CHECK-MESSAGES-LOW: :[[@LINE-1]]:9: warning: 'out' grows on every iteration of the loop over 'in' without a reserve: ~7 reallocations per loop, each moving every element if 'in' has ~100 elements [impact: low 29, low confidence] [perf-audit-alloc-in-loop]
  return out;
}

// Positive: called only inside std::sort's instantiation, still called.
bool Reader::operator()(int a, int b) const {
  std::vector<int> out;
  for (int i = 0; i < a; ++i)
    out.push_back(i);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'out' grows on every iteration of the loop over 'a' without a reserve: ~7 reallocations per loop, each moving every element if 'a' is ~100 [impact: low 29] [perf-audit-alloc-in-loop]
    // CHECK-MESSAGES-LOW: :[[@LINE-2]]:9: warning: 'out' grows on every iteration of the loop over 'a' without a reserve: ~7 reallocations per loop, each moving every element if 'a' is ~100 [impact: low 29] [perf-audit-alloc-in-loop]
  return out.size() < static_cast<unsigned>(b);
}

// Low: internal linkage, never named.
static std::vector<int> neverNamed(const std::vector<int> &in) {
  std::vector<int> out;
  for (int v : in)
    out.push_back(v);
    // CHECK-MESSAGES-LOW: :[[@LINE-1]]:9: warning: 'out' grows on every iteration of the loop over 'in' without a reserve: ~7 reallocations per loop, each moving every element if 'in' has ~100 elements [impact: low 29, low confidence] [perf-audit-alloc-in-loop]
  return out;
}

// Positive: a class none of whose members is called yet is still being
// written; its private helper is not dead code.
class Draft {
  std::vector<int> helper(const std::vector<int> &in) const {
    std::vector<int> out;
    for (int v : in)
      out.push_back(v);
      // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'out' grows on every iteration of the loop over 'in' without a reserve: ~7 reallocations per loop, each moving every element if 'in' has ~100 elements [impact: low 29] [perf-audit-alloc-in-loop]
      // CHECK-MESSAGES-LOW: :[[@LINE-2]]:11: warning: 'out' grows on every iteration of the loop over 'in' without a reserve: ~7 reallocations per loop, each moving every element if 'in' has ~100 elements [impact: low 29] [perf-audit-alloc-in-loop]
    return out;
  }
};

// Positive: public, of a class no code here makes objects of yet: the
// interface of a class still being written.
class Sketch {
public:
  std::vector<int> collect(const std::vector<int> &in) const {
    std::vector<int> out;
    for (int v : in)
      out.push_back(v);
      // CHECK-MESSAGES: :[[@LINE-1]]:11: warning: 'out' grows on every iteration of the loop over 'in' without a reserve: ~7 reallocations per loop, each moving every element if 'in' has ~100 elements [impact: low 29] [perf-audit-alloc-in-loop]
      // CHECK-MESSAGES-LOW: :[[@LINE-2]]:11: warning: 'out' grows on every iteration of the loop over 'in' without a reserve: ~7 reallocations per loop, each moving every element if 'in' has ~100 elements [impact: low 29] [perf-audit-alloc-in-loop]
    return out;
  }
};

// Positive: an external function can be called from another file.
std::vector<int> exported(const std::vector<int> &in) {
  std::vector<int> out;
  for (int v : in)
    out.push_back(v);
    // CHECK-MESSAGES: :[[@LINE-1]]:9: warning: 'out' grows on every iteration of the loop over 'in' without a reserve: ~7 reallocations per loop, each moving every element if 'in' has ~100 elements [impact: low 29] [perf-audit-alloc-in-loop]
    // CHECK-MESSAGES-LOW: :[[@LINE-2]]:9: warning: 'out' grows on every iteration of the loop over 'in' without a reserve: ~7 reallocations per loop, each moving every element if 'in' has ~100 elements [impact: low 29] [perf-audit-alloc-in-loop]
  return out;
}

std::vector<int> run(std::vector<int> values) {
  std::sort(values.begin(), values.end(), Reader());
  return Reader().read(values);
}
