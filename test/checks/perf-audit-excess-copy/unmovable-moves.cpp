// RUN: %check_perf_audit %s perf-audit-excess-copy %t
// RUN: %check_perf_audit_driver %s perf-audit-excess-copy %t-driver
//
// `std::move` of an object whose class has no move constructor (or no move
// assignment) binds the rvalue to the copy: a user-declared copy operation
// or destructor keeps the compiler from declaring the moves. Reported where
// the copy is made, with a note at what suppresses the move. The traps: a
// class that moves, and an object moved into a `const T&` parameter that
// nothing copies.

#include <string>
#include <utility>
#include <vector>

// Declares a copy constructor and nothing else: no move constructor, no
// move assignment.
struct Document {
  Document() = default;
  Document(const Document &Other) : text(Other.text) {}
  Document &operator=(const Document &) = default;
  std::string text;
};

// Declares only a destructor: the moves are not declared, the copies are
// (deprecated, still there).
struct Record {
  ~Record() {}
  std::vector<std::string> fields;
};

Document load(const std::string &path);
void keep(const Document &document);

Document take(Document source) {
  Document copy(std::move(source));
  // CHECK-MESSAGES: :[[@LINE-1]]:17: warning: 'source' (Document) is copied, not moved: 'Document' has no move constructor [impact: low 20] [perf-audit-excess-copy]
  // CHECK-MESSAGES: :[[@LINE-18]]:3: note: the declared copy constructor keeps the compiler from declaring a move constructor: declare one (`= default`) to move
  return copy;
}

void replace(Document &target, Document source) {
  target = std::move(source);
  // CHECK-MESSAGES: :[[@LINE-1]]:12: warning: 'source' (Document) is copied, not moved: 'Document' has no move assignment operator [impact: low 20] [perf-audit-excess-copy]
  // CHECK-MESSAGES: :[[@LINE-25]]:3: note: the declared copy constructor keeps the compiler from declaring a move assignment operator: declare one (`= default`) to move
}

std::vector<Record> gather(const std::vector<std::string> &names) {
  std::vector<Record> out;
  for (const std::string &name : names) {
    Record record;
    record.fields.push_back(name);
    out.push_back(std::move(record));
    // CHECK-MESSAGES: :[[@LINE-1]]:19: warning: 'record' (Record) is copied, not moved: 'Record' has no move constructor, ~100 copies per call if 'names' has ~100 elements [impact: high 64] [perf-audit-excess-copy]
    // CHECK-MESSAGES: :[[@LINE-27]]:3: note: the declared destructor keeps the compiler from declaring a move constructor: declare one (`= default`) to move
  }
  return out;
}

// Negatives.

// A class with its moves.
struct Movable {
  std::string text;
};
Movable pass(Movable source) {
  Movable copy(std::move(source));
  return copy;
}

// Trivially copyable, its copy is its move: trivially-copyable-moves.cpp.

// Moved into a const reference parameter: nothing is copied.
void show(Document source) { keep(std::move(source)); }
