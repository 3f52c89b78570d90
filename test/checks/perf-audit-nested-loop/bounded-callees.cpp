// Loops reached through callees that are not input-sized: a count that a
// helper computes from the caller's constant (padding to an alignment), and
// a function that recurses in its loop (a walk of a tree, each node once).
// Next to them, a search through a callee that is O(n*m).
//
// RUN: %check_perf_audit %s perf-audit-nested-loop %t
// RUN: %check_perf_audit_driver %s perf-audit-nested-loop %t-driver

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

// A buffer that pads to the alignment of what it stores next.
inline std::size_t paddingBytes(std::size_t size, std::size_t alignment) {
  return (~size + 1) & (alignment - 1);
}

struct Buffer {
  std::vector<std::uint8_t> bytes;

  void fill(std::size_t count) {
    for (std::size_t i = 0; i < count; ++i)
      bytes.push_back(0);
  }
  // At most alignment - 1 bytes: what the caller's constant allows.
  void align(std::size_t alignment) { fill(paddingBytes(bytes.size(), alignment)); }
  template <typename T> void push(T value) {
    align(sizeof(T));
    bytes.push_back(static_cast<std::uint8_t>(value));
  }
  // Copies the caller's data byte by byte.
  void append(const std::vector<std::uint8_t> &data) { fill(data.size()); }
};

void serialise(Buffer &out, const std::vector<std::uint32_t> &values,
               const std::vector<std::vector<std::uint8_t>> &blobs) {
  for (std::uint32_t v : values)
    out.push(v); // Padding of under 4 bytes per value: linear.
  for (const auto &blob : blobs)
    out.append(blob); // Each blob once: linear too.
}

struct Node {
  std::string name;
  std::vector<Node> children;
  std::vector<std::string> tags;
};

struct Field {
  std::string name;
  int element = -1; // The schema of a vector's tables, or none.
};
struct Schema {
  std::vector<Field> fields;
};
struct Registry {
  std::vector<Schema> schemas;
  const Schema &schema(int index) const { return schemas[index]; }
};
struct Table {
  std::vector<std::string> values;
  std::vector<std::vector<Table>> vectors;
  const std::vector<Table> &tablesOf(const Field &field) const;
};

// A walk of a table and its sub-tables: each field of each table once,
// however they nest, not the schema's fields once per element.
std::size_t countValues(const Registry &registry, const Schema &schema,
                        const Table &table) {
  std::size_t n = 0;
  for (const Field &field : schema.fields) {
    ++n;
    if (field.element < 0)
      continue;
    for (const Table &child : table.tablesOf(field))
      n += countValues(registry, registry.schema(field.element), child);
  }
  return n;
}

bool hasTag(const Node &node, const std::string &tag) {
  for (const std::string &t : node.tags)
    if (t == tag)
      return true;
  return false;
}

// A search of every node's tags for each wanted tag: O(n*m).
std::size_t countWanted(const Node &node, const std::vector<std::string> &wanted) {
  std::size_t n = 0;
  for (const std::string &w : wanted)
    n += hasTag(node, w);
  // CHECK-MESSAGES: :[[@LINE-1]]:10: warning: 'hasTag' loops over 'node' on every iteration of the loop over 'wanted': O(n*m), ~10,000 iterations per call if 'wanted' and 'node' have ~100 elements each [impact: medium 48, medium confidence] [perf-audit-nested-loop]
  // CHECK-MESSAGES: :[[@LINE-3]]:3: note: loop here
  // CHECK-MESSAGES: :[[@LINE-13]]:3: note: loops over 'node.tags' here
  return n;
}

// The same walk through two functions that call each other: each table's
// fields once.
bool verifyTable(const Registry &registry, const Schema &schema,
                 const Table &table);

bool verifyVector(const Registry &registry, const Schema &elementSchema,
                  const Table &table, const Field &field) {
  for (const Table &child : table.tablesOf(field))
    if (!verifyTable(registry, elementSchema, child))
      return false;
  return true;
}

bool verifyTable(const Registry &registry, const Schema &schema,
                 const Table &table) {
  for (const Field &field : schema.fields)
    if (field.element >= 0 &&
        !verifyVector(registry, registry.schema(field.element), table, field))
      return false;
  return true;
}
