// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver
//
// An inner loop that reads nothing of the outer loop's turn does the same
// work on every one: mostly a short fixed list walked for output (a name's
// enclosing scopes, an indentation), so it is reported with a lower
// confidence and the advice is to compute it once, not to build a hash map.
// (Strings named `components` or `segments` are the parts of one name, a
// bounded loop: name-parts.cpp.)

#include <istream>
#include <string>
#include <vector>

struct Field {
  std::string name;
};

// Reads nothing of the field: the same prefix is written for every field.
std::string qualified(const std::vector<Field> &fields,
                      const std::vector<std::string> &scopes) {
  std::string out;
  for (const Field &f : fields) {
    for (const std::string &c : scopes)
      // CHECK-NOTES: :[[@LINE-1]]:5: warning: nested loop over 'scopes' runs on every iteration of the loop over 'fields': O(n*m), ~10,000 iterations per call if 'fields' and 'scopes' have ~100 elements each [impact: medium 48, medium confidence] [perf-audit-nested-loop]
      // CHECK-NOTES: :[[@LINE-3]]:3: note: outer loop here
      // CHECK-NOTES: :[[@LINE-3]]:5: note: the inner loop reads nothing that changes with the outer loop: if it computes the same on every iteration, compute it once before the outer loop
      out += c + "::";
    out += f.name + "\n";
  }
  return out;
}
void indent(const std::vector<Field> &fields, int depth,
            std::vector<std::string> &lines) {
  for (const Field &f : fields) {
    for (int i = 0; i < depth; ++i)
      // CHECK-NOTES: :[[@LINE-1]]:5: warning: nested loop over 'depth' runs on every iteration of the loop over 'fields': O(n*m), ~10,000 iterations per call if 'fields' has ~100 elements and 'depth' is ~100 [impact: medium 48, medium confidence] [perf-audit-nested-loop]
      // CHECK-NOTES: :[[@LINE-3]]:3: note: outer loop here
      // CHECK-NOTES: :[[@LINE-3]]:5: note: the inner loop reads nothing that changes with the outer loop: if it computes the same on every iteration, compute it once before the outer loop
      lines.push_back("  ");
    lines.push_back(f.name);
  }
}

// Positive: the inner loop compares with the outer element.
int common(const std::vector<Field> &fields, const std::vector<std::string> &names) {
  int n = 0;
  for (const Field &f : fields)
    for (const std::string &name : names)
      // CHECK-NOTES: :[[@LINE-1]]:5: warning: nested loop over 'names' runs on every iteration of the loop over 'fields': O(n*m), ~10,000 iterations per call if 'fields' and 'names' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
      // CHECK-NOTES: :[[@LINE-3]]:3: note: outer loop here
      // CHECK-NOTES: :[[@LINE-3]]:5: note: to make it linear, build a hash map or set from the inner loop's data once before the outer loop and look up in it
      n += name == f.name;
  return n;
}

// Positive: a local of the outer body, or a variable its turn changes, is
// read in the inner loop.
int perTurn(const std::vector<Field> &fields, const std::vector<std::string> &names) {
  int n = 0;
  std::size_t width = 0;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    width = fields[i].name.size();
    for (const std::string &name : names)
      // CHECK-NOTES: :[[@LINE-1]]:5: warning: nested loop over 'names' runs on every iteration of the loop over 'fields': O(n*m), ~10,000 iterations per call if 'fields' and 'names' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
      // CHECK-NOTES: :[[@LINE-4]]:3: note: outer loop here
      // CHECK-NOTES: :[[@LINE-3]]:5: note: to make it linear, build a hash map or set from the inner loop's data once before the outer loop and look up in it
      n += name.size() == width;
  }
  return n;
}

// Positive: the outer condition reads into a variable by reference.
int perLine(std::istream &in, const std::vector<std::string> &words) {
  int n = 0;
  std::string line;
  while (std::getline(in, line))
    for (const std::string &w : words)
      // CHECK-NOTES: :[[@LINE-1]]:5: warning: nested loop over 'words' runs on every iteration of the loop over 'in': O(n*m), ~10,000 iterations per call if 'in' and 'words' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
      // CHECK-NOTES: :[[@LINE-3]]:3: note: outer loop here
      // CHECK-NOTES: :[[@LINE-3]]:5: note: to make it linear, build a hash map or set from the inner loop's data once before the outer loop and look up in it
      n += line.find(w) != std::string::npos;
  return n;
}

// Positive: a local the loop changes through a pointer taken elsewhere.
void advance(int *cursor);
int throughPointer(const std::vector<Field> &fields, const std::vector<int> &ids) {
  int cursor = 0;
  int *at = &cursor;
  int n = 0;
  for (const Field &f : fields) {
    (void)f;
    advance(at);
    for (int id : ids)
      // CHECK-NOTES: :[[@LINE-1]]:5: warning: nested loop over 'ids' runs on every iteration of the loop over 'fields': O(n*m), ~10,000 iterations per call if 'fields' and 'ids' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
      // CHECK-NOTES: :[[@LINE-5]]:3: note: outer loop here
      // CHECK-NOTES: :[[@LINE-3]]:5: note: to make it linear, build a hash map or set from the inner loop's data once before the outer loop and look up in it
      n += id == cursor;
  }
  return n;
}

// A path stack: each field pushes its name and pops it again, so the inner
// loops walk the path from the root (the nesting depth), not the fields.
void declare(const std::vector<Field> &fields, std::vector<std::string> &path,
             std::string &out) {
  for (const Field &f : fields) {
    path.push_back(f.name);
    for (const std::string &p : path)
      if (p == f.name)
        out += "_" + p;
    declare(fields, path, out);
    path.pop_back();
  }
}

// Positive: pushed but not popped, the container grows with the loop.
void grow(const std::vector<Field> &fields, std::vector<std::string> &seen,
          std::string &out) {
  for (const Field &f : fields) {
    seen.push_back(f.name);
    for (const std::string &s : seen)
      // CHECK-NOTES: :[[@LINE-1]]:5: warning: nested loop over 'seen' runs on every iteration of the loop over 'fields': O(n*m), ~10,000 iterations per call if 'fields' and 'seen' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
      // CHECK-NOTES: :[[@LINE-4]]:3: note: outer loop here
      // CHECK-NOTES: :[[@LINE-3]]:5: note: to make it linear, build a hash map or set from the inner loop's data once before the outer loop and look up in it
      if (s == f.name)
        out += s;
  }
}

// Positive: a `continue` before the pop leaves the element on the stack.
void skip(const std::vector<Field> &fields, std::vector<std::string> &path,
          std::string &out) {
  for (const Field &f : fields) {
    path.push_back(f.name);
    if (f.name.empty())
      continue;
    for (const std::string &p : path)
      // CHECK-NOTES: :[[@LINE-1]]:5: warning: nested loop over 'path' runs on every iteration of the loop over 'fields': O(n*m), ~10,000 iterations per call if 'fields' and 'path' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
      // CHECK-NOTES: :[[@LINE-6]]:3: note: outer loop here
      // CHECK-NOTES: :[[@LINE-3]]:5: note: to make it linear, build a hash map or set from the inner loop's data once before the outer loop and look up in it
      if (p == f.name)
        out += p;
    path.pop_back();
  }
}
