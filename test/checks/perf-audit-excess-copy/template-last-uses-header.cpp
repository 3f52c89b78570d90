// RUN: %check_perf_audit %s perf-audit-excess-copy %t -- -header-filter=.* -- -std=c++20 -I %S/Inputs
// RUN: %check_perf_audit_driver %s perf-audit-excess-copy %t-driver -- -- -std=c++20 -I %S/Inputs
// RUN: %clangxx -fsyntax-only -std=c++20 -I %S/Inputs %t.cpp

// A last-use copy in a template of a header: other files may instantiate
// it with a type whose use would not take a move (a `T &` parameter), so a
// note instead of the fix-it.
#include "queue.h"
#include <string>

void useQueue(Queue<std::string> &names, const std::string &name) {
  names.add(name);
}
// CHECK-MESSAGES: queue.h:5:39: warning: 'item' (std::string where instantiated) is copied on its last use: move it instead [impact: low 20] [perf-audit-excess-copy]
// CHECK-MESSAGES: queue.h:5:39: note: in a template other files can instantiate, add the std::move by hand: no fix-it is offered, as this unit sees only its own instantiations
