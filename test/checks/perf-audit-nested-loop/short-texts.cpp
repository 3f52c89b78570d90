// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver
//
// A string named for one name, token or number (`type_name`,
// `value.constant`, `token_`; model list `short-text-words`) holds a few
// characters whatever the size of the input: a loop over its characters,
// in the function or in a callee (a number parsed from its text on every
// iteration), is bounded and multiplies nothing. The traps: text with
// another name (`text`, `content`) and a container of names stay
// input-sized and are reported.

#include <cctype>
#include <string>
#include <vector>

struct Field {
  std::string name;
  std::string doc;
};

int upperInTypeName(const std::vector<Field> &fields,
                    const std::string &type_name) {
  int n = 0;
  for (const Field &f : fields)
    for (char c : type_name)
      n += std::isupper(static_cast<unsigned char>(c)) + f.doc.empty();
  return n;
}

long parseNumber(const std::string &constant) {
  long v = 0;
  for (char c : constant)
    v = v * 10 + (c - '0');
  return v;
}

struct Value {
  std::string constant;
  int fixed_length;
};

long sumRepeated(const Value &value) {
  long s = 0;
  for (int i = 0; i < value.fixed_length; ++i)
    s += parseNumber(value.constant);
  return s;
}

int charsInText(const std::vector<Field> &fields, const std::string &text) {
  int n = 0;
  for (const Field &f : fields)
    for (char c : text)
      n += c == f.doc[0];
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: nested loop over 'text' runs on every iteration of the loop over 'fields': O(n*m), ~10,000 iterations per call if 'fields' and 'text' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
  return n;
}

long countDigits(const std::string &text) {
  long n = 0;
  for (char c : text)
    n += std::isdigit(static_cast<unsigned char>(c)) != 0;
  return n;
}

long digitsPerId(const std::vector<int> &ids, const std::string &content) {
  long s = 0;
  for (int id : ids)
    s += countDigits(content) + id;
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'countDigits' loops over 'content' on every iteration of the loop over 'ids': O(n*m), ~10,000 iterations per call if 'ids' and 'content' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
  return s;
}

int namesMatching(const std::vector<Field> &fields,
                  const std::vector<std::string> &names) {
  int n = 0;
  for (const Field &f : fields)
    for (const std::string &name : names)
      n += f.name == name;
  // CHECK-MESSAGES: :[[@LINE-2]]:5: warning: nested loop over 'names' runs on every iteration of the loop over 'fields': O(n*m), ~10,000 iterations per call if 'fields' and 'names' have ~100 elements each [impact: medium 48] [perf-audit-nested-loop]
  return n;
}
