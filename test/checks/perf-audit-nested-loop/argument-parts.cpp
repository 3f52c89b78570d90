// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver
// RUN: %check_perf_audit --check-suffix=LOW %s perf-audit-nested-loop %t-low -- \
// RUN:   --config="{CheckOptions: {MinimumConfidence: low}}"
//
// A callee that loops over a member of the object it is given (the
// enclosing scopes of a namespace, the tags of one node) walks a part of that
// object: its size is as unsure as a member's, so the finding has one level
// less confidence; through a further callee, two (hidden by default).

#include <string>
#include <vector>

struct Namespace {
  std::vector<std::string> scopes;
};
struct Field {
  std::string name;
};

std::string qualify(const Namespace &ns) {
  std::string out;
  for (const std::string &c : ns.scopes)
    out += c + ".";
  return out;
}
std::string wrap(const Namespace *ns, const std::string &name) {
  return qualify(*ns) + name;
}

std::vector<std::string> names(const std::vector<Field> &fields,
                               const Namespace *current) {
  std::vector<std::string> out;
  for (const Field &f : fields)
    out.push_back(wrap(current, f.name));
    // CHECK-MESSAGES-LOW: :[[@LINE-1]]:19: warning: 'wrap' loops over 'current' on every iteration of the loop over 'fields': O(n*m), ~10,000 iterations per call if 'fields' and 'current' have ~100 elements each [impact: medium 48, low confidence] [perf-audit-nested-loop]
  return out;
}

std::vector<std::string> direct(const std::vector<Field> &fields,
                                const Namespace &current) {
  std::vector<std::string> out;
  for (const Field &f : fields)
    out.push_back(qualify(current) + f.name);
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'qualify' loops over 'current' on every iteration of the loop over 'fields': O(n*m), ~10,000 iterations per call if 'fields' and 'current' have ~100 elements each [impact: medium 48, medium confidence] [perf-audit-nested-loop]
    // CHECK-MESSAGES-LOW: :[[@LINE-2]]:19: warning: 'qualify' loops over 'current' on every iteration of the loop over 'fields': O(n*m), ~10,000 iterations per call if 'fields' and 'current' have ~100 elements each [impact: medium 48, medium confidence] [perf-audit-nested-loop]
  return out;
}

// Positive: the callee loops over the container it is given.
bool known(const std::vector<std::string> &names, const std::string &name) {
  for (const std::string &n : names)
    if (n == name)
      return true;
  return false;
}
int countKnown(const std::vector<Field> &fields,
               const std::vector<std::string> &names) {
  int n = 0;
  for (const Field &f : fields)
    n += known(names, f.name);
    // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'known' loops over 'names' on every iteration of the loop over 'fields': O(n*m), ~10,000 iterations per call if 'fields' and 'names' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
    // CHECK-MESSAGES-LOW: :[[@LINE-2]]:10: warning: 'known' loops over 'names' on every iteration of the loop over 'fields': O(n*m), ~10,000 iterations per call if 'fields' and 'names' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
  return n;
}
