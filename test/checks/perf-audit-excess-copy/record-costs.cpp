// RUN: %check_perf_audit %s perf-audit-excess-copy %t
// RUN: %check_perf_audit_driver %s perf-audit-excess-copy %t-driver
//
// What a copy of a class costs is what its members cost. A class with one
// container is a wrapper of its data: the container is priced as the data
// set (AssumedElements). A record with several containers (options with
// include paths and extra headers, a graph's nodes and edges) holds a part
// in each, a few elements, as a container inside an element does
// (AssumedNestedElements): its copy is priced far lower, and ranks below a
// copy of the data. flatbuffers' IDLOptions (two vectors of strings among
// twenty strings) was priced at 12.9 us a copy, 300x what it measures.

#include <string>
#include <vector>

struct Table {
  std::string title;
  std::vector<std::string> rows;
};

struct Options {
  std::string prefix;
  std::string suffix;
  std::vector<std::string> includes;
  std::vector<std::string> headers;
  bool strict = false;
};

// The data: its rows priced in full.
std::size_t width(Table table) {
  // CHECK-MESSAGES: :[[@LINE-1]]:25: warning: parameter 'table' (Table) is copied on every call but only read: pass it by const reference [impact: medium 42] [perf-audit-excess-copy]
  return table.title.size() + table.rows.size();
}
// CHECK-FIXES: std::size_t width(const Table &table) {

// A record of settings: a few includes and headers each.
bool isStrict(Options options) {
  // CHECK-MESSAGES: :[[@LINE-1]]:23: warning: parameter 'options' (Options) is copied on every call but only read: pass it by const reference [impact: low 32] [perf-audit-excess-copy]
  return options.strict && !options.includes.empty();
}
// CHECK-FIXES: bool isStrict(const Options &options) {
